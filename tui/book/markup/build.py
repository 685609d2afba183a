"""Assembling a Book from converted markup: text and offsets, kinds, chapters, scenes, matter."""

from __future__ import annotations

import itertools
import re
from array import array
from collections.abc import Sequence
from dataclasses import dataclass, field

from tui.book.markup.book_breaks import (
    gaps_after_typed_insets,
    gaps_before_insets,
    gaps_beside_ornaments,
    gaps_beside_set_apart_insets,
    gaps_under_epigraphs,
    ornaments_as_breaks,
)
from tui.book.markup.chapter_epigraphs import fenced_epigraphs, rules_under_subtitles
from tui.book.markup.chapter_headers import chapter_headers
from tui.book.markup.chapter_notes import labelled_notes, notes_set_off_by_rules
from tui.book.markup.contents import shape_toc
from tui.book.markup.heading_parts import name_heading_parts
from tui.book.markup.keyword_headings import prologue_of_its_own_epilogue
from tui.book.markup.margin_sections import margin_section_starts
from tui.book.markup.matter import book_author, matter_sections, read_matter
from tui.book.markup.numbered_parts import numbered_parts
from tui.book.markup.package import TocEntry
from tui.book.markup.para import Para, is_illustration
from tui.book.markup.paragraphs import WIDE_GAP_LINES, Paragraphs
from tui.book.markup.producers import (
    ENDNOTE_LINK,
    clean_work_title,
    is_ao3,
    is_note_label,
    same_title,
)
from tui.book.markup.quoted_lines import quoted_lines_kept
from tui.book.markup.reference_lists import reference_lists
from tui.book.markup.repeated_notices import gaps_after_notices
from tui.book.markup.section_labels import section_starts
from tui.book.markup.segments import CHAPTER, FRONT, Segment
from tui.book.markup.structure import find_segments
from tui.book.markup.style_sheets import ClassStyles
from tui.book.markup.tags import LINE_ONLY_MARKS
from tui.book.markup.title_lines import opening_title
from tui.book.markup.titles_under_labels import titles_under_labels
from tui.book.markup.toc_parts import name_toc_parts
from tui.book.model import Book, Chapter, ParaKind
from tui.book.rules.clean_headings import clean_heading
from tui.book.rules.emphasis import plain_title
from tui.book.rules.headings import match_heading
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
# Class names of paragraphs that hold a chapter's title in books without heading tags: any
# containing these, or exactly one of the short ones (`chapter-text` is prose, `chapter` not).
TITLE_CLASSES = ("title", "heading", "chapter-num", "chapnum", "chapter_num")
MAX_PART_HEADING = 300  # characters: a longer paragraph is prose, not a part's heading
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
    quoted_lines_kept(paras)
    gaps_beside_ornaments(paras)
    epigraphs = gaps_under_epigraphs(paras)
    gaps_before_insets(paras)
    gaps_beside_set_apart_insets(paras)
    gaps_after_typed_insets(paras)
    book = _text_book(paras)
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


def _text_book(paras: Sequence[Para]) -> Book:
    """Text (paragraphs joined by blank lines), offsets, hint kinds and spans."""
    starts = array("q")
    ends = array("q")
    spans: dict[int, list[tuple[int, int, str]]] = {}
    insets: dict[int, int] = {}
    offset = 0
    for i, para in enumerate(paras):
        starts.append(offset)
        offset += len(para.text)
        ends.append(offset)
        offset += 2
        if para.spans:
            spans[i] = para.spans
        if para.block is not None and (levels := quoted_levels(para.block.context)):
            insets[i] = levels
    insets = _without_container(insets, paras)
    text = "\n\n".join(p.text for p in paras)
    kinds = bytearray(int(p.hint) for p in paras)
    book = Book(text, starts, ends, kinds, array("q", bytes(8 * len(paras))), spans=spans)
    book.insets = insets
    book.notes = {i for i, para in enumerate(paras) if para.block is not None and para.block.note}
    book.typed = {
        i: para.block.typed
        for i, para in enumerate(paras)
        if para.block is not None
        and para.block.typed is not None
        and len(para.block.typed) == para.text.count("\n") + 1
    }
    book.runs_on = {
        i
        for i, (para, after) in enumerate(itertools.pairwise(paras))
        if _same_stanza(para, after) or _same_table(para, after)
    }
    return book


def _without_container(insets: dict[int, int], paras: Sequence[Para]) -> dict[int, int]:
    """The levels of ``insets`` less the blockquotes around all of the text: a forum wraps each
    post in one (`blockquote.messageText`), as some converters wrap a whole book; that holds
    the text, and quotes nothing."""
    texts = [i for i, para in enumerate(paras) if para.hint == ParaKind.TEXT]
    if not texts or len(insets) < len(texts):
        return insets
    around = min(insets.get(i, 0) for i in texts)
    if not around:
        return insets
    return {i: level - around for i, level in insets.items() if level > around}


