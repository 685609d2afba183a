"""Sections from the table of contents: bare numbers listed under each story's entry (`MISS
MARY PASK` over `I`, `II`, `III`), starting over at one in every story and pointing into the
story's own document, are the stories' numbered sections, which open scenes; the stories are
the chapters. (A part's chapters, `The First Epoch` over `I`, `II`, are documents of their
own.)"""

from __future__ import annotations

from tui.book.markup.segments import CHAPTER, Segment
from tui.book.rules.headings import match_heading

# Stories whose own numbers start over under them, at the least, before the numbers are theirs.
MIN_STORIES = 2


def without_numbered_sections(marks: list[Segment]) -> list[Segment]:
    """``marks`` (chapter and matter marks from the contents, in order) without the bare
    numbers listed one level under titled chapters, inside their documents, where they start
    over at one under two such chapters or more; unchanged otherwise."""
    sections: list[int] = []
    parent: Segment | None = None
    started = 0
    for k, mark in enumerate(marks):
        number = _bare_number(mark)
        if mark.role == CHAPTER and number is None:
            parent = mark
            continue
        if parent is None or number is None or mark.depth != parent.depth + 1:
            continue
        if mark.source != parent.source:
            return marks  # (each number a document of its own: a part's chapters)
        if number == 1:
            started += 1
        sections.append(k)
    if started < MIN_STORIES:
        return marks
    dropped = set(sections)
    return [mark for k, mark in enumerate(marks) if k not in dropped]


def _bare_number(mark: Segment) -> int | None:
    """The number a chapter's entry is, when it is nothing else (`IV`, `12.`)."""
    if mark.role != CHAPTER:
        return None
    heading = match_heading(mark.title)
    if heading is None or heading.kind != "number" or heading.title:
        return None
    return heading.number
