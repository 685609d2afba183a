"""Chapters whose headings a conversion dropped, each leaving a lone blank line.

In a text that has no other blank line, the stretches between those lines are the book's
chapters, not scenes of one.
"""

from __future__ import annotations

import statistics
from itertools import compress, pairwise

from tui.book.model import Book
from tui.book.text.blank_counts import blank_lines_each

# A book parted so shows at least this many stretches: a story set as one piece seldom
# pauses for a scene break so often with no chapter over any of them.
GAP_CHAPTERS_LEAST = 8
# The stretches run this many characters at the median (some 1,500 words): a chapter's
# length, where scenes parted by a blank line in a story with no chapters run shorter.
CHAPTER_CHARS = 8_000


def gap_parted_chapters(book: Book) -> dict[int, str]:
    """The chapters of a book with no heading anywhere and nothing between its paragraphs,
    parted only by the blank lines left where its headings stood: first paragraph -> title
    of each chapter after the first ({} unless the whole book reads so). The blank lines are
    the only space in the text, there are many of them, and the stretches between them run
    as long as chapters: a reader takes each for a chapter whose heading is lost."""
    if len(book.chapters) != 1 or book.chapters[0].heading is not None:
        return {}
    chapter = book.chapters[0]
    blanks = blank_lines_each(book)[chapter.start + 1 : chapter.end]
    # (every gap, even one after a few short lines, which a scene's search takes for the
    # space around something quoted: here no gap is space of that kind)
    starts = list(compress(range(chapter.start + 1, chapter.end), blanks))
    if len(starts) + 1 < GAP_CHAPTERS_LEAST:
        return {}
    bounds = [chapter.start, *starts, chapter.end]
    lengths = [book.ends[b - 1] - book.starts[a] for a, b in pairwise(bounds)]
    if statistics.median(lengths) < CHAPTER_CHARS:
        return {}
    return {p: f"Chapter {k + 2}" for k, p in enumerate(starts)}
