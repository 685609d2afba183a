"""A numbered heading whose number word is misspelt, found where the book expects it.

`Einunddreißgstes Kapitel` between the thirtieth and the thirty-second is the heading the
book's sequence of numbered headings expects.
"""

from __future__ import annotations

from itertools import pairwise

from tui.book.rules.headings import Heading
from tui.book.text.heading_choice import HeadingChoice


def with_misspelt_headings(
    choices: list[HeadingChoice], every: list[tuple[int, Heading]], paragraph
) -> list[HeadingChoice]:
    """Between headings numbered N and N + 2 written alike (`<word> Kapitel`, `Chapter <word>`,
    no title), the one line of that same shape, its keyword as theirs and one other word in
    their case, is heading N + 1 whatever its word: the sequence places it, not the spelling."""
    numbered = [(i, h) for i, h in every if h.number is not None and not h.title]
    found: list[HeadingChoice] = []
    for (a, before), (b, after) in pairwise(numbered):
        if before.number is None or after.number != before.number + 2:
            continue
        shape = _shape(before.label)
        if shape is None or shape != _shape(after.label):
            continue
        alike = [k for k in range(a + 1, b) if _shape(paragraph(k).strip()) == shape]
        if len(alike) == 1:
            found.append(HeadingChoice(alike[0], paragraph(alike[0]).strip()))
    return sorted(choices + found, key=lambda c: c.para) if found else choices


def _shape(label: str) -> tuple[int, str, str] | None:
    """Where a two-word heading keeps its keyword, which keyword, and how its number word is
    cased: `Erstes Kapitel` is (1, "Kapitel", "title"); None for anything else."""
    words = label.split()
    if len(words) != 2:
        return None
    for at in (0, 1):
        number, keyword = words[1 - at], words[at]
        if not number.isalpha():
            continue
        case = "upper" if number.isupper() else "title" if number.istitle() else "lower"
        if keyword.casefold() in _KEYWORDS:
            return at, keyword, case
    return None


# The keywords whose headings number in words and may be misspelt so (the trailing ones of
# German and the Romance languages, and the keywords they follow in English).
_KEYWORDS = frozenset(
    [
        "kapitel",
        "teil",
        "chapitre",
        "partie",
        "capítulo",
        "capitulo",
        "capitolo",
        "parte",
        "chapter",
        "part",
        "book",
    ]
)
