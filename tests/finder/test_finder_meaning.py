"""A scene is also ranked by how near in meaning its passages come to the query.

The reader's own word (`cop`) counts where the book says `detective`, even though the book uses
the reader's word somewhere else (where it is no help).
"""

from __future__ import annotations

import pytest
from finder_support import built_finder, line_in, scene_lines

from tui.finder import rank
from tui.finder.book_finder import BookFinder
from tui.finder.meaning import query_meanings
from tui.finder.query import query_terms

HOMECOMING = """Chapter 1: The Vicarage

In the first week something knocked at the door every night; it was only the wind.

* * *

The cop on the corner kept bees, and sold the honey at the church gate on Sundays.

* * *

Late that night the carpenter knocked at the door, tired and wet through.

She heard the door and went down with a candle.

* * *

Late that night the detective knocked at the door, tired and wet through.

She heard the door and went down with a candle.
"""
QUERY = "cop knocked at the door"


@pytest.fixture(scope="module")
def finder() -> BookFinder:
    return built_finder(HOMECOMING)


def line_of(text: str) -> int:
    return line_in(HOMECOMING, text)


def test_a_word_near_in_meaning_tells_two_scenes_apart(finder: BookFinder) -> None:
    # The book has `cop`, at the church gate; two scenes tell of a knock at the door in the
    # same words, and in one of them it is a detective who knocks.
    lines = scene_lines(finder, QUERY)
    detective = lines.index(line_of("Late that night the detective"))
    assert detective < lines.index(line_of("Late that night the carpenter"))


def test_without_the_meanings_the_two_knocks_tie(
    finder: BookFinder, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The guard for the test above: the words' match alone cannot tell the two apart, and
    # leaves them in the book's order.
    monkeypatch.setattr(rank, "MEANING_WEIGHT", 0.0)
    lines = scene_lines(finder, QUERY)
    carpenter = lines.index(line_of("Late that night the carpenter"))
    assert carpenter < lines.index(line_of("Late that night the detective"))


def test_a_word_being_typed_has_no_meaning_yet(finder: BookFinder) -> None:
    # `co` may become `cop` or `coal`: it is no word near `detective` yet.
    assert finder.index is not None
    typed = query_terms(finder.index, "door co", typing=True)
    assert len(query_meanings(finder.index, typed, typing=True)) == 1
    finished = query_terms(finder.index, "door cop", typing=False)
    assert len(query_meanings(finder.index, finished, typing=False)) == 2


def test_words_the_book_never_writes_make_the_meaning_count_more(finder: BookFinder) -> None:
    # `knocked` and `cop` (and `candel`, a typo) are the book's own words; `policeman` is
    # the reader's: the meaning step is the only one that sees it, and counts more for it.
    assert finder.index is not None
    own = query_terms(finder.index, "cop knocked candel", typing=False)
    assert rank._said_otherwise(own) == 0.0
    reworded = query_terms(finder.index, "policeman knocked", typing=False)
    assert 0.0 < rank._said_otherwise(reworded) < 1.0
