"""Parts from the table of contents, holding the chapters listed under them.

Chapters listed under a part's entry (`Part I: The Wild Land` over `I`, `II`, `III`) are in
that part.
"""

from __future__ import annotations

from collections.abc import Sequence

from tui.book.markup.contents import entry_para
from tui.book.markup.package import TocEntry
from tui.book.markup.para import Source
from tui.book.model import Book, ParaKind
from tui.book.rules.headings import match_heading
from tui.book.rules.joined_volumes import joined_volumes


def name_toc_parts(book: Book, entries: Sequence[TocEntry], sources: Sequence[Source]) -> None:
    """Put each chapter in the part its entry is listed under, where the contents list the
    chapters under two parts or more that are not chapters themselves."""
    if not book.chapters or any(chapter.part for chapter in book.chapters):
        return
    by_name = {s.name: s for s in sources}
    folded = {s.name.casefold(): s for s in sources}
    where = [entry_para(entry, by_name, folded) for entry in entries]
    own = [_own_entry(book, k, entries, where) for k in range(len(book.chapters))]
    owned = {k for k in own if k is not None}
    parents = [_parent(entries, k, owned) if k is not None else None for k in own]
    if any(p in owned for p in parents if p is not None):
        return  # (a chapter listed under another chapter is a section of it, not of a part)
    names = [entries[p].title.strip() if p is not None else "" for p in parents]
    if len({name for name in names if name}) < 2:
        return
    titles: dict[str, list[str]] = {}
    for chapter, name in zip(book.chapters, names, strict=True):
        titles.setdefault(name, []).append(chapter.title)
    if any(joined_volumes(run) for run in titles.values()):
        # Chapter numbers start again inside one of them: the contents list a later part
        # (an epilogue) under an earlier one, and the book's own headings name the parts.
        return
    for chapter, name in zip(book.chapters, names, strict=True):
        chapter.part = name


def _own_entry(
    book: Book, index: int, entries: Sequence[TocEntry], where: Sequence[int]
) -> int | None:
    """The deepest entry pointing into the heading lines that open chapter ``index`` (of those
    named as the chapter is, if any)."""
    chapter = book.chapters[index]
    top = chapter.start
    while top < chapter.end and book.kinds[top] != ParaKind.TEXT:
        top += 1
    found = [k for k, at in enumerate(where) if chapter.start <= at <= top]
    # (the entry named as the chapter is, where the contents also list the number of its
    # first section under it: `MISS MARY PASK` over `I`)
    named = [k for k in found if entries[k].title.casefold() == chapter.title.casefold()]
    return max(named or found, key=lambda k: (entries[k].depth, k)) if found else None


def _parent(entries: Sequence[TocEntry], k: int, owned: set[int]) -> int | None:
    """The entry ``k`` is listed under, or the part's heading listed beside the chapters
    before it (`PART TWO—The Sea-cook` put among the chapters of part one); None for a
    top-level entry."""
    depth = entries[k].depth
    for j in range(k - 1, -1, -1):
        if entries[j].depth < depth:
            return j
        if entries[j].depth == depth and j not in owned and _is_part(entries[j].title):
            return j
    return None


def _is_part(title: str) -> bool:
    found = match_heading(title)
    return found is not None and found.kind == "part"
