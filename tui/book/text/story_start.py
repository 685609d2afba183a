"""Where a text's story starts, after its front matter.

Its front matter read, the first paragraph of the story, and the front set on the book (kinds,
title, author); a lone title line over a one-chapter story.
"""

from __future__ import annotations

import re

from tui.book.file_title import title_from_path, work_of_folder
from tui.book.model import Book, ParaKind, Section
from tui.book.rules.emphasis import plain_title
from tui.book.rules.labels import without_author
from tui.book.rules.sentence_ends import SENTENCE_ENDS
from tui.book.text.front_matter import Front, read_front
from tui.book.text.half_title import end_preface_at_half_title, says_the_title
from tui.book.text.heading_choice import HeadingChoice
from tui.book.text.lines import LineInfo
from tui.book.text.weak_headings import FRONT_PROSE_CHARS, FRONT_PROSE_PARAGRAPHS

HEADING, FRONT = int(ParaKind.HEADING), int(ParaKind.FRONT)
# A Markdown heading line: `# The Island`.
MARKED_HEADING = re.compile(r"#{1,6}[ \t]+\S")


def story_front(
    book: Book,
    infos,
    choices: list[HeadingChoice],
    paragraph,
    *,
    at_start: bool,
    first: int = 0,
    title: str = "",
):
    """Read the front matter from paragraph ``first`` (after a Gutenberg header, which names
    the book ``title``); returns it and the first paragraph of the story."""
    n = len(book)
    if not at_start:
        return Front(), 0
    if choices:
        limit = choices[0].start
        front = read_front(paragraph, infos, limit, bounded=True, first=first)
        end_preface_at_half_title(front, paragraph, title)
        if _is_long_prose(book, front.end, limit) and (
            not _opens_numbering(infos, choices[0]) or _half_title_over(front, paragraph, title)
        ):
            _take_half_title(front, paragraph, limit)
            return front, front.end
        opening = _opening_under_title_page(book, front.end, choices)
        if opening is not None and not _opens_numbering(infos, choices[0]):
            front.sections.append(Section("title", None, front.end, opening))
            front.end = opening
            return front, opening
        if front.end < limit:
            front.sections.append(Section("text", None, front.end, limit))
        return front, limit
    marker = next(
        (
            i
            for i in sorted(infos)
            if infos[i].kind == "landmark" and infos[i].data in ("work_text", "chapter_text")
        ),
        None,
    )
    limit = marker if marker is not None else n
    front = read_front(paragraph, infos, limit, bounded=marker is not None, first=first)
    if marker is not None:
        if front.end < marker:
            front.sections.append(Section("text", None, front.end, marker))
        return front, marker
    _take_half_title(front, paragraph, limit)
    _take_chapter_title(front, paragraph, limit)
    if first > 0 and book.style in ("wrapped", "indented"):
        _take_title_page(book, front, limit, infos)
    return front, front.end


# A printed book's title page: at least this many short lines (title, `By`, the author, the
# year, a dedication), each at most this long ...
TITLE_PAGE_LINES = 3
TITLE_PAGE_LINE_CHARS = 60
# ... and the story's first paragraph under it at least this long.
FIRST_PROSE_CHARS = 200


def _take_title_page(book: Book, front: Front, limit: int, infos: dict[int, LineInfo]) -> None:
    """A printed book without headings, after its Gutenberg header: the title page's short
    lines (`LADY INTO FOX` / `By` / `DAVID GARNETT` / `1922` / `TO` / `DUNCAN GRANT`, a
    frontispiece's `[Illustration: …]`) before its first paragraph of prose are front matter,
    not the story's opening: none ends a sentence, as lines of dialogue would."""
    i = front.end
    while i < limit and _title_page_line(book.raw(i)):
        i += 1
    if i >= limit:
        return
    # (a byline, `By Jean Webster`, is the title page's however few its lines and whatever
    # follows: a story does not sign itself at its start)
    signed = any(k in infos and infos[k].kind == "by" for k in range(front.end, i))
    if not signed and (
        i - front.end < TITLE_PAGE_LINES or len(book.paragraph(i)) < FIRST_PROSE_CHARS
    ):
        return
    front.sections.append(Section("title", None, front.end, i))
    front.end = i


