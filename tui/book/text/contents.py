"""A book's contents list: its entries, and the later lines that repeat them as headings.

Chapters titled without a number (`The Invitation`, `Lamplighters`) look like any short line;
a contents list at the start of the book names them, and the headings repeat the entries.
"""

from __future__ import annotations

import bisect
from array import array
from collections.abc import Callable, Sequence

from tui.book.rules.headings import Heading, strip_decoration
from tui.book.text.lines import LineInfo

# Only a contents list near the start of the book counts.
TOC_WITHIN_PARAGRAPHS = 300
MAX_ENTRIES = 3000
ENTRY_CHARS = 100
# At least this many entries must come back as headings.
MIN_FOUND = 2
# After this many entries in a row that the text never repeats, stop looking (each miss reads
# to the end of the book).
MAX_MISSES = 3


def listed_headings(
    text: str,
    starts: array,
    ends: array,
    infos: dict[int, LineInfo],
    paragraph: Callable[[int], str],
) -> list[tuple[int, Heading]]:
    """Paragraphs after the contents list that repeat one of its entries, in the list's order,
    and are not already recognised as something (a heading, an afterword ...)."""
    n = len(starts)
    toc = next(
        (
            i
            for i in sorted(infos)
            if i < TOC_WITHIN_PARAGRAPHS and infos[i].kind == "landmark" and infos[i].data == "toc"
        ),
        None,
    )
    if toc is None:
        return []
    entries = _entries(paragraph, toc + 1, n)
    if len(entries) < MIN_FOUND:
        return []
    found: list[tuple[int, Heading]] = []
    pos = ends[toc + len(entries)]
    misses = 0
    for entry in entries:
        i = _find_paragraph(text, starts, paragraph, entry, pos)
        if i is None:
            misses += 1  # listed but not repeated: the next entry may still be
            if misses >= MAX_MISSES:
                break
            continue
        misses = 0
        pos = ends[i]
        if i not in infos:
            found.append((i, Heading("titled", None, "", entry, True)))
    return found if len(found) >= MIN_FOUND else []


def _entries(paragraph: Callable[[int], str], first: int, n: int) -> list[str]:
    """The list's lines: short title-like paragraphs up to the first one that repeats (the
    first chapter's heading) or is not an entry."""
    entries: list[str] = []
    seen: set[str] = set()
    for k in range(first, min(n, first + MAX_ENTRIES)):
        line = strip_decoration(paragraph(k).strip())
        if not line or len(line) > ENTRY_CHARS or "\n" in line or line.casefold() in seen:
            break
        if line.endswith((".", ",", ";", "!", "?", "”", '"')) and not line[:1].isdigit():
            break
        entries.append(line)
        seen.add(line.casefold())
    return entries


def _find_paragraph(text: str, starts: array, paragraph, entry: str, pos: int) -> int | None:
    """The first paragraph at or after offset ``pos`` whose whole text is ``entry``."""
    at = text.find(entry, pos)
    while at >= 0:
        i = bisect.bisect_right(starts, at) - 1
        if i >= 0 and strip_decoration(paragraph(i).strip()) == entry:
            return i
        at = text.find(entry, at + len(entry))
    return None


def marked_headings(
    lines: array,
    marked: Sequence[int],
    infos: dict[int, LineInfo],
    paragraph: Callable[[int], str],
) -> list[tuple[int, Heading]]:
    """Paragraphs on lines the file itself marks as chapter headings (Markdown `#`), that are
    not already recognised as something else (a contents list, an afterword ...)."""
    if not marked:
        return []
    wanted = set(marked)
    found = []
    for i, line in enumerate(lines):
        if line in wanted and i not in infos:
            title = " ".join(paragraph(i).split())
            if title:
                found.append((i, Heading("titled", None, "", title, True)))
    return found
