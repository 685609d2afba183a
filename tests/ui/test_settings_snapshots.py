"""Snapshots of the help overlay and the settings screen, as a user sees them."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest
from reader_support import highlight, lantern_book, reader_app, wait_open
from textual.pilot import Pilot

from tui.settings.keymaps import preset_keys
from tui.settings.settings import load_settings


@pytest.fixture
def book_path(tmp_path: Path) -> Path:
    return lantern_book(tmp_path, chapters=3, scenes=2, paras=3)


def pressing(*keys: str) -> Callable[[Pilot], Awaitable[None]]:
    """A `run_before` that waits for the book to open, then presses ``keys``."""

    async def run_before(pilot: Pilot) -> None:
        await wait_open(pilot)
        await pilot.press(*keys)
        await pilot.pause()

    return run_before


def test_help_screen_over_the_reader(snap_compare, book_path: Path) -> None:
    assert snap_compare(reader_app(book_path), terminal_size=(80, 24), run_before=pressing("h"))


def test_settings_screen(snap_compare, book_path: Path) -> None:
    app = reader_app(book_path)
    assert snap_compare(app, terminal_size=(100, 30), run_before=pressing("comma"))


def test_settings_screen_at_80x24_with_a_file_full_of_problems(
    snap_compare, book_path: Path
) -> None:
    """Seven problems: a line counting them, with the keys to see all and to write the values
    shown, over three rows of them; the list keeps the rest of the screen."""
    from settings_screen_support import with_settings_file

    text = (
        'theme = "solarized-nope"\n[reader]\nwidth = 70\nmargin = -3\nwidht = 80\n'
        '[keys]\nquit = "ctrl+c"\nhelp = ""\nbookmark_add = "x"\nnext_chaptr = "n"\n'
    )
    app = with_settings_file(book_path, text)
    assert snap_compare(app, terminal_size=(80, 24), run_before=pressing("comma"))


def test_settings_screen_showing_a_clash_in_the_paper_theme(snap_compare, book_path: Path) -> None:
    settings, _ = load_settings(None)
    settings.theme = "paper"

    async def rebind_to_a_taken_key(pilot) -> None:
        await pressing("comma")(pilot)
        await highlight(pilot, "keys.next_chapter")
        await pilot.press("enter", "n")
        await pilot.pause()

    app = reader_app(book_path, settings=settings)
    assert snap_compare(app, terminal_size=(100, 30), run_before=rebind_to_a_taken_key)


@pytest.mark.parametrize(
    ("size", "keymap"), [((80, 24), "less"), ((120, 40), "default")], ids=["80x24", "120x40"]
)
def test_settings_screen_keys_in_columns(snap_compare, book_path: Path, size, keymap) -> None:
    """The actions' rows use the width there is, their columns in line; at 80 columns the
    less preset's long key list for Line down is cut with `…`."""
    settings, _ = load_settings(None)
    settings.keymap = keymap
    settings.keys = preset_keys(keymap)

    async def to_the_keys(pilot) -> None:
        await pressing("comma")(pilot)
        await highlight(pilot, "keys.line_down")
        await pilot.pause()

    app = reader_app(book_path, settings=settings)
    assert snap_compare(app, terminal_size=size, run_before=to_the_keys)
