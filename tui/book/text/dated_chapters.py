"""A diary without headings whose entries open with their date run into the first sentence
(`May 7th.--I love my garden.`): the dates are its chapters' headings."""

from __future__ import annotations

import bisect

from tui.book.model import Book
from tui.book.rules.breaks import RUN_IN_DATE
from tui.book.text.paragraphs import Paragraphs, after_wider_gaps

# A diary has at least this many entries ...
MIN_ENTRIES = 8
# ... and its dates open at least this share of the wider gaps in its story.
GAPS_OPENED = 0.5


def run_in_dates(book: Book, paras: Paragraphs) -> dict[int, tuple[int, int]]:
    """Paragraph -> (end of its date, start of its text) for each diary entry of a book that
    has no chapter headings, where entries opening with a run-in date recur and open most of
    the wider gaps between its paragraphs (the gaps being how it parts its entries, and the
    dates what a reader moves by). Empty for any other book."""
    if any(c.heading is not None for c in book.chapters) or not book.chapters:
        return {}
    text = book.text
    first, last = book.chapters[0].start, book.chapters[-1].end
    found: dict[int, tuple[int, int]] = {}
    for m in RUN_IN_DATE().finditer(text, paras.starts[first], paras.ends[last - 1]):
        i = bisect.bisect_left(paras.starts, m.start())
        if i < last and paras.starts[i] == m.start():
            found[i] = (m.end("date"), m.end())
    if len(found) < MIN_ENTRIES:
        return {}
    gaps = after_wider_gaps(text, paras, first, last)
    opened = sum(1 for i in gaps if i in found)
    if not gaps or opened < GAPS_OPENED * len(gaps):
        return {}
    return found
