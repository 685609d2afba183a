"""Chapters from a page's own list of contents, where the text has no headings for them.

The list's rows are numbered 1, 2, 3 … and each links to a place further down the page, where
the text marks those places with no heading at all (a chapter opening with an anchor and a
drawn title, its words only in a picture's description).

A single HTML book usually heads its chapters with heading tags, and its contents list only
repeats them; the list is read here only where the headings do not divide the text it links
into. A list of illustrations links into the text as well, so the list must number its rows
in sequence, as a book numbers its chapters, and every place it links to must open prose that
runs on to the next.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from tui.book.markup.contents import part_number
from tui.book.markup.front import has_prose
from tui.book.markup.para import Para, Source
from tui.book.markup.segments import CHAPTER, FRONT, TOC, Segment
from tui.book.model import ParaKind

MIN_ENTRIES = 3  # rows of a contents list, at the least
# Paragraphs from the place an entry links to down to its prose, where a heading would stand.
OPENING_REACH = 3
NUMBER_ALONE = re.compile(r"(?:\d{1,4}|[IVXLC]{1,7}|[ivxlc]{1,7})[.:)]?")  # `12.`, `IV`, `215`


def unheaded_chapters(
    paras: Sequence[Para], sources: Sequence[Source], marks: list[Segment]
) -> list[Segment]:
    """Chapters at the places a single page's numbered contents list links to, where no heading
    stands at any of them and the chapters found so far from there on are fewer than half the
    entries; the chapters found before the first of them become front matter (a title page's
    headings, a preface). Empty otherwise."""
    if len(sources) != 1:
        return []
    entries = _contents(paras, sources[0])
    if not entries:
        return []
    first = entries[0][0]
    found = sum(1 for m in marks if m.role == CHAPTER and m.start >= first)
    if 2 * found >= len(entries):
        return []
    ends = [at for at, _ in entries[1:]] + [len(paras)]
    for (at, _), end in zip(entries, ends, strict=True):
        if _headed(paras, at, end) or not has_prose(paras, at, end):
            return []
    for mark in marks:
        if mark.role == CHAPTER and mark.start < first:
            mark.role, mark.kind = (
                FRONT,
                "front" if has_prose(paras, mark.start, first) else "title",
            )
    name = sources[0].name
    return [Segment(at, CHAPTER, "", title, name, TOC) for at, title in entries]


def _contents(paras: Sequence[Para], source: Source) -> list[tuple[int, str]]:
    """The first run of rows (each a paragraph linking to a place in the page, nothing but
    rules and empty lines between) numbered 1, 2, 3 … and linking further down the page row
    by row: where each entry starts and its title."""
    run: list[int] = []
    for i, para in enumerate(paras):
        if _links(para):
            run.append(i)
            continue
        if para.hint == ParaKind.BREAK or not para.text.strip():
            continue
        entries = _numbered_entries(paras, run, source)
        if entries:
            return entries
        run = []
    return _numbered_entries(paras, run, source)


def _links(para: Para) -> bool:
    block = para.block
    return para.hint == ParaKind.TEXT and block is not None and bool(block.targets)


def _numbered_entries(
    paras: Sequence[Para], run: list[int], source: Source
) -> list[tuple[int, str]]:
    """The run's entries, when it has enough rows, numbered from one by one, each linking past
    the run and past the row before; else none."""
    if len(run) < MIN_ENTRIES:
        return []
    entries: list[tuple[int, str]] = []
    last = run[-1]
    for n, i in enumerate(run, 1):
        para = paras[i]
        block = para.block
        at = source.ids.get(block.targets[0], -1) if block is not None else -1
        if at <= last or part_number(para.text) != n:
            return []
        last = at
        entries.append((at, _title(para)))
    return entries


def _title(para: Para) -> str:
    """The row's title: its cells but a number alone (the chapter's, the page's), or its text."""
    cells = para.block.cells if para.block is not None else None
    if cells:
        named = [c.text for c in cells if c.text and not NUMBER_ALONE.fullmatch(c.text)]
        if named:
            return " ".join(named)
    return " ".join(para.text.split())


def _headed(paras: Sequence[Para], at: int, end: int) -> bool:
    """Whether a heading tag stands at the place an entry links to, before its prose."""
    for i in range(at, min(end, at + OPENING_REACH)):
        para = paras[i]
        if para.hint == ParaKind.HEADING:
            return True
        if para.hint == ParaKind.TEXT and not para.image:
            return False
    return False
