"""Numbered section labels inside a chapter (`<b>2. Straight Through My Heart</b>`): scenes.

A one-shot posted as one chapter is often divided into numbered, titled sections set in bold
paragraphs of their own. They are not chapters (the work has one), but each opens a scene.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from tui.book.markup.paragraphs import Para
from tui.book.model import Book, ParaKind

# `2. Title`, `5a. Title`, `IV. Title`, `Part 3: Title`: a number label, then a few words.
NUMBERED = re.compile(r"(?:part\s+)?(?:\d{1,3}[a-z]?|[ivxlc]{1,6})[.:)]\s+\S.{0,70}", re.I)
MIN_LABELS = 3  # labels in a chapter before they are taken as its sections
MAX_LABEL_CHARS = 80


def section_starts(book: Book, paras: Sequence[Para]) -> list[int]:
    """Paragraphs that open a numbered section of their chapter, where a chapter has three or
    more such bold labels (sorted)."""
    out: list[int] = []
    for chapter in book.chapters:
        labels = [
            i
            for i in range(chapter.start, chapter.end)
            if book.kinds[i] == ParaKind.TEXT and _is_label(paras[i])
        ]
        if len(labels) >= MIN_LABELS:
            out.extend(labels)
    return out


def _is_label(para: Para) -> bool:
    text = para.text
    if len(text) > MAX_LABEL_CHARS or "\n" in text or not para.spans:
        return False
    if NUMBERED.fullmatch(text) is None:
        return False
    bold = sorted((s, e) for s, e, style in para.spans if style == "bold")
    covered = 0
    for s, e in bold:
        if s > covered and text[covered:s].strip():
            return False
        covered = max(covered, e)
    return bool(bold) and not text[covered:].strip()
