"""A play's scenes under its acts: headings at the acts' level numbered anew under each act."""

from __future__ import annotations

import re
from collections.abc import Sequence

from tui.book.markup.para import Para
from tui.book.rules.headings import Heading
from tui.book.rules.numerals import ROMAN, parse_number

# `SCENE II. The same. The Presence chamber.`, `Scene 3`: a word, a number and a title.
_DIVISION = re.compile(
    rf"(?P<label>[^\W\d_]{{3,}})\s+(?P<num>{ROMAN}|\d{{1,3}})(?![\w'’])[.:]?(?:\s+(?P<title>.*))?",
    re.IGNORECASE,
)
MIN_PARTS_DIVIDED = 2  # parts whose divisions count up from one, at least


def divisions_under_parts(
    paras: Sequence[Para], heads: Sequence[tuple[int, Heading | None]], numbered: Sequence[int]
) -> set[int]:
    """Indexes into ``heads`` (one level's headings) of the divisions numbered anew under
    each of the parts at ``numbered`` (`ACT I` … `SCENE I.`, `SCENE II.`, `ACT II` …
    `SCENE I.`): a play's scenes, the units a reader turns to, where the acts only group them.
    Empty unless one label numbers them, from one up by one under every part that has them,
    in two parts or more."""
    parts = set(numbered)
    groups: list[list[tuple[int, str, int]]] = []  # (index, label, number) under each part
    for k, (i, found) in enumerate(heads):
        if k in parts:
            groups.append([])
        elif groups and found is None:  # (a keyword heading is a prologue or another part)
            division = division_of(paras[i].text.replace("\n", " "))
            if division is not None:
                groups[-1].append((k, *division))
    groups = [group for group in groups if group]
    labels = {label for group in groups for _, label, _ in group}
    if len(groups) < MIN_PARTS_DIVIDED or len(labels) != 1:
        return set()
    for group in groups:
        if [number for _, _, number in group] != list(range(1, len(group) + 1)):
            return set()
    return {k for group in groups for k, _, _ in group}


def division_of(text: str) -> tuple[str, int] | None:
    """(label in lower case, number) of a heading such as `SCENE II. The same.`, or None."""
    found = _DIVISION.fullmatch(text.strip())
    if found is None:
        return None
    number = parse_number(found["num"])
    if number is None:
        return None
    return found["label"].casefold(), number
