"""Chapters from a book's headings, where its contents list gives none.

The numbered family of headings, else the commonest level, else chapter lines in plain
paragraphs (`Chapter I. The birth of the Prince`) and a closing `Conclusion`, else numerals
alone in plain paragraphs counting through the book, else one chapter per document.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from tui.book.markup.families import numbered_family
from tui.book.markup.front import is_licence_title, is_prose, names_book
from tui.book.markup.keyword_headings import in_author_note, join_stacked
from tui.book.markup.numeral_lines import numeral_lines
from tui.book.markup.opening_chapter import opening_chapter, part_over
from tui.book.markup.para import Para, Source, source_at
from tui.book.markup.parts_over_headings import chapters_under_parts
from tui.book.markup.producers import role_of_title, title_key
from tui.book.markup.segments import CHAPTER, END, HEADING_GUESS, Segment
from tui.book.model import ParaKind
from tui.book.rules.clean_headings import clean_heading
from tui.book.rules.headings import is_closing_title, match_heading

# Chapter lines in plain paragraphs (`Chapter I. The birth of the Prince`) are the chapters
# where there are at least this many, and this many times as many as headings of one level.
MIN_KEYWORD_CHAPTERS = 3
KEYWORD_OVER_HEADINGS = 2
# `By Charlotte Perkins Gilman`: a heading naming who wrote the story, never its title.
BYLINE = re.compile(r"by(?:\s+[A-Z][\w'.-]*){2,4}\.?", re.IGNORECASE)
NAME_WORD = re.compile(r"[A-Z][\w'.-]*\.?")
MAX_TITLE_LINE = 80  # characters: a longer line over a byline is prose, not the story's title


def title_role(title: str) -> tuple[str, str] | None:
    """("front"|"end", kind) for a contents label that names matter, not a chapter."""
    if is_licence_title(title):
        return END, "licence"
    return role_of_title(title)


def heading_marks(
    paras: Sequence[Para],
    sources: Sequence[Source],
    marks: list[Segment],
    bounds: tuple[int, int] | None,
    title: str = "",
) -> list[Segment]:
    """Chapters from headings, for books with no usable table of contents: the commonest
    heading level (used twice or more), else keyword headings such as `Chapter 3` in plain
    paragraphs, else one chapter per document."""
    matter = _matter_ranges(marks, len(paras))
    if bounds is not None:
        matter += [(0, bounds[0]), (bounds[1], len(paras))]
    family = numbered_family(paras, lambda i: not _inside(matter, i))
    if family is not None:
        opening = opening_chapter(paras, family.chapters, lambda i: not _inside(matter, i))
        if opening is not None:
            # (a part's heading between the opening and the first chapter opens that chapter)
            first, name = family.chapters[0]
            family.chapters[0] = (part_over(paras, first), name)
            family.chapters.insert(0, opening)
        chapters = [
            Segment(i, CHAPTER, "", title, source_at(sources, i).name, HEADING_GUESS)
            for i, title in family.chapters
        ]
        if family.end is not None:
            name = source_at(sources, family.end).name
            chapters.append(Segment(family.end, END, "end", "", name, HEADING_GUESS))
        return chapters
    levels: Counter[int] = Counter()
    wordings: dict[int, set[str]] = {}
    for i, para in enumerate(paras):
        if (
            para.hint == ParaKind.HEADING
            and para.block is not None
            and not _inside(matter, i)
            and title_role(clean_heading(para.text.replace("\n", " "))) is None
        ):
            # (a `Contents` heading over the contents list is no chapter, so it does not
            # make its level the chapters')
            levels[para.block.level] += 1
            wordings.setdefault(para.block.level, set()).add(title_key(para.text))
    out: list[Segment] = []
    if levels:
        repeated = [lv for lv, n in levels.items() if n >= 2]
        varied = [lv for lv in repeated if len(wordings[lv]) > 1]
        if varied:
            # (a level saying one thing again and again, the book's title on its title page
            # and over its first story, names no divisions of it)
            repeated = varied
        level = min(repeated) if repeated else min(levels)
        last = -10
        for i, para in enumerate(paras):
            if (
                para.hint == ParaKind.HEADING
                and para.block is not None
                and para.block.level == level
                and not _inside(matter, i)
            ):
                if i == last + 1 and not (out and _half_title(paras, out[-1], title)):
                    continue  # a title split over two headings
                if i == last + 1:
                    out.pop()  # (the book's title over its first chapter's heading: a half-title)
                out.append(_chapter_mark(para, i, sources))
                last = i
        for mark in out:
            if is_byline(mark.title):
                mark.title = _title_over(paras, mark.start)
        # (a part's heading over its chapters' sub-headings: they open its chapters)
        under = chapters_under_parts(paras, [m.start for m in out], _text_end(matter, len(paras)))
        out = sorted(
            out + [_chapter_mark(paras[i], i, sources) for i in under], key=lambda m: m.start
        )
    keyword = [
        _chapter_mark(p, i, sources)
        for i, p in enumerate(paras)
        if p.hint == ParaKind.TEXT
        and len(p.text) <= 100
        and "\n" not in p.text
        and not _inside(matter, i)
        and (found := match_heading(p.text)) is not None
        and found.strong
        and not in_author_note(paras, i)
    ]
    keyword = join_stacked(keyword, paras)
    keyword += _closing_chapter(paras, keyword, sources)
    if len(out) < 2 and len(keyword) >= 2:
        out = keyword
    elif len(keyword) >= MIN_KEYWORD_CHAPTERS and len(keyword) > KEYWORD_OVER_HEADINGS * len(out):
        # (headings for the title page, the contents and the notes, and the chapters' own
        # `Chapter I. The birth of the Prince` in plain paragraphs: those are the chapters)
        taken = {s.start for s in keyword}
        out = sorted(keyword + [s for s in out if s.start not in taken], key=lambda s: s.start)
    if not out:
        # (no heading anywhere: numerals alone in plain paragraphs, counting through the book)
        # (a cover listed alone in the contents is one page, not the whole book: the
        # numerals are looked for past it)
        pages = _matter_ranges(marks, len(paras), sources)
        if bounds is not None:
            pages += [(0, bounds[0]), (bounds[1], len(paras))]
        numerals = numeral_lines(paras, lambda i: not _inside(pages, i))
        out = [_chapter_mark(paras[i], i, sources) for i in numerals]
    if not out:
        bodies = [s for s in sources if s.first < s.end and not _inside(matter, s.first)]
        for n, source in enumerate(bodies):
            title = source.title if len(bodies) > 1 else ""
            out.append(Segment(source.first, CHAPTER, "", title or "", source.name, HEADING_GUESS))
            if len(bodies) > 1 and not title:
                out[-1].title = f"Part {n + 1}"
    return out


def is_byline(text: str) -> bool:
    """`By Charlotte Perkins Gilman`: `By` and two to four capitalised words, a name."""
    words = text.split()
    return BYLINE.fullmatch(" ".join(words)) is not None and all(
        NAME_WORD.fullmatch(w) for w in words[1:]
    )


def _title_over(paras: Sequence[Para], i: int) -> str:
    """The story's title set as a plain line just over its byline heading (a styled
    paragraph), or nothing (the book's title names a lone story)."""
    above = paras[i - 1] if i > 0 else None
    if above is None or above.hint != ParaKind.TEXT or "\n" in above.text.strip():
        return ""
    text = " ".join(above.text.split())
    return text if 0 < len(text) <= MAX_TITLE_LINE and not is_prose(above) else ""


def _closing_chapter(
    paras: Sequence[Para], chapters: Sequence[Segment], sources: Sequence[Source]
) -> list[Segment]:
    """`Conclusion. Justice and retribution.` in a plain paragraph after the last of the
    chapter lines (``chapters``), with story under it: the book's last chapter."""
    if len(chapters) < MIN_KEYWORD_CHAPTERS:
        return []
    for i in range(chapters[-1].start + 2, len(paras) - 1):
        para = paras[i]
        if para.hint == ParaKind.TEXT and len(para.text) <= 100 and is_closing_title(para.text):
            return [_chapter_mark(para, i, sources)] if is_prose(paras[i + 1]) else []
    return []


def _half_title(paras: Sequence[Para], mark: Segment, title: str) -> bool:
    """The heading ``mark`` is the book's title again (``title``, from its metadata, or a
    heading on its title page): a half-title over the first chapter's heading."""
    key = title_key(mark.title)
    if title and names_book(key, title_key(title)):
        return True
    return any(p.hint == ParaKind.HEADING and title_key(p.text) == key for p in paras[: mark.start])


def _chapter_mark(para: Para, i: int, sources: Sequence[Source]) -> Segment:
    title = clean_heading(para.text.replace("\n", " "))
    name = source_at(sources, i).name
    role = title_role(title)
    if role is not None:  # `Table of Contents` in a single-file download
        return Segment(i, role[0], role[1], title, name, HEADING_GUESS)
    return Segment(i, CHAPTER, "", title, name, HEADING_GUESS)


def _matter_ranges(
    marks: list[Segment], total: int, sources: Sequence[Source] = ()
) -> list[tuple[int, int]]:
    """Paragraph ranges already known to be front or end matter. Given the ``sources``, a
    cover is one page: it ends with its document, even where no mark follows it."""
    ordered = sorted(marks, key=lambda m: m.start)
    out = []
    for k, mark in enumerate(ordered):
        if mark.role != CHAPTER:
            end = ordered[k + 1].start if k + 1 < len(ordered) else total
            if mark.kind == "cover" and sources:
                end = min(end, source_at(sources, mark.start).end)
            out.append((mark.start, end))
    return out


def _text_end(ranges: list[tuple[int, int]], total: int) -> int:
    """Where the matter closing the book starts (the book's end if none does)."""
    return min((a for a, b in ranges if b == total and a > 0), default=total)


def _inside(ranges: list[tuple[int, int]], i: int) -> bool:
    return any(a <= i < b for a, b in ranges)
