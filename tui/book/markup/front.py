"""Where the story starts: Gutenberg markers, title pages, contents and notes pages, prefaces."""

from __future__ import annotations

import re
from collections.abc import Sequence

from tui.book.markup.contents import part_number
from tui.book.markup.contents_pages import chapter_titles, lists_chapters
from tui.book.markup.para import Para
from tui.book.markup.producers import role_of_title, title_key
from tui.book.markup.segments import CHAPTER, FRONT, TOC, Segment
from tui.book.model import ParaKind
from tui.book.rules.headings import match_heading
from tui.book.rules.numerals import parse_number
from tui.book.rules.sentence_ends import CJK_STOPS, CLOSING_QUOTES, FULL_STOPS
from tui.book.rules.word_count import words_in

# Project Gutenberg's lines around the story: `*** START OF THE PROJECT GUTENBERG EBOOK X ***`.
PG_START = re.compile(r"\*{3}\s*START OF (?:THE|THIS) PROJECT GUTENBERG", re.I)
PG_END = re.compile(r"\*{3}\s*END OF (?:THE|THIS) PROJECT GUTENBERG", re.I)
PG_CLOSING = re.compile(r"End of (?:the |this )?Project Gutenberg", re.I)
PG_CONTEXT = ("pg-boilerplate", "#pg-header", "#pg-footer", "#pg-machine-header")
PG_WORDS = re.compile(r"Project Gutenberg|gutenberg\.org", re.I)
# Titles of pages before the story that are not chapters, besides those `producers` knows.
FRONT_TITLE = re.compile(
    r"^(?:(?:original |brief |short )?(?:table of )?contents|list of (?:illustrations|plates)|"
    r"illustrations|(?:original )?transcriber'?s? notes?|preface|foreword|synopsis|"
    r"author'?s? notes?|"
    r"the (?:full )?project gutenberg licen[cs]e|.*\bproject gutenberg\b.*)$"
)
# An introduction's title (`Introduction`, `Introduction to the Tenth Printing`).
INTRODUCTION = re.compile(r"introduct(?:ion|ory)\b")
# A story's facts, one to a line, as a download's information page gives them.
FACT_LINE = re.compile(
    r"(?:status|published|updated|completed|words|chapters|rated|rating|reviews|favs|follows|"
    r"genres?|language|characters|fandoms?|original source|source|story url|url|"
    r"exported|packaged)\b[^:\n]{0,20}:",
    re.I,
)
# A number with a decimal point, `1.7`: an edition's, never a chapter's.
EDITION_NUMBER = re.compile(r"\d+\.\d+")
# Headings on a title page over the story's blurb.
BLURB_HEADINGS = frozenset(("description", "summary", "synopsis", "blurb"))
MIN_FACTS = 3  # fact lines that make a page the story's information page
MIN_NUMBERED = 3  # chapters numbered in sequence that make the book's numbering
SENTENCE_WORDS = 8  # a paragraph of prose has at least this many words
# Sentences on a title page before the chapters (an edition's credits), at the most.
CREDIT_LINES = 1
# A title page's credits or colophon: this many lines of text at most, none longer than this.
CREDIT_PAGE_LINES = 12
CREDIT_CHARS = 160
# Pages of prose between an editor's introduction and the numbered chapters, at the most (a
# preface, a note on the text).
OPENING_PAGES = 2
UNTITLED_SCRAP = 2  # paragraphs of an untitled page before the story that make it no chapter
# A paragraph of prose ends on a sentence's mark, or on a bracket, a colon or a dash (`… (1919)`,
# `…—`), full width in Chinese and Japanese too (`）`).
_PROSE_ENDS = (*FULL_STOPS, *CLOSING_QUOTES, "'", ")", ":", ";", "—", *CJK_STOPS, "）")


def gutenberg_bounds(paras: Sequence[Para]) -> tuple[int, int] | None:
    """(first paragraph of the book proper, first paragraph of the licence) from Project
    Gutenberg's `*** START OF` and `*** END OF` lines (or, in old files without the second,
    `End of the Project Gutenberg EBook of ...`), or None when they are not there."""
    start = end = closing = -1
    for i, para in enumerate(paras):
        text = para.text
        # (in a header set as one block of lines, `… Language: English *** START OF …` is a
        # line of a paragraph that began with the catalogue card)
        at = text.find("***")
        if at >= 0 and start < 0 and PG_START.match(text, at):
            start = i + 1
        elif at >= 0 and start >= 0 and PG_END.match(text, at):
            end = i
        elif (
            start >= 0
            and closing < 0
            and text.startswith(("End of", "END OF"))
            and PG_CLOSING.match(text)
        ):
            closing = i
    if closing >= 0 and (end < 0 or closing < end):
        end = closing  # `End of the Project Gutenberg EBook of ...` closes the story first
    if start < 0 or end < start:
        return None
    return start, end


