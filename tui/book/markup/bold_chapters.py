"""Chapters a converter left out of a numbered contents, found by their bold headings.

Their headings are set as bold paragraphs inside the documents of the contents, and they are
found where the contents' numbers are missing.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from tui.book.markup.para import Para, set_apart
from tui.book.markup.segments import CHAPTER, HEADING_GUESS, Segment
from tui.book.model import ParaKind
from tui.book.rules.clean_headings import clean_heading
from tui.book.rules.headings import match_heading

MIN_NUMBERED = 3  # chapters of the contents numbered in sequence, to trust the numbering
HEADING_CHARS = 120  # a bold paragraph longer than this is no heading


def chapters_left_out(
    segments: list[Segment], paras: Sequence[Para], source_of: Callable[[int], str]
) -> list[Segment]:
    """Chapters for bold paragraphs like `**Chapter 3: Matthew**` that carry the number the
    contents skip (`Chapter 2` … `Chapter 4`): a converter put two chapters in one document.
    Other bold lines (`[Bug-Grass Slayer]`, a shout) and numbers out of turn are prose.
    ``source_of(i)`` names the document holding paragraph ``i``."""
    chapters = [s for s in segments if s.role == CHAPTER]
    numbers = [_number(s.title) for s in chapters]
    if sum(n is not None for n in numbers) < MIN_NUMBERED:
        return []
    found: list[Segment] = []
    last = 0  # the number of the chapter before
    for k, chapter in enumerate(chapters):
        following = next((n for n in numbers[k + 1 :] if n is not None), None)
        number = numbers[k]
        if number is not None:
            last = number
        end = chapters[k + 1].start if k + 1 < len(chapters) else len(paras)
        for i in range(chapter.start + 1, end):
            para = paras[i]
            if para.hint != ParaKind.TEXT or len(para.text) > HEADING_CHARS or not set_apart(para):
                continue
            heading = match_heading(para.text)
            wanted = last + 1
            if heading is None or heading.kind != "chapter" or heading.number != wanted:
                continue
            if following is not None and wanted >= following:
                continue
            title = clean_heading(para.text)
            found.append(Segment(i, CHAPTER, "", title, source_of(i), HEADING_GUESS))
            last = wanted
    return found


def _number(title: str) -> int | None:
    heading = match_heading(title) if title else None
    return heading.number if heading is not None and heading.kind == "chapter" else None
