"""Contents entries under a numbered run of chapters, read as those chapters' sections.

Titled entries listed in the table of contents under a numbered run of chapters
(`1. Introduction` over `History`, `The Situation Today`), whose first section opens inside the
chapter's own document after the chapter's own opening prose, are the chapters' sections, not
chapters; every entry nested deeper than those chapters goes (the preface's too). (A part's
chapters open documents of their own, right after the part's title page.)
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from tui.book.markup.segments import CHAPTER, Segment
from tui.book.rules.headings import match_heading

# Numbered chapters (1, 2, 3 ... in order) at one level before they are the book's chapters.
MIN_CHAPTERS = 3
# Heading kinds that number a chapter (`1. Introduction`, `Chapter 1. Introduction`).
NUMBER_KINDS = frozenset(("numbered", "chapter"))


def without_chapter_sections(
    marks: list[Segment], prose_between: Callable[[int, int], bool]
) -> list[Segment]:
    """``marks`` (from the contents, in order) without the entries nested under a level of
    numbered chapters, where those numbers run 1, 2, 3 ... and most chapters with entries
    under them open with prose of their own before their first titled section, inside their
    own document (``prose_between(start, end)`` says whether paragraphs hold prose)."""
    for depth in sorted({m.depth for m in marks}):
        parents = _numbered_run(marks, depth)
        if len(parents) < MIN_CHAPTERS:
            continue
        firsts = [(k, k + 1) for k in parents if _nested(marks, k, k + 1)]
        if 2 * len(firsts) < len(parents):
            continue
        sections = [j for k in parents for j in _children(marks, k)]
        if any(_chapter_number(marks[j]) is not None for j in sections):
            continue  # (a part's numbered chapters)
        opened = sum(
            1
            for k, j in firsts
            if marks[j].source == marks[k].source and prose_between(marks[k].start, marks[j].start)
        )
        if 2 * opened <= len(firsts):
            continue
        return [m for m in marks if m.depth <= depth]
    return marks


def _numbered_run(marks: Sequence[Segment], depth: int) -> list[int]:
    """The entries at ``depth`` numbered 1, 2, 3 ... in order, up to the first that breaks the
    run (appendices lettered `C.`, `D.` after the chapters read as numbers too)."""
    run: list[int] = []
    for k, mark in enumerate(marks):
        if mark.depth == depth and (number := _chapter_number(mark)) is not None:
            if number != len(run) + 1:
                break
            run.append(k)
    return run


def _chapter_number(mark: Segment) -> int | None:
    """The number a chapter's entry carries (`1. Introduction`, `Chapter 1`)."""
    if mark.role != CHAPTER:
        return None
    heading = match_heading(mark.title)
    if heading is None or heading.kind not in NUMBER_KINDS:
        return None
    return heading.number


def _nested(marks: Sequence[Segment], k: int, j: int) -> bool:
    return j < len(marks) and marks[j].depth > marks[k].depth


def _children(marks: Sequence[Segment], k: int) -> list[int]:
    """The entries one level under entry ``k``."""
    out = []
    j = k + 1
    while _nested(marks, k, j):
        if marks[j].depth == marks[k].depth + 1:
            out.append(j)
        j += 1
    return out