def _same_table(para: Para, after: Para) -> bool:
    """Whether ``after`` is the next row of the table set in columns ``para`` is a row of."""
    block, next_block = para.block, after.block
    return block is not None and block.runs_on and next_block is not None and bool(next_block.cells)


def _same_stanza(para: Para, after: Para) -> bool:
    """Whether ``after`` is the next line of the stanza ``para`` is a line of: both `<p>`s of
    text in the same verse element, set alike but for a line's indent or id (an attribution
    under the verse, `<p class="source">`, is set apart)."""
    block, next_block = para.block, after.block
    if block is None or next_block is None or not block.verse or block.verse != next_block.verse:
        return False
    if para.hint != ParaKind.TEXT or after.hint != ParaKind.TEXT:
        return False
    if "\n" in para.text or "\n" in after.text:
        return False  # (stanzas set one `<p>` each, their lines divided by `<br>`)
    return (
        LINE_ONLY_MARKS.sub("", block.marks).split()
        == LINE_ONLY_MARKS.sub("", next_block.marks).split()
    )


# Marks of an element that holds a letter quoted in the story (Standard Ebooks' epub:type,
# a class `letter`).
_LETTER_MARKS = frozenset(("letter", "z3998:letter"))


def quoted_levels(context: str) -> int:
    """How many levels in a book sets a paragraph inside ``context`` (a block's ancestors'
    tags and marks): one for each `<blockquote>` around it, and one for a letter that no
    blockquote holds."""
    marks = context.split()
    levels = marks.count("blockquote")
    return levels or int(not _LETTER_MARKS.isdisjoint(marks))


def _chapter_kinds(
    kinds: bytearray, paras: Sequence[Para], seg: Segment, end: int, ao3: bool
) -> int | None:
    """Kinds inside a chapter; returns the paragraph index of its heading (or None).

    Headings open the chapter (an `<h2>`, or a short line naming the chapter); images among
    them are labels, not scenes; a heading tag later in the chapter is prose. AO3 chapter notes
    (`div.meta`, or a `Chapter Notes` label and its quote) are notes.
    """
    heading = None
    i = seg.start
    while i < end and i < seg.start + 8:
        para = paras[i]
        if para.hint == HEADING or (
            para.hint == TEXT
            and _names_chapter(para, seg.title)
            and not prologue_of_its_own_epilogue(paras, i, end)
        ):
            kinds[i] = HEADING
            heading = i if heading is None else heading
        elif para.image and not (ao3 and _in_meta(para)):
            kinds[i] = LABEL
        elif para.hint != BREAK and not (ao3 and _ao3_note_line(para)):
            break
        i += 1
    for j in range(i, end):
        if kinds[j] == HEADING:
            # A heading tag inside the chapter is part of the story; right after a rule it
            # labels the scene the rule opens (`ACT II.` of a play inside the chapter), and
            # right after an illustration it is the illustration's caption.
            after = kinds[j - 1] if j > i else TEXT
            kinds[j] = LABEL if after == BREAK or (after == LABEL and paras[j - 1].image) else TEXT
        elif kinds[j] == TEXT and (paras[j].image or is_illustration(paras[j])):
            kinds[j] = LABEL  # an illustration is not the text a scene opens with
    # AO3's `Chapter Text` landmark, left as text by a converter (or after a rule under it),
    # is a landmark still, not the first words (and a name, `Text`) of the chapter's scene.
    for j in range(i, end):
        if kinds[j] == TEXT and AO3_LANDMARK.fullmatch(paras[j].text.strip()):
            kinds[j] = LABEL
    if ao3:
        _ao3_notes(kinds, paras, seg.start, end)
        # A heading tag right under the chapter's notes (a point of view, `Felix`) labels
        # its first scene, as it would right under its title.
        after = next((j for j in range(i, end) if kinds[j] not in (NOTE, LABEL)), end)
        if after < end and after > i and paras[after].hint == HEADING and kinds[after] == TEXT:
            kinds[after] = LABEL
    # A note's label passed over with the headings but left as text (`Author's notes:` in the
    # chapter's own text, no AO3 notes block under it) opens the chapter's body: its note is
    # the author's.
    body = i
    while body > seg.start and kinds[body - 1] == TEXT and is_note_label(paras[body - 1].text):
        body -= 1
    opened = notes_set_off_by_rules(kinds, paras, body, end)
    labelled_notes(kinds, paras, body, end, opened=opened)
    return heading


AO3_LANDMARK = re.compile(r"(?:Chapter|Work) Text")


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
    if "meta" in tokens or any(t.startswith(("#endnotes", "endnote")) for t in tokens):
        return True
    # A saved AO3 page: `div.notes.module`, `div.summary.module`, `div.end.notes.module`.
    return "module" in tokens and ("notes" in tokens or "summary" in tokens)


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
            if quoted == j + 1 and quoted < end and kinds[quoted] == NOTE:
                kinds[j] = NOTE  # the label over notes AO3 marked (`See the end of the chapter…`)
            elif quoted > j + 1:
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
