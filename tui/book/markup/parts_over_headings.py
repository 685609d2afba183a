"""A chapter-level heading set right over named headings of the next level heads a part.

With no text of its own between (`LETTERS` over `TO FLORA`, `TO TITANIA`), it is a part's
heading, and its named sub-headings are its chapters.
"""

from __future__ import annotations

from collections.abc import Sequence

from tui.book.markup.para import Para
from tui.book.model import ParaKind
from tui.book.rules.headings import match_heading

MIN_UNDER = 2  # sub-headings under a part heading, at the least


def chapters_under_parts(paras: Sequence[Para], chapters: Sequence[int], end: int) -> list[int]:
    """The sub-headings that head chapters under the part headings among ``chapters`` (the
    paragraphs of the chapters' headings, in order; ``end`` where the last one's text ends):
    those of the level of the heading right under a part heading, down to the next chapter
    heading, each named (not a section's bare number) and each over text of its own."""
    out: list[int] = []
    for k, i in enumerate(chapters):
        stop = chapters[k + 1] if k + 1 < len(chapters) else end
        level = _level(paras[i])
        below = _level(paras[i + 1]) if i + 1 < stop else 0
        if not level or below <= level:
            continue
        under = [j for j in range(i + 1, stop) if _level(paras[j]) == below]
        if len(under) < MIN_UNDER or any(_bare_number(paras[j].text) for j in under):
            continue
        if any(_level(paras[j]) and _level(paras[j]) < below for j in range(i + 1, stop)):
            continue
        bounds = [*under[1:], stop]
        if all(_has_text(paras, j, b) for j, b in zip(under, bounds, strict=True)):
            out += under
    return out


def _level(para: Para) -> int:
    """The heading level of a heading tag (`h3`: 3), 0 for anything else."""
    return para.block.level if para.hint == ParaKind.HEADING and para.block is not None else 0


def _bare_number(text: str) -> bool:
    found = match_heading(" ".join(text.split()))
    return found is not None and found.kind == "number" and not found.title


def _has_text(paras: Sequence[Para], start: int, stop: int) -> bool:
    return any(p.hint == ParaKind.TEXT and not p.image for p in paras[start + 1 : stop])
