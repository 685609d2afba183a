"""A `/` typed into the filter of the settings, the help or the contents is typed there.

It is a character of the filter as any other: `/` there finds the rows of the keys bound to it
(Pilot).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from reader_support import lantern_book, open_help, open_settings, wait_open
from settings_screen_support import app_with_user_settings

from tui.ui.dialogs.contents import ContentsScreen
from tui.ui.dialogs.help import HelpRows, HelpScreen
from tui.ui.widgets.settings_list import SettingsList

SIZE = (100, 30)


@pytest.fixture
def book_path(tmp_path: Path) -> Path:
    return lantern_book(tmp_path, scenes=2, paras=4)


async def test_slash_in_the_settings_filter_finds_the_keys_bound_to_slash(book_path: Path) -> None:
    app = app_with_user_settings(book_path)
    async with app.run_test(size=SIZE) as pilot:
        await wait_open(pilot)
        screen = await open_settings(pilot)
        await pilot.press("slash", "slash")
        await pilot.pause()
        assert screen.query_one("#settings-filter").value == "/"
        options = screen.query_one(SettingsList)
        kept = {options.get_option_at_index(i).id for i in range(options.option_count)}
        assert {"keys.search", "keys.filter"} <= kept
        assert "keys.line_down" not in kept


async def test_slash_in_the_help_filter_finds_the_search(book_path: Path) -> None:
    app = app_with_user_settings(book_path)
    async with app.run_test(size=SIZE) as pilot:
        await wait_open(pilot)
        help_screen = await open_help(pilot)
        assert isinstance(help_screen, HelpScreen)
        await pilot.press("slash", "slash")
        await pilot.pause()
        assert help_screen.query_one("#help-filter").value == "/"
        rows = help_screen.query_one(HelpRows).rows
        assert any(does == "Search forward" for _keys, does in rows)
        assert app.screen is help_screen


async def test_slash_in_the_contents_filter_is_typed(book_path: Path) -> None:
    app = app_with_user_settings(book_path)
    async with app.run_test(size=SIZE) as pilot:
        await wait_open(pilot)
        await pilot.press("t")
        await pilot.pause()
        assert isinstance(app.screen, ContentsScreen)
        await pilot.press("slash", *"a/b")
        await pilot.pause()
        assert app.screen.query_one("#contents-filter").value == "a/b"
