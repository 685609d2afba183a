"""A plain-text book's chapters, made from the headings chosen.

Each chapter's span and part, its heading lines, its notes and labels marked, and the section
lines inside chapters.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Callable

from tui.book.model import Book, Chapter, ParaKind
from tui.book.rules.emphasis import plain_title
from tui.book.rules.headings import match_heading
from tui.book.text.end_matter import mark_chapter_notes
from tui.book.text.heading_choice import HeadingChoice
from tui.book.text.parts import first_part, parts_number_anew, within
from tui.book.text.sections import numbered_sections

TEXT, HEADING = int(ParaKind.TEXT), int(ParaKind.HEADING)
LABEL, NOTE = int(ParaKind.LABEL), int(ParaKind.NOTE)


def section_lines(book: Book, infos, parts: list[int]) -> list[int]:
    """Section lines inside chapters (`Part 2`, a bare `2`): LABEL paragraphs, each opening a
    scene."""
    kinds = book.kinds
    spans = []
    for chapter in book.chapters:
        if chapter.heading is None:
            continue
        body = chapter.heading + 1
        while body < chapter.end and kinds[body] == HEADING:
            body += 1
        spans.append((chapter.heading, body, chapter.end))
    found = [i for i in parts if kinds[i] == TEXT]
    numbered = [i for i in numbered_sections(infos, spans) if kinds[i] == TEXT]
    found += numbered
    for i in found:
        kinds[i] = LABEL
    # (a section's title under its number, `II.` / `THE LEGENDS.`, heads it with the number:
    # the section's story starts under both)
    for i in numbered:
        if i + 2 < len(book) and kinds[i + 1] == TEXT and _section_title(book.raw(i + 1)):
            kinds[i + 1] = LABEL
    return found


# A section's title under its number: one short line in capitals.
SECTION_TITLE_CHARS = 60


def _section_title(raw: str) -> bool:
    line = raw.strip()
    return (
        0 < len(line) <= SECTION_TITLE_CHARS
        and "\n" not in line
        and line.isupper()
        and sum(c.isalpha() for c in line) >= 2
    )


def paragraph_reader(book: Book) -> Callable[[int], str]:
    """Display text of a paragraph, bounded: a 20 MB single line is never copied whole."""

    def paragraph(i: int) -> str:
        start, end = book.starts[i], book.ends[i]
        if end - start > 4000:
            return " ".join(book.text[start : start + 4000].split())
        return book.paragraph(i)

    return paragraph


def build_chapters(
    book: Book,
    infos,
    choices: list[HeadingChoice],
    start: int,
    end: int,
    continued: bool,
    unheaded: dict[int, str] | None = None,
) -> list[Chapter]:
    """The chapters of ``[start, end)`` from the chosen headings, each in its part, with its
    heading lines, its notes and the landmarks that are labels marked; a stretch of story
    before the first heading (a preview opened mid-chapter) is a chapter too, as is each of
    ``unheaded`` (first paragraph -> title: a chapter the text sets apart with no heading)."""
    kinds = book.kinds
    paragraph = paragraph_reader(book)
    marked = sorted(infos)

    def marks(lo: int, hi: int) -> list[int]:
        return marked[bisect.bisect_left(marked, lo) : bisect.bisect_left(marked, hi)]

    chapters: list[Chapter] = []
    if not choices or choices[0].start > start:
        first = choices[0].start if choices else end
        if first > start and book.kinds.find(TEXT, start, first) >= 0:
            # A preview window may open in the middle of a chapter: its title is not known.
            title = "…" if continued else (book.title or "Chapter 1")
            chapters.append(Chapter(0, title, None, start, first))
    part = first_part(choices, paragraph)
    # Part titles stand over chapters, or open parts whose chapters are numbered from one.
    in_parts = any(choice.part for choice in choices) or parts_number_anew(choices)
    above: dict[str, set[str]] = {}  # the keywords of parts set over each (`within`)
    for k, choice in enumerate(choices):
        stop = choices[k + 1].start if k + 1 < len(choices) else end
        title = plain_title(choice.title)
        if choice.part == "":
            # A part's title with story right under it is a chapter; in a book whose parts
            # hold chapters, the chapters after it are in that part (`PART 2` over a line of
            # its own, then `CHAPTER 24`), where parts are its chapters, none is.
            chapters.append(Chapter(len(chapters), title, choice.para, choice.start, stop))
            found = match_heading(title)
            label = (found.label if found is not None else "") or title
            part = within(part, label, above) if in_parts else ""
        else:
            part = within(part, choice.part, above) if choice.part is not None else part
            chapter = Chapter(len(chapters), title, choice.para, choice.start, stop, part=part)
            chapters.append(chapter)
        for i in (choice.para, *choice.extra):
            kinds[i] = HEADING
        body = max((choice.para, *choice.extra)) + 1
        if choice.repeated > choice.para + 1:
            # The header a download sets between its heading and the author's own (title,
            # byline, summary, notes) is the chapter's notes; the author's heading is a label
            # there, not a second heading in the text.
            kinds[choice.para + 1 : choice.repeated] = bytes([NOTE]) * (
                choice.repeated - choice.para - 1
            )
            kinds[choice.repeated] = LABEL
        mark_chapter_notes(kinds, infos, marks(body, stop), body, stop, paragraph, book.line_of)
    if unheaded:
        chapters = _split_unheaded(chapters, unheaded)
    if chapters and chapters[0].heading is None:
        first_end = chapters[0].end
        mark_chapter_notes(kinds, infos, marks(start, first_end), start, first_end, paragraph)
    for i in marks(start, end):
        info = infos[i]
        if kinds[i] == TEXT and (
            (info.kind == "landmark" and info.data in _LABELS) or info.kind == "nav"
        ):
            kinds[i] = LABEL
    return chapters


_LABELS = ("chapter_text", "work_text", "actions")


def _split_unheaded(chapters: list[Chapter], unheaded: dict[int, str]) -> list[Chapter]:
    """The chapters with each of ``unheaded`` (first paragraph -> title) cut out of the chapter
    it falls in as a chapter of its own, with no heading line, numbered anew."""
    found: list[Chapter] = []
    for chapter in chapters:
        cuts = [p for p in sorted(unheaded) if chapter.start < p < chapter.end]
        for lo, hi in itertools.pairwise([chapter.start, *cuts, chapter.end]):
            if lo == chapter.start:
                chapter.end = hi
                found.append(chapter)
            else:
                found.append(Chapter(0, unheaded[lo], None, lo, hi, part=chapter.part))
    for k, chapter in enumerate(found):
        chapter.index = k
    return found
