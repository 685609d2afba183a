"""Volumes joined in one file: where a book without parts numbers its chapters again, each
run of numbers is a volume (`Volume 2`), the part its chapters are in."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from tui.book.model import Chapter
from tui.book.rules.headings import match_heading
from tui.book.rules.title_numbers import chapter_numbers

# Numbered chapters a run needs to be a volume: one or two are a slip in the numbering.
VOLUME_LEAST = 3


def numbers_repeat(numbers: Sequence[int | None], parts: Sequence[str] = ()) -> bool:
    """Two chapters of one part (or of a book without parts) give themselves one number."""
    keys = Counter(
        (parts[k] if k < len(parts) else "", number)
        for k, number in enumerate(numbers)
        if number is not None
    )
    return any(count > 1 for count in keys.values())


def number_runs(numbers: Sequence[int | None]) -> list[int] | None:
    """Each chapter's run of numbers (1-based) where the numbers start again as volumes
    joined in one file do (1 to 30, then 1 to 25); None where they do not."""
    if not numbers_repeat(numbers):
        return None
    # A run starts where the numbers go back to the first one (a chapter numbered twice by
    # mistake is not a new volume), and holds each number once.
    first = next(n for n in numbers if n is not None)
    runs: list[int] = []
    run, seen = 1, set[int]()
    for number in numbers:
        if number is not None:
            if number in seen:
                if number != first:
                    return None
                run, seen = run + 1, set()
            seen.add(number)
        runs.append(run)
    sizes = Counter(r for r, n in zip(runs, numbers, strict=True) if n is not None)
    return runs if min(sizes.values()) >= VOLUME_LEAST else None


def joined_volumes(titles: Sequence[str]) -> list[str]:
    """Each chapter's volume, `Volume N`, in a book whose chapter numbers start again; []
    where they do not. Between two volumes, a `Prologue` and what follows it open the next
    one; the chapters before it without a number (an `Epilogue`, an `Afterword`) close the
    one before."""
    numbers = chapter_numbers(titles)
    runs = number_runs(numbers)
    if runs is None:
        return []
    for at in range(1, len(runs)):
        if runs[at] == runs[at - 1]:
            continue  # (a new run starts at a numbered chapter)
        gap = at
        while gap > 0 and numbers[gap - 1] is None:
            gap -= 1
        opening = next((k for k in range(gap, at) if _opens_a_volume(titles[k])), at)
        runs[opening:at] = [runs[at]] * (at - opening)
    return [f"Volume {run}" for run in runs]


def _opens_a_volume(title: str) -> bool:
    found = match_heading(title)
    return found is not None and found.kind == "prologue"


def name_volumes(chapters: Sequence[Chapter]) -> None:
    """Put each chapter of a whole book without parts of its own in its volume, where its
    chapter numbers start again (`Chapter 3` of the second run is in `Volume 2`)."""
    if any(chapter.part for chapter in chapters):
        return
    for chapter, volume in zip(chapters, joined_volumes([c.title for c in chapters]), strict=False):
        chapter.part = volume
