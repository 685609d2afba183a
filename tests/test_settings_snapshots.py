"""Snapshots of the help overlay and the settings screen, as a user sees them."""

from __future__ import annotations

from pathlib import Path

import pytest
from reader_support import (
    engine_ready,
    open_with_splitter,
    reader_app,
    story,
    wait_open,
    write_story,
)

from tui.core.settings import load_settings


@pytest.fixture(autouse=True)
def engine(monkeypatch: pytest.MonkeyPatch) -> None:
    if not engine_ready():
        monkeypatch.setattr("tui.screens.reader.open_stages", open_with_splitter)


@pytest.fixture
def book_path(tmp_path: Path) -> Path:
    return write_story(tmp_path / "lantern.txt", story(chapters=3, scenes=2, paras=3))


def test_help_screen_over_the_reader(snap_compare, book_path: Path) -> None:
    async def open_help(pilot) -> None:
        await wait_open(pilot)
        await pilot.press("h")
        await pilot.pause()

    assert snap_compare(reader_app(book_path), terminal_size=(80, 24), run_before=open_help)


def test_settings_screen(snap_compare, book_path: Path) -> None:
    async def open_settings(pilot) -> None:
        await wait_open(pilot)
        await pilot.press("comma")
        await pilot.pause()

    assert snap_compare(reader_app(book_path), terminal_size=(100, 30), run_before=open_settings)


def test_settings_screen_showing_a_clash_in_the_paper_theme(snap_compare, book_path: Path) -> None:
    settings, _ = load_settings(None)
    settings.theme = "paper"

    async def rebind_to_a_taken_key(pilot) -> None:
        await wait_open(pilot)
        await pilot.press("comma")
        await pilot.pause()
        options = pilot.app.screen.query_one("SettingsList")
        while options.highlighted_option.id != "keys.next_chapter":
            await pilot.press("j")
        await pilot.press("enter", "n")
        await pilot.pause()

    app = reader_app(book_path, settings=settings)
    assert snap_compare(app, terminal_size=(100, 30), run_before=rebind_to_a_taken_key)
