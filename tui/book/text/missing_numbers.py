"""A number a run of numbered headings lacks, found on the line between as it is written.

The line may be that number misprinted (`XVl` for `XVI`, `1O` for `10`), or the number with a
title run on to the next line or set in capitals beside it (`XX DEATH` in a run of bare
numbers).
"""

from __future__ import annotations

import itertools
import re

from tui.book.rules.headings import Heading
from tui.book.rules.numerals import to_roman


def with_missing_numbers(run: list[tuple[int, Heading]], paragraph) -> list[tuple[int, Heading]]:
    """Where a run goes over a number it lacks, the line between that reads as that number
    with one character wrong (`XVl` for `XVI`, `1O` for `10`), or as it with its title run on
    or in capitals beside it, is its heading."""
    found = list(run)
    for (a, before), (b, after) in itertools.pairwise(run):
        if before.number is None or after.number != before.number + 2:
            continue
        expected = _numeral_like(before.label, before.number + 1)
        if expected is None:
            continue
        for k in range(a + 1, b):
            line = paragraph(k).strip()
            # (a character dropped would leave another number: `XV` for `XVI`)
            if len(line) >= len(expected) and _one_edit_apart(line, expected):
                found.append((k, Heading("number", before.number + 1, expected, "", False)))
                break
            title = _title_run_on(line, before, expected) or _capitals_title_beside(
                line, before, expected
            )
            if title:
                found.append((k, Heading("numbered", before.number + 1, expected, title, False)))
                break
    return sorted(found, key=lambda item: item[0])


def _title_run_on(line: str, before: Heading, expected: str) -> str:
    """In a run of numbered titles (`VI. The Dragon Tamers`), the title of the number it lacks
    where it runs on to the next line and so ends in a comma (`VII. The Fiery Dragon,` over
    `or The Heart of Stone`); "" when ``line`` is not that."""
    if before.kind != "numbered" or "\n" in line or not line.endswith((",", ";")):
        return ""
    m = re.fullmatch(rf"{re.escape(expected)}\.?[ \t]+(\S.{{0,80}})", line)
    title = m.group(1).rstrip(",;").strip() if m else ""
    return title if title[:1].isupper() else ""


def _capitals_title_beside(line: str, before: Heading, expected: str) -> str:
    """In a run of bare numbers (`XIX`), the number it lacks with a title in capitals beside
    it on its line (`XX DEATH`): the one chapter the book titles; "" when ``line`` is not that."""
    if before.kind != "number" or "\n" in line:
        return ""
    m = re.fullmatch(rf"{re.escape(expected)}\.?[ \t]+(\S.{{0,80}})", line)
    title = m.group(1).strip() if m else ""
    return title if title.isupper() and not title.endswith((",", ";", "!", "?")) else ""


def _numeral_like(label: str, number: int) -> str | None:
    """``number`` written the way ``label`` writes its own: `XVI` after `XV`, `16.` after
    `15.`."""
    m = re.search(r"\d+|[IVXLCDM]+|[ivxlcdm]+", label)
    if m is None:
        return None
    token = m.group()
    if token.isdigit():
        numeral = str(number)
    else:
        numeral = to_roman(number)
        numeral = numeral.lower() if token.islower() else numeral
    return label[: m.start()] + numeral + label[m.end() :]


def _one_edit_apart(a: str, b: str) -> bool:
    """Two different strings one character apart: one changed, added or dropped."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    k = 0
    while k < len(a) and a[k] == b[k]:
        k += 1
    return a[k + (len(a) == len(b)) :] == b[k + 1 :]
