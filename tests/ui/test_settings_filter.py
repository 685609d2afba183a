"""The settings screen's filter (`/`).

It keeps the settings and actions whose words, ids or keys are typed, under their headings, and
a key changed there is changed for good (Pilot).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from reader_support import lantern_book, open_settings, wait_open
from settings_screen_support import status, with_settings_file

from tui.ui.screens.settings import SettingsScreen
from tui.ui.widgets.settings_list import SettingsList

SIZE = (80, 24)


@pytest.fixture
def book_path(tmp_path: Path) -> Path:
    return lantern_book(tmp_path, scenes=2, paras=4)


def row_ids(screen: SettingsScreen) -> list[str | None]:
    options = screen.query_one(SettingsList)
    return [options.get_option_at_index(i).id for i in range(options.option_count)]


def highlighted_id(screen: SettingsScreen) -> str | None:
    option = screen.query_one(SettingsList).highlighted_option
    return option.id if option is not None else None


async def test_slash_keeps_the_rows_with_the_words_typed(book_path: Path) -> None:
    app = with_settings_file(book_path)
    async with app.run_test(size=SIZE) as pilot:
        await wait_open(pilot)
        screen = await open_settings(pilot)
        every = row_ids(screen)
        await pilot.press("slash", *"chapter")
        await pilot.pause()
        kept = [row for row in row_ids(screen) if row is not None]
        assert 0 < len(kept) < len([row for row in every if row is not None])
        assert "keys.next_chapter" in kept and "keys.prev_chapter" in kept
        assert "keys.line_down" not in kept
        assert highlighted_id(screen) == kept[0]  # the first row found, ready for Enter
        # The headings stay over their rows: the screen the keys are on.
        assert row_ids(screen)[row_ids(screen).index("keys.next_chapter") - 1] in (None, *kept)
        # Escape: every row again, the one highlighted still highlighted; then it closes.
        await pilot.press("escape")
        await pilot.pause()
        assert row_ids(screen) == every and highlighted_id(screen) == kept[0]
        assert app.screen is screen
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is not screen


async def test_a_key_or_an_action_id_finds_its_row(book_path: Path) -> None:
    app = with_settings_file(book_path)
    async with app.run_test(size=SIZE) as pilot:
        await wait_open(pilot)
        screen = await open_settings(pilot)
        for typed, found in (
            ("}", "keys.next_chapter"),  # a key, as the help reads one character
            ("jump_back", "keys.jump_back"),  # the id written in settings.toml
            ("C-o", "keys.jump_back"),  # a control key as vim writes it
        ):
            await pilot.press("slash", *typed)
            await pilot.pause()
            assert highlighted_id(screen) == found, typed
            await pilot.press("escape")
        await pilot.press("slash", *"zzzz")
        await pilot.pause()
        assert [row for row in row_ids(screen) if row is not None] == []
        assert "No setting or action has “zzzz”" in status(screen)


async def test_enter_gives_the_keys_to_the_rows_found(book_path: Path) -> None:
    """After Enter, → changes the setting found, as on the whole list."""
    app = with_settings_file(book_path)
    async with app.run_test(size=SIZE) as pilot:
        await wait_open(pilot)
        screen = await open_settings(pilot)
        await pilot.press("slash", *"justify", "enter")
        await pilot.pause()
        assert highlighted_id(screen) == "reader.justify"
        before = screen.draft.value("reader.justify") if screen.draft else None
        await pilot.press("right")
        await pilot.pause()
        assert screen.draft is not None and screen.draft.value("reader.justify") != before
        assert "unsaved changes" in str(screen.query_one("#settings-title").render())


async def test_a_slip_in_a_long_word_finds_the_rows_as_in_the_help(book_path: Path) -> None:
    app = with_settings_file(book_path)
    async with app.run_test(size=SIZE) as pilot:
        await wait_open(pilot)
        screen = await open_settings(pilot)
        await pilot.press("slash", *"chapter")
        await pilot.pause()
        as_spelt = row_ids(screen)
        await pilot.press("escape", "slash", *"chpater")
        await pilot.pause()
        assert row_ids(screen) == as_spelt
