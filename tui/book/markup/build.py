"""Assembling a Book from converted markup: text and offsets, kinds, chapters, scenes, matter."""

from __future__ import annotations

from array import array
from collections.abc import Sequence
from dataclasses import dataclass, field

from tui.book.markup.matter import matter_sections, read_matter
from tui.book.markup.package import TocEntry
from tui.book.markup.paragraphs import Para, Paragraphs
from tui.book.markup.producers import ENDNOTE_LINK, is_ao3, is_note_label
from tui.book.markup.section_labels import section_starts
from tui.book.markup.structure import CHAPTER, FRONT, Segment, find_segments, same_title
from tui.book.model import Book, Chapter, ParaKind
from tui.book.rules.headings import clean_heading, match_heading
from tui.book.rules.scenes import fill_scenes, scene_names

TEXT, HEADING, BREAK, NOTE, LABEL = (
    ParaKind.TEXT,
    ParaKind.HEADING,
    ParaKind.BREAK,
    ParaKind.NOTE,
    ParaKind.LABEL,
)
# Class names of paragraphs that hold a chapter's title in books without heading tags: any
# containing these, or exactly one of the short ones (`chapter-text` is prose, `chapter` not).
TITLE_CLASSES = ("title", "heading", "chapter-num", "chapnum", "chapter_num")
TITLE_SHORT_CLASSES = frozenset(("chapter", "ct", "cn", "chap", "head", "h1", "h2", "h3"))


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
    fallback_title: str = ""  # the file name, when nothing names the book


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
    book = _text_book(paras)
    book.path = info.path
    book.encoding = info.encoding
    book.style = "markup"
    book.notices = list(info.notices)
    book.sections = [(s.first, s.name) for s in sources if s.first < s.end]
    ao3 = is_ao3(paras)
    segments = find_segments(paras, sources, toc, info.guide, ao3)
    kinds = book.kinds
    bounds = [s.start for s in segments[1:]] + [len(paras)]
    for segment, end in zip(segments, bounds, strict=True):
        if segment.role == CHAPTER:
            heading = _chapter_kinds(kinds, paras, segment, end, ao3)
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
    _fold_empty_chapters(book)
    page_titles = {" ".join(s.title.split()) for s in sources if s.title}
    meta = read_matter(paras, book, info.meta, page_titles)
    book.meta = meta
    book.title = info.title or str(meta.pop("work_title", "")) or info.fallback_title
    meta.pop("work_title", None)
    authors = info.authors or ([str(meta["author"])] if meta.get("author") else [])
    book.author = ", ".join(authors) if authors else None
    _name_chapters(book, paras)
    fill_scenes(book, section_starts(book, paras), with_names=with_names)
    _trim_notes(book, with_names)
    meta["words"] = _words(book)
    return book


def _text_book(paras: Sequence[Para]) -> Book:
    """Text (paragraphs joined by blank lines), offsets, hint kinds and spans."""
    starts = array("q")
    ends = array("q")
    spans: dict[int, list[tuple[int, int, str]]] = {}
    offset = 0
    for i, para in enumerate(paras):
        starts.append(offset)
        offset += len(para.text)
        ends.append(offset)
        offset += 2
        if para.spans:
            spans[i] = para.spans
    text = "\n\n".join(p.text for p in paras)
    kinds = bytearray(int(p.hint) for p in paras)
    return Book(text, starts, ends, kinds, array("q", bytes(8 * len(paras))), spans=spans)