def boilerplate(para: Para) -> bool:
    """A paragraph of Project Gutenberg's own text (header, notes about the edition)."""
    block = para.block
    if block is not None and any(mark in block.context for mark in PG_CONTEXT):
        return True
    return PG_WORDS.search(para.text) is not None


def is_front_title(title: str) -> bool:
    """`Contents`, `List of Illustrations`, `Transcriber's Notes`, `Preface`, Gutenberg's
    licence: pages that come before the story and are not chapters of it."""
    return FRONT_TITLE.match(title_key(title)) is not None


def is_prose(para: Para) -> bool:
    """A paragraph of the story's prose: a sentence of some length (not a contents line, a
    caption, a title-page line, nor Gutenberg's own notes). A table's row is none: a poem or
    a contents list set in a table, not the story's prose."""
    if para.hint != ParaKind.TEXT or para.image or _table_row(para):
        return False
    text = para.text.rstrip()
    if words_in(text) < SENTENCE_WORDS or not text.endswith(_PROSE_ENDS):
        return False
    return not boilerplate(para)


def _table_row(para: Para) -> bool:
    return para.block is not None and para.block.tag == "tr"


def has_prose(paras: Sequence[Para], start: int, end: int) -> bool:
    return any(is_prose(paras[i]) for i in range(start, end))


def _story_prose(paras: Sequence[Para], start: int, end: int) -> bool:
    """Whether ``[start, end)`` holds prose that is not a blurb: a title page's `Description`
    or `Summary` heading sets off the story's summary, not its text."""
    blurb = False
    for i in range(start, end):
        para = paras[i]
        if para.hint == ParaKind.HEADING:
            blurb = title_key(para.text.rstrip(":")) in BLURB_HEADINGS
        elif not blurb and is_prose(para):
            return True
    return False


def is_licence_title(title: str) -> bool:
    """`THE FULL PROJECT GUTENBERG LICENSE`, the old `PROJECT GUTENBERG "SMALL PRINT"`,
    `CREATIVE COMMONS LICENSE INFORMATION` and the like: a licence named by its issuer."""
    key = title_key(title)
    if "project gutenberg" in key:
        return "licen" in key or "small print" in key
    return "creative commons" in key and "licen" in key


def front_pages(segments: list[Segment], paras: Sequence[Para], title: str) -> list[Segment]:
    """Chapters before the story's first are front matter when they are pages a reader skips:
    the title page (listed under the book's title, or with no prose at all), a contents list,
    a list of illustrations, transcriber's notes, a preface."""
    chapters = [k for k, s in enumerate(segments) if s.role == CHAPTER]
    book = title_key(title)
    numbered = _first_numbered(segments, chapters)
    half = _half_title(segments, chapters, paras, book, numbered)
    titles = chapter_titles(segments)
    last_prose = _last_prose(paras)
    for k in chapters[:-1]:
        segment = segments[k]
        end = segments[k + 1].start if k + 1 < len(segments) else len(paras)
        key = title_key(segment.title)
        if (
            k < numbered
            and segment.depth < segments[numbered].depth
            and _unnumbered(segment.title)
            and not _strong(segment.title)
            and not _before_their_part(segments, k, numbered)
            and not _stories_between(segments, k, numbered, paras)
        ):
            kind = "front"  # an editor's introduction over selections numbered in sequence
            if names_book(key, book) and not has_prose(paras, segment.start, end):
                kind = "title"
        elif k < numbered and _under_front_page(segments, k, numbered):
            kind = "front"  # listed under the title page, not under the story's chapters
        elif is_front_title(segment.title):
            kind = (role_of_title(segment.title) or (FRONT, "front"))[1]
        elif _states_facts(paras, segment.start, end):
            kind = "title"  # the story's information page: Published:, Words:, Rated: ...
        elif _lists_later_titles(segments, k, paras, end) or _contents_page(
            segments, k, paras, titles
        ):
            kind = "toc"  # its lines are the titles of the chapters after it: a contents page
        elif names_book(key, book) and (
            not _story_prose(paras, segment.start, end)
            or _prose_in(paras, segment.start, end) <= CREDIT_LINES
            or (k < numbered and _short_lines_only(paras, segment.start, end))
        ):
            # listed under the book's title, and no story in it (a blurb at most, a line of
            # credits: `Versione 2.0, 22 febbraio 2015 (revisione di …)`; before the numbered
            # chapters, a colophon's few short lines)
            kind = "title"
        elif (
            match_heading(segment.title) is None
            and not has_prose(paras, segment.start, end)
            and last_prose >= end
        ):
            # a title page, an epigraph, a list: no sentence of prose, where the story after
            # it has some (in a book of a line or two a chapter, such a page is a chapter)
            kind = "front"
        elif (
            not segment.title.strip() and len(texts_in(paras, segment.start, end)) <= UNTITLED_SCRAP
        ):
            kind = "front"  # an untitled page of a line or two: a converter's leftovers
        elif _before_front_title(segments, k, numbered, paras, titles) and (
            _prose_in(paras, segment.start, end) <= UNTITLED_SCRAP or INTRODUCTION.match(key)
        ):
            # An epigraph's page, a dedication's, before the contents; an introduction printed
            # before them is the edition's (`Introduction to the Tenth Printing`), not the story's.
            kind = "front"
        elif k < half:
            kind = "front"  # the title page's leaves, before the book's title set again
        elif k < numbered and _headless_page(segments, k, numbered, paras, end):
            kind = "front"  # a page about the author or the publisher, named only in the contents
        else:
            break
        segment.role, segment.kind = FRONT, kind
    return segments


