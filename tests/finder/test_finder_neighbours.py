"""Words near in meaning in general English, tried when the book never uses the reader's word.

A reader's own word for a moment the book words otherwise is tried as a word of the query only
when the book never uses the reader's word.
"""

from __future__ import annotations

import pytest
from finder_support import built_finder, line_in, scene_lines

from tui.finder import neighbours
from tui.finder.book_finder import BookFinder

LANDING = """Chapter 1: The Landing Stage

On Thursdays the ferry was late again, and she stood on the landing stage until ten, cleaning
her spectacles on her sleeve.

* * *

Her brother spent the morning over the laundry, with two buckets of soapy water and a song.

* * *

They argued about the ferry money and the laundry bill all through supper.
"""


@pytest.fixture(scope="module")
def finder() -> BookFinder:
    return built_finder(LANDING)


def line_of(text: str) -> int:
    return line_in(LANDING, text)


def test_words_near_in_meaning_nearest_first() -> None:
    assert "washing" in neighbours.used_alike("scrubbing")
    assert neighbours.used_alike("boat")[0] == "vessel"
    assert "thursday" in neighbours.used_alike("week")
    # The two sets of vectors agree on what a rare word means: a pooch is a dog, not a
    # word spelt like it.
    assert {"puppy", "pup"} <= set(neighbours.used_alike("pooch"))
    assert "crock" not in neighbours.used_alike("frock")


def test_how_near_each_word_is() -> None:
    near = dict(neighbours.near("spouse"))
    assert near["husband"] > 0.7 and near["wife"] > 0.7
    closeness = [close for _, close in neighbours.near("cop")]
    assert closeness == sorted(closeness, reverse=True)
    assert all(0.4 <= close < 1 for close in closeness)
    assert neighbours.near("zzqx") == ()


def test_a_word_is_found_in_its_forms() -> None:
    # The table holds the commonest words; rarer forms are looked up by the word they inflect.
    assert neighbours.near("daydreams") == neighbours.near("daydream") != ()
    assert neighbours.near("poodles") == neighbours.near("poodle") != ()


def test_a_remembered_moment_in_the_readers_own_words(finder: BookFinder) -> None:
    # Neither "boat" nor "week" is in the book: its scene says "ferry" and "Thursdays".
    assert scene_lines(finder, "waiting for the boat every week")[0] == line_of("On Thursdays")
    # "washing" is not in the book either: the laundry and the buckets are.
    assert scene_lines(finder, "washing")[0] == line_of("Her brother spent")


def test_a_word_the_book_uses_is_not_widened(finder: BookFinder) -> None:
    # "cleaning" is used alike with "laundry", but the book has "laundry": the landing stage,
    # where she is cleaning her spectacles, is no hit for it.
    assert sorted(scene_lines(finder, "laundry")) == [
        line_of("Her brother spent"),
        line_of("They argued about"),
    ]


def test_a_stop_word_is_not_widened(finder: BookFinder) -> None:
    # "at" is in no index (it is in every scene); its neighbours (`in`, `on`) are no
    # evidence of anything a reader meant.
    assert finder.index is not None
    assert "in" in neighbours.used_alike("at")
    assert [e.key for e in finder.index.expand("at") if e.how == "general"] == []
