"""Books in parts that number their chapters again in each part.

Every chapter keeps its title under a part's title, knows its part, and opens its first scene on
its own prose.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from reader_support import paragraph

from tui.book.formats import open_book
from tui.book.model import Book

REAL = Path(__file__).resolve().parents[1] / "fixtures" / "real"
ENGINE = Path(__file__).resolve().parents[1] / "fixtures" / "engine" / "outlines"
ROMAN = ["I", "II", "III"]


def book_in_parts() -> str:
    """A printed book in two parts, chapters numbered from I in each: a part's title over an
    epigraph or a subtitle in emphasis, then `CHAPTER I.` over its title line."""
    parts = ["THE HARBOUR LEDGER", "By Tessaly Brook"]
    under = ["(_Being the ledger of_ MARA QUAY, _harbour clerk._)", "_The Salt Flats._"]
    titles = [["THE LANTERNS.", "THE QUAY."], ["THE BARGE.", "THE BELLS."]]
    for p in range(2):
        parts += [f"PART {ROMAN[p]}.", under[p]]
        for c, title in enumerate(titles[p]):
            parts.append(f"CHAPTER {ROMAN[c]}.\n{title}\n")
            parts += [textwrap.fill(paragraph(p * 17 + c * 7 + k, 5), 70) for k in range(6)]
    return "\n\n\n".join(parts) + "\n"


@pytest.fixture
def parted(tmp_path: Path) -> Book:
    path = tmp_path / "ledger.txt"
    path.write_text(book_in_parts(), encoding="utf-8")
    return open_book(path)


def test_the_first_chapter_under_a_part_keeps_its_title(parted: Book) -> None:
    assert [c.title for c in parted.chapters] == [
        "CHAPTER I: THE LANTERNS.",
        "CHAPTER II: THE QUAY.",
        "CHAPTER I: THE BARGE.",
        "CHAPTER II: THE BELLS.",
    ]


def test_each_chapter_knows_its_part(parted: Book) -> None:
    assert [c.part for c in parted.chapters] == ["PART I", "PART I", "PART II", "PART II"]
    assert [c.full_title for c in parted.chapters] == [
        "PART I · CHAPTER I: THE LANTERNS.",
        "PART I · CHAPTER II: THE QUAY.",
        "PART II · CHAPTER I: THE BARGE.",
        "PART II · CHAPTER II: THE BELLS.",
    ]
    assert len({c.full_title for c in parted.chapters}) == 4


def test_a_part_opens_its_first_chapter_and_its_epigraph_opens_no_scene(parted: Book) -> None:
    for chapter in parted.chapters[::2]:
        assert parted.paragraph(chapter.start).startswith("PART ")
        assert chapter.heading is not None and chapter.heading > chapter.start
        first = chapter.scenes[0]
        assert first.start > chapter.heading
        assert not first.first_words.startswith(("(", "_")), first.first_words


def test_real_books_in_parts_know_their_parts() -> None:
    scarlet = open_book(REAL / "pg_study_in_scarlet.txt.gz")
    first, second = scarlet.chapters[0], scarlet.chapters[7]
    assert first.full_title == "PART I · CHAPTER I: MR. SHERLOCK HOLMES."
    assert second.full_title == "PART II · CHAPTER I: ON THE GREAT ALKALI PLAIN."
    assert scarlet.paragraph(first.scenes[0].start).startswith("In the year 1878")
    tale = open_book(REAL / "pg_tale_two_cities.txt.gz")
    # The first book's title stands above its first chapter, after the contents list.
    parts = [c.part for c in tale.chapters]
    assert parts[:6] == ["Book the First"] * 6
    assert parts[6:30] == ["Book the Second"] * 24
    assert parts[30:] == ["Book the Third"] * 15
    assert tale.chapters[30].title == "CHAPTER I: In Secret"
    women = open_book(REAL / "pg_little_women.txt.gz")
    # `PART 2` with a line of story under it is a chapter, and the chapters after it are in it.
    at = next(c.index for c in women.chapters if c.title == "PART 2")
    assert women.chapters[at].part == ""
    assert {c.part for c in women.chapters[:at]} == {"PART 1"}
    assert {c.part for c in women.chapters[at + 1 :]} == {"PART 2"}


def test_parts_nest_by_their_keyword() -> None:
    book = open_book(ENGINE / "serial_books_parts.txt")
    assert [c.part for c in book.chapters] == [
        "Book One · Part I",
        "Book One · Part I",
        "Book One · Part II",
        "Book Two · Part III",
        "Book Two · Part III",
    ]


def test_a_book_without_parts_has_none(tmp_path: Path) -> None:
    path = tmp_path / "plain.txt"
    text = book_in_parts().replace("PART I.", "").replace("PART II.", "")
    path.write_text(text, encoding="utf-8")
    assert {c.part for c in open_book(path).chapters} == {""}


def test_a_book_whose_chapters_are_parts_puts_no_chapter_in_a_part(tmp_path: Path) -> None:
    lines = ["The Harbour Ledger", "by Tessaly Brook"]
    for n, name in enumerate(["Part One", "Part Two", "Part Three", "Epilogue"]):
        lines.append(name)
        lines += [paragraph(n * 9 + k, 4) for k in range(5)]
    path = tmp_path / "parts.txt"
    path.write_text("\n\n".join(lines) + "\n", encoding="utf-8")
    book = open_book(path)
    assert [c.title for c in book.chapters] == ["Part One", "Part Two", "Part Three", "Epilogue"]
    assert [c.full_title for c in book.chapters] == [c.title for c in book.chapters]
