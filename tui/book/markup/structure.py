"""Where chapters, front matter and end matter start in a markup book, and what each is."""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from tui.book.markup.apparatus import apparatus_after_numbers, recounted_chapters
from tui.book.markup.bold_chapters import chapters_left_out
from tui.book.markup.chapter_sections import without_chapter_sections
from tui.book.markup.front import (
    front_pages,
    gutenberg_bounds,
    has_prose,
    is_front_title,
    texts_in,
)
from tui.book.markup.heading_marks import heading_marks, title_role
from tui.book.markup.labelled_titles import labelled_titles
from tui.book.markup.package import TocEntry
from tui.book.markup.page_contents import unheaded_chapters
from tui.book.markup.para import Para, Source, source_at
from tui.book.markup.part_pages import part_pages
from tui.book.markup.producers import (
    END_TYPES,
    FRONT_TYPES,
    ao3_containers,
    is_appendix,
    role_of_source,
    role_of_title,
)
from tui.book.markup.segments import (
    CHAPTER,
    END,
    FRONT,
    HEADING_GUESS,
    PRODUCER,
    TOC,
    Segment,
)
from tui.book.markup.story_end import (
    after_the_end,
    contents_after_story,
    prose_less_end_pages,
)
from tui.book.markup.styled_headings import (
    finest,
    set_as_headings,
    stack_top,
    styled_headings,
)
from tui.book.markup.toc_sections import without_numbered_sections
from tui.book.markup.unlisted_pages import unlisted_after_contents
from tui.book.model import ParaKind
from tui.book.rules.clean_headings import clean_heading
from tui.book.rules.headings import match_heading

MIN_PROSE_FOR_CHAPTER = 5  # text paragraphs that make an unlisted document a chapter


def find_segments(
    paras: Sequence[Para],
    sources: Sequence[Source],
    toc: Sequence[TocEntry],
    guide: dict[str, str],
    ao3: bool,
    title: str = "",
    openings: list[int] | None = None,
) -> list[Segment]:
    """The book's segments in order, the first starting at paragraph 0. ``title`` is the
    book's title from its metadata, to tell a title page listed in the contents; ``openings``
    gets where the sections the contents lists inside its stories open scenes."""
    if not paras:
        return []
    marks = _toc_marks(paras, sources, toc, guide, openings)
    marks += _source_marks(sources, marks, guide)
    if ao3:
        marks += _ao3_marks(paras, sources)
    bounds = gutenberg_bounds(paras)
    marks += _styled_marks(paras, sources, marks, bounds)
    if not any(m.role == CHAPTER for m in marks):
        marks += heading_marks(paras, sources, marks, bounds, title)
    marks += unheaded_chapters(paras, sources, marks)
    segments = _merge(marks, paras)
    if not segments or segments[0].start > 0:
        segments.insert(0, _opening(paras, sources, segments[0].start if segments else len(paras)))
    segments += _unlisted_chapters(paras, sources, segments)
    segments.sort(key=lambda s: s.start)
    segments += chapters_left_out(segments, paras, lambda i: source_at(sources, i).name)
    segments.sort(key=lambda s: s.start)
    segments = front_pages(_bound_story(segments, paras, sources, bounds), paras, title)
    segments += after_the_end(segments, paras, lambda i: source_at(sources, i).name)
    segments.sort(key=lambda s: s.start)
    apparatus_after_numbers(segments, paras)
    recounted_chapters(segments, paras)
    contents_after_story(segments, paras)
    unlisted_after_contents(segments, paras)
    part_pages(segments, paras)
    prose_less_end_pages(segments, paras)
    return _resolve_roles(segments)


def _styled_marks(
    paras: Sequence[Para],
    sources: Sequence[Source],
    marks: list[Segment],
    bounds: tuple[int, int] | None,
) -> list[Segment]:
    """Chapters from headings set as styled paragraphs, where neither the contents list nor
    heading tags name the book's divisions: a contents list of the title page alone."""
    lo, hi = bounds if bounds is not None else (0, len(paras))
    headings = styled_headings(paras, lo, hi) or labelled_titles(paras, lo, hi)
    if not headings:
        return []
    chapters = finest(paras, headings, hi)
    listed = sum(1 for m in marks if m.role == CHAPTER and headings[0] <= m.start < hi)
    tagged = sum(1 for i in range(headings[0], hi) if paras[i].hint == ParaKind.HEADING)
    if 3 * max(listed, tagged) >= len(chapters):
        return []
    out: list[Segment] = []
    for i in chapters:
        top = stack_top(paras, headings, i)
        if not out:
            # (the contents' entries before the first heading are pages of the book, not its
            # divisions: the title page, its lines; a scan's `Pages`, its preface)
            for mark in marks:
                if mark.role == CHAPTER and mark.start < top:
                    prose = has_prose(paras, mark.start, top)
                    mark.role, mark.kind = FRONT, "front" if prose else "title"
        title = clean_heading(paras[i].text.replace("\n", " "))
        out.append(Segment(top, CHAPTER, "", title, source_at(sources, i).name, HEADING_GUESS))
        set_as_headings(paras, top, i)
    return out


