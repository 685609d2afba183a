"""Which keyword headings in the plain paragraphs of markup books are chapters.

Such headings are lines like `<p><b>Chapter 2</b></p>`. A `Chapter 5 will be up soon`-like bold
line in the author's note after a chapter is not one, and `Chapter 1` over `Prologue` is one
heading; a one-shot's `Prologue` that its own `Epilogue` answers is a section, not a heading.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Protocol, TypeVar

from tui.book.markup.para import Para
from tui.book.model import ParaKind
from tui.book.rules.headings import match_heading
from tui.book.rules.notes import looks_like_author_talk

# `A/N:`, `AN:`, `Author's Note:`, `Author Notes -` ...: the label that opens an author's note.
NOTE_LABEL = re.compile(r"^\W*(?:a/n|an|author'?s?['’]?\s*notes?)\b\s*[:\-–—]", re.I)
NOTE_REACH = 4  # paragraphs after a note's label (or its talk) that still belong to it
NAMED_CHAPTERS = frozenset(("prologue", "epilogue", "interlude"))
MAX_SECTION_LINE = 40  # characters: a section's label inside a chapter (`Epilogue`), at most


class Mark(Protocol):
    """A chapter mark: where it starts and its title."""

    start: int
    title: str


M = TypeVar("M", bound=Mark)


def in_author_note(paras: Sequence[Para], i: int) -> bool:
    """Whether paragraph ``i`` sits in an author's note: a few paragraphs after an `A/N:`
    label, with only the author's talk or short lines between."""
    for back in range(i - 1, max(i - 1 - NOTE_REACH, -1), -1):
        text = paras[back].text.strip()
        if paras[back].hint != ParaKind.TEXT:
            return False
        if NOTE_LABEL.match(text):
            return True
        found = match_heading(text) if len(text) <= 100 else None
        if found is not None and found.strong:
            continue  # another line of the same note (`Chapter 4: coming soon`)
        if not looks_like_author_talk(text) and len(text) > 60:
            return False
    return False


def join_stacked(marks: list[M], paras: Sequence[Para]) -> list[M]:
    """`Chapter 1` right above `Prologue`: one mark, `Chapter 1: Prologue`."""
    out: list[M] = []
    skip = -1
    for k, mark in enumerate(marks):
        if mark.start == skip:
            continue
        nxt = marks[k + 1] if k + 1 < len(marks) else None
        if nxt is not None and nxt.start == mark.start + 1:
            upper = match_heading(paras[mark.start].text)
            lower = match_heading(paras[nxt.start].text)
            if (
                upper is not None
                and lower is not None
                and upper.kind == "chapter"
                and upper.number is not None
                and not upper.title
                and lower.number is None
                and lower.kind in NAMED_CHAPTERS
            ):
                mark.title = f"{upper.text}: {lower.text}"
                skip = nxt.start
        out.append(mark)
    return out


def prologue_of_its_own_epilogue(paras: Sequence[Para], i: int, end: int) -> bool:
    """A `Prologue` line opening a chapter whose own text closes on an `Epilogue` line: the
    first section of a story told in one chapter (a one-shot with both), not its heading."""
    found = match_heading(paras[i].text)
    if found is None or found.kind != "prologue":
        return False
    for j in range(i + 1, end):
        para = paras[j]
        if para.hint == ParaKind.TEXT and len(para.text) <= MAX_SECTION_LINE:
            later = match_heading(para.text)
            if later is not None and later.kind == "epilogue":
                return True
    return False
