"""A Gutenberg book whose title page runs on from the `*** START OF` line.

Its first page opens at the title page's first line, and italics set over the lines of a
dedication are italics, not underscores.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from tui.book.formats import open_book
from tui.book.model import Book
from tui.reading.shown_text import ShownCache
from tui.reading.stages import story_opening

REAL = Path(__file__).resolve().parents[1] / "fixtures" / "real"


@cache
def pride() -> Book:
    return open_book(REAL / "pg_pride_prejudice_illustrated.txt.gz")


def test_the_first_page_starts_at_the_title_pages_first_line() -> None:
    book = pride()
    opening = story_opening(book)
    first = book.para_at(opening)
    assert book.starts[first] == opening
    # `*** START OF …` and `[Illustration:` under it with no blank line: the note is whole
    assert book.raw(first).strip() == "[Illustration:"
    assert book.raw(first - 1).startswith("*** START OF THE PROJECT GUTENBERG EBOOK")
    assert book.lines[first] == book.lines[first - 1] + 1
    # the picture's note heads the title page, not a nameless part of the front matter
    page = next(s for s in book.front_matter if s.start <= first < s.end)
    assert page.kind == "title"


def test_a_dedication_in_italics_over_several_lines_shows_no_underscores() -> None:
    book = pride()
    shown = ShownCache(book)
    first = next(i for i in range(200) if "To J. Comyns Carr" in book.raw(i))
    last = next(i for i in range(first, 200) if "gratefully inscribed" in book.raw(i))
    for para in range(first, last + 1):
        text = shown(para).text
        assert "_" not in text
        assert shown(para).emphasis == ((0, len(text)),)  # every line in italics