def _last_prose(paras: Sequence[Para]) -> int:
    """The index of the book's last paragraph of prose; -1 when it has none."""
    return next((i for i in range(len(paras) - 1, -1, -1) if is_prose(paras[i])), -1)


def _headless_page(
    segments: list[Segment], k: int, numbered: int, paras: Sequence[Para], end: int
) -> bool:
    """Whether segment ``k``, before the story's numbered chapters, is a page with no heading
    of its own, a sentence or two of prose at most and no heading-like title (`About`), while
    the numbered chapters open under headings: a page set otherwise than the story's."""
    segment = segments[k]
    if match_heading(segment.title) is not None or not _unnumbered(segment.title):
        return False
    if _headed(paras, segment.start, end) or _prose_in(paras, segment.start, end) > UNTITLED_SCRAP:
        return False
    first = segments[numbered]
    after = segments[numbered + 1].start if numbered + 1 < len(segments) else len(paras)
    return _headed(paras, first.start, after)


def _headed(paras: Sequence[Para], start: int, end: int) -> bool:
    """Whether a heading stands in ``[start, end)``."""
    return any(para.hint == ParaKind.HEADING for para in paras[start:end])


def _stories_between(segments: list[Segment], k: int, numbered: int, paras: Sequence[Para]) -> bool:
    """Whether more than a page or two of prose stands between segment ``k`` and the chapters
    numbered in sequence: stories of the book told before those (a collection whose novella
    closes it in numbered chapters), so ``k`` opens the book, not an editor's introduction."""
    found = 0
    for j in range(k + 1, numbered):
        if segments[j].role != CHAPTER:
            continue
        end = segments[j + 1].start
        if has_prose(paras, segments[j].start, end):
            found += 1
            if found > OPENING_PAGES:
                return True
    return False


def _before_their_part(segments: list[Segment], k: int, numbered: int) -> bool:
    """Whether the numbered chapters are listed under a numbered part that stands at segment
    ``k``'s own level after it (`ÚVOD` beside `DÍL I.` over `1.`, `2.`): the book's own opening
    before its first part, not an introduction over the whole."""
    parent = _parent(segments, numbered)
    return (
        k < parent < numbered
        and segments[parent].depth == segments[k].depth
        and not _unnumbered(segments[parent].title)  # (a part's title numbers it)
    )


def _half_title(
    segments: list[Segment], chapters: list[int], paras: Sequence[Para], book: str, numbered: int
) -> int:
    """The index of the last page before the story's numbered chapters that is the book's
    title again with no story under it (a half-title), or -1: what stands before it are the
    title page's leaves (a subtitle, a translator's notes), not the story."""
    found = -1
    for n, k in enumerate(chapters[:-1]):
        if numbered < 0 or k >= numbered:
            break
        segment = segments[k]
        end = segments[chapters[n + 1]].start
        if names_book(title_key(segment.title), book) and not _story_prose(
            paras, segment.start, end
        ):
            found = k
    return found


def _before_front_title(
    segments: list[Segment],
    k: int,
    numbered: int,
    paras: Sequence[Para],
    titles: frozenset[str],
) -> bool:
    """A page before the story's numbered chapters that a contents list or a list of
    illustrations follows (named so, or a page listing the chapters): the story has not begun."""
    stop = numbered if numbered >= 0 else len(segments)
    return any(
        is_front_title(segments[j].title) or _contents_page(segments, j, paras, titles)
        for j in range(k + 1, stop)
    )


