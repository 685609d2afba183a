"""Stories' numbered sections from the table of contents, told apart from chapters.

Bare numbers listed under each story's entry (`MISS MARY PASK` over `I`, `II`, `III`), starting
over at one in every story and pointing into the story's own document, are the stories'
numbered sections, which open scenes; the stories are the chapters. (A part's chapters,
`The First Epoch` over `I`, `II`, are documents of their own.) Where the stories' sections are
numbered so, a story whose sections are titled instead (a cycle of prose poems) has sections
too.
"""

from __future__ import annotations

from tui.book.markup.segments import CHAPTER, Segment
from tui.book.rules.headings import match_heading

# Stories whose own numbers start over under them, at the least, before the numbers are theirs.
MIN_STORIES = 2
# Stories with numbered sections for each one with titled sections inside its own document,
# at the least, before those titled sections are taken for sections too.
NUMBERED_PER_TITLED = 2


def without_numbered_sections(
    marks: list[Segment], openings: list[int] | None = None
) -> list[Segment]:
    """``marks`` (chapter and matter marks from the contents, in order) without the bare
    numbers listed one level under titled chapters, where they start over at one under two
    such chapters or more and most of them point inside their story's document (a spine may
    be cut in mid-story); unchanged otherwise. Titled entries under a story, inside its
    document, go too where the stories with numbered sections are many more. ``openings``
    gets where the sections open scenes: all but each story's first, unless that one's
    number says the sections before it went unlisted (a story's list starting at `II`)."""
    groups = _children(marks)
    numbered = [kids for kids in groups.values() if _all_numbered(marks, kids)]
    sections = [k for kids in numbered for k in kids]
    started = sum(1 for k in sections if _bare_number(marks[k]) == 1)
    apart = sum(
        1 for p, kids in groups.items() for k in kids if k in sections and _apart(marks, p, k)
    )
    if started < MIN_STORIES or 2 * apart > len(sections):
        return marks  # (most numbers documents of their own: a part's chapters)
    titled = [
        kids
        for p, kids in groups.items()
        if not any(_bare_number(marks[k]) is not None for k in kids)
        and not any(_apart(marks, p, k) for k in kids)
    ]
    if titled and len(numbered) >= NUMBERED_PER_TITLED * len(titled):
        sections += [k for kids in titled for k in kids]
    dropped = set(sections)
    if openings is not None:
        for kids in groups.values():
            listed = [k for k in kids if k in dropped]
            if listed and (_bare_number(marks[listed[0]]) or 1) == 1:
                listed = listed[1:]
            openings.extend(marks[k].start for k in listed)
    return [mark for k, mark in enumerate(marks) if k not in dropped]


def _children(marks: list[Segment]) -> dict[int, list[int]]:
    """Each titled chapter's entries one level under it (by index), for those that have any."""
    groups: dict[int, list[int]] = {}
    open_: list[int] = []  # the titled chapters the entry is nested in, outermost first
    for k, mark in enumerate(marks):
        while open_ and marks[open_[-1]].depth >= mark.depth:
            open_.pop()
        if mark.role != CHAPTER:
            continue
        if open_ and mark.depth == marks[open_[-1]].depth + 1:
            groups.setdefault(open_[-1], []).append(k)
        if _bare_number(mark) is None:
            open_.append(k)
    return groups


def _all_numbered(marks: list[Segment], kids: list[int]) -> bool:
    return all(_bare_number(marks[k]) is not None for k in kids)


def _apart(marks: list[Segment], parent: int, k: int) -> bool:
    """The entry points into another document than its story's."""
    return marks[k].source != marks[parent].source


def _bare_number(mark: Segment) -> int | None:
    """The number a chapter's entry is, when it is nothing else (`IV`, `12.`)."""
    if mark.role != CHAPTER:
        return None
    heading = match_heading(mark.title)
    if heading is None or heading.kind != "number" or heading.title:
        return None
    return heading.number
