"""Every `n` and `N` counts, however fast they come, and a count before them moves that many.

Counts move matches as in vim. A burst of twenty `n` used to move two matches (each press
replaced the search the one before had started), and `5n` one.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from reader_support import burst, lantern_book, reader_app, search, settle, wait_open

SIZE = (80, 24)
SCENES = 30  # 10 chapters of 3 scenes: "Scene C.S opens." thirty times


@pytest.fixture
def book_path(tmp_path: Path) -> Path:
    return lantern_book(tmp_path, chapters=10, scenes=3, paras=4)


def status(screen) -> str:
    return str(screen.status.render())


async def searched(pilot):
    """The reader, searched for the scenes' openings: on the first of them."""
    screen = await wait_open(pilot)
    await search(pilot, "slash", "opens.")
    assert f"match 1/{SCENES}" in status(screen)
    return screen


async def steady(pilot) -> None:
    """Let every queued key, search step and count finish."""
    for _ in range(5):
        await settle(pilot)


async def test_twenty_n_in_one_burst_move_twenty_matches(book_path: Path) -> None:
    app = reader_app(book_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await searched(pilot)
        burst(app, *["n"] * 20)
        await steady(pilot)
        assert f"match 21/{SCENES}" in status(screen)
        assert screen.book.text[: screen.hit.end].endswith("Scene 7.3 opens.")


@pytest.mark.parametrize(
    ("keys", "expected"),
    [
        (["n"] * 8 + ["N"] * 3, 6),  # n and N mixed in a burst each count
        (["1", "0", "n", "n", "n"], 13),  # a count and keys in one burst
    ],
)
async def test_every_key_of_a_burst_counts(book_path: Path, keys: list[str], expected: int) -> None:
    app = reader_app(book_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await searched(pilot)
        burst(app, *keys)
        await steady(pilot)
        assert f"match {expected}/{SCENES}" in status(screen)


async def test_a_count_before_n_and_N_moves_that_many_matches(book_path: Path) -> None:
    app = reader_app(book_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await searched(pilot)
        await pilot.press("5", "n")
        await steady(pilot)
        assert f"match 6/{SCENES}" in status(screen)
        await pilot.press("2", "N")
        await steady(pilot)
        assert f"match 4/{SCENES}" in status(screen)
        assert "2" not in screen.session.count.pending  # the count was used, not left over


async def test_a_count_past_the_last_match_goes_round(book_path: Path) -> None:
    app = reader_app(book_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await searched(pilot)
        await pilot.press("3", "2", "n")  # thirty matches: round once, two on
        await steady(pilot)
        assert f"match 3/{SCENES}" in status(screen)
        await pilot.press("9", "9", "9", "9", "9", "N")  # a huge count takes no longer
        await steady(pilot)
        assert f"match {(2 - 99999) % SCENES + 1}/{SCENES}" in status(screen)
