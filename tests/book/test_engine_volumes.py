"""Volumes joined in one file: each chapter is in its volume, as chapters are in their part.

Where a book without parts numbers its chapters again, each chapter is in its volume
(`Volume 2`), as chapters of a book in parts are in their part.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from reader_support import paragraph

from tui.book.formats import open_book
from tui.book.model import Book, ParaKind
from tui.book.rules.joined_volumes import joined_volumes
from tui.book.text.parse import parse_preview

PLACES = ["Quay", "Bells", "Barge", "Flats", "Tide"]


def joined(headings: list[str]) -> str:
    """A light novel's volumes joined in one file: a title, then each heading over a few
    paragraphs of its own."""
    lines = ["The Harbour Ledger Collection", "By Tessaly Brook"]
    for k, heading in enumerate(headings):
        lines += [heading, *(paragraph(k * 5 + p, 4) for p in range(3))]
    return "\n\n".join(lines) + "\n"


def volume(chapters: int) -> list[str]:
    """One volume's headings: a prologue, chapters numbered from 1, an afterword."""
    numbered = [f"Chapter {n}: The {PLACES[n % 5]}" for n in range(1, chapters + 1)]
    return ["Prologue: Lanterns", *numbered, "Epilogue: The Last Bell"]


def book_of(tmp_path: Path, headings: list[str], name: str = "joined.txt") -> Book:
    path = tmp_path / name
    path.write_text(joined(headings), encoding="utf-8")
    return open_book(path)


def test_each_run_of_chapter_numbers_is_a_volume(tmp_path: Path) -> None:
    book = book_of(tmp_path, volume(4) + volume(3) + volume(3))
    assert [c.title for c in book.chapters][5:8] == [
        "Epilogue: The Last Bell",
        "Prologue: Lanterns",
        "Chapter 1: The Bells",
    ]
    # A volume's prologue opens it, its epilogue closes it.
    assert [c.part for c in book.chapters] == (
        ["Volume 1"] * 6 + ["Volume 2"] * 5 + ["Volume 3"] * 5
    )
    assert book.chapters[8].full_title == "Volume 2 · Chapter 2: The Barge"
    assert book.chapters[6].full_title == "Volume 2 · Prologue: Lanterns"


def test_chapters_numbered_straight_through_are_in_no_volume(tmp_path: Path) -> None:
    headings = [f"Chapter {n}: The {PLACES[n % 5]}" for n in range(1, 9)]
    book = book_of(tmp_path, headings)
    assert len(book.chapters) == 8
    assert {c.part for c in book.chapters} == {""}
    assert book.chapters[4].full_title == "Chapter 5: The Quay"


def test_a_book_in_parts_keeps_its_own_parts(tmp_path: Path) -> None:
    lines = ["The Harbour Ledger", "By Tessaly Brook"]
    for part in ("PART ONE", "PART TWO"):
        lines.append(part)
        for n in range(1, 4):
            lines += [f"Chapter {n}: The {PLACES[n]}", *(paragraph(n + p, 4) for p in range(3))]
    path = tmp_path / "parts.txt"
    path.write_text("\n\n".join(lines) + "\n", encoding="utf-8")
    book = open_book(path)
    assert [c.part for c in book.chapters] == ["PART ONE"] * 3 + ["PART TWO"] * 3


@pytest.mark.parametrize(
    "numbers",
    [(1, 2, 2, 3, 4), (1, 2, 3, 4, 1, 5), (1, 2, 3, 4, 1, 2), (3, 4, 5, 4, 5, 6)],
    ids=["numbered-twice", "one-slip", "short-run", "back-to-a-later-number"],
)
def test_a_slip_in_the_numbering_is_not_a_new_volume(tmp_path: Path, numbers: tuple) -> None:
    titles = [f"Chapter {n}: The {PLACES[n % 5]}" for n in numbers]
    assert joined_volumes(titles) == []
    book = book_of(tmp_path, titles)
    assert len(book.chapters) == len(numbers)
    assert {c.part for c in book.chapters} == {""}