def _section_role(para: Para) -> tuple[str, str] | None:
    """What the `epub:type` of the sections around a paragraph says it is, when they say
    `frontmatter` or `backmatter` (an etymology, an epigraph, a foreword)."""
    block = para.block
    if block is None:
        return None
    tokens = block.context.split()
    if "frontmatter" in tokens:
        kinds = (FRONT_TYPES[t] for t in tokens if t in FRONT_TYPES and t != "frontmatter")
        return FRONT, next(kinds, "front")
    if "backmatter" in tokens:
        kinds = (END_TYPES[t] for t in tokens if t in END_TYPES and t != "backmatter")
        return END, next(kinds, "end")
    return None


def _bound_story(
    segments: list[Segment],
    paras: Sequence[Para],
    sources: Sequence[Source],
    bounds: tuple[int, int] | None,
) -> list[Segment]:
    """Project Gutenberg's `*** START OF` and `*** END OF` lines (``bounds``) bound the
    story: what comes before is front matter, what comes after (the licence) end matter."""
    if bounds is None:
        return segments
    start, end = bounds
    out = []
    for k, segment in enumerate(segments):
        if segment.start >= end:
            continue
        if segment.start < start and segment.role != FRONT:
            following = segments[k + 1].start if k + 1 < len(segments) else end
            if segment.role == CHAPTER and following > start and has_prose(paras, start, following):
                # A chapter listed at the top of the document that holds the header too.
                name = source_at(sources, start).name
                out.append(Segment(start, CHAPTER, "", segment.title, name, segment.weight))
            segment.role, segment.kind = FRONT, segment.kind or "front"
        out.append(segment)
    out.append(Segment(end, END, "licence", "", source_at(sources, end).name, PRODUCER))
    out.sort(key=lambda s: s.start)
    return out


def _toc_marks(
    paras: Sequence[Para],
    sources: Sequence[Source],
    toc: Sequence[TocEntry],
    guide: dict[str, str],
    openings: list[int] | None = None,
) -> list[Segment]:
    by_name = {s.name: s for s in sources}
    folded = {s.name.casefold(): s for s in sources}
    marks: list[Segment] = []
    by_section: list[Segment] = []  # matter only by the `epub:type` of its section
    for entry in toc:
        source = by_name.get(entry.path) or folded.get(entry.path.casefold())
        if source is None or source.first == source.end:
            continue
        para = source.ids.get(entry.fragment, source.first) if entry.fragment else source.first
        para = min(max(para, source.first), source.end - 1)
        role = title_role(entry.title)
        if role is None and _appendix(entry.title, paras[para]):
            role = END, "appendix"
        if role is None and para == source.first:
            role = role_of_source(source, guide.get(source.name, ""))
        section = None
        if role is None:
            role = section = _section_role(paras[para])
        if role is None:
            marks.append(Segment(para, CHAPTER, "", entry.title, source.name, TOC, entry.depth))
        else:
            marks.append(
                Segment(para, role[0], role[1], entry.title, source.name, TOC, entry.depth)
            )
            if section is not None:
                by_section.append(marks[-1])
    if by_section and not any(m.role == CHAPTER for m in marks):
        for mark in by_section:  # a book marked `frontmatter` all through: the marks are wrong
            mark.role, mark.kind = CHAPTER, ""
    marks = without_chapter_sections(marks, lambda a, b: has_prose(paras, a, b))
    return without_numbered_sections(marks, openings)


def _appendix(title: str, para: Para) -> bool:
    """An appendix by its contents entry or by the heading it points at (a DocBook contents
    list drops the `Appendix` of `Appendix A. Free Version Control Systems`)."""
    return is_appendix(title) or (para.hint == ParaKind.HEADING and is_appendix(para.text))


def _source_marks(
    sources: Sequence[Source], marks: list[Segment], guide: dict[str, str]
) -> list[Segment]:
    """Documents that say what they are (FanFicFare's title page, `epub:type`, the guide)."""
    out = []
    for source in sources:
        if source.first == source.end:
            continue
        role = role_of_source(source, guide.get(source.name, ""))
        if role is None or any(source.first <= m.start < source.end for m in marks):
            continue
        out.append(Segment(source.first, role[0], role[1], source.title, source.name, PRODUCER))
    return out


