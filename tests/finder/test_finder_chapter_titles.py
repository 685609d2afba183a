"""A scene is also ranked by the title of its chapter.

An author's title sums the chapter up in words a reader may remember it by, though the chapter's
text says them less often than a neighbouring one does.
"""

from __future__ import annotations

import pytest
from finder_support import built_finder, line_in, scene_lines

from tui.finder import rank
from tui.finder.book_finder import BookFinder

MEADOW = """Chapter 1: Morning

In the morning the meadow was wet, and the lanterns in the meadow were cold.

Someone had left a lantern burning all night at the meadow gate.

Chapter 2: The Miller's Wager

The miller bet his mill on a game of cards and lost it before the candles burnt down.

He walked home across the meadow with nothing in his pockets.

Chapter 3: The Lantern Meadow

They crossed the meadow at dusk, and the lanterns hung in the hedges like fruit.

Nobody spoke until the gate.
"""


@pytest.fixture(scope="module")
def finder() -> BookFinder:
    return built_finder(MEADOW)


def line_of(text: str) -> int:
    return line_in(MEADOW, text)


def test_the_chapter_titled_with_the_words_comes_first(finder: BookFinder) -> None:
    # Chapter 1 says `lantern`, `meadow` and `gate` more often, and first, but the reader
    # remembers the chapter the book itself calls The Lantern Meadow.
    lines = scene_lines(finder, "lanterns meadow gate")
    assert lines[0] == line_of("They crossed the meadow at dusk")


def test_without_the_titles_the_wordier_chapter_wins(
    finder: BookFinder, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The guard for the test above: by the words of the text alone, chapter 1 comes first.
    monkeypatch.setattr(rank, "TITLE_WEIGHT", 0.0)
    lines = scene_lines(finder, "lanterns meadow gate")
    assert lines[0] == line_of("In the morning the meadow was wet")
