"""Parts found from the headings, in a book whose contents do not list its parts.

`BOOK II.` and its title `OLD AND YOUNG.` set over `CHAPTER XIII.` put chapter XIII and those
after it in Book II.
"""

from __future__ import annotations

from collections.abc import Sequence

from tui.book.markup.para import Para
from tui.book.model import Book, ParaKind
from tui.book.rules.clean_headings import clean_heading
from tui.book.rules.headings import match_heading

# Parts named over chapters' headings, at the least, before the book is taken to be in parts.
MIN_PARTS = 2
# The part's title under its label, at the longest.
PART_TITLE_CHARS = 80


def name_heading_parts(book: Book, paras: Sequence[Para]) -> None:
    """Put each chapter in the part named by a part's heading (`BOOK II.`, and its title
    under it) among the heading lines over it, or over a chapter before it; chapters before
    the first part are in none. Nothing changes where chapters have parts already, or fewer
    than two parts are named so."""
    if any(chapter.part for chapter in book.chapters):
        return
    named = [_part_over(book, paras, chapter.start) for chapter in book.chapters]
    if sum(1 for name in named if name) < MIN_PARTS:
        return
    current = ""
    for chapter, name in zip(book.chapters, named, strict=True):
        current = name or current
        chapter.part = current


def _part_over(book: Book, paras: Sequence[Para], start: int) -> str:
    """The part a chapter's heading lines from ``start`` open (`BOOK II: OLD AND YOUNG`), or
    "" when they name none: a part's heading, then its title if a line stands between it and
    the chapter's own heading."""
    lines: list[str] = []
    i = start
    while i < len(book.kinds) and book.kinds[i] == ParaKind.HEADING:
        lines.append(clean_heading(paras[i].text.replace("\n", " ")))
        i += 1
    for k, line in enumerate(lines[:-1]):
        found = match_heading(line)
        if found is None or found.kind != "part":
            continue
        label = line.rstrip(".")
        title = lines[k + 1] if k + 2 < len(lines) else ""
        shape = match_heading(title) if title else None
        if title and shape is None and len(title) <= PART_TITLE_CHARS:
            return f"{label}: {title.rstrip('.')}"
        return label
    return ""