# A word in capitals opening a paragraph (`THEY order, said I`), as a printer sets the first
# word of a chapter.
_CAPITALS_OPENING = re.compile(r"[\W_]*[A-Z][A-Z’']+\b")


def _opening_under_title_page(book: Book, start: int, choices: list[HeadingChoice]) -> int | None:
    """The first paragraph of an opening chapter with no heading, under the title page's short
    lines: prose whose first word is set in capitals, as the first words of most of the book's
    chapters are (what opens so is the story's start, not a preface)."""
    limit = choices[0].start
    # (the first paragraph of prose, under a run of the title page's lines)
    i = next((k for k in range(start, limit) if len(book.paragraph(k)) >= FIRST_PROSE_CHARS), limit)
    page = range(max(start, i - TITLE_PAGE_LINES), i)
    if i >= limit or len(page) < TITLE_PAGE_LINES or not _CAPITALS_OPENING.match(book.raw(i)):
        return None
    if not all(_title_page_line(book.raw(k), capitals=True) for k in page):
        return None
    bodies = [max((c.para, *c.extra)) + 1 for c in choices]
    opened = sum(
        1 for k in bodies if k < len(book) and _CAPITALS_OPENING.match(book.raw(k)) is not None
    )
    return i if 2 * opened > len(choices) >= TITLE_PAGE_LINES else None


def _title_page_line(raw: str, *, capitals: bool = False) -> bool:
    line = raw.strip()
    if not line or "\n" in line or len(line) > TITLE_PAGE_LINE_CHARS:
        return line.startswith("[Illustration") and line.endswith("]")
    # (``capitals``: a line in capitals is the title page's whatever ends it, `BY MR. SMITH.`)
    set_in_capitals = capitals and line.isupper()
    return not line.endswith(SENTENCE_ENDS) or line.startswith("[") or set_in_capitals


def _take_half_title(front: Front, paragraph, limit: int) -> None:
    """The book's title again over the story's first page (a half-title: a line of the title
    page repeated) is the title page's, not the story's first line."""
    i = front.end
    if i + 1 >= limit:
        return
    page = {_plain(front.title)} | {
        _plain(paragraph(k))
        for section in front.sections
        if section.kind != "gutenberg_header"
        for k in range(section.start, section.end)
    }
    if _plain(paragraph(i)) not in page - {""}:
        return
    front.sections.append(Section("title", None, i, i + 1))
    front.end = i + 1


def _half_title_over(front: Front, paragraph, title: str) -> bool:
    """The front ends on a preface and the book's title (as its header names it) set again
    under it: a half-title over the text proper, which is story even before chapter one (a
    frame the tale is told in, `A WORD OF EXPLANATION`), as a preface is not."""
    if not any(section.kind == "preface" for section in front.sections):
        return False
    return says_the_title(paragraph(front.end).strip(), title)


# AO3 sets the work's title over a one-shot's text at most this many paragraphs under the
# preface's notes (its `See the end of the work for more notes` line between), ...
CHAPTER_TITLE_WITHIN = 2
# ... and nothing between is as long as a paragraph of story.
CHAPTER_TITLE_GAP_CHARS = 150


def _take_chapter_title(front: Front, paragraph, limit: int) -> None:
    """In an AO3 download of a one-shot the work's title comes again under the preface, as
    the heading of its one chapter: what stands above it is front matter, and the title line
    closes the front, to head the story."""
    kinds = {section.kind for section in front.sections}
    if "posted" not in kinds or (front.sections and front.sections[-1].kind == "title"):
        return
    title = _plain(front.title)
    for i in range(front.end, min(front.end + CHAPTER_TITLE_WITHIN + 1, limit - 1)):
        if title and _plain(paragraph(i)) == title:
            if i > front.end:
                front.sections.append(Section("text", None, front.end, i))
            front.sections.append(Section("title", None, i, i + 1))
            front.end = i + 1
            return
        if len(paragraph(i)) > CHAPTER_TITLE_GAP_CHARS:
            return


