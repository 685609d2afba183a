"""Bracketed setting lines that open chapters, and open a new scene inside one.

A book opens its chapters with such lines (`[Location: The Old Mill]`); the same kind of line
inside a chapter sets a new scene.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter

from tui.book.model import Book, Chapter, ParaKind

TEXT = int(ParaKind.TEXT)

# `[Location: The Old Mill - 11:45 PM]`: a label, a colon and its value in square brackets,
# alone on a line. (Found from the line break before it, as a regex over the whole text.)
_SETTING_LINE = re.compile(
    r"\n[^\S\n]*\[[^\S\n]*(?P<label>[^\W\d_][^\]\[:\n]{0,29}?)[^\S\n]*:[^\]\[\n]{1,150}\]"
    r"[^\S\n]*(?=\n|\Z)"
)
SETTING_CHARS = 200  # a setting line is short
# The label opens at least this many chapters, and this share of them.
MIN_CHAPTERS = 2
CHAPTER_SHARE = 0.5


def setting_scenes(book: Book, first: int, last: int) -> list[int]:
    """The paragraphs in ``[first, last)`` inside a chapter that are a bracketed setting line
    (`[Location: …]`) whose label opens most of the book's chapters: each sets a new scene.
    Where the book uses the label inside its chapters more often than to open them, the lines
    are its messages (a game's `[System: …]`), not its settings."""
    chapters = [c for c in book.chapters if c.heading is not None]
    if len(chapters) < MIN_CHAPTERS or first >= last:
        return []
    openings = {_first_text(book, c.heading + 1, c.end) for c in chapters if c.heading is not None}
    # (the chapters' openings first: a book that opens none so is not scanned for its lines)
    opening_labels = Counter(
        _label(book, i) for i in openings if i is not None and first <= i < last
    )
    least = max(MIN_CHAPTERS, CHAPTER_SHARE * len(chapters))
    labels = {label for label, count in opening_labels.items() if label and count >= least}
    if not labels:
        return []
    text, starts, ends = book.text, book.starts, book.ends
    heads = [c.start for c in chapters]
    inside: dict[str, list[int]] = {}
    for m in _SETTING_LINE.finditer(text, max(starts[first] - 1, 0), ends[last - 1]):
        i = bisect.bisect_right(starts, m.end()) - 1
        label = _label(book, i) if i >= first and i not in openings else ""
        if label in labels and _within_a_chapter(chapters, heads, i):
            inside.setdefault(label, []).append(i)
    found = []
    for label in labels:
        if len(inside.get(label, [])) <= opening_labels[label]:
            found += inside.get(label, [])
    return sorted(found)


def _label(book: Book, i: int) -> str:
    """The label of paragraph ``i`` when it is a setting line alone (`location`), else ""."""
    if book.kinds[i] != TEXT or book.ends[i] - book.starts[i] > SETTING_CHARS:
        return ""
    found = _SETTING_LINE.fullmatch("\n" + book.text[book.starts[i] : book.ends[i]].strip())
    return " ".join(found["label"].casefold().split()) if found else ""


def _within_a_chapter(chapters: list[Chapter], heads: list[int], i: int) -> bool:
    """Whether paragraph ``i`` is inside one of ``chapters`` (sorted; ``heads``: their
    starts)."""
    k = bisect.bisect_right(heads, i) - 1
    return k >= 0 and i < chapters[k].end


def _first_text(book: Book, start: int, end: int) -> int | None:
    """The first story paragraph in ``[start, end)``, if any."""
    at = book.kinds.find(TEXT, start, end)
    return at if at >= 0 else None
