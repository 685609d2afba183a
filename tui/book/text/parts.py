"""The parts a plain-text book's chapters are in, from the part titles over them.

A chapter's part reads like `Book One · Part II`.
"""

from __future__ import annotations

from itertools import pairwise

from tui.book.rules.headings import match_heading
from tui.book.text.heading_choice import HeadingChoice


def parts_number_anew(choices: list[HeadingChoice]) -> bool:
    """Two parts or more that are chapters (their titles have an epigraph or a note under
    them), each followed by a chapter numbered one: the chapters after each are in it."""
    opening = 0
    for choice, after in pairwise(choices):
        if choice.part == "" and after.part is None:
            found = match_heading(after.title)
            opening += found is not None and found.kind != "part" and found.number == 1
    return opening >= 2


def within(outer: str, part: str, above: dict[str, set[str]] | None = None) -> str:
    """The part a chapter is in when ``part`` opens over it inside ``outer``: `Part II`
    inside `Book One · Part I` is `Book One · Part II` (a level of the same keyword and
    those under it give way; a new upper level, `Book Two · Part III`, replaces all).
    ``above``: the keywords the book has set over each keyword (`volume` over `book`, from
    `VOLUME I · BOOK FIRST`): a level of those stays over a new one, so `BOOK FIRST` after
    a `VOLUME III` that had pictures under it (read as a chapter) is `VOLUME III · BOOK
    FIRST`, not `BOOK FIRST` of any of five volumes. The parts found are noted in it."""
    if not part or not outer:
        _note_levels(part, above)
        return part
    levels = outer.split(" · ")
    keyword = _keyword(part)
    for depth, level in enumerate(levels):
        if _keyword(level) == keyword:
            found = " · ".join([*levels[:depth], part])
            _note_levels(found, above)
            return found
    over = (above or {}).get(keyword, set())
    kept = [level for level in levels if _keyword(level) in over]
    found = " · ".join([*kept, part])
    _note_levels(found, above)
    return found


def _keyword(level: str) -> str:
    words = level.split()
    return words[0].casefold() if words else ""


def _note_levels(part: str, above: dict[str, set[str]] | None) -> None:
    """Note in ``above`` which keyword stands over which in ``part`` (`VOLUME I · BOOK FIRST`:
    volume over book)."""
    if above is None or " · " not in part:
        return
    keywords = [_keyword(level) for level in part.split(" · ")]
    for depth, keyword in enumerate(keywords):
        above.setdefault(keyword, set()).update(k for k in keywords[:depth] if k != keyword)


def first_part(choices: list[HeadingChoice], paragraph) -> str:
    """The first part's label when the book's later chapters open parts and the line right
    above the first chapter (left in the front matter, after the contents list that names
    it too) is part one's title: `Book the First--Recalled to Life`."""
    if not choices or choices[0].part is not None or choices[0].start < 1:
        return ""
    if not any(choice.part for choice in choices[1:]):
        return ""
    above = match_heading(paragraph(choices[0].start - 1))
    if above is None or above.kind != "part" or above.number != 1:
        return ""
    return above.label or above.text
