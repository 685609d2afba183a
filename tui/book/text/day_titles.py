"""Books whose chapters are days counting up, and the clock times opening their hours.

The days (`1 december` … `24 december`, an Advent calendar's) are set apart by space alone;
clock times (`20.42`) open the hours of their days.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence

from tui.book.rules.headings import Heading
from tui.book.text.lines import LineInfo
from tui.book.text.paragraphs import blank_lines_before, paragraph_alone
from tui.book.text.weak_headings import WEAK_MIN_RUN, WEAK_MIN_SPACING, weak_sequence

# `1 december`, `25 december (Epilog)`: a day of the month and one word alone on a line (a
# word or two in brackets after them at most), whatever language the word is in. (Found from
# the line break before it: a search led by `^` tries every character of an 84 MB text.)
_DAY = re.compile(
    r"\n[^\S\n]*(?P<day>[1-9]|[12]\d|3[01])[^\S\n]+(?P<word>[^\W\d_]{3,15})"
    r"(?:[^\S\n]+\([^()\n]{1,30}\))?[^\S\n]*(?=\n|\Z)"
)
# `20.42`, `06:34`: an hour and its minutes alone on a line.
_CLOCK = re.compile(r"\n[^\S\n]*(?:[01]?\d|2[0-3])[.:][0-5]\d[^\S\n]*(?=\n|\Z)")
# Clock times standing in at least this share of the days are how the book tells their hours.
CLOCKED_DAYS = 0.5

Day = tuple[int, int, str]  # (paragraph, day of the month, line)


def day_titles(
    text: str,
    starts,
    ends,
    common_gap: int,
    infos: dict[int, LineInfo],
    paragraph,
    first: int = 0,
    last: int | None = None,
) -> list[tuple[int, Heading]]:
    """In a book with no headings of a heading's own shape (``infos``: its classified lines),
    lines set apart by a wider gap than the text's usual one above them, each a day of the
    month and the same word after it (`1 december`, `2 december`), the days counting up one by
    one through the book: its chapter headings, where WEAK_MIN_RUN of them at least count so,
    standing WEAK_MIN_SPACING paragraphs apart on average, as a count of chapters does. (The
    book's own word, not a list of months: its count and its spacing tell it.)"""
    if any(info.kind == "heading" for info in infos.values()) or weak_sequence(infos, paragraph):
        return []  # (a book with headings of a heading's shape sets only those apart)
    last = len(starts) if last is None else last
    by_word: dict[str, list[Day]] = {}
    for m in _DAY.finditer(text):
        i = paragraph_alone(text, starts, ends, m)
        if i is None or not max(first, 1) <= i < last:
            continue  # (one line of a longer paragraph, or outside the story)
        if blank_lines_before(text, starts, ends, i) > common_gap:
            by_word.setdefault(m["word"].casefold(), []).append((i, int(m["day"]), m[0].strip()))
    best: list[Day] = []
    for days in by_word.values():
        for run in _counts(days):
            best = run if len(run) > len(best) else best
    if len(best) < WEAK_MIN_RUN:
        return []
    if (best[-1][0] - best[0][0]) / (len(best) - 1) < WEAK_MIN_SPACING:
        return []
    return [(i, Heading("titled", None, "", line, True)) for i, _, line in best]


def _counts(days: list[Day]) -> list[list[Day]]:
    """The runs of ``days`` (in the book's order) that count up one by one: a day set again
    later (the last day's date repeated in its text) goes on no run."""
    runs: list[list[Day]] = []
    for day in days:
        run = next((r for r in runs if r[-1][1] + 1 == day[1]), None)
        if run is None:
            runs.append([day])
        else:
            run.append(day)
    return runs


def hours_of_days(
    text: str, starts: Sequence[int], ends: Sequence[int], days: list[int], first: int, last: int
) -> list[int]:
    """In a book whose chapters are days (``days``: their headings, in order), the paragraphs
    in ``[first, last)`` that are a clock time alone (`20.42`), where such times stand in most
    of the days: each opens a scene, an hour of its day."""
    if not days:
        return []
    found = []
    for m in _CLOCK.finditer(text):
        i = paragraph_alone(text, starts, ends, m)
        if i is not None and first <= i < last:
            found.append(i)
    if len({bisect_right(days, i) for i in found} - {0}) < CLOCKED_DAYS * len(days):
        return []
    return found