def test_volumes_are_told_from_the_whole_book_not_a_window_of_it(tmp_path: Path) -> None:
    text = joined(volume(4) + volume(4) + volume(4))
    middle = text.index("Chapter 2: The Barge", text.index("Chapter 4: The Tide") + 1)
    window = parse_preview(text, middle, span=3000)
    assert window.chapters and {c.part for c in window.chapters} == {""}


def test_a_web_page_of_joined_volumes_has_them_too(tmp_path: Path) -> None:
    body = ["<h1>The Harbour Ledger Collection</h1>"]
    for k, heading in enumerate(volume(3) * 2):
        body += [f"<h2>{heading}</h2>", *(f"<p>{paragraph(k * 3 + p, 4)}</p>" for p in range(3))]
    path = tmp_path / "joined.html"
    path.write_text(
        "<html><head><title>Ledger</title></head><body>" + "\n".join(body) + "</body></html>",
        encoding="utf-8",
    )
    book = open_book(path)
    assert [c.part for c in book.chapters] == ["Volume 1"] * 5 + ["Volume 2"] * 5
    assert book.chapters[7].full_title == "Volume 2 · Chapter 2: The Barge"


def test_a_plain_texts_own_heading_over_each_run_names_its_volume(tmp_path: Path) -> None:
    text = ["The Harbour Ledger", "By Tessaly Brook"]
    runs = [("FIRST", "FIRST", 1703, "The Quay"), ("SECOND", "FIRST", 1715, "The Bells")]
    runs.append(("THIRD", "SECOND", 1724, "The Tide"))
    k = 0
    for name, closed, year, subtitle in runs:
        if name != "FIRST":
            text.append(f"END OF THE {closed} EPOCH.")
        text += [f"EPOCH THE {name}.", f"{year}.", subtitle.upper() + "."]
        for n in ["I", "II", "III"]:
            text += [f"CHAPTER {n}.", *(paragraph(k * 3 + p, 4) for p in range(3))]
            k += 1
    path = tmp_path / "epochs.txt"
    path.write_text("\n\n".join(text) + "\n", encoding="utf-8")
    book = open_book(path)
    assert [c.part for c in book.chapters] == (
        ["EPOCH THE FIRST"] * 3 + ["EPOCH THE SECOND"] * 3 + ["EPOCH THE THIRD"] * 3
    )
    assert book.chapters[4].full_title == "EPOCH THE SECOND · CHAPTER II"
    # The second epoch's heading lines open its first chapter, not close the chapter before:
    # the reader shows them over `CHAPTER I.`, and the first epoch ends with its own last line.
    second = book.chapters[3]
    assert [book.paragraph(i) for i in range(second.start, second.heading)] == [
        "EPOCH THE SECOND.",
        "1715.",
        "THE BELLS.",
    ]
    assert {book.kinds[i] for i in range(second.start, second.heading)} == {ParaKind.HEADING}
    assert book.paragraph(book.chapters[2].end - 1) == "END OF THE FIRST EPOCH."


def test_a_web_pages_part_headings_over_each_run_name_its_volumes(tmp_path: Path) -> None:
    body = []
    parts = ["BOOK ONE: 1805", "BOOK TWO: 1806", "FIRST EPILOGUE: 1813 - 20"]
    for k, part in enumerate(parts):
        body.append(f"<h2>{part}</h2>")
        for n in ["I", "II", "III"]:
            body.append(f"<h2>CHAPTER {n}</h2>")
            body += [f"<p>{paragraph(k * 9 + p, 4)}</p>" for p in range(3)]
    page = "<html><head><title>The Harbour Ledger</title></head><body>{}</body></html>"
    path = tmp_path / "ledger.html"
    path.write_text(page.format("\n".join(body)), encoding="utf-8")
    book = open_book(path)
    assert [c.title for c in book.chapters][:2] == ["CHAPTER I", "CHAPTER II"]
    assert [c.part for c in book.chapters] == [p for p in parts for _ in range(3)]
    assert book.chapters[6].full_title == "FIRST EPILOGUE: 1813 - 20 · CHAPTER I"
