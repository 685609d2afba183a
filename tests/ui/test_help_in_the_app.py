"""The help in the running app.

The keys in use where it opens, the way to the settings, and its filter, which reads keys as
people write them (Pilot).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from reader_support import (
    lantern_book,
    open_help,
    open_settings,
    wait_open,
)
from settings_screen_support import app_with_user_settings, write_settings

from tui.ui.dialogs.help import HelpList, HelpRows, HelpScreen
from tui.ui.screens.settings import SettingsScreen

SIZE = (100, 30)


@pytest.fixture
def book_path(tmp_path: Path) -> Path:
    return lantern_book(tmp_path, scenes=2, paras=4)


async def test_help_lists_the_live_keys_of_the_reader(book_path: Path) -> None:
    write_settings('[keys]\nnext_chapter = "x"\n')
    app = app_with_user_settings(book_path)
    async with app.run_test(size=SIZE) as pilot:
        reader = await wait_open(pilot)
        help_screen = await open_help(pilot)
        assert isinstance(help_screen, HelpScreen) and help_screen.target is reader
        rows = help_screen.query_one(HelpRows).rows
        assert ("x", "Next chapter") in rows
        assert ("ctrl+f PgDn", "Page down") in rows  # vim's: a count is pages
        assert ("Space f", "Page down (a count: lines)") in rows  # less's
        assert ("?", "Search backward") in rows
        await pilot.press("escape")
        assert app.screen is reader


def help_rows(help_screen: HelpScreen) -> list[tuple[str, str]]:
    return help_screen.query_one(HelpRows).rows


async def test_help_on_the_settings_screen_lists_the_settings_keys(book_path: Path) -> None:
    """The help over the settings screen lists that screen's own keys (change a value, press
    a new key, add one, default, save, close), not only the list's moves, and does not send
    the user to the settings screen they are on."""
    app = app_with_user_settings(book_path)
    async with app.run_test(size=SIZE) as pilot:
        await wait_open(pilot)
        settings = await open_settings(pilot)
        help_screen = await open_help(pilot)
        assert isinstance(help_screen, HelpScreen) and help_screen.target is settings
        rows = help_rows(help_screen)
        for row in [
            ("j Down", "Down"),
            ("Right +", "Next value"),
            ("Left -", "Previous value"),
            ("Enter", "Change / press a new key"),
            ("a", "Add a key"),
            ("Del Backspace", "Back to default"),
            ("ctrl+s", "Save"),
            ("Esc", "Close"),
        ]:
            assert row in rows
        hint = str(help_screen.query_one(HelpList).border_subtitle)
        assert hint == "Esc closes · / filters"
        await pilot.press("escape")
        assert app.screen is settings


async def test_help_over_the_reader_points_to_the_settings(book_path: Path) -> None:
    app = app_with_user_settings(book_path)
    async with app.run_test(size=SIZE) as pilot:
        await wait_open(pilot)
        await pilot.press("h")
        await pilot.pause()
        hint = str(app.screen.query_one(HelpList).border_subtitle)
        assert hint == "Esc closes · / filters · change keys in Settings (,)"


async def test_the_settings_key_in_the_help_opens_the_settings_as_its_footer_says(
    book_path: Path,
) -> None:
    """The help's footer says `change keys in Settings (,)`: `,` there closes the help and
    opens the settings; Escape then goes back to the reader, not to the help."""
    app = app_with_user_settings(book_path)
    async with app.run_test(size=SIZE) as pilot:
        reader = await wait_open(pilot)
        await open_help(pilot)
        await pilot.press("comma")
        await pilot.pause()
        assert isinstance(app.screen, SettingsScreen)
        assert not any(isinstance(screen, HelpScreen) for screen in app.screen_stack)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is reader


async def test_the_settings_key_in_the_help_over_the_settings_keeps_the_help(
    book_path: Path,
) -> None:
    """Over the settings screen the help has no way to the settings (it is beneath): `,`
    does nothing there, and Escape closes the help as before."""
    app = app_with_user_settings(book_path)
    async with app.run_test(size=SIZE) as pilot:
        await wait_open(pilot)
        settings = await open_settings(pilot)
        help_screen = await open_help(pilot)
        await pilot.press("comma")
        await pilot.pause()
        assert app.screen is help_screen
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is settings


async def test_slash_in_the_help_filters_its_keys(book_path: Path) -> None:
    """As `/` searches the reader, in the help it keeps the actions and keys typed; Enter
    gives the keys back to the list, Escape shows every key again, and then closes."""
    app = app_with_user_settings(book_path)
    async with app.run_test(size=SIZE) as pilot:
        reader = await wait_open(pilot)
        help_screen = await open_help(pilot)
        every = help_rows(help_screen)
        await pilot.press("slash", *"mark")
        await pilot.pause()
        rows = help_rows(help_screen)
        assert 0 < len(rows) < len(every)
        assert all("mark" in f"{keys} {does}".lower() for keys, does in rows)
        assert ("M", "Bookmark this place") in rows
        await pilot.press("enter", "j")  # j scrolls the list now, not typed
        assert help_rows(help_screen) == rows and app.screen is help_screen
        await pilot.press("slash", *"zzz")  # the filter kept is selected: typing replaces it
        await pilot.pause()
        assert help_rows(help_screen) == [("", "No action or key has “zzz”")]
        await pilot.press("escape")
        await pilot.pause()
        assert help_rows(help_screen) == every and app.screen is help_screen
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is reader


async def test_the_help_filter_reads_keys_as_vim_users_write_them(book_path: Path) -> None:
    """`G` finds the action of the key G (not every row with a g in it), a word with a capital
    matches only as written, and `C-o` or `^O` finds what ctrl+o does."""
    app = app_with_user_settings(book_path)
    async with app.run_test(size=SIZE) as pilot:
        await wait_open(pilot)
        help_screen = await open_help(pilot)
        for typed, keys, does in (
            ("G", "G", "end"),
            ("C-o", "ctrl+o", "back"),
            ("^O", "ctrl+o", "back"),
        ):
            await pilot.press("slash", *typed)
            await pilot.pause()
            rows = help_rows(help_screen)
            assert len(rows) == 1, (typed, rows)
            assert keys in rows[0][0].split() and does in rows[0][1].lower()
            await pilot.press("enter")  # (the next `/` selects the filter: typing replaces it)
        await pilot.press("slash", *"Zzz")
        await pilot.pause()
        assert help_rows(help_screen) == [("", "No action or key has “Zzz”")]


async def test_the_help_filter_forgives_one_slip_in_a_long_word(book_path: Path) -> None:
    """`bokmark` found nothing: a word of five letters or more may have one slip (a letter
    dropped, added, changed, or two swapped), whole or still being typed; a shorter one not."""
    app = app_with_user_settings(book_path)
    async with app.run_test(size=SIZE) as pilot:
        await wait_open(pilot)
        help_screen = await open_help(pilot)
        await pilot.press("slash", *"bookmark")
        await pilot.pause()
        as_spelt = help_rows(help_screen)
        assert ("M", "Bookmark this place") in as_spelt
        for typed in ("bokmark", "bookmrak", "bokmar"):
            await pilot.press("enter", "slash", *typed)
            await pilot.pause()
            assert help_rows(help_screen) == as_spelt, typed
        await pilot.press("enter", "slash", *"mrak")  # four letters: no slip forgiven
        await pilot.pause()
        assert help_rows(help_screen) == [("", "No action or key has “mrak”")]
