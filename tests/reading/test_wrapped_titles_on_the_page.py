"""A chapter's title wrapped over lines under its heading is set with the heading on the page.

A chapter's title wrapped over lines under its heading in a printed book (Joseph Andrews'
`CHAPTER II.` over `_Of Mr Joseph Andrews, his birth, …_`): on the page it is set with its
heading, centred, not as the chapter's first paragraph; the contents, the status line and the
finder name the chapter by it.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from tui.book.formats import open_book
from tui.book.model import Book
from tui.finder.book_finder import BookFinder
from tui.reading.paragraph_rows import LayoutOptions, ParagraphRows
from tui.reading.wrapping import RowKind, measure

JOSEPH = (
    Path(__file__).resolve().parents[1]
    / "fixtures"
    / "real"
    / "pg_joseph_andrews_vol1_latin1.txt.gz"
)
OPTIONS = LayoutOptions(column=72)
TITLE = (
    "Of Mr Joseph Andrews, his birth, parentage, education, and great endowments; with a word"
    " or two concerning ancestors"
)


@cache
def book() -> Book:
    return open_book(JOSEPH)


def test_a_wrapped_title_is_set_centred_under_its_heading() -> None:
    found = book()
    chapter = found.chapters[1]
    layout = ParagraphRows(found)
    rows = [
        row
        for para in range(chapter.start, chapter.start + 3)
        for row in layout.build(para, 0, OPTIONS)
        if row.kind != RowKind.BLANK
    ]
    assert [row.kind for row in rows[:3]] == [RowKind.HEADING] * 3
    assert rows[0].text == "CHAPTER II."
    assert " ".join(row.text for row in rows[1:3]) == f"{TITLE}."
    for row in rows[:3]:  # (centred: as much room on its right as on its left)
        assert abs(OPTIONS.column - measure(row.text) - 2 * row.indent) <= 1
    assert rows[3].kind == RowKind.TEXT and rows[3].text.startswith("Mr Joseph Andrews, the hero")


def test_the_contents_and_the_finder_name_the_chapter_by_its_wrapped_title() -> None:
    found = book()
    assert found.chapters[1].full_title == f"BOOK I · CHAPTER II: {TITLE}"
    assert found.chapters[0].title.endswith("with a word by the bye of Colley Cibber and others")
    hit = BookFinder(found).search("parentage education endowments", typing=False)[0]
    assert (hit.kind, hit.chapter) == ("chapter", 1)
    assert "parentage, education, and great endowments" in hit.label
