"""Bookmarks in the open book: made at a place, found again, and shown as their list's rows."""

from __future__ import annotations

from dataclasses import dataclass

from tui.book.anchor import (
    Bookmark,
    anchor_paragraph,
    make_anchor,
    named_paragraph,
    resolve_anchor,
)
from tui.book.heading_text import quoted_text
from tui.book.model import Book, ParaKind
from tui.book.rules.emphasis import plain_title
from tui.reading.contents import holds_every_word
from tui.reading.progress import ProgressMeter
from tui.reading.saved_places import found_in_part

SNIPPET_WORDS = 12  # the opening words a bookmark's row quotes
QUOTE_AHEAD = 4  # paragraphs looked through past a heading for the words to quote
# Where a bookmark the part of the book read so far does not hold is, in its list.
NOT_READ_YET = "found once the whole book is read"


@dataclass(frozen=True, slots=True)
class BookmarkRow:
    """A bookmark as its list shows it: where it is, how far in, and the words there."""

    bookmark: Bookmark
    place: str
    # None while only a preview of the book is in: where its story ends is not known yet, so
    # no figure could be right.
    percent: float | None
    snippet: str

    @property
    def name(self) -> str:
        """What the list calls it: see `Bookmark.name`; a mark given a label of its own, with
        its letter before it (`'a tellme`), so the list still says which mark it is."""
        return with_letter(self.bookmark, self.bookmark.name)


def bookmarks_holding(rows: list[BookmarkRow], query: str) -> list[int]:
    """The rows the bookmark list's filter (`/`) keeps: those whose label or quote (a quote's
    text, or the words at the place) hold every word of ``query``, read as the contents'
    filter reads titles (see `holds_every_word`)."""
    return [
        n
        for n, row in enumerate(rows)
        if holds_every_word(f"{row.name}\n{row.bookmark.quote}\n{row.snippet}", query)
    ]


def with_letter(mark: Bookmark, name: str) -> str:
    """``name``, the bookmark's, as its lists give it: a mark given a label of its own has its
    letter before it (`'a start`); a mark still called `mark a`, or a plain bookmark, as is."""
    if mark.mark and mark.label != mark_label(mark.mark):
        return f"'{mark.mark} {name}".rstrip()
    return name


def mark_label(letter: str) -> str:
    """The label a mark is given when it is set (`mark a`), until the reader names it."""
    return f"mark {letter}"


def new_bookmark(
    book: Book, offset: int, label: str, quote: str = "", mark: str = "", named: int | None = None
) -> Bookmark:
    """A bookmark at character ``offset`` of ``book``, anchored to the words there. ``named``:
    the paragraph whose chapter names the place, as the status line names it there (a
    chapter whose heading is on the upper half of the page), when it is not the anchor's."""
    ahead = 0
    if named is not None and len(book) and named != book.para_read_at(offset):
        ahead = max(0, int(book.starts[named]) - offset)
    return Bookmark(make_anchor(book, offset), label, quote=quote, mark=mark, named_ahead=ahead)


def bookmark_here(book: Book, marks: list[Bookmark], offset: int) -> Bookmark | None:
    """The plain bookmark (no quote, no mark letter) already at character ``offset`` of
    ``book``, if there is one: bookmarking that place again names it rather than copying it."""
    for mark in marks:
        if not mark.quote and not mark.mark and bookmark_offset(book, mark)[0] == offset:
            return mark
    return None


def bookmark_rows(
    meter: ProgressMeter, marks: list[Bookmark], whole: bool = True
) -> list[BookmarkRow]:
    """The bookmarks of ``meter``'s book as their list shows them, in the order given, each
    found near where it was left; ``meter`` names their places. ``whole`` False: the book is
    a preview, whose text may stop early, so no percentage is given."""
    book = meter.book
    rows = []
    for mark in marks:
        if not whole and found_in_part(book, mark.anchor) is None:
            # Not in the part of the book read so far: no passage of it could be the right one.
            rows.append(BookmarkRow(mark, NOT_READ_YET, None, ""))
            continue
        offset, _ = resolve_anchor(book, mark.anchor, whole_book=False)
        para = labelled_paragraph(book, anchor_paragraph(book, offset, mark.anchor.within))
        snippet = bookmark_snippet(book, para, offset)
        percent = meter.percent_at(offset) if whole else None
        place = meter.place(named_paragraph(book, mark, offset, para))
        rows.append(BookmarkRow(mark, place, percent, snippet))
    return rows


def bookmark_snippet(book: Book, para: int, offset: int | None = None) -> str:
    """The words a bookmark at ``para`` quotes ("" in a book without text): from the mark's
    ``offset`` when that is inside the paragraph (a long diary entry bookmarked halfway down
    quotes the words at the mark, after `…`, not the entry's first line), else its opening
    words."""
    if not len(book):
        return ""
    at = labelled_paragraph(book, para)
    quote = _words_from(book, at, offset) if offset is not None and at == para else ""
    if quote:
        return quote
    # A bookmark at a chapter's start quotes the chapter's first words, not its heading,
    # which the row's place already names.
    for ahead in range(at, min(len(book), at + QUOTE_AHEAD)):
        if book.kinds[ahead] not in (ParaKind.HEADING, ParaKind.LABEL, ParaKind.BREAK):
            at = ahead
            break
    words = quoted_text(book, at).split()
    return " ".join(words[:SNIPPET_WORDS])


def _words_from(book: Book, para: int, offset: int) -> str:
    """`…` and the words of body paragraph ``para`` from the one ``offset`` is in; "" when
    ``offset`` is at the paragraph's first word (or outside it)."""
    start, end = book.starts[para], book.ends[para]
    if not start < offset < end or book.kinds[para] in (ParaKind.HEADING, ParaKind.LABEL):
        return ""
    text = book.text[start:end]
    # (from the start of the word the mark is in: a word is never quoted in half)
    cut = max(text.rfind(" ", 0, offset - start), text.rfind("\n", 0, offset - start)) + 1
    if cut <= 0:
        return ""
    return "…" + " ".join(plain_title(text[cut:]).split()[:SNIPPET_WORDS])


def bookmark_offset(book: Book, mark: Bookmark) -> tuple[int, bool]:
    """Where ``mark`` is now, and whether it was found exactly (the book may have changed).
    Only nearby: a scan of a whole 84 MB book would hold up the screen."""
    return resolve_anchor(book, mark.anchor, whole_book=False)


def labelled_paragraph(book: Book, para: int) -> int:
    """The paragraph a bookmark quotes: ``para``, or the first one after it that is not a
    scene-break line (an ornament says nothing about the place)."""
    at = para
    while at < len(book) and book.kinds[at] == ParaKind.BREAK:
        at += 1
    return at if at < len(book) else para