def _plain(text: str) -> str:
    return " ".join("".join(c for c in text.casefold() if c.isalnum() or c.isspace()).split())


def _opens_numbering(infos: dict[int, LineInfo], choice: HeadingChoice) -> bool:
    """The first chapter heading is number one (`CHAPTER I.`): what stands before it is front
    matter (a preface, an introduction, a list of illustrations), not a chapter."""
    info = infos.get(choice.para)
    heading = info.data if info is not None else None
    return getattr(heading, "number", None) == 1 and getattr(heading, "kind", "") == "chapter"


# A paragraph this short, on one line, is a line of verse or of a title page, not prose.
SHORT_LINE_CHARS = 60


def _is_long_prose(book: Book, start: int, stop: int) -> bool:
    """More than a front page holds: many paragraphs of prose (a poem's short lines, a
    paragraph each, are a motto's) or many characters."""
    lines = [book.raw(k) for k in range(start, stop)]
    if sum(len(line) > SHORT_LINE_CHARS or "\n" in line for line in lines) > FRONT_PROSE_PARAGRAPHS:
        return True
    return stop > start and book.ends[stop - 1] - book.starts[start] > FRONT_PROSE_CHARS


def title_line_heads_the_story(book: Book) -> None:
    """A story of one chapter under a lone title line, its prose on the very next line (a
    chapter scraped a paragraph a line), or under the title an AO3 download sets again after
    its preface: the title line is the chapter's heading."""
    chapters, front = book.chapters, book.front_matter
    if len(chapters) != 1 or chapters[0].heading is not None or not front:
        return
    chapter, title = chapters[0], front[-1]
    if (
        title.kind != "title"
        or title.heading is not None
        or (title.start + 1, title.end) != (chapter.start, chapter.start)
    ):
        return
    # (an AO3 download heads its one chapter with the work's title, after its preface)
    download = any(section.kind == "posted" for section in front)
    # (a title the file marks as a heading, `# The Island`, heads what follows it)
    marked = MARKED_HEADING.match(book.raw(title.start)) is not None
    if not download and (
        len(front) != 1
        or (book.line_of(chapter.start) != (book.line_of(title.start) or 0) + 1 and not marked)
    ):
        return
    chapter.heading = chapter.start = title.start
    book.kinds[title.start] = HEADING
    book.front_matter = front[:-1]


# A title in capitals over the story before chapter one is at most this long ...
PROLOGUE_TITLE_CHARS = 60
# ... and the prose under it at least this long.
PROLOGUE_PROSE_CHARS = 200


def capitals_title_heads_the_opening(book: Book) -> None:
    """The story before the first chapter heading opening on a line in capitals alone, no
    sentence (`A WORD OF EXPLANATION`), with prose under it: the line is that chapter's
    heading, as a reader sees it, not the chapter's first line."""
    chapters = book.chapters
    if len(chapters) < 2 or chapters[0].heading is not None:
        return
    chapter = chapters[0]
    line = book.paragraph(chapter.start).strip()
    if (
        chapter.end - chapter.start < 2
        or "\n" in line
        or not 0 < len(line) <= PROLOGUE_TITLE_CHARS
        or not (line.isupper() and sum(c.isalpha() for c in line) >= 2)
        or line.endswith(SENTENCE_ENDS)
        or len(book.paragraph(chapter.start + 1)) < PROLOGUE_PROSE_CHARS
    ):
        return
    chapter.heading = chapter.start
    chapter.title = plain_title(line)
    book.kinds[chapter.start] = HEADING


def set_front(book: Book, front: Front, story_start: int) -> None:
    book.front_matter = front.sections
    book.kinds[0:story_start] = bytes([FRONT]) * story_start
    title = without_author(front.title, front.author)
    book.title = work_of_folder(title, book.path) or title_from_path(book.path)
    book.author = front.author
    for key, value in front.meta.items():
        if key not in ("title", "author"):
            book.meta[key] = value
