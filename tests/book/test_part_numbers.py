"""A story told in numbered parts inside a chapter: each number opens its scene.

Each number (`<h3>II</h3>` at the head of its own section) opens its scene, set as a heading,
with no ornament added above it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.book.formats import open_book
from tui.book.model import Book, ParaKind, scene_top
from tui.book.scene_breaks import gap_scene_starts
from tui.reading.navigation import scene_landings

REAL = Path(__file__).resolve().parents[1] / "fixtures" / "real"


@pytest.fixture(scope="module")
def holmes() -> Book:
    return open_book(REAL / "se_sherlock_holmes.epub")


def _numbered_scenes(book: Book) -> dict[str, int]:
    """A Scandal in Bohemia's scenes by the part number over them."""
    scandal = book.chapters[0]
    assert scandal.title == "A Scandal in Bohemia"
    return {book.paragraph(scene_top(book, s)): s.index for s in scandal.scenes}


def test_each_part_number_opens_its_scene(holmes: Book) -> None:
    numbered = _numbered_scenes(holmes)
    assert "II" in numbered and "III" in numbered
    scenes = holmes.chapters[0].scenes
    for number in ("II", "III"):
        scene = scenes[numbered[number]]
        top = scene_top(holmes, scene)
        # the number is set as the heading `I` is, and belongs to the scene it opens
        assert holmes.kinds[top] == ParaKind.HEADING
        assert holmes.scene_at(top) is scene
        assert scenes[scene.index - 1].end == top
    # the scene's opening words are its prose's, after the number
    assert scenes[numbered["II"]].first_words.startswith("At three o’clock precisely")
    assert scenes[numbered["III"]].first_words.startswith("I slept at Baker Street")


def test_no_ornament_is_added_above_a_part_number(holmes: Book) -> None:
    gaps = gap_scene_starts(holmes)
    scandal = holmes.chapters[0]
    assert not [p for p in gaps if scandal.start <= p < scandal.end]


def test_a_scene_move_lands_on_the_part_number(holmes: Book) -> None:
    landings = scene_landings(holmes)
    scenes = holmes.chapters[0].scenes
    for number, index in _numbered_scenes(holmes).items():
        if number in ("II", "III"):
            assert scenes[index].head in landings
            assert scenes[index].start not in landings
