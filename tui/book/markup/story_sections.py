"""Bare numbers under a few of a collection's stories, read as sections, not chapters.

`I`, `II`, `III` headed a level below a collection's titled stories (under `THE SEA RAIDERS`,
where most stories have none) are sections of those few stories, not the book's chapters. A
novel's numbered chapters under its title hold most of its text, with only a preface or an
appendix beside them; a collection's few stories told in sections hold less text than the
stories around them told in one piece.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from tui.book.markup.para import Para
from tui.book.model import ParaKind

MIN_STORIES = 3  # stories with no numbered sections, at the least, that make a collection
STORY_CHARS = 500  # characters of text under a title that make it a story, not a page's line


def sections_of_stories(paras: Sequence[Para], levels: dict[int, list[int]], level: int) -> bool:
    """Whether the numbered headings at ``level`` divide stories titled at a level above
    (``levels``: the paragraphs of the headings at each level), among more stories with no
    sections that hold more of the text than those with them."""
    numbered = sorted(levels.get(level, []))
    for upper in sorted(lv for lv in levels if lv < level):
        tops = sorted(i for lv, heads in levels.items() if lv <= upper for i in heads)
        titles = set(levels[upper])
        whole = divided = stories = 0
        for k, start in enumerate(tops):
            if start not in titles:
                continue
            end = tops[k + 1] if k + 1 < len(tops) else len(paras)
            chars = _text_chars(paras, start, end)
            if bisect.bisect_right(numbered, start) < bisect.bisect_left(numbered, end):
                divided += chars
            elif chars >= STORY_CHARS:
                whole += chars
                stories += 1
        if divided and stories >= MIN_STORIES and whole > divided:
            return True
    return False


def _text_chars(paras: Sequence[Para], start: int, end: int) -> int:
    return sum(len(p.text) for p in paras[start:end] if p.hint == ParaKind.TEXT and not p.image)
