"""Resizes the terminal has already left behind are not drawn."""

from __future__ import annotations

import pytest
from textual import events
from textual.geometry import Size

from tui.ui.terminal import resizes


def resize(width: int, height: int) -> events.Resize:
    return events.Resize(Size(width, height), Size(width, height))


def test_a_resize_to_a_size_the_terminal_has_left_is_outdated(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(resizes, "terminal_size", lambda: (100, 30))
    assert resizes.outdated(resize(250, 80))  # the window was dragged on: 100x30 comes next
    assert not resizes.outdated(resize(100, 30))


def test_without_a_terminal_to_ask_every_resize_counts(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(resizes, "terminal_size", lambda: None)
    assert not resizes.outdated(resize(250, 80))


def test_a_size_forced_by_the_user_is_not_second_guessed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "132")
    assert resizes.terminal_size() is None


async def test_a_screen_under_others_takes_no_resize_to_a_size_the_app_has_left(
    tmp_path,
) -> None:
    """A resize to an old size, sent to a screen by its own layout, is not even queued: two
    screens handing such sizes to each other kept chapbook busy for ever."""
    from reader_support import lantern_book, reader_app, wait_open

    app = reader_app(lantern_book(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        reader = await wait_open(pilot)
        assert not reader.post_message(resize(120, 40))  # the app is 80x24
        assert reader.post_message(resize(80, 24))
        await pilot.resize_terminal(100, 30)
        await pilot.pause()
        assert reader.size == (100, 30)
