"""Chapters with no number or title, each opened by an epigraph.

Each epigraph is set off by the widest gap the book leaves anywhere but before its part
headings.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from tui.book.model import Book
from tui.book.text.blank_counts import blank_lines_each
from tui.book.text.heading_choice import HeadingChoice

# A book heads its chapters so when it sets at least this many epigraphs apart ...
EPIGRAPH_CHAPTERS_LEAST = 4
# ... and they stand before at least this share of its widest gaps (the rest stand around its
# part headings).
EPIGRAPH_SHARE = 0.5
# An epigraph is a few short lines: a quotation (verse a line a paragraph) over its source.
EPIGRAPH_PARAGRAPHS = 12
EPIGRAPH_LINE_CHARS = 300
# Its source: a dash, then a name or a number (`—Emerson`, `— Hare, Without Conscience`,
# `—1 Samuel 10:6`).
_ATTRIBUTION = re.compile(r"[—―–-][ \t]?[^\W_a-z]")
# The shown title: the quotation's first line, cut at about this many characters.
TITLE_CHARS = 70


def epigraph_chapters(
    book: Book, choices: list[HeadingChoice], paragraph: Callable[[int], str], common: int
) -> list[HeadingChoice]:
    """The chapter headings with an epigraph heading each chapter the book gives no other
    heading: a few short lines ending on their source (`—Emerson`), opened by a gap as wide as
    the book's scene breaks (not right under a heading: a heading's own epigraph) and closed
    by the book's widest gap. Only where such epigraphs recur and stand before most of those
    widest gaps: the book's habit of opening its chapters so, not a quotation set off once."""
    blanks = blank_lines_each(book)
    n = len(book)
    if n < 2:
        return choices
    widest = max(blanks)
    if widest <= common + 1:
        return choices
    heading_at = {k: c for c in choices for k in (c.para, *c.extra)}
    closes = _places(blanks, widest)
    found = [b for p in closes if (b := _epigraph_before(p, blanks, common, paragraph))]
    blocks = [
        b
        for b in found
        if b[0] - 1 not in heading_at and b[0] not in heading_at and blanks[b[0]] < widest
    ]
    if len(blocks) < max(EPIGRAPH_CHAPTERS_LEAST, EPIGRAPH_SHARE * len(closes)):
        return choices
    # (an epigraph right under a part's heading or the prologue's is that heading's own: its
    # lines go with the heading, and the gap closing it parts no scenes)
    for b in found:
        above = heading_at.get(b[0] - 1)
        if above is not None:
            above.extra = (*above.extra, *b)
    extra = [HeadingChoice(b[0], _title(b, paragraph), extra=tuple(b[1:])) for b in blocks]
    return sorted([*choices, *extra], key=lambda c: c.para)


def _places(blanks: Sequence[int], width: int) -> list[int]:
    """The paragraphs with ``width`` blank lines before them."""
    if isinstance(blanks, bytes):
        mark, found, at = bytes([width]), [], blanks.find(bytes([width]))
        while at >= 0:
            found.append(at)
            at = blanks.find(mark, at + 1)
        return found
    return [i for i, b in enumerate(blanks) if b == width]


def _epigraph_before(
    p: int, blanks: Sequence[int], common: int, paragraph: Callable[[int], str]
) -> list[int] | None:
    """The paragraphs of the epigraph closed by the gap before paragraph ``p``, if one is:
    a few short lines after a gap wider than the book's spacing, the last naming a source."""
    first = p - 1
    while first > 0 and blanks[first] <= common and p - first < EPIGRAPH_PARAGRAPHS:
        first -= 1
    if first <= 0 or blanks[first] <= common:
        return None
    block = list(range(first, p))
    lines = [paragraph(k).strip() for k in block]
    if len(block) < 2 or any(len(line) > EPIGRAPH_LINE_CHARS or not line for line in lines):
        return None
    return block if _ATTRIBUTION.match(lines[-1]) else None


def _title(block: list[int], paragraph: Callable[[int], str]) -> str:
    quote = paragraph(block[0]).strip()
    if len(quote) > TITLE_CHARS:
        quote = quote[:TITLE_CHARS].rsplit(" ", 1)[0] + "…"
    return f"{quote} {paragraph(block[-1]).strip()}"
