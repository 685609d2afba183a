"""A work's title from the line its chapters repeat by their headings (a converted anthology)."""

from __future__ import annotations

import re
from collections import Counter

from tui.book.model import Book, Chapter
from tui.book.rules.headings import names_a_chapter
from tui.book.rules.sentence_ends import CLAUSE_MARKS, FULL_STOPS
from tui.book.text.markdown import NOTE_LABEL, NOTES_HEADING

TITLE_CHARS = 80
BYLINE = re.compile(r"(?:by|written by|author:)\s", re.IGNORECASE)
# How far from a chapter's heading, in paragraphs either side, its repeated title line stands.
NEAR_HEADING = 3


def title_from_repeats(book: Book) -> str:
    """A work's title set as a line of its own by the headings of most of its chapters, at
    least two (anthologies converted to Markdown repeat the story's title in each chapter):
    that line, else ``""``. Most, not every: a chapter posted later, added at the end of the
    file without the line, leaves the title the earlier ones gave the work."""
    if len(book.chapters) < 2:
        return ""
    counts: Counter[str] = Counter()
    for chapter in book.chapters:
        counts.update(_lines_by_heading(book, chapter))
    repeated = [line for line, n in counts.items() if n >= 2 and 2 * n > len(book.chapters)]
    if not repeated:
        return ""
    return min(repeated, key=lambda line: (-counts[line], len(line)))


def _lines_by_heading(book: Book, chapter: Chapter) -> set[str]:
    """The short lines standing alone near a chapter's heading that could be a title: not a
    sentence, a by-line, a chapter's own name or a label over its notes."""
    if chapter.heading is None:
        return set()
    lines = (
        book.paragraph(i).strip()
        for i in range(
            max(chapter.heading - NEAR_HEADING, 0),
            min(chapter.heading + NEAR_HEADING + 1, len(book)),
        )
        if i != chapter.heading
    )
    return {
        line
        for line in lines
        if 0 < len(line) <= TITLE_CHARS
        and "\n" not in line
        and any(c.isalpha() for c in line)
        and not line.endswith((*FULL_STOPS, *CLAUSE_MARKS))
        and not BYLINE.match(line)  # `By ACI100`, repeated with the title
        and not names_a_chapter(line)  # `Book 1: The Fracturing of Foundations`
        and not NOTE_LABEL.fullmatch(line)  # `Chapter Summary` over each chapter's summary
        and not NOTES_HEADING.fullmatch(line)  # `A/N`
    }