def _contents_page(
    segments: list[Segment], k: int, paras: Sequence[Para], titles: frozenset[str]
) -> bool:
    """Segment ``k`` lists the book's chapters (``titles``) and holds no more than a
    sentence or two of prose: a contents page, not a chapter opening on one."""
    start = segments[k].start
    end = segments[k + 1].start if k + 1 < len(segments) else len(paras)
    own = title_key(segments[k].title)
    return lists_chapters(paras, start, end, titles, own) and (
        _prose_in(paras, start, end) <= UNTITLED_SCRAP
    )


def _short_lines_only(paras: Sequence[Para], start: int, end: int) -> bool:
    """Whether ``[start, end)`` holds a few lines of text, none of a story's length: a title
    page's credits and a colophon, not a chapter."""
    texts = texts_in(paras, start, end)
    return len(texts) <= CREDIT_PAGE_LINES and all(len(p.text) <= CREDIT_CHARS for p in texts)


def _prose_in(paras: Sequence[Para], start: int, end: int) -> int:
    return sum(1 for i in range(start, end) if is_prose(paras[i]))


def _lists_later_titles(segments: list[Segment], k: int, paras: Sequence[Para], end: int) -> bool:
    """Whether every line of segment ``k`` under its heading names a chapter after it, and
    there are at least two: a contents page, whatever its title."""
    later = {title_key(s.title) for s in segments[k + 1 :] if s.role == CHAPTER}
    later.discard("")
    lines = [
        title_key(line)
        for para in texts_in(paras, segments[k].start, end)
        if para.hint == ParaKind.TEXT
        for line in para.text.split("\n")
        if line.strip()
    ]
    return len(lines) >= 2 and all(line in later for line in lines)


def _parent(segments: list[Segment], k: int) -> int:
    """The index of the contents entry segment ``k`` is listed under, or -1."""
    depth = segments[k].depth
    for j in range(k - 1, -1, -1):
        if segments[j].depth < depth and segments[j].weight == TOC:
            return j
    return -1


def _under_front_page(segments: list[Segment], k: int, numbered: int) -> bool:
    """An unnumbered entry listed under a page already found front matter (`TREASURE ISLAND`
    / `Illustrated by Louis Rhead`, a dedication), where that page is not also the parent of
    the story's numbered chapters (a book's title over `Prologue` and `Chapter 1`)."""
    segment = segments[k]
    if segment.weight != TOC or not _unnumbered(segment.title) or _strong(segment.title):
        return False
    parent = _parent(segments, k)
    if parent < 0 or segments[parent].role != FRONT:
        return False
    ancestor = numbered
    while ancestor >= 0:
        if ancestor == parent:
            return False
        ancestor = _parent(segments, ancestor)
    return True


def texts_in(paras: Sequence[Para], start: int, end: int) -> list[Para]:
    """The paragraphs of text in ``[start, end)``, not images."""
    return [para for para in paras[start:end] if para.hint == ParaKind.TEXT and not para.image]


def _states_facts(paras: Sequence[Para], start: int, end: int) -> bool:
    """A page of the story's facts, `Status: complete`, `Words: 20692`, `Rated: T`: the
    information page of a download (FicHub's `Introduction`), whatever its title."""
    facts = 0
    for para in paras[start:end]:
        if FACT_LINE.match(para.text):
            facts += 1
            if facts >= MIN_FACTS:
                return True
    return False


def _first_numbered(segments: list[Segment], chapters: list[int]) -> int:
    """The index of the first of MIN_NUMBERED chapters numbered in sequence (`190 A
    FOUR-LEAVED CLOVER`, `191 ...`), or -1."""
    numbers = [part_number(segments[k].title) for k in chapters]
    for n in range(len(chapters) - MIN_NUMBERED + 1):
        first = numbers[n]
        if first is not None and all(numbers[n + d] == first + d for d in range(1, MIN_NUMBERED)):
            return chapters[n]
    return -1


def _unnumbered(title: str) -> bool:
    """A title with no number in it at all (`INTRODUCTORY`, not `Letter 1`)."""
    words = (w.strip(".,:;()[]-—") for w in title.split())
    # (an edition's or a version's number, `1.7`, counts nothing)
    return not any(
        w and parse_number(w) is not None and not EDITION_NUMBER.fullmatch(w) for w in words
    )


def names_book(key: str, book: str) -> bool:
    """Whether a contents label is the book's title or a part of it (`Frankenstein;` for
    `Frankenstein; or, The Modern Prometheus`)."""
    if not key or not book:
        return False
    if key == book or book.startswith(key + " "):
        return True
    return len(key.split()) >= 2 and f" {key} " in f" {book} "


def _strong(title: str) -> bool:
    found = match_heading(title)
    return found is not None and found.strong
