"""How far the page sets a paragraph's lines in from the margin.

Verse as a plain-text book indents it, what an EPUB or HTML book quotes (a letter, a
blockquote), and the hanging indent of a kept line too long for the column.
"""

from __future__ import annotations

from tui.book.model import Book, ParaKind
from tui.reading.boxes import unframed
from tui.reading.set_lines import SetLines

QUOTE_CELLS = 4  # each level a quoted letter or blockquote is set in
# A line of verse keeps the book's indent up to this many cells, and never more than this
# share of the column (a narrow window still has room for the words).
MOST_LINE_INDENT = 16
MOST_INDENT_SHARE = 1 / 3
TAB_CELLS = 4
# A line kept as the book sets it (verse, a list's entry) that is too long for the column goes
# on this many cells further in than it starts, so that its rest does not read as a line of its
# own; fewer where little room is left (one cell in every HANG_SHARE of it).
HANG_CELLS = 3
HANG_SHARE = 12
# Lines kept as set, one of them longer than this, are prose set a sentence or a paragraph a
# line (a book that does not wrap its lines, `<br>` after each sentence), which wraps flush as
# prose does; a line of verse is seldom this long.
LONGEST_HUNG_LINE = 100


class Insets:
    """Where a book's paragraphs are set in: ``lines(para, text)`` gives the indent of each of
    the lines of its display text ``text`` (the lines its `\\n`s divide)."""

    def __init__(self, book: Book, set_lines: SetLines) -> None:
        self.book = book
        self.set_lines = set_lines

    def lines(self, para: int, text: str, column: int) -> list[int] | None:
        """The indent in cells of each line of paragraph ``para``'s display text, or None when
        it is set flush with the prose."""
        book = self.book
        if book.kinds[para] != ParaKind.TEXT:
            return None
        most = max(0, min(MOST_LINE_INDENT, int(column * MOST_INDENT_SHARE)))
        if book.style == "markup":
            levels = book.insets.get(para, 0)
            quoted = min(most, levels * QUOTE_CELLS)
            typed = book.typed.get(para)
            if typed is not None:
                return _as_typed(typed, text, max(1, column - quoted), quoted)
            if not levels:
                return None
            return [quoted] * (text.count("\n") + 1)
        kept = "\n" in text  # lines the page keeps, as the book sets them (see `SetLines`)
        if not kept and not self.set_lines.is_set_line(para):
            return None
        raw = book.text[book.starts[para] : book.ends[para]]
        if unframed(raw) is not None:
            return None  # (a box's text, its frame dropped, is set as prose is)
        first = _indent(raw.lstrip("\n"))
        found = [first, *(_indent(line) for line in text.split("\n")[1:])]
        if not any(found):
            return None
        return [min(most, cells) for cells in found]

    def hangs(self, para: int, text: str) -> bool:
        """Whether the lines of paragraph ``para`` (display text ``text``) are kept as the book
        sets them, as verse's, a list's, a letter's set lines and a block set as typed are, so
        that a line too long for the column hangs (see `hang`); prose wraps flush."""
        book = self.book
        if book.kinds[para] in (ParaKind.HEADING, ParaKind.BREAK):
            return False
        if para in book.typed:
            return True
        if "\n" not in text and not self.set_lines.is_set_line(para):
            return False
        if book.style != "markup":
            raw = book.text[book.starts[para] : book.ends[para]]
            if unframed(raw) is not None:
                return False  # (a box's text, its frame dropped, is set as prose is)
        return max(map(len, text.split("\n"))) <= LONGEST_HUNG_LINE


def hang(room: int) -> int:
    """How many cells further in than its start the rest of a kept line goes, in a column
    with ``room`` cells left after the line's own indent."""
    return max(0, min(HANG_CELLS, room // HANG_SHARE))


def _indent(line: str) -> int:
    """The cells of blank space a line opens with."""
    cells = 0
    for char in line:
        if char == " ":
            cells += 1
        elif char == "\t":
            cells += TAB_CELLS
        else:
            break
    return cells


def _as_typed(indents: tuple[int, ...], text: str, room: int, quoted: int) -> list[int]:
    """The indents of the lines of a block set as typed (see `Book.typed`): its own, moved left
    together as far as its widest line needs to fit ``room`` (the lines keep their places
    against one another), after the ``quoted`` cells of a blockquote around it."""
    widths = [indent + len(line) for indent, line in zip(indents, text.split("\n"), strict=False)]
    over = max(widths, default=0) - room
    shift = min(max(0, over), min(indents, default=0))
    return [quoted + indent - shift for indent in indents]
