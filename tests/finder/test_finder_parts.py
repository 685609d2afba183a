"""Chapters numbered again in each part: the finder names them with their part.

A number asked for without its part lists each part's chapter once, and `part 2 ch 5` picks one.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from fixtures import epub_builders as eb
from markup_books import epub
from reader_support import paragraph

from tui.book.formats import open_book
from tui.book.model import Book
from tui.book.rules.joined_volumes import joined_volumes
from tui.book.rules.title_numbers import title_number
from tui.finder.book_finder import BookFinder
from tui.finder.tokens import (
    chapter_names,
    numbers_itself,
    parse_structural,
    part_name,
)

ROMAN = ["I", "II", "III"]
PLACES = ["QUAY", "BELLS", "BARGE", "FLATS"]


def book_in_parts(folder: Path, *, parts: bool = True) -> Book:
    """Two parts of two chapters each, numbered from I in each part; without ``parts`` the
    part titles are left out (the chapter numbers still start over)."""
    lines = ["THE HARBOUR LEDGER", "By Tessaly Brook"]
    for p in range(2):
        if parts:
            lines.append(f"PART {ROMAN[p]}.")
        for c in range(2):
            lines.append(f"CHAPTER {ROMAN[c]}: THE {PLACES[p * 2 + c]}")
            lines += [paragraph(p * 17 + c * 7 + k, 4) for k in range(4)]
            lines.append("* * *")
            lines += [paragraph(p * 13 + c * 5 + k, 4) for k in range(4)]
    path = folder / ("parts.txt" if parts else "restarts.txt")
    path.write_text("\n\n".join(lines) + "\n", encoding="utf-8")
    return open_book(path)


def test_names_carry_the_part_where_numbers_start_over() -> None:
    titles = ["CHAPTER I", "CHAPTER II", "CHAPTER I", "CHAPTER II"]
    parts = ["PART I", "PART I", "PART II", "PART II"]
    assert chapter_names(titles, parts) == [
        "Part 1 · Ch 1",
        "Part 1 · Ch 2",
        "Part 2 · Ch 1",
        "Part 2 · Ch 2",
    ]
    assert numbers_itself(titles, parts)
    # Without parts to tell them apart, chapters are numbered in order.
    assert not numbers_itself(titles)
    assert chapter_names(titles) == ["Ch 1", "Ch 2", "Ch 3", "Ch 4"]
    # A book in parts that numbers its chapters straight through needs no part in the name.
    through = ["CHAPTER I", "CHAPTER II", "CHAPTER III", "CHAPTER IV"]
    assert chapter_names(through, parts) == ["Ch 1", "Ch 2", "Ch 3", "Ch 4"]


def test_part_names_are_short() -> None:
    assert part_name("PART II") == "Part 2"
    assert part_name("Book the Second") == "Book 2"
    assert part_name("Book One · Part III") == "Book 1 · Part 3"
    # An unnumbered part goes by its name, in title case, without its subtitle.
    assert part_name("FIRST EPILOGUE: 1813 - 20") == "First Epilogue"
    assert part_name("EPOCH THE SECOND") == "Epoch the Second"
    assert part_name("The Window") == "The Window"


def test_a_chapter_the_first_is_numbered() -> None:
    assert title_number("CHAPTER THE FIRST: OF BLADESOVER HOUSE") == 1
    assert title_number("Book the Second") == 2
    assert title_number("Chapter the Last") is None


@pytest.mark.parametrize(
    ("query", "part", "chapter", "scene"),
    [
        ("part 2 ch 5 s1", 2, 5, 1),
        ("p2 c5", 2, 5, None),
        ("Part 2 · Ch 5 · Scene 1", 2, 5, 1),
        ("book two chapter 3", 2, 3, None),
        ("ch5 s1", None, 5, 1),
    ],
)
def test_structural_queries_name_a_part(
    query: str, part: int | None, chapter: int, scene: int | None
) -> None:
    place = parse_structural(query)
    assert place is not None
    assert (place.part, place.chapter, place.scene) == (part, chapter, scene)


@pytest.mark.parametrize("query", ["part two", "book club", "p2", "part 2 scene 1"])
def test_a_part_alone_is_not_a_place(query: str) -> None:
    assert parse_structural(query) is None


def test_a_chapter_number_lists_each_part_once_the_first_part_first(tmp_path: Path) -> None:
    book = book_in_parts(tmp_path)
    assert [c.part for c in book.chapters] == ["PART I", "PART I", "PART II", "PART II"]
    finder = BookFinder(book)
    hits = finder.search("ch1 s2", typing=False)
    assert [(h.label.split(" — ")[0], h.score) for h in hits[:2]] == [
        ("Part 1 · Ch 1 · Scene 2", 100.0),
        ("Part 2 · Ch 1 · Scene 2", 90.0),
    ]
    assert (hits[0].chapter, hits[1].chapter) == (0, 2)
    [only] = [h for h in finder.search("part 2 ch 1 s2", typing=False) if h.score == 100.0]
    assert (only.chapter, only.scene, only.chapter_name) == (2, 1, "Part 2 · Ch 1")
    chapters = [h for h in finder.search("#", typing=False) if h.kind == "chapter"]
    assert [h.label for h in chapters][2] == "PART II · CHAPTER I: THE BARGE"
    assert chapters[2].detail.startswith("Part 2 · Ch 1 ·")


def test_a_parts_name_finds_its_first_chapter(tmp_path: Path) -> None:
    book = book_in_parts(tmp_path)
    finder = BookFinder(book)
    [first] = finder.search("part two", typing=False)[:1]
    assert (first.kind, first.chapter, first.label) == (
        "chapter",
        2,
        "PART II · CHAPTER I: THE BARGE",
    )


def test_numbers_starting_over_without_parts_are_numbered_in_order(tmp_path: Path) -> None:
    book = book_in_parts(tmp_path, parts=False)
    assert [c.title for c in book.chapters][2] == "CHAPTER I: THE BARGE"
    finder = BookFinder(book)
    hits = finder.search("ch3 s1", typing=False)
    assert hits[0].score == 100.0 and hits[0].chapter == 2
    assert hits[0].label.startswith("Ch 3 · Scene 1")
    labels = [h.label.split(" — ")[0] for h in finder.search("*", typing=False)]
    assert len(labels) == len(set(labels))


def test_volumes_joined_without_parts_are_told_apart_by_their_run_of_numbers(
    tmp_path: Path,
) -> None:
    titles = ["Prologue", *(f"Chapter {n}: The {PLACES[n]}" for n in range(1, 4))] * 2
    # The engine puts each run of numbers in its volume; the finder names chapters by it.
    assert chapter_names(titles, joined_volumes(titles)) == [
        "Volume 1 · Prologue",  # each volume has one
        "Volume 1 · Ch 1",
        "Volume 1 · Ch 2",
        "Volume 1 · Ch 3",
        "Volume 2 · Prologue",
        "Volume 2 · Ch 1",
        "Volume 2 · Ch 2",
        "Volume 2 · Ch 3",
    ]
    lines = ["THE HARBOUR LEDGER", "By Tessaly Brook"]
    for title in titles:
        lines += [title, *(paragraph(len(lines) + k, 4) for k in range(3))]
    path = tmp_path / "joined.txt"
    path.write_text("\n\n".join(lines) + "\n", encoding="utf-8")
    book = open_book(path)
    assert [c.part for c in book.chapters] == ["Volume 1"] * 4 + ["Volume 2"] * 4
    finder = BookFinder(book)
    hits = [h for h in finder.search("ch3", typing=False) if h.kind == "chapter"]
    # `ch3` is each volume's chapter 3, the first volume's first: never the book's third.
    assert [(h.detail.split(" · 5")[0][:15], h.score) for h in hits[:2]] == [
        ("Volume 1 · Ch 3", 100.0),
        ("Volume 2 · Ch 3", 90.0),
    ]
    [only] = [h for h in finder.search("vol 2 ch 3", typing=False) if h.score == 100.0]
    assert only.chapter_name == "Volume 2 · Ch 3"
    assert only.label == "Volume 2 · Chapter 3: The FLATS"
    # A chapter number past every volume's says how volumes are named, at once.
    assert finder.nothing_found("ch 12") == (
        "No chapter 12: the chapters are numbered 1 to 3 again in each of 2 volumes"
        " · try `volume 2 ch 3`"
    )


@pytest.mark.parametrize(
    "numbers", [(1, 2, 2, 3), (1, 2, 1, 3), (1, 2, 3, 4, 1, 2)], ids=["twice", "slip", "short"]
)
def test_a_slip_in_the_numbering_is_not_a_new_volume(numbers: tuple[int, ...]) -> None:
    titles = [f"Chapter {n}" for n in numbers]
    assert joined_volumes(titles) == []
    assert chapter_names(titles, joined_volumes(titles)) == [
        f"Ch {n}" for n in range(1, len(numbers) + 1)
    ]


def test_a_misprinted_number_in_a_book_in_parts_keeps_the_parts_in_the_labels() -> None:
    # Anna Karenina's second part says `Chapter 22` twice (and no 23): the chapters still go
    # by their part and heading, as the status line names them, not by their place in order.
    titles = [f"Chapter {n}" for n in (1, 2, 3, 1, 2, 2, 4, 1, 2)]
    parts = ["PART 1"] * 3 + ["PART 2"] * 4 + ["PART 3"] * 2
    assert chapter_names(titles, parts) == [
        "Part 1 · Ch 1",
        "Part 1 · Ch 2",
        "Part 1 · Ch 3",
        "Part 2 · Ch 1",
        "Part 2 · Ch 2",
        "Part 2 · Ch 2",
        "Part 2 · Ch 4",
        "Part 3 · Ch 1",
        "Part 3 · Ch 2",
    ]
    # Two chapters of one part with one number, not one after the other: numbers started
    # over some other way, so the chapters go in order.
    shuffled = [f"Chapter {n}" for n in (1, 2, 1, 3)]
    assert chapter_names(shuffled, ["PART 1"] * 4) == ["Ch 1", "Ch 2", "Ch 3", "Ch 4"]


def test_a_part_that_is_a_chapter_goes_by_its_title_among_numbered_chapters() -> None:
    titles = ["CHAPTER ONE", "CHAPTER TWO", "PART 2", "CHAPTER THREE", "CHAPTER TWENTY-ONE: X"]
    parts = ["PART 1", "PART 1", "", "PART 2", "PART 2"]
    assert title_number("CHAPTER TWENTY-ONE: X") == 21
    assert chapter_names(titles, parts) == ["Ch 1", "Ch 2", "PART 2", "Ch 3", "Ch 21"]
    # A book whose chapters are its parts still numbers them by their part word.
    assert chapter_names(["Part 1", "Part 2", "Part 3"]) == ["Ch 1", "Ch 2", "Ch 3"]


def test_round_tens_written_as_words_number_their_chapters() -> None:
    titles = [
        "CHAPTER THIRTY-NINE: LAZY LAURENCE",
        "CHAPTER FORTY: THE VALLEY",
        "CHAPTER FORTY-ONE",
    ]
    assert chapter_names(titles) == ["Ch 39", "Ch 40", "Ch 41"]
    assert parse_structural("chapter forty") == parse_structural("ch40")
    assert parse_structural("ch forty-one s2") == parse_structural("ch41 s2")


def test_a_chapter_name_every_volume_has_is_told_apart_by_its_volume() -> None:
    titles = ["Prologue: Paradise", "Chapter 1: A", "Chapter 2: B", "Chapter 3: C"] * 2
    parts = ["Volume 1"] * 4 + ["Volume 2"] * 4
    names = chapter_names([*titles, "Afterword"], [*parts, "Volume 2"])
    assert names[0] == "Volume 1 · Prologue" and names[4] == "Volume 2 · Prologue"
    assert names[-1] == "Afterword"  # a name only one volume has needs no volume


def test_part_and_chapter_pick_the_nth_chapter_of_that_part_when_titles_have_no_keyword(
    tmp_path: Path,
) -> None:
    # Bare Roman numerals listed under parts in an EPUB's contents: `part 2 ch 2` is part
    # two's second chapter, not the book's second.
    docs, nav = {}, []
    for p in range(2):
        docs[f"part{p}"] = f"<h2>Part {ROMAN[p]}</h2>"
        kids = []
        for c in range(3):
            docs[f"p{p}c{c}"] = f"<h3>{ROMAN[c]}</h3>" + eb.paras(eb.prose(p * 3 + c, 3))
            kids.append((ROMAN[c], f"Text/p{p}c{c}.xhtml"))
        nav.append((f"Part {ROMAN[p]}", f"Text/part{p}.xhtml", kids))
    book = epub(tmp_path / "bare.epub", docs, nav)
    assert [c.part for c in book.chapters] == ["Part I"] * 3 + ["Part II"] * 3
    hits = [h for h in BookFinder(book).search("part 2 ch 2", typing=False) if h.kind == "chapter"]
    assert hits[0].chapter == 4


def test_a_chapter_number_typed_as_two_words_is_one_number() -> None:
    from reader_support import make_book, story

    book = make_book(story(chapters=40, scenes=1))
    finder = BookFinder(book)
    for query in ("chapter thirty nine", "chapter thirty-nine", "ch 39"):
        [first] = finder.search(query, typing=False)[:1]
        assert first.kind == "chapter" and first.chapter == 38, (query, first.label)


def test_part_and_chapter_in_a_book_numbering_its_chapters_on_through_its_parts(
    tmp_path: Path,
) -> None:
    # (Middlemarch: Book II opens with chapter XIII; `book 2 ch 3` is its third, XV)
    lines = ["THE HARBOUR LEDGER", "By Tessaly Brook"]
    number = 0
    for p in range(2):
        lines.append(f"PART {ROMAN[p]}.")
        for _ in range(3):
            number += 1
            lines.append(f"CHAPTER {['I', 'II', 'III', 'IV', 'V', 'VI'][number - 1]}.")
            lines += [paragraph(p * 17 + number * 7 + k, 4) for k in range(4)]
    path = tmp_path / "through.txt"
    path.write_text("\n\n".join(lines) + "\n", encoding="utf-8")
    finder = BookFinder(open_book(path))
    [hit] = [h for h in finder.search("part 2 ch 2", typing=False) if h.score == 100.0]
    assert hit.label.startswith("PART II") and "CHAPTER V" in hit.label
    assert finder.nothing_found("part 3 ch 2") == "No part 3: this book has 2 parts"
