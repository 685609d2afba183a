"""A Markdown page titled only in its front matter shows that title as its chapter's heading.

It reads as a page with a heading of its own does.
"""

from __future__ import annotations

from pathlib import Path

from tui.book.formats import open_book
from tui.reading.pager import LayoutOptions, Pager, Pos
from tui.reading.wrapping import RowKind

NEPHILIM = Path(__file__).resolve().parents[1] / "fixtures" / "fanfic" / "Harry_Potter_-_Nephilim"
PROSE = (
    "The ferry had not run for three days, and the village had begun to talk of it in the low "
    "voices people keep for weather and for the dead."
)


def _headings(path: Path) -> list[str]:
    """The heading rows a reader sees on the book's first page."""
    pager = Pager(open_book(str(path)), LayoutOptions(column=70), height=24)
    return [row.text for row in pager.rows(Pos(0), 24) if row.kind == RowKind.HEADING]


def test_the_front_matter_title_heads_the_page() -> None:
    path = NEPHILIM / "Chapter02.md.gz"
    book = open_book(str(path))
    assert (book.title, [c.title for c in book.chapters]) == (
        "Harry Potter - Nephilim",
        ["Chapter 2"],
    )
    assert _headings(path) == ["Chapter 2"]
    # The story's first paragraph comes right under it, whole.
    first = book.chapters[0].scenes[0].start
    assert book.paragraph(first).startswith("Apple's marshmallows it toy porcupine")


def test_a_chapter_title_in_front_matter_heads_the_page_and_the_title_names_the_work(
    tmp_path: Path,
) -> None:
    path = tmp_path / "ch15.md"
    path.write_text(
        f"---\ntitle: Collusion\nchapter_title: Survival\n---\n\n{PROSE}\n\n{PROSE}\n",
        encoding="utf-8",
    )
    book = open_book(str(path))
    assert (book.title, [c.title for c in book.chapters]) == ("Collusion", ["Survival"])
    assert _headings(path) == ["Survival"]


def test_a_page_with_its_own_heading_shows_only_that_one(tmp_path: Path) -> None:
    path = tmp_path / "ch3.md"
    path.write_text(
        f"---\ntitle: The Ferry\n---\n\n# Chapter 3: Fog\n\n{PROSE}\n\n{PROSE}\n", encoding="utf-8"
    )
    assert _headings(path) == ["Chapter 3: Fog"]
