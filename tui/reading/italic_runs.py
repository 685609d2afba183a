"""Italics that run over several paragraphs of a plain-text book.

An epigraph or a letter set line by line, `_` opening its first line and closing its last.
"""

from __future__ import annotations

from typing import NamedTuple

from tui.book.model import Book, ParaKind
from tui.book.rules.emphasis import loose_ends, marked_spans

# How many paragraphs one run of italics may span: a verse, a letter, not half a chapter.
LONGEST_RUN = 12
# Paragraphs italics may run over, each run within one kind: prose, and the lines of a note or
# of the front or end matter set one by one (an illustration's dedication, centred line by line).
RUN_KINDS = frozenset((ParaKind.TEXT, ParaKind.LABEL, ParaKind.NOTE, ParaKind.FRONT, ParaKind.END))


class ItalicRun(NamedTuple):
    """How a paragraph takes part in italics running over several paragraphs."""

    runs_on: bool  # its loose opening mark starts italics that go on past its end
    runs_in: bool  # its loose closing mark ends italics that began before it
    inside: bool  # it lies wholly between the two, without marks of its own


def italic_run(book: Book, para: int) -> ItalicRun:
    """Where paragraph ``para`` stands in italics running over several paragraphs: a run opens
    with a loose `_` in one paragraph and closes with a loose `_` a few paragraphs later, only
    paragraphs of the same kind between (prose, or the lines of one note), none of it with an
    underscore."""
    if book.kinds[para] not in RUN_KINDS:
        return ItalicRun(False, False, False)
    if not _has_underscore(book, para):
        before = _marked_neighbour(book, para, -1)
        after = _marked_neighbour(book, para, 1)
        inside = (
            before is not None
            and after is not None
            and after - before <= LONGEST_RUN
            and _ends(book, before)[0]
            and _ends(book, after)[1]
        )
        return ItalicRun(False, False, bool(inside))
    opening, closing = _ends(book, para)
    runs_on = opening and _closed_after(book, para)
    runs_in = closing and _opened_before(book, para)
    return ItalicRun(bool(runs_on), bool(runs_in), False)


def _closed_after(book: Book, para: int) -> bool:
    after = _marked_neighbour(book, para, 1)
    return after is not None and _ends(book, after)[1]


def _opened_before(book: Book, para: int) -> bool:
    before = _marked_neighbour(book, para, -1)
    return before is not None and _ends(book, before)[0]


def _marked_neighbour(book: Book, para: int, step: int) -> int | None:
    """The nearest paragraph with an underscore, ``step`` by ``step`` from ``para``, within a
    run's reach and with only paragraphs of its kind on the way; None if there is none."""
    at = para + step
    kind = book.kinds[para]
    while 0 <= at < len(book) and abs(at - para) < LONGEST_RUN:
        if book.kinds[at] != kind:
            return None
        if _has_underscore(book, at):
            return at
        at += step
    return None


def _has_underscore(book: Book, para: int) -> bool:
    return book.text.find("_", book.starts[para], book.ends[para]) >= 0


def _ends(book: Book, para: int) -> tuple[bool, bool]:
    """Whether paragraph ``para`` has a loose opening mark, and a loose closing one."""
    raw = book.raw(para)
    opening, closing = loose_ends(raw, marked_spans(raw))
    return opening is not None, closing is not None
