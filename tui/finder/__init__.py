"""The fuzzy finder: one ranked list of scenes, chapters, bookmarks, passages and books.

Start with `book_finder.BookFinder` (a book's finder) and `library_finder.LibraryFinder`.

- `tokens`, `word_forms`: words as the finder sees them, their stems and related words;
  `thesaurus`: other English words for a word (a table derived from WordNet); `neighbours`:
  words near in meaning, and how near (a table derived from two sets of word vectors);
  `names`, `company`: the book's names and the words it keeps together.
- `build`, `index`, `cache`: the word index of a book, built in a worker and kept per book.
- `query`: a query as terms; `rank`, `passages`: ranking scenes and passages;
  `scene_features`: what a candidate scene is re-ranked by (proximity, phrase, pairs, names);
  `meaning`: how near in meaning a scene's passages come to the query, the ranking's last step.
- `places`: places a query names by number (`ch3 s5`, `part 2 ch 5`), and why a book has none.
- `title_hits`: chapters, the parts they open and the named front and end matter, by title.
- `hits`: what the finder returns; `excerpts`: highlights, excerpts and previews.
- `bookmark_match`: how a query matches a bookmark (its label or what it marks), for a book's
  finder and for the library's, which lists every book's bookmarks.
"""
