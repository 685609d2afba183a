"""A contents page told by what it lists, whatever its heading says.

Whether headed `INHALT.` or `TARTALOM.`, it is a page where most lines open with the title of
one of the book's chapters, a page number or a summary after it.
"""

from __future__ import annotations

from collections.abc import Sequence

from tui.book.markup.para import Para
from tui.book.markup.producers import title_key
from tui.book.markup.segments import CHAPTER, Segment
from tui.book.model import ParaKind
from tui.book.rules.numerals import parse_number

LOOKED_AT = 8  # lines of a page read for titles: a contents page shows itself at once
MIN_LISTED = 3  # lines naming chapters, at the least
LISTED_SHARE = 2 / 3  # of the lines read, at least this share name chapters
MIN_TITLE_CHARS = 4  # a chapter's title as short as `I` or `Up` names nothing in a line
TITLE_WORDS = 30  # a chapter's title, at the longest (a line's words past them are not read)


def chapter_titles(segments: Sequence[Segment]) -> frozenset[str]:
    """The chapters' titles as keys, those long enough to be told in a line of text."""
    keys = (title_key(s.title) for s in segments if s.role == CHAPTER)
    return frozenset(k for k in keys if len(k) >= MIN_TITLE_CHARS and parse_number(k) is None)


def lists_chapters(
    paras: Sequence[Para], start: int, end: int, titles: frozenset[str], own: str = ""
) -> bool:
    """Whether the first lines of text in ``[start, end)`` mostly open with a chapter's title
    (from ``titles``, not the page's ``own``), three or more different ones: a contents list."""
    lines: list[str] = []
    for i in range(start, end):
        para = paras[i]
        if para.hint != ParaKind.TEXT or para.image:
            continue
        lines.extend(line for line in para.text.split("\n") if line.strip())
        if len(lines) >= LOOKED_AT:
            break
    lines = lines[:LOOKED_AT]
    named = [title for line in lines if (title := listed_title(line, titles)) and title != own]
    return len(set(named)) >= MIN_LISTED and len(named) >= LISTED_SHARE * len(lines)


def listed_title(line: str, titles: frozenset[str]) -> str:
    """The longest chapter title the line opens with, word for word; "" for none."""
    words = title_key(line).split()[:TITLE_WORDS]
    for count in range(len(words), 0, -1):
        key = " ".join(words[:count])
        if key in titles:
            return key
    return ""
