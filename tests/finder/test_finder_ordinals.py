"""Chapters and scenes asked for by ordinals name the place as a number does.

`twelfth chapter`, `12th chapter`, `chapter the twelfth` name the place as `chapter 12` does,
and `the third chapter` as `chapter 3`.
"""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from tui.book.formats import open_book
from tui.finder.book_finder import BookFinder
from tui.finder.tokens import parse_ordinal, parse_structural

DRACULA = Path(__file__).resolve().parents[1] / "fixtures" / "real" / "pg_dracula.txt.gz"


@pytest.mark.parametrize(
    ("query", "chapter", "scene"),
    [
        ("twelfth chapter", 12, None),
        ("Twelfth Chapter", 12, None),
        ("12th chapter", 12, None),
        ("chapter the twelfth", 12, None),
        ("chapter twelfth", 12, None),
        ("the third chapter", 3, None),
        ("the 1st chapter", 1, None),
        ("twenty-first chapter", 21, None),
        ("thirtieth chapter", 30, None),
        ("the second scene", None, 2),
        ("third chapter second scene", 3, 2),
    ],
)
def test_ordinals_name_a_place(query: str, chapter: int | None, scene: int | None) -> None:
    place = parse_structural(query)
    assert place is not None
    assert (place.chapter, place.scene) == (chapter, scene)


@pytest.mark.parametrize("query", ["twelfth night", "the first time", "second sight", "3rd"])
def test_ordinals_among_other_words_are_not_a_place(query: str) -> None:
    assert parse_structural(query) is None


def test_ordinal_words_and_figures() -> None:
    assert [parse_ordinal(w) for w in ["first", "12th", "2nd", "twenty-third", "fortieth"]] == [
        1,
        12,
        2,
        23,
        40,
    ]
    assert parse_ordinal("twelve") is None and parse_ordinal("fifthly") is None


def test_twelfth_chapter_of_dracula_is_chapter_xii(tmp_path: Path) -> None:
    path = tmp_path / "dracula.txt"
    path.write_bytes(gzip.decompress(DRACULA.read_bytes()))
    finder = BookFinder(open_book(path))
    for query in ("twelfth chapter", "chapter the twelfth", "12th chapter"):
        top = finder.search(query, typing=False)[0]
        assert top.kind == "chapter" and top.label.startswith("CHAPTER XII"), (query, top.label)
