"""Titles that carry their piece's number in brackets after them.

`De morte (97)`, `(195)`: the headings of a selection numbered as in the edition it was taken
from.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from itertools import pairwise

from tui.book.rules.headings import Heading
from tui.book.rules.patterns import matches_led_by
from tui.book.rules.sentence_ends import SENTENCE_ENDS
from tui.book.text.paragraphs import blank_lines_before
from tui.book.text.weak_headings import WEAK_MIN_SPACING

# `De invidia (44)`, `(195)`: a title (or none) and a number in brackets ending the line.
_NUMBERED = re.compile(r"(?P<title>[^\n]*?)\s*\((?P<num>\d{1,4})\)")
# A title so numbered stands alone on a line of at most TITLE_CHARS + NUMBER_CHARS characters
# as the text sets it, its spaces counted: a title of this many characters ...
TITLE_CHARS = 130
# ... and its number, ` (1234)` at the longest `_NUMBERED` takes, with a space to spare at the
# line's edge.
NUMBER_CHARS = len(" (1234) ")
# The book has at least this many, their numbers rising.
MIN_TITLES = 3
# A line ending in a number in brackets, where such a title's line ends.
_ENDS_NUMBERED = re.compile(r"\(\d{1,4}\)[^\S\n]*(?:\n|\Z)")


def bracket_numbered_titles(
    text: str, starts, ends, common_gap: int, paragraph, first: int = 0, last: int | None = None
) -> list[tuple[int, Heading]]:
    """Lines set apart by a wider gap than the text's usual one above them, each a title
    opening with a capital (or nothing) followed by a number in brackets, the numbers rising
    through the book (a selection keeps its source's numbers, `(5)`, `(6)`, `(15)` …
    `(273)`): the book's chapter headings. There are MIN_TITLES of them at least, standing
    WEAK_MIN_SPACING paragraphs apart on average, as chapters do; a title ending as a
    sentence or a clause does before its number (`SENTENCE_ENDS`: a sentence citing its
    source, `… ut ait Seneca. (12)`) is none."""
    last = len(starts) if last is None else last
    found: list[tuple[int, int, str]] = []
    # (only the paragraphs whose line ends in a bracketed number, found by one search over
    # the text rather than a look at each of an 84 MB serial's 760,000 paragraphs)
    candidates = sorted(
        {bisect_right(starts, m.start()) - 1 for m in matches_led_by(_ENDS_NUMBERED, "(", text)}
    )
    for i in candidates:
        if not max(first, 1) <= i < last or ends[i] - starts[i] > TITLE_CHARS + NUMBER_CHARS:
            continue
        line = paragraph(i).strip()
        m = _NUMBERED.fullmatch(line)
        if m is None or "\n" in line:
            continue
        title = m["title"]
        if title and (not title[:1].isupper() or title.endswith(SENTENCE_ENDS)):
            continue
        if blank_lines_before(text, starts, ends, i) <= common_gap:
            continue
        found.append((i, int(m["num"]), line))
    if len(found) < MIN_TITLES:
        return []
    if any(b[1] <= a[1] for a, b in pairwise(found)):
        return []
    spacing = (found[-1][0] - found[0][0]) / (len(found) - 1)
    if spacing < WEAK_MIN_SPACING:
        return []
    return [(i, Heading("titled", None, "", line, True)) for i, _, line in found]
