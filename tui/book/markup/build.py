"""Assembling a Book from converted markup: the passes in order, chapters, matter, scenes, names."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from tui.book.markup.book_breaks import (
    captioned_ornaments,
    gaps_after_typed_insets,
    gaps_before_insets,
    gaps_beside_insets_in_drawn_books,
    gaps_beside_lists,
    gaps_beside_ornaments,
    gaps_beside_set_apart_insets,
    gaps_under_epigraphs,
    ornaments_as_breaks,
    pauses_beside_rules,
)
from tui.book.markup.chapter_epigraphs import fenced_epigraphs, rules_under_subtitles
from tui.book.markup.chapter_headers import chapter_headers
from tui.book.markup.chapter_kinds import chapter_kinds
from tui.book.markup.chapter_synopses import chapter_synopses
from tui.book.markup.contents import shape_toc
from tui.book.markup.heading_parts import name_heading_parts
from tui.book.markup.margin_sections import margin_section_starts
from tui.book.markup.matter import book_author, matter_sections, read_matter
from tui.book.markup.numbered_parts import numbered_parts
from tui.book.markup.package import TocEntry
from tui.book.markup.para import Para
from tui.book.markup.paragraphs import WIDE_GAP_LINES, Paragraphs
from tui.book.markup.producers import (
    clean_work_title,
    is_ao3,
)
from tui.book.markup.quoted_lines import quoted_lines_kept
from tui.book.markup.reference_lists import reference_lists
from tui.book.markup.repeated_notices import gaps_after_notices
from tui.book.markup.section_labels import section_starts
from tui.book.markup.segments import CHAPTER, FRONT
from tui.book.markup.structure import find_segments
from tui.book.markup.style_sheets import ClassStyles
from tui.book.markup.text_book import text_book
from tui.book.markup.title_lines import opening_title
from tui.book.markup.titles_under_labels import titles_under_labels
from tui.book.markup.toc_parts import name_toc_parts
from tui.book.model import Book, Chapter, ParaKind
from tui.book.rules.clean_headings import clean_heading
from tui.book.rules.emphasis import plain_title
from tui.book.rules.joined_volumes import name_volumes
from tui.book.rules.scene_headers import header_starts
from tui.book.rules.scene_labels import name_scenes
from tui.book.rules.scenes import fill_scenes
from tui.book.rules.word_count import words_in

TEXT, HEADING, BREAK, NOTE, LABEL = (
    ParaKind.TEXT,
    ParaKind.HEADING,
    ParaKind.BREAK,
    ParaKind.NOTE,
    ParaKind.LABEL,
)
MAX_PART_HEADING = 300  # characters: a longer paragraph is prose, not a part's heading


@dataclass
class BookInfo:
    """What is known about a book besides its paragraphs (from the OPF or the file)."""

    path: str | None = None
    title: str = ""
    authors: list[str] = field(default_factory=list)
    meta: dict[str, object] = field(default_factory=dict)
    guide: dict[str, str] = field(default_factory=dict)  # section name -> guide type
    notices: list[str] = field(default_factory=list)
    encoding: str = "utf-8"
    fallback_title: str = (
        ""  # a page's `<title>` (an EPUB's file name), when nothing names the book
    )
    fallback_author: str = ""  # a web page's `<meta name="author">`, when nothing else names one
    file_title: str = ""  # the file name, after the book's own first lines (a page untitled)
    class_styles: ClassStyles = field(default_factory=dict)  # its style sheets, class by class


def build_book(
    paragraphs: Paragraphs,
    toc: Sequence[TocEntry],
    info: BookInfo,
    *,
    with_names: bool = True,
) -> Book:
    """The Book for the paragraphs converted so far (all of them, or a preview's first few)."""
    paras = paragraphs.paras
    sources = paragraphs.sources
    ornaments_as_breaks(paras)
    captioned_ornaments(paras)
    quoted_lines_kept(paras)
    gaps_beside_ornaments(paras)
    epigraphs = gaps_under_epigraphs(paras)
    gaps_before_insets(paras)
    gaps_beside_set_apart_insets(paras)
    gaps_beside_insets_in_drawn_books(paras)
    gaps_beside_lists(paras)
    gaps_after_typed_insets(paras)
    book = text_book(paras)
    for i in epigraphs:  # (set in from the prose, as the book sets them apart)
        book.insets[i] = max(1, book.insets.get(i, 0))
    book.path = info.path
    book.encoding = info.encoding
    book.style = "markup"
    book.notices = list(info.notices)
    book.sections = [(s.first, s.name) for s in sources if s.first < s.end]
    ao3 = is_ao3(paras)
    shaped = shape_toc(toc, sources, paras)
    listed: list[int] = []  # (sections the contents lists inside stories)
    segments = find_segments(paras, sources, shaped.entries, info.guide, ao3, info.title, listed)
    kinds = book.kinds
    bounds = [s.start for s in segments[1:]] + [len(paras)]
    for segment, end in zip(segments, bounds, strict=True):
        if segment.role == CHAPTER:
            heading = chapter_kinds(kinds, paras, segment, end, ao3)
            book.chapters.append(
                Chapter(
                    len(book.chapters),
                    segment.title,
                    heading,
                    segment.start,
                    end,
                    section=segment.source,
                )
            )
        else:
            kind = ParaKind.FRONT if segment.role == FRONT else ParaKind.END
            kinds[segment.start : end] = bytes([kind]) * (end - segment.start)
            target = book.front_matter if segment.role == FRONT else book.end_matter
            target.extend(matter_sections(paras, segment, end, ao3))
    pauses_beside_rules(kinds, paras)
    _fold_empty_chapters(book)
    _closing_notes(book)
    page_titles = {" ".join(s.title.split()) for s in sources if s.title}
    meta = read_matter(paras, book, info.meta, page_titles)
    book.meta = meta
    found_title = clean_work_title(str(meta.pop("work_title", "")))
    book.title = clean_work_title(info.title) or found_title or info.fallback_title
    fallback_author = info.fallback_author
    if not book.title:
        book.title, opening_author = opening_title(paras, book)
        book.title = book.title or info.file_title
        fallback_author = fallback_author or opening_author
    meta.pop("work_title", None)
    book.author = book_author(paras, book, info.authors, fallback_author)
    _name_chapters(book, paras)
    titles_under_labels(book, paras, [e.title for e in shaped.entries])
    chapter_headers(book, paras)
    chapter_synopses(book, paras, info.class_styles)
    fenced_epigraphs(book)
    rules_under_subtitles(book, paras)
    if with_names:
        # (the whole book: parts and volumes are told from all its chapters, not a preview's)
        name_toc_parts(book, shaped.entries, sources)
        name_volumes(book)
        name_heading_parts(book, paras)
    parts = _part_labels(
        book, paras, sorted({*shaped.part_starts, *numbered_parts(book, paras), *listed})
    )
    # (a wide gap parts scenes as surely as a drawn break, and so does the margin of a class
    # the style sheet spaces above only: a section's opening, never an inset's)
    wide = [
        k + 1
        for k, para in enumerate(paras)
        if para.gap_lines >= WIDE_GAP_LINES or (para.margin and para.hint == ParaKind.BREAK)
    ]
    margins = margin_section_starts(book, paras, info.class_styles)
    starts = sorted({*parts, *section_starts(book, paras), *wide, *header_starts(book), *margins})
    lists = reference_lists(book)
    gaps_after_notices(book, paras)
    starts = [s for s in starts if not any(a <= s < b for a, b in lists)]
    fill_scenes(book, starts, with_names=False)
    _trim_notes(book)
    if with_names:
        name_scenes(book)  # (once the last scenes end before their chapters' notes)
    meta["words"] = _words(book)
    return book


def _fold_empty_chapters(book: Book) -> None:
    """A chapter with no prose (a `Part One` page) joins the chapter after it."""
    kept: list[Chapter] = []
    pending: Chapter | None = None
    for chapter in book.chapters:
        if (
            book.kinds.find(int(TEXT), chapter.start, chapter.end) < 0
            and chapter is not (book.chapters[-1])
        ):
            pending = pending or chapter
            for i in range(chapter.start, chapter.end):
                if book.kinds[i] == TEXT:
                    book.kinds[i] = LABEL
            continue
        if pending is not None:
            chapter.start = pending.start
            pending = None
        chapter.index = len(kept)
        kept.append(chapter)
    book.chapters = kept


def _closing_notes(book: Book) -> None:
    """The footnotes that close a chapter (a page's list of notes after its story) are its
    notes, not a scene of it."""
    kinds = book.kinds
    for chapter in book.chapters:
        k = chapter.end - 1
        while k >= chapter.start and (k in book.notes or kinds[k] != TEXT):
            k -= 1
        if k < chapter.start:
            continue  # (a chapter of notes alone: a book's endnotes, read as its text)
        for i in range(k + 1, chapter.end):
            if kinds[i] == TEXT:
                kinds[i] = NOTE


def _part_labels(book: Book, paras: Sequence[Para], starts: Sequence[int]) -> list[int]:
    """The heading of a numbered part inside a chapter (`II` in a story told in parts) opens
    the scene it numbers, set as the book sets it: a heading tag stays a heading (as the
    part's first number under the chapter's title is), a line of text is a label. Returns
    where those scenes begin."""
    out = []
    kinds = book.kinds
    for i in starts:
        if i >= len(kinds) or len(book.paragraph(i)) > MAX_PART_HEADING:
            continue
        if kinds[i] in (TEXT, HEADING, LABEL):
            # (a heading inside a chapter may be set as a label already: it still opens)
            if kinds[i] == TEXT:
                kinds[i] = HEADING if paras[i].hint == HEADING else LABEL
            out.append(i)
    return out


def _trim_notes(book: Book) -> None:
    """A chapter's last scene ends before the chapter's end notes."""
    kinds = book.kinds
    for chapter in book.chapters:
        if not chapter.scenes:
            continue
        scene = chapter.scenes[-1]
        end = scene.end
        while end - 1 > scene.start and kinds[end - 1] in (NOTE, BREAK):
            end -= 1
        scene.end = end


def _name_chapters(book: Book, paras: Sequence[Para]) -> None:
    """Chapters without a TOC label take their heading's text, else the book title (a one-shot),
    else `Chapter N`."""
    for chapter in book.chapters:
        title = " ".join(chapter.title.split())
        if not title and chapter.heading is not None:
            title = clean_heading(paras[chapter.heading].text.replace("\n", " "))
        if not title and len(book.chapters) == 1:
            title = book.title
        chapter.title = plain_title(title) or f"Chapter {chapter.index + 1}"


def _words(book: Book) -> int:
    """Words of the story: prose paragraphs of chapters (not notes, not front or end matter)."""
    total = 0
    kinds = book.kinds
    for chapter in book.chapters:
        prose = [book.raw(i) for i in range(chapter.start, chapter.end) if kinds[i] == TEXT]
        total += words_in("\n".join(prose))
    return total
