"""Lines a hard-wrapped book sets on purpose, kept as lines on the page.

Verse, a contents list, a letter's heading: kept as set instead of being joined like wrapped
prose.
"""

from __future__ import annotations

import itertools

from tui.book.model import Book, ParaKind
from tui.book.rules.numerals import roman_value
from tui.book.sampling import spread_pieces
from tui.reading.boxes import is_drawn

_LEADING_MARKS = "“‘\"'`_([*—–- "  # (`` ` `` opens a quotation in old plain texts: `So,' he said)
_LINE_ENDS = tuple(",;:.!?—–-”’\"')_")
SAMPLE_CHARS = 200_000  # of the book read to learn its wrap width and its spacing
SAMPLE_PIECES = 8
WIDEST_SHARE = 0.95  # the wrap width: the line length this share of the book's lines are within
LONGEST_WRAPPED = 120  # lines longer than this were never wrapped by hand
SAMPLE_PARAGRAPHS = 2000  # pairs of paragraphs looked at to learn the book's spacing
SLACK = 2  # a next word that fits with this many cells to spare was not wrapped down
INDENTED = 2  # a line set in this many spaces further than the first is set on purpose
VERSE_LINES = 3  # lines of verse enough to judge by some of their breaks, not all
VERSE_FITS = 3  # ... of which one in this many must be a break the next word would have fitted
VERSE_PAUSES = 0.75  # ... or, with one such break at least, this share end at a pause
SHORT_SHARE = 0.7  # a short line: at most this share of the wrap width
LONGEST_SET = 20_000  # a paragraph longer than this is prose, whatever its breaks
I_PROVEN = 2  # lines opening with a capital that let one opening with `I` stand among them
VERSE_BOOK = 0.6  # share of a book's lines inside paragraphs opening with a capital, in verse
BLANK_SPACED = 0.8  # share of paragraphs a blank line follows, in a book that spaces them
# Paragraphs whose lines follow one another on the page when the book sets them so.
SET_KINDS = (ParaKind.TEXT, ParaKind.FRONT, ParaKind.END)


