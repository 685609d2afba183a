"""A book on a screen, without Textual: the reader screen's model.

- `session`: `ReadingSession`, everything the reader screen keeps about the open book;
  `pending`: what was asked while only a preview was in, kept until the whole book is;
  `search_state`: the search in it (words, way, the part kept to, the match);
  `status_text`: what the status line says (the title, how far in, a note).
- `wrapping`: paragraphs wrapped to a column measured in terminal cells.
- `pager`: `Pager`, the rows around a top position, walked and cached; `paragraph_rows`: how
  one paragraph becomes rows (indents, justification, ornaments, blank rows);
  `shown_text`: what each paragraph shows (emphasis marks drawn as italics); `set_lines`:
  the lines a hard-wrapped book sets on purpose (verse, contents), kept as lines;
  `row_marks`: the styled spans of a row (emphasis, matches, the selection).
- `search`: find next and previous in the text; `navigation`: where moves land (scenes,
  chapters, past the notes, a percentage, a line); `jumps`: the jump list; `progress`: the
  status line's chapter, scene, percentage and time left; `bookmarks`: bookmarks made,
  found again and listed.
- `read_on`: whether another window with the book open read on (a move of its own there
  after this one's last), told by when each place was read to, not by when it was saved;
  and whether this window was left behind (its place taken up) or is in use beside the
  other (its place kept, the other's offered).
- `file_written`: whether the book's file, written again while it is open, is whole or still
  being written (empty, or holding only part of the text: a download part-way).
- `stages`, `opener`, `first_page`: opening a book in stages, in a thread started before
  the screen exists, with the first page made on a spare core.
"""
