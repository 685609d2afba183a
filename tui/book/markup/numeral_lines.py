"""Chapters numbered by a Roman numeral alone in a plain paragraph (`I.`, `II.`).

Only in a book whose markup marks no heading at all (a text file put through a converter).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from tui.book.markup.front import is_prose
from tui.book.markup.para import Para
from tui.book.model import ParaKind
from tui.book.rules.numerals import ROMAN, roman_value

MIN_CHAPTERS = 2
PROSE_WITHIN = 2  # paragraphs under a numeral within which its prose starts
NUMERAL_LINE = re.compile(rf"\s*({ROMAN})\.?\s*")


def numeral_lines(paras: Sequence[Para], usable: Callable[[int], bool]) -> list[int]:
    """The paragraphs reading only a Roman numeral, when every such paragraph of the book
    (where ``usable``) counts one, two, three … in order and each stands over prose: the
    chapters' headings. Empty otherwise (a numeral among a list's lines, a count that
    skips)."""
    found = [
        i
        for i, para in enumerate(paras)
        if para.hint == ParaKind.TEXT
        and not para.image
        and len(para.text) <= 12
        and NUMERAL_LINE.fullmatch(para.text)
        and usable(i)
    ]
    if len(found) < MIN_CHAPTERS:
        return []
    for n, i in enumerate(found, start=1):
        match = NUMERAL_LINE.fullmatch(paras[i].text)
        if match is None or roman_value(match[1]) != n:
            return []
        under = paras[i + 1 : i + 1 + PROSE_WITHIN]
        if not any(is_prose(p) for p in under):
            return []
    return found
