"""Chapters of a diary or a book of letters, headed by the dates their entries open with.

Such a book has no headings; each entry opens with its date, run into the first sentence
(`May 7th.--I love my garden.`) or alone on a line under the gap that parts the entries
(`April 8th`), and the dates are its chapters' headings.
"""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass

from tui.book.model import Book
from tui.book.rules.breaks import RUN_IN_DATE, is_date_line
from tui.book.text.chapter_list import paragraph_reader
from tui.book.text.paragraphs import Paragraphs, after_wider_gaps

# A diary has at least this many entries ...
MIN_ENTRIES = 8
# ... and its dates open at least this share of the wider gaps in its story.
GAPS_OPENED = 0.5
# Dates alone on a line open at least this share of the wider gaps (a few open on something
# else: a letter with no date) ...
LINES_OPENED = 0.75
# ... each has prose under it, at least this long, ...
PROSE_CHARS = 80
# ... and read one after another they go back in the year at most this share of the time (a
# new year, a second letter of an earlier day answered late).
BACKWARD_SHARE = 0.2


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


@dataclass(frozen=True)
class DatedEntries:
    """The entries of a book told in dated letters or a diary: the date lines heading them,
    and the letters among them that have no date (`salutation`: the paragraph opening each)."""

    headings: list[int]
    undated: list[int]


def date_line_headings(book: Book, paras: Paragraphs) -> DatedEntries | None:
    """The entries of a book with no chapter headings, where a date alone on its line opens
    most of the wider gaps between its paragraphs, with prose under it, and the dates so set
    rise through the year (`April 8th` ... `September 30th`): the gaps part its letters or
    entries, and the dates are what a reader moves by. A date set under an address line or a
    salutation (a letter's head) opens no gap so. Where most entries open on a salutation in
    capitals (`MY DEAR FRIEND,--`), a wider gap opening so with no date over it is a letter
    with no date. None for any other book."""
    if any(c.heading is not None for c in book.chapters) or not book.chapters:
        return None
    # (the first date may have been taken for the front matter's last line)
    first, last = max(book.chapters[0].start - 1, 0), book.chapters[-1].end
    gaps = after_wider_gaps(book.text, paras, first, last)
    paragraph = paragraph_reader(book)
    found = [
        i
        for i in gaps
        if i + 1 < last
        and "\n" not in paragraph(i).strip()
        and is_date_line(paragraph(i))
        and len(paragraph(i + 1)) >= PROSE_CHARS
    ]
    if len(found) < max(MIN_ENTRIES, LINES_OPENED * len(gaps)):
        return None
    days = [_day_of_year(paragraph(i)) for i in found]
    backward = sum(1 for a, b in itertools.pairwise(days) if b < a)
    if backward > BACKWARD_SHARE * (len(days) - 1):
        return None
    undated: list[int] = []
    if 2 * sum(1 for i in found if salutation(paragraph(i + 1))) >= len(found):
        dated = set(found)
        undated = [
            i for i in gaps if i not in dated and i - 1 not in dated and salutation(paragraph(i))
        ]
    return DatedEntries(found, undated)


# A letter's salutation in capitals, run into its first sentence: `MY DEAR FRIEND,--Today`,
# `BELOVED SISTER--I write`.
_SALUTATION = re.compile(r"(\w[^,\n]{2,60}?),?[ \t]*(?:--|—|–|,)")
SALUTATION_WORDS = 2


def salutation(paragraph: str) -> str:
    """The salutation in capitals a letter's first paragraph opens with, or ""."""
    m = _SALUTATION.match(paragraph)
    if not m or not m.group(1).isupper() or len(m.group(1).split()) < SALUTATION_WORDS:
        return ""
    return m.group(1).strip()


_MONTH_STARTS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_DAY = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\b")


def _day_of_year(line: str) -> int:
    """Where a date line falls in the year, as month * 32 + day (`June 12th.` -> 204)."""
    words = re.findall(r"[a-z]+", line.casefold())
    month = next((_MONTH_STARTS.index(w[:3]) for w in words if w[:3] in _MONTH_STARTS), 0)
    day = _DAY.search(line)
    return month * 32 + (int(day.group(1)) if day else 0)