def _ao3_marks(paras: Sequence[Para], sources: Sequence[Source]) -> list[Segment]:
    """AO3 downloads: `#preface`, the chapters (each opened by `h2.heading`), `#afterword`.
    (A download that kept only AO3's chapter markup has none of these containers.)"""
    marks: list[Segment] = []
    if not any(p.block is not None and ao3_containers(p.block.context) for p in paras):
        return marks
    region = None
    for i, para in enumerate(paras):
        block = para.block
        if block is None:
            continue
        context = block.context
        if "#preface" in context:
            now = "preface"
        elif "#afterword" in context or (region == "afterword" and "#chapters" not in context):
            # (what trails the afterword outside AO3's containers, a stray line or a signature
            # added by hand, is more of the end matter, not a chapter)
            now = "afterword"
        else:
            now = "chapters"
        heading = (
            now == "chapters"
            and para.hint == ParaKind.HEADING
            and "heading" in block.marks.split()
            and "toc-heading" not in block.marks
        )
        if now != region or heading:
            name = source_at(sources, i).name
            if now == "preface":
                marks.append(Segment(i, FRONT, "preface", "", name, PRODUCER))
            elif now == "afterword":
                marks.append(Segment(i, END, "afterword", "", name, PRODUCER))
            else:
                title = clean_heading(para.text.replace("\n", " ")) if heading else ""
                marks.append(Segment(i, CHAPTER, "", title, name, PRODUCER))
            region = now
    return marks


def _merge(marks: list[Segment], paras: Sequence[Para]) -> list[Segment]:
    """Sort marks; at one paragraph keep the strongest (of TOC entries, the last: the most
    nested). A weaker chapter mark right after a stronger one, with no prose between (the
    heading of a chapter whose TOC entry points at the top of its file), is the same chapter."""
    best: dict[int, Segment] = {}
    for mark in marks:
        held = best.get(mark.start)
        if held is None or mark.weight >= held.weight:
            if held is not None and not mark.title:
                mark.title = held.title
            best[mark.start] = mark
    out: list[Segment] = []
    for start in sorted(best):
        mark = best[start]
        if out and mark.weight < out[-1].weight and mark.role == out[-1].role:
            between = paras[out[-1].start : mark.start]
            if not any(p.hint == ParaKind.TEXT and not p.image for p in between):
                continue
        out.append(mark)
    return out


def _opening(paras: Sequence[Para], sources: Sequence[Source], end: int) -> Segment:
    """What comes before the first mark: front matter, unless it is a story with a heading."""
    prose = sum(1 for p in paras[:end] if p.hint == ParaKind.TEXT and not p.image)
    heading = next((p for p in paras[:end] if p.hint == ParaKind.HEADING), None)
    name = sources[0].name
    found = match_heading(heading.text) if heading is not None else None
    if heading is not None and prose >= 3 and found is not None and found.strong:
        # The table of contents forgot the first chapter (`Prologue`).
        return Segment(0, CHAPTER, "", clean_heading(heading.text), name, HEADING_GUESS)
    kind = "front"
    role = role_of_source(sources[0]) or role_of_title(sources[0].title)
    if role is not None:
        kind = role[1]
    elif all(p.image or p.hint == ParaKind.BREAK for p in paras[:end]):
        kind = "cover"
    return Segment(0, FRONT, kind, "", name, HEADING_GUESS)


def _unlisted_chapters(
    paras: Sequence[Para], sources: Sequence[Source], segments: list[Segment]
) -> list[Segment]:
    """A document missing from the table of contents that carries a story of its own, after
    front matter (a one-shot whose only TOC entry is the title page), is a chapter."""
    out = []
    starts = [s.start for s in segments]
    for source in sources:
        if source.first == source.end:
            continue
        k = bisect.bisect_right(starts, source.end - 1) - 1  # the last segment starting in it
        if k < 0 or starts[k] >= source.first or segments[k].role == CHAPTER:
            continue
        texts = texts_in(paras, source.first, source.end)
        if len(texts) >= MIN_PROSE_FOR_CHAPTER and not all(map(_in_ao3_matter, texts)):
            heading = next(
                (p for p in paras[source.first : source.end] if p.hint == ParaKind.HEADING), None
            )
            title = clean_heading(heading.text) if heading else source.title
            if is_front_title(title) or not has_prose(paras, source.first, source.end):
                continue  # a contents page left out of the contents (`Brief Contents`)
            out.append(Segment(source.first, CHAPTER, "", title, source.name, HEADING_GUESS))
    return out


def _in_ao3_matter(para: Para) -> bool:
    """Inside an AO3 download's preface or afterword (a converter may split them over files)."""
    context = para.block.context if para.block is not None else ""
    return "#preface" in context or "#afterword" in context


def _resolve_roles(segments: list[Segment]) -> list[Segment]:
    """Matter before the first chapter is front matter, after the last one end matter; a
    matter-like page between chapters (`Interlude: Copyright`) stays a chapter."""
    chapters = [k for k, s in enumerate(segments) if s.role == CHAPTER]
    if not chapters:
        return segments
    first, last = chapters[0], chapters[-1]
    for k, segment in enumerate(segments):
        if k < first:
            segment.role = FRONT
            segment.kind = segment.kind or "front"
        elif k > last:
            segment.role = END
            segment.kind = segment.kind if segment.kind else "end"
        elif segment.role != CHAPTER:
            segment.role = CHAPTER
            segment.kind = ""
    return segments
