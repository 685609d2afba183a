"""Parsing plain text into a Book: `parse_text` (the whole book) and `parse_preview` (a window).

The pipeline: paragraph spans (text_scan) -> the few lines that may be more than prose
(text_lines, one regex pass) -> chapter headings (structure, with contents for chapters named
only in a contents list) -> front matter (frontmatter) -> end matter and chapter notes
(endmatter, notes) -> scene breaks from glyph lines, spacers, wider blank gaps, numbered
sections and point-of-view labels (scene_gaps, sections, scenes).
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Sequence
from pathlib import Path

from tui.book.file_title import title_from_path
from tui.book.model import Book, ParaKind, Section
from tui.book.rules.illustrations import (
    beside_pictures,
    illustration_blocks,
    mark_illustrations,
    picture_leftovers,
)
from tui.book.rules.joined_volumes import name_volumes
from tui.book.rules.repeated_openings import mark_repeated_openings, repeated_openings
from tui.book.rules.scenes import fill_scenes
from tui.book.rules.word_count import count_words
from tui.book.text.blank_counts import blank_lines_each
from tui.book.text.bracket_numbers import bracket_numbered_titles
from tui.book.text.break_lines import mark_break_lines
from tui.book.text.chapter_list import build_chapters, paragraph_reader, section_lines
from tui.book.text.chapters import choose_headings
from tui.book.text.clock_scenes import clock_scenes
from tui.book.text.closing_chapter import split_closing_chapter
from tui.book.text.colophon import (
    before_author_note,
    before_colophon,
    only_short_lines,
    verse_then_notes,
)
from tui.book.text.contents import listed_headings, marked_headings
from tui.book.text.dated_chapters import date_line_headings, run_in_dates, salutation
from tui.book.text.day_titles import day_titles, hours_of_days
from tui.book.text.download_titles import titles_set_apart
from tui.book.text.end_matter import (
    before_fenced_title,
    before_footnotes,
    before_sequel,
    before_trailing_links,
    end_sections,
    find_story_end,
)
from tui.book.text.epigraph_chapters import epigraph_chapters
from tui.book.text.filled_titles import titles_between_paragraphs
from tui.book.text.front_matter import names_under_heading
from tui.book.text.gap_chapters import gap_parted_chapters
from tui.book.text.gaps import gap_scene_starts, gaps_beside_sections, wider_than_set_off
from tui.book.text.glued_headings import cut_paragraphs
from tui.book.text.gutenberg import find_wrapper, part_at_marks
from tui.book.text.heading_choice import HeadingChoice
from tui.book.text.insets import inset_rules, set_piece_ornaments
from tui.book.text.label_look import labels_set_alike
from tui.book.text.letters import (
    DateLines,
    date_lines,
    dated_entries,
    dates_within_letters,
    letter_openings,
    letters_own_lines,
    titles_among_letters,
)
from tui.book.text.line_candidates import find_candidates
from tui.book.text.long_headings import long_headings
from tui.book.text.name_labels import name_labels
from tui.book.text.name_lines import names_at_top
from tui.book.text.next_line_titles import titles_on_next_line
from tui.book.text.numbered_scenes import numbered_scene_headings
from tui.book.text.ordinal_parts import ordinal_parts
from tui.book.text.paragraphs import (
    Paragraphs,
    guess_style,
    paragraphs_after,
    scan_paragraphs,
    wider_gaps,
)
from tui.book.text.sections import label_openers, recurring_time_lines
from tui.book.text.setting_lines import setting_scenes
from tui.book.text.shared_word_headings import shared_word_headings
from tui.book.text.spaced_titles import spaced_titles
from tui.book.text.spacers import spaces_messages
from tui.book.text.story_start import (
    capitals_title_heads_the_opening,
    set_front,
    story_front,
    title_line_heads_the_story,
)
from tui.book.text.titled_sections import titled_sections

TEXT, HEADING, BREAK = int(ParaKind.TEXT), int(ParaKind.HEADING), int(ParaKind.BREAK)
FRONT, END, LABEL = int(ParaKind.FRONT), int(ParaKind.END), int(ParaKind.LABEL)
NOTE = int(ParaKind.NOTE)

PREVIEW_SPAN = 200_000


def parse_text(
    text: str,
    *,
    path: str | None = None,
    encoding: str = "utf-8",
    heading_lines: Sequence[int] = (),
    scene_lines: Sequence[int] = (),
    hidden_lines: Sequence[int] = (),
) -> Book:
    """Parse normalised text (see `tui.book.loader`) into a Book with chapters and scenes.
    ``heading_lines`` are 1-based lines the file marks as chapter headings (Markdown `#`),
    ``scene_lines`` lines it marks as opening a scene, ``hidden_lines`` (sorted) blank lines
    that were markup with nothing to show."""

    def whole(
        paras: Paragraphs, marked: Sequence[int], unheaded: dict[int, str] | None = None
    ) -> Book:
        return _build(
            text,
            paras,
            path=path,
            encoding=encoding,
            lo=0,
            hi=len(text),
            names=True,
            marked=marked,
            openers=scene_lines,
            hidden=hidden_lines,
            unheaded=unheaded or {},
        )

    paras = scan_paragraphs(text)
    book = whole(paras, heading_lines)
    if paras.common_gap < 1 and not heading_lines:
        # (a book whose dropped headings each left the one blank line in its text)
        parted = gap_parted_chapters(book)
        if parted:
            book = whole(paras, heading_lines, parted)
            book.chapters[0].title = "Chapter 1"
    if paras.common_gap < 1 or heading_lines:
        return book
    dated = run_in_dates(book, paras)
    if not dated:
        # (a book of letters or a diary without headings: a date alone over each entry)
        entries = date_line_headings(book, paras)
        if entries is None:
            return book
        paragraph = paragraph_reader(book)
        undated = {i: salutation(paragraph(i)) for i in entries.undated}
        return whole(paras, [book.lines[i] for i in entries.headings], undated)
    # (a diary without headings: each entry's date, run into its first sentence, heads it)
    starts, ends, lines = cut_paragraphs(
        text, paras.starts, paras.ends, paras.lines, {i: [at] for i, (_, at) in dated.items()}
    )
    paras = dataclasses.replace(paras, starts=starts, ends=ends, lines=lines)
    return whole(paras, sorted(book.lines[i] for i in dated))


def parse_preview(
    text: str,
    around_offset: int = 0,
    span: int = PREVIEW_SPAN,
    *,
    first_line: int | None = None,
    path: str | None = None,
    encoding: str = "utf-8",
    heading_lines: Sequence[int] = (),
    scene_lines: Sequence[int] = (),
    hidden_lines: Sequence[int] = (),
) -> Book:
    """A quick Book over a window of ``span`` characters around ``around_offset``.

    Paragraph offsets are global and line numbers correct, so positions agree with the full
    parse; chapters and scenes are those found inside the window (none may be). Pass
    ``first_line`` (the line number at the window start) if known, to skip counting lines.
    """
    size = len(text)
    around = max(0, min(around_offset, size))
    lo = max(0, around - span // 2)
    hi = min(size, lo + span)
    lo = max(0, hi - span) if hi == size else lo
    if lo > 0:
        # Start on a paragraph boundary: after a blank line if one is near, else a line start.
        blank = text.rfind("\n\n", max(0, lo - 20_000), lo)
        lo = blank + 2 if blank >= 0 else text.rfind("\n", 0, lo) + 1
    if hi < size:
        newline = text.rfind("\n", lo, hi)
        hi = newline if newline > lo else hi
    line = first_line if first_line is not None else text.count("\n", 0, lo) + 1
    paras = scan_paragraphs(text, lo, hi, first_line=line, style=guess_style(text, lo, hi))
    return _build(
        text,
        paras,
        path=path,
        encoding=encoding,
        lo=lo,
        hi=hi,
        names=False,
        marked=heading_lines,
        openers=scene_lines,
        hidden=hidden_lines,
    )


def _build(
    text,
    paras: Paragraphs,
    *,
    path,
    encoding,
    lo: int,
    hi: int,
    names: bool,
    marked: Sequence[int] = (),
    openers: Sequence[int] = (),
    hidden: Sequence[int] = (),
    unheaded: dict[int, str] | None = None,
) -> Book:
    """The Book of the paragraphs in ``[lo, hi)``; ``unheaded``: chapters the text gives no
    heading line (a letter with no date among dated ones), by first paragraph, with titles."""
    part_at_marks(text, paras.starts, paras.ends, paras.lines, lo, hi)
    n = len(paras.starts)
    book = Book(
        text,
        paras.starts,
        paras.ends,
        bytearray(n),
        paras.lines,
        path=path,
        encoding=encoding,
        style=paras.style,
        rejoin=paras.rejoin,
    )
    book.meta["words"] = count_words(text, n) if lo == 0 and hi == len(text) else 0
    if n == 0:
        book.title = title_from_path(path)
        if lo == 0 and hi == len(text):
            book.notices.append("the file is empty" if not text else "the file has no text")
        return book
    infos = find_candidates(text, paras.starts, paras.ends, lo, hi)
    infos |= long_headings(text, paras.starts, paras.ends, infos)
    kinds = book.kinds
    # (a picture's file name left alone on its line is no title, no narrator's name, no story)
    leftovers = picture_leftovers(
        book, sorted(i for i, info in infos.items() if info.kind == "picture")
    )
    for first_leftover, end_leftover in leftovers:
        for k in range(first_leftover, end_leftover):
            kinds[k] = LABEL
            infos.pop(k, None)
    paragraph = paragraph_reader(book)

    @functools.cache
    def dates() -> DateLines:
        return date_lines(book, paragraph)

    def blank_before(i: int) -> int:
        # (counted once for every paragraph, when first asked: the passes ask it of thousands)
        return blank_lines_each(book)[i]

    messages = spaces_messages(infos, paragraph, n)
    mark_break_lines(
        kinds,
        infos,
        paragraph,
        n,
        paras.common_gap,
        blank_before,
        messages,
        wrapped=paras.style in ("wrapped", "indented"),
    )
    # A Gutenberg header and licence are front and end matter: nothing in them is story.
    wrapper = find_wrapper(text, paras.starts, book.para_at) if lo == 0 else None
    first, last = (wrapper.start, wrapper.end) if wrapper else (0, n)
    if wrapper:
        infos = {i: info for i, info in infos.items() if first <= i < last}
    listed = listed_headings(text, paras.starts, paras.ends, infos, paragraph) if lo == 0 else []
    seen = {i for i, _ in listed}
    listed += [
        h for h in marked_headings(paras.lines, marked, infos, paragraph) if h[0] not in seen
    ]
    if lo == 0:
        seen = {i for i, _ in listed}
        counted = ordinal_parts(
            text, paras.starts, paras.ends, paras.starts[first], paras.ends[last - 1]
        )
        listed += [h for h in counted if h[0] not in seen and h[0] not in infos]
    if lo == 0 and not listed:
        # (no keyword of the engine's names the chapters: the book's own word may, shared by
        # a series of short lines through it)
        listed = shared_word_headings(
            text, paras.starts, paras.ends, paras.starts[first], paras.ends[last - 1]
        )
    if lo == 0 and paras.common_gap >= 1 and not listed:
        listed = bracket_numbered_titles(
            text, paras.starts, paras.ends, paras.common_gap, paragraph, first, last
        )
    days: list[int] = []
    if lo == 0 and paras.common_gap >= 1 and not listed:
        # (a story told day by day, its chapters headed by the days alone)
        listed = day_titles(
            text, paras.starts, paras.ends, paras.common_gap, infos, paragraph, first, last
        )
        days = [i for i, _ in listed]
    spaced = paras.common_gap >= 1 or paras.style == "indented"
    if lo == 0 and spaced and not listed:
        # (no contents list and no `#` headings: titles may be set off by space alone, where
        # blank lines part paragraphs or indentation does)
        listed = spaced_titles(
            text, paras.starts, paras.ends, paras.common_gap, infos, paragraph, first, last
        )
    if lo == 0 and paras.common_gap == 0 and not listed:
        # (paragraphs with no blank lines between them: an AO3 download's text sets its
        # chapters' titles apart by blank lines)
        listed = titles_set_apart(infos, paragraph, blank_before)
    if lo == 0 and paras.common_gap == 0 and paras.style == "wrapped" and not listed:
        # (hard-wrapped with nothing between paragraphs: a title stands alone on its line)
        listed = titles_between_paragraphs(
            text, paras.starts, paras.ends, infos, paragraph, first, last
        )
    choices, sections = choose_headings(infos, paragraph, n, listed)
    if lo == 0 and paras.common_gap >= 1:
        # (a book that heads its chapters with an epigraph alone, set off by its widest gap)
        choices = epigraph_chapters(book, choices, paragraph, paras.common_gap)
    if choices and lo == 0:
        # (a book of letters sets only dates apart: a title in capitals among them heads the
        # narrative that takes over from the letters)
        after = max((choices[0].para, *choices[0].extra)) + 1
        taken = {c.para for c in choices} | {i for c in choices for i in c.extra}
        dated = dated_entries(dates(), after, last)
        # (a signature in capitals over a letter with no date heads nothing, nor does one in
        # a book whose headings head its dated letters)
        titles = [
            i
            for i in titles_among_letters(paragraph, dated, after, last)
            if i + 1 not in (unheaded or {})
        ]
        letter_heads = sorted(max((c.para, *c.extra)) for c in choices)
        signed = letters_own_lines(letter_heads, dated, titles)
        titles = [i for i in titles if i not in signed]
        extra = [
            HeadingChoice(i, paragraph(i).strip().rstrip(".")) for i in titles if i not in taken
        ]
        choices = sorted(choices + extra, key=lambda c: c.para)
    front, story_start = story_front(
        book,
        infos,
        choices,
        paragraph,
        at_start=lo == 0,
        first=first,
        title=wrapper.title if wrapper else "",
    )
    if wrapper:
        front.title = wrapper.title or front.title
        front.author = wrapper.author or front.author
        if first > 0:  # (a wrapper found by its end alone has no header to list)
            front.sections.insert(0, Section("gutenberg_header", None, 0, first))
    elif lo == 0 and not (choices and choices[0].para == 0) and not _marks_headings(path):
        # (a first line that heads the first chapter names neither the book nor its author,
        # and a Markdown file's first line is a heading it marks as one)
        names_at_top(front, text)
    # A preview window that stops before the end of the text cannot see the end matter.
    at_end = hi == len(text)
    if at_end:
        choices = before_sequel(choices, infos, last)
    last_start = choices[-1].start if choices else story_start - 1
    body = max((choices[-1].para, *choices[-1].extra)) + 1 if choices else story_start
    story_end = (
        find_story_end(
            infos,
            max(last_start, story_start - 1),
            last,
            body,
            lambda i: only_short_lines(book, i + 1, last) or verse_then_notes(book, i + 1, last),
        )
        if at_end
        else n
    )
    story_end = min(story_end, last)
    if at_end:
        story_end = before_trailing_links(infos, paragraph, story_end)
    if at_end:
        first = max(last_start, story_start)
        story_end = before_footnotes(kinds, paragraph, book.raw, story_end, first)
        story_end = before_fenced_title(infos, book.raw, story_end, first)
    if at_end and paras.style in ("wrapped", "indented"):
        # (in a printed book's layout: elsewhere short lines are ordinary prose)
        story_end = before_colophon(book, story_end, max(last_start, story_start))
        story_end = before_author_note(book, story_end, story_start, front.author)
    choices = [c for c in choices if c.start < story_end]
    if choices and not (front.title and front.author):
        title, author = names_under_heading(infos, choices[0].para)
        front.title, front.author = front.title or title, front.author or author
    set_front(book, front, story_start)
    book.end_matter = end_sections(infos, story_end, last) if story_end < last else []
    if last < n:
        book.end_matter.append(Section("gutenberg_licence", None, last, n))
    kinds[story_end:n] = bytes([END]) * (n - story_end)
    choices = titles_on_next_line(book, choices)
    book.chapters = build_chapters(
        book, infos, choices, story_start, story_end, continued=lo > 0, unheaded=unheaded or {}
    )
    if lo == 0 and hi == len(text):
        # (volumes are told from the chapter numbers of the whole book, not a window's)
        name_volumes(book)
        split_closing_chapter(book, blank_before, paras.common_gap)
    if lo == 0:
        title_line_heads_the_story(book)
        capitals_title_heads_the_opening(book)
    if paras.style in ("wrapped", "indented"):
        # (in a printed book's layout: elsewhere a run of short lines is dialogue or chat)
        ornaments = [i for i in infos if kinds[i] == BREAK]
        for i in set_piece_ornaments(book, ornaments):
            kinds[i] = LABEL
        if paras.style == "wrapped":
            # (where paragraphs start at the margin, a block set in is a document quoted)
            for i in inset_rules(book, ornaments):
                kinds[i] = LABEL
    numbered = section_lines(book, infos, sections)
    sections = numbered + titled_sections(book)
    labels = label_openers(infos, paragraph, n, text)
    labels += [
        i
        for i in labels_set_alike(text, paras.starts, paras.ends, infos, story_start, story_end)
        if kinds[i] == TEXT
    ]
    narrators = name_labels(
        text, paragraph, kinds, infos, (paras.starts, paras.ends), story_start, story_end
    )
    labels += narrators
    if lo == 0 and hi == len(text):
        # (a play's `Явление II` under each act: the count starting over tells them apart)
        scene_heads = numbered_scene_headings(book)
        firsts = set(scene_heads.labels) - set(scene_heads.openers)
        labels = [i for i in labels if i not in firsts] + scene_heads.openers
        if not scene_heads.in_play:
            # (`Section 2` under each chapter of a novel: the section opens under its number)
            for i in scene_heads.labels:
                kinds[i] = LABEL
            numbered = sorted(set(numbered) | set(scene_heads.labels))
    # (in a story told day by day, a clock time alone opens an hour of its day)
    hours = hours_of_days(text, paras.starts, paras.ends, days, story_start, story_end)
    labels += [i for i in hours if kinds[i] == TEXT]
    times = [
        i
        for i, info in infos.items()
        if info.kind in ("time", "weak") and story_start <= i < story_end and kinds[i] == TEXT
    ]
    labels += recurring_time_lines(paragraph, sorted(times))
    # (a book that times the sections of its chapters, `08:30 AM - The Bus`, or sets them in
    # the bracketed `[Location: …]` lines its chapters open with)
    labels += clock_scenes(book, story_start, story_end)
    labels += setting_scenes(book, story_start, story_end)
    # (a date that closes its chapter, under a letter's signature, opens no scene: nothing
    # follows it there)
    labels += [
        i
        for i in dated_entries(dates(), story_start, story_end)
        if kinds[i] == TEXT and not _closes_chapter(book, i)
    ]
    letters = [(c.heading, c.end, c.title) for c in book.chapters if c.heading is not None]
    labels += [
        i
        for i in dates_within_letters(letters, paragraph, story_start, story_end)
        if kinds[i] == TEXT
    ]
    opening = set(openers)
    marked_openers = [i for i, line in enumerate(paras.lines) if line in opening] if openers else []
    notes = illustration_blocks(book)
    # (the runs of blank lines wider than usual, read once for the gaps and the letters' heads)
    wider = wider_gaps(text, paras.common_gap, lo, hi)
    gaps = gap_scene_starts(text, paras, book, wider, hidden, beside_pictures(notes + leftovers))
    spacers = [i for i, info in infos.items() if info.kind == "spacer"] if messages else []
    set_off = narrators + hours + spacers
    if set_off:
        # (a book that names the narrator over each section, heads its hours with the time, or
        # spaces out its emails and texts with spacer lines, sets those off by blank lines of
        # its own: a gap beside them, or one no wider elsewhere, is that space and no scene's
        # end)
        gaps = wider_than_set_off(gaps, set_off, kinds, blank_before)
    gaps = sorted(gaps_beside_sections(gaps, numbered, book) + sections + labels + marked_openers)
    if paras.common_gap >= 1:
        after_gaps = paragraphs_after(wider, paras.starts, story_start, story_end)
        heads = letter_openings(paragraph, blank_before, paras.common_gap, after_gaps, story_end)
        gaps = _opened_by_heads(gaps, [h for h in heads if kinds[h.start] == TEXT])
    # (the lines the book repeats at its chapters' heads are read once for the scenes' labels
    # and for marking them, unless notes are marked between, which changes what is read)
    repeated = repeated_openings(book)
    fill_scenes(book, gaps, with_names=names, passed=repeated)
    # (once the scenes are found: a note is no more prose to the reader than it was to them,
    # nor a download's title repeated under each heading)
    mark_illustrations(book, notes)
    if lo == 0 and hi == len(text):
        mark_repeated_openings(book, None if notes else repeated)
    return book


def _opened_by_heads(openers: list[int], heads: list[range]) -> list[int]:
    """The scene openers with each letter's head opening its letter: a date or a gap inside
    the head, or right under it, opens nothing more."""
    inside = {i for head in heads for i in range(head.start + 1, head.stop + 1)}
    return sorted({i for i in openers if i not in inside} | {head.start for head in heads})


def _closes_chapter(book: Book, i: int) -> bool:
    """Paragraph ``i`` is the last of its chapter."""
    k = book.chapter_at(i)
    return k is not None and book.chapters[k].end == i + 1


def _marks_headings(path: str | None) -> bool:
    """Whether the file is of a kind that marks its headings (Markdown): its first lines are
    not laid out as a title page is."""
    from tui.book.formats import FORMATS

    kind = FORMATS.get(Path(path).suffix.lower()) if path else None
    return kind is not None and kind.lines == "markdown"
