"""Parts a book counts in words over their titles: `FIRST NARRATIVE` ... `EIGHTH NARRATIVE`."""

from __future__ import annotations

import bisect
import re
from array import array

from tui.book.rules.headings import Heading

_ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth")
# `FOURTH NARRATIVE`, `Second Period`: an ordinal and one word, a paragraph of its own.
_ORDINAL_LINE = re.compile(
    r"[ \t]*(?P<ordinal>" + "|".join(_ORDINALS) + r")[ \t]+(?P<word>[A-Za-z]{3,20})\.?[ \t]*",
    re.IGNORECASE,
)
# Paragraphs longer than this are not such a line (looked at one by one, short ones only: a
# search of the whole text took half a second of an 84 MB serial's outline).
_LONGEST_LINE = 64
# The book counts so to at least this many: two could be a pair of anything.
MIN_COUNTED_PARTS = 3


def ordinal_parts(
    text: str, starts: array, ends: array, lo: int, hi: int
) -> list[tuple[int, Heading]]:
    """Lines naming a part by its place, `FIRST NARRATIVE`, `SECOND NARRATIVE`, ..., where the
    book counts parts of one name from the first in order, at least three, each alone on its
    line: part headings (over the chapters of a part that has them, or heading the part's
    story as one chapter where it has none). The word's capitals must be the same in each."""
    by_word: dict[str, list[tuple[int, int, str]]] = {}
    for i in range(bisect.bisect_left(starts, lo), bisect.bisect_left(starts, hi)):
        start, end = starts[i], ends[i]
        if end - start > _LONGEST_LINE:
            continue
        m = _ORDINAL_LINE.fullmatch(text, start, end)
        if m is None:
            continue
        ordinal, word = m["ordinal"], m["word"]
        if not (ordinal.isupper() and word.isupper()) and not (
            ordinal.istitle() and word.istitle()
        ):
            continue
        number = _ORDINALS.index(ordinal.casefold()) + 1
        by_word.setdefault(word.casefold(), []).append((i, number, m.group().strip()))
    found: list[tuple[int, Heading]] = []
    for lines in by_word.values():
        run = lines
        if [number for _, number, _ in run] != list(range(1, len(run) + 1)):
            continue
        if len(run) >= MIN_COUNTED_PARTS:
            found += [(i, Heading("part", number, label, "", True)) for i, number, label in run]
    return sorted(found)