def _chapter_kinds(kinds: bytearray, paras: Sequence[Para], seg: Segment, end: int, ao3: bool):
    """Kinds inside a chapter; returns the paragraph index of its heading (or None).

    Headings open the chapter (an `<h2>`, or a short line naming the chapter); images among
    them are labels, not scenes; a heading tag later in the chapter is prose. AO3 chapter notes
    (`div.meta`, or a `Chapter Notes` label and its quote) are notes.
    """
    heading = None
    i = seg.start
    while i < end and i < seg.start + 8:
        para = paras[i]
        if para.hint == HEADING or (para.hint == TEXT and _names_chapter(para, seg.title)):
            kinds[i] = HEADING
            heading = i if heading is None else heading
        elif para.image and not (ao3 and _in_meta(para)):
            kinds[i] = LABEL
        elif para.hint != BREAK and not (ao3 and _ao3_note_line(para)):
            break
        i += 1
    for j in range(i, end):
        if kinds[j] == HEADING:
            kinds[j] = TEXT  # a heading tag inside the chapter is part of the story
    if ao3:
        _ao3_notes(kinds, paras, seg.start, end)
    return heading


def _names_chapter(para: Para, title: str) -> bool:
    if len(para.text) > 120 or para.image:
        return False
    if title and same_title(para.text, title):
        return True
    found = match_heading(para.text.replace("\n", " "))
    if found is not None and found.strong:
        return True
    marks = para.block.marks.split() if para.block is not None else []
    return len(para.text) <= 60 and any(
        m in TITLE_SHORT_CLASSES or any(word in m for word in TITLE_CLASSES) for m in marks
    )


def _ao3_note_line(para: Para) -> bool:
    return _in_meta(para) or is_note_label(para.text) or bool(ENDNOTE_LINK.match(para.text))


def _in_meta(para: Para) -> bool:
    block = para.block
    if block is None:
        return False
    tokens = block.context.split()
    return "meta" in tokens or any(t.startswith(("#endnotes", "endnote")) for t in tokens)


def _ao3_notes(kinds: bytearray, paras: Sequence[Para], start: int, end: int) -> None:
    """AO3 chapter notes and end notes: by class when the download kept them, else by their
    `Chapter Notes` / `Chapter End Notes` labels and the quotes that follow."""
    for j in range(start, end):
        if kinds[j] != HEADING and (_in_meta(paras[j]) or ENDNOTE_LINK.match(paras[j].text)):
            kinds[j] = NOTE
    j = start
    while j < end:
        if kinds[j] in (TEXT, LABEL) and is_note_label(paras[j].text):
            quoted = j + 1
            while quoted < end and _quoted(paras[quoted]):
                quoted += 1
            if quoted > j + 1:
                kinds[j:quoted] = bytes([NOTE]) * (quoted - j)
                j = quoted
                continue
        j += 1


def _quoted(para: Para) -> bool:
    return para.block is not None and "blockquote" in para.block.context.split()


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


def _trim_notes(book: Book, with_names: bool) -> None:
    """A chapter's last scene ends before the chapter's end notes."""
    kinds = book.kinds
    for chapter in book.chapters:
        if not chapter.scenes:
            continue
        scene = chapter.scenes[-1]
        end = scene.end
        while end - 1 > scene.start and kinds[end - 1] in (NOTE, BREAK):
            end -= 1
        if end != scene.end:
            scene.end = end
            if with_names:
                scene.names = scene_names(book, scene.start, end)


def _name_chapters(book: Book, paras: Sequence[Para]) -> None:
    """Chapters without a TOC label take their heading's text, else the book title (a one-shot),
    else `Chapter N`."""
    for chapter in book.chapters:
        title = " ".join(chapter.title.split())
        if not title and chapter.heading is not None:
            title = clean_heading(paras[chapter.heading].text.replace("\n", " "))
        if not title and len(book.chapters) == 1:
            title = book.title
        chapter.title = title or f"Chapter {chapter.index + 1}"


def _words(book: Book) -> int:
    """Words of the story: prose paragraphs of chapters (not notes, not front or end matter)."""
    total = 0
    kinds = book.kinds
    for chapter in book.chapters:
        for i in range(chapter.start, chapter.end):
            if kinds[i] == TEXT:
                total += len(book.text[book.starts[i] : book.ends[i]].split())
    return total