class SetLines:
    """What a book's hard wrapping says of its line breaks: where it wraps (``width``, 0 when it
    doesn't), whether it sets a blank line between paragraphs (``spaced``) and whether it is
    written in verse throughout (``verse``: the lines inside its paragraphs open with capitals)."""

    def __init__(self, book: Book) -> None:
        self.book = book
        self.width = 0
        self.spaced = False
        self.verse = False
        if book.style == "markup":
            return  # (its line breaks are the markup's)
        if book.rejoin:
            pieces = [
                piece.split("\n")[1:-1]  # (the edges may be cut lines)
                for piece in spread_pieces(book.text, SAMPLE_CHARS, SAMPLE_PIECES)
            ]
            lengths = sorted(
                len(line.rstrip())
                for lines in pieces
                for line in lines
                if line.strip() and len(line) <= LONGEST_WRAPPED
            )
            if lengths:
                self.width = lengths[int(WIDEST_SHARE * (len(lengths) - 1))]
            self.verse = _verse_throughout(pieces)
        pairs = range(0, len(book) - 1, max(1, (len(book) - 1) // SAMPLE_PARAGRAPHS))
        spaced = sum(not self._next_line_on(para) for para in pairs)
        self.spaced = bool(pairs) and spaced >= BLANK_SPACED * len(pairs)

    def keeps_breaks(self, raw: str) -> bool:
        """Whether the line breaks of the stored paragraph ``raw`` were made on purpose, as
        verse's and a list's are: a box or a table drawn in the text (see `boxes`); a line set
        in further than the first (the indented lines of a stanza); or every line after the
        first opening with a capital or a number (see `_lines_open_as_set`), in a book in verse
        throughout, or elsewhere at breaks where the next line's first word would have fitted
        on the line before (all of them; one in three, in three lines or more of verse whose
        long lines reach the wrap width; one, in such verse whose lines mostly end at a pause:
        a comma, a full stop, a dash). Two lines need more (see `_two_set_lines`): wrapped
        prose can look like that by chance (`…said` / `Scrooge.`)."""
        if not self.width or "\n" not in raw or len(raw) > LONGEST_SET:
            return False
        if is_drawn(raw):
            return True  # (a box or a table drawn in the text's characters)
        rows = [row.rstrip() for row in raw.split("\n") if row.strip()]
        lines = [row.lstrip() for row in rows]
        if len(lines) < 2:
            return False
        indents = [len(row) - len(line) for row, line in zip(rows, lines, strict=True)]
        if any(indent >= indents[0] + INDENTED for indent in indents[1:]):
            return True  # (prose wraps flush under its first line, never further in)
        if not _lines_open_as_set(lines, self.verse):
            return False
        if self.verse:
            return True  # (a book whose lines open with capitals throughout sets them so)
        if len(lines) == 2 and not _two_set_lines(lines[0], lines[1], self.width):
            return False
        fits = [
            len(line) + 1 + len(after.split(" ", 1)[0]) <= self.width - SLACK
            for line, after in itertools.pairwise(lines)
        ]
        if all(fits):
            return True
        if len(lines) < VERSE_LINES or not any(fits):
            return False
        # Verse of long lines may leave room for the next word at one break only, but its lines
        # end where a line of verse pauses, which wrapped prose does only now and then.
        pauses = sum(line.endswith(_LINE_ENDS) for line in lines[:-1])
        return sum(fits) * VERSE_FITS >= len(fits) or pauses >= VERSE_PAUSES * len(fits)

    def runs_on(self, para: int) -> bool:
        """Whether paragraph ``para + 1`` starts on the line right after ``para`` ends, in a
        book that otherwise sets a blank line between paragraphs (the lines of a poem that
        the book's layout reads as paragraphs of their own); in an EPUB or HTML book, when the
        two are lines of one stanza set one `<p>` a line (see `Book.runs_on`)."""
        if self.book.style == "markup":
            return para in self.book.runs_on
        return self.spaced and para + 1 < len(self.book) and self._next_line_on(para)

    def is_set_line(self, para: int) -> bool:
        """Whether paragraph ``para`` is a line of a poem or a list that the book stores as a
        paragraph of its own: it runs on from, or into, a paragraph of its kind."""
        kinds = self.book.kinds
        if kinds[para] not in SET_KINDS:
            return False
        after = self.runs_on(para) and kinds[para + 1] == kinds[para]
        return after or (para > 0 and self.runs_on(para - 1) and kinds[para - 1] == kinds[para])

    def _next_line_on(self, para: int) -> bool:
        book = self.book
        start, end = book.starts[para], book.ends[para]
        last_line = book.lines[para] + book.text.count("\n", start, end)
        return book.lines[para + 1] == last_line + 1


def _verse_throughout(pieces: list[list[str]]) -> bool:
    """Whether the sampled ``pieces`` of a book are verse throughout: most lines that follow
    another line of their paragraph open with a capital (a wrapped novel's do about one in
    seven times, a poem's nearly always)."""
    inner = [
        _opens_line(line.strip())
        for lines in pieces
        for before, line in itertools.pairwise(lines)
        if before.strip() and line.strip()
    ]
    return bool(inner) and inner.count(True) >= VERSE_BOOK * len(inner)


def _lines_open_as_set(lines: list[str], verse: bool) -> bool:
    """Whether the lines of a paragraph (``lines``) open as lines of verse or entries of a list
    do after its first (see `_opens_line`). A line opening with `I` proves nothing either way,
    as prose's lines open with it as often: in a book in ``verse`` throughout it opens a line
    like the rest, and a line that doesn't may stand among those that do, as many as the
    book's share (a half-line set on its own: `Saying which` / `she seized,`); elsewhere it may
    stand among lines that prove it, at least ``I_PROVEN`` times as many, all ending where a
    line of verse pauses (`Where roaring on the ledges …;` / `I heard them lift …--`)."""
    opened = [_opens_line(line) for line in lines[1:]]
    if verse:
        return opened.count(False) <= (1 - VERSE_BOOK) * len(opened)
    if None not in opened:
        return all(opened)
    if False in opened or opened.count(True) < I_PROVEN * opened.count(None):
        return False
    return all(line.endswith(_LINE_ENDS) for line in lines[:-1])


def _opens_line(line: str) -> bool | None:
    """Whether ``line`` opens with a capital or a number (quotes and emphasis marks aside), as
    a line of verse or an entry of a list does; None when it opens with `I`, which opens prose
    lines as often."""
    bare = line.lstrip(_LEADING_MARKS)
    if not bare:
        return False
    if bare.startswith(("I ", "I’", "I'")):
        return None
    return bare[0].isupper() or bare[0].isdigit()


def _two_set_lines(first: str, second: str, width: int) -> bool:
    """Whether a paragraph of two lines is set line by line: two entries of a list opening
    with the same word (`CHAPTER VII. …` / `CHAPTER VIII. …`) or with numbers that follow one
    another (`VII.   The Adventure …` / `VIII.  The Adventure …`), or a short first line ending
    in punctuation, as a couplet's does."""
    first_word, second_word = first.split(" ", 1)[0], second.split(" ", 1)[0]
    if first_word == second_word:
        return True
    number = _entry_number(first_word)
    if number is not None and _entry_number(second_word) == number + 1:
        return True
    return len(first) <= SHORT_SHARE * width and first.endswith(_LINE_ENDS)


def _entry_number(word: str) -> int | None:
    """The number a list's entry opens with (`7.`, `VIII.`, `iv)`), else None; numbers written
    as words are left out, since prose lines open with `One` and `Two` too."""
    token = word.rstrip(".):")
    if token.isdigit():
        return int(token)
    return roman_value(token)
