"""Chapters spaced otherwise than the rest of the book: their gaps weighed by their own spacing.

A download joined from chapters pasted in different ways may set one chapter double spaced in a
single-spaced book, or one single spaced in a double-spaced book. A reader judges a blank line
by the chapter it stands in: between most paragraphs it is that chapter's spacing, and in a
chapter whose paragraphs follow one another line by line it is a pause, a scene's end.
"""

from __future__ import annotations

import bisect
import itertools
from itertools import compress

from tui.book.model import Book, ParaKind
from tui.book.text.blank_counts import blank_lines_each
from tui.book.text.paragraphs import Paragraphs

TEXT, BREAK = int(ParaKind.TEXT), int(ParaKind.BREAK)
# A chapter with its narrowest wider gap before this share of its paragraphs (and at least
# this many) is spaced with it; one whose paragraphs mostly follow one another on the next line
# (this share of them, and at least this many) is single spaced.
SPACED_SHARE = 0.5
SPACED_FLOOR = 8
# Blank lines on both sides of at most this many paragraphs set them off, not scenes.
INSET_PARAGRAPHS = 2


def without_spaced_chapters(book: Book, inside: dict[int, int]) -> dict[int, int]:
    """A chapter that puts its narrowest wider gap between most of its paragraphs (one
    chapter double-spaced in a book of single-spaced ones) separates paragraphs with it: only
    its wider gaps are left to weigh."""
    kept = dict(inside)
    places = sorted(inside)
    for chapter in book.chapters:
        lo = bisect.bisect_left(places, chapter.start)
        hi = bisect.bisect_left(places, chapter.end)
        if lo == hi:
            continue
        here = {p: inside[p] for p in places[lo:hi]}
        narrowest = min(here.values())
        spacing = [p for p, blanks in here.items() if blanks == narrowest]
        paragraphs = book.kinds.count(TEXT, chapter.start, chapter.end)
        if len(spacing) >= max(SPACED_FLOOR, SPACED_SHARE * paragraphs):
            for p in spacing:
                del kept[p]
    return kept


def single_spaced_gaps(text: str, paras: Paragraphs, book: Book) -> dict[int, int]:
    """In a book that sets a blank line between its paragraphs (one paragraph a line), the
    gaps of the chapters whose paragraphs mostly follow one another line by line: paragraph
    index to blank lines, counted as the book counts them (a chapter's one blank line is the
    book's usual gap and one line more). Blank lines on both sides of a paragraph or two set
    those off (a letter, a note), and a chapter that draws its breaks (`◆◆◆`) parts no scenes
    with blank lines."""
    common = paras.common_gap
    if paras.style != "blank" or common < 1:
        return {}
    blank_lines = blank_lines_each(book)
    kinds = book.kinds
    found: dict[int, int] = {}
    for chapter in book.chapters:
        body = max(chapter.start + 1 if chapter.heading is not None else chapter.start, 1)
        text_paragraphs = list(
            compress(range(body, chapter.end), map(TEXT.__eq__, kinds[body : chapter.end]))
        )
        # Most paragraphs must follow one another line by line: a chapter with too many set
        # apart (a book's usual chapter) is passed at once, its count taken without a Python
        # step per paragraph, which an 84 MB book needs.
        may_stand_apart = len(text_paragraphs) - max(
            SPACED_FLOOR, SPACED_SHARE * len(text_paragraphs)
        )
        apart = sum(map(bool, map(blank_lines.__getitem__, text_paragraphs)))
        if apart > may_stand_apart:
            continue
        blanks = {p: blank_lines[p] for p in text_paragraphs}
        if book.kinds.find(BREAK, chapter.start, chapter.end) >= 0:
            continue  # (a chapter drawing its breaks does not also leave them blank)
        gaps = sorted(p for p, b in blanks.items() if 0 < b <= common)
        # (two blank lines around a paragraph or two set those off: a letter, a note)
        framed = {
            k for p, q in itertools.pairwise(gaps) if q - p <= INSET_PARAGRAPHS for k in (p, q)
        }
        found.update({p: blanks[p] + common for p in gaps if p not in framed})
    return found
