"""Settings in the running app: [keys] overrides, rebinding round trip, a broken file, themes."""

from __future__ import annotations

from pathlib import Path

import pytest
from reader_support import (
    highlight,
    lantern_book,
    notices,
    open_settings,
    shown_rows,
    top_text,
    wait_open,
)
from settings_screen_support import app_with_user_settings, write_settings
from textual.widgets import OptionList

from tui.paths import settings_path
from tui.ui.dialogs.key_capture import KeyCaptureScreen
from tui.ui.screens.settings import SettingsScreen

SIZE = (100, 30)


@pytest.fixture
def book_path(tmp_path: Path) -> Path:
    return lantern_book(tmp_path, scenes=2, paras=4)


async def test_next_chapter_x_in_settings_toml_jumps_with_x(book_path: Path) -> None:
    write_settings('[keys]\nnext_chapter = "x"\n')
    app = app_with_user_settings(book_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        await pilot.press("x")
        assert top_text(screen) == "Chapter 1: The Ledger"
        await pilot.press("x")
        assert top_text(screen) == "Chapter 2: The Bells"
        await pilot.press("right_curly_bracket")  # the default key no longer does it
        assert top_text(screen) == "Chapter 2: The Bells"


async def test_vim_preset_in_the_running_reader(book_path: Path) -> None:
    write_settings('keymap = "vim"\n')
    app = app_with_user_settings(book_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        first = top_text(screen)
        await pilot.press("d")  # not a motion in vim: nothing happens
        assert top_text(screen) == first
        await pilot.press("ctrl+d")
        assert top_text(screen) != first
        rows = shown_rows(screen)
        await pilot.press("space", "space", "b")  # a page down twice, and one up, as in a pager
        await pilot.pause()
        assert "not a reader key" not in str(screen.status.render())
        await pilot.press("b")
        assert shown_rows(screen) == rows


async def test_vim_preset_h_and_l_change_a_setting_and_K_is_the_help(book_path: Path) -> None:
    """In the vim preset, h and l change the highlighted setting, as they move left and right
    in vim (h was the help, and l nothing); the help is vim's K (and F1), and the reader says
    so of h."""
    from tui.ui.dialogs.help import HelpScreen

    write_settings('keymap = "vim"\n')
    app = app_with_user_settings(book_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        await pilot.press("h")
        await pilot.pause()
        assert "h: no cursor here to move left (K: keys)" in str(screen.status.render())
        settings = await open_settings(pilot)
        await highlight(pilot, "reader.width")
        await pilot.press("l", "l", "h")
        await pilot.pause()
        assert settings.draft.value("reader.width") == 74  # (72, two steps of 2 on, one back)
        assert not isinstance(pilot.app.screen, HelpScreen)
        await pilot.press("K")
        await pilot.pause()
        assert isinstance(pilot.app.screen, HelpScreen)


async def press_x_for_next_chapter_and_save(book_path: Path, ask_key: str) -> str:
    """In the settings screen, ``ask_key`` on the next-chapter row, then `x`, then save:
    returns the settings file as written."""
    app = app_with_user_settings(book_path)
    async with app.run_test(size=SIZE) as pilot:
        await wait_open(pilot)
        await open_settings(pilot)
        await highlight(pilot, "keys.next_chapter")
        await pilot.press(ask_key)
        assert isinstance(app.screen, KeyCaptureScreen)
        await pilot.press("x")
        await pilot.pause()
        assert isinstance(app.screen, SettingsScreen)
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
    return settings_path().read_text(encoding="utf-8")


async def test_rebinding_round_trip(book_path: Path) -> None:
    saved = await press_x_for_next_chapter_and_save(book_path, "enter")
    assert saved == '[keys]\nnext_chapter = "x"\n'
    # A new start reads the saved key.
    app = app_with_user_settings(book_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        await pilot.press("x")
        assert top_text(screen) == "Chapter 1: The Ledger"


async def test_a_key_is_added_beside_the_ones_an_action_has(book_path: Path) -> None:
    """`a` on an action's row asks for one more key: the old keys keep working with it."""
    saved = await press_x_for_next_chapter_and_save(book_path, "a")
    assert saved == '[keys]\nnext_chapter = "right_curly_bracket,x"\n'
    app = app_with_user_settings(book_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        await pilot.press("x")
        assert top_text(screen) == "Chapter 1: The Ledger"
        await pilot.press("right_curly_bracket")
        assert top_text(screen) == "Chapter 2: The Bells"


async def test_a_clash_is_shown_and_nothing_is_saved(book_path: Path) -> None:
    app = app_with_user_settings(book_path)
    async with app.run_test(size=SIZE) as pilot:
        await wait_open(pilot)
        screen = await open_settings(pilot)
        await highlight(pilot, "keys.next_chapter")
        await pilot.press("enter", "n")
        await pilot.pause()
        status = str(screen.query_one("#settings-status").render())
        assert status == (
            "Clash, fix it before saving: n is both “Next chapter” and “Next match” on the "
            "reader screen."
        )
        await pilot.press("ctrl+s")
        assert not settings_path().exists()
        await pilot.press("delete")  # back to the default key: the clash is gone
        await pilot.press("ctrl+s")
        assert not settings_path().exists()  # nothing differs from the defaults


async def test_malformed_settings_leave_the_app_running_and_the_file_unchanged(
    book_path: Path,
) -> None:
    broken = b'theme = "paper"\n[keys\nnext_chapter = "x"\n\xff\n'
    path = write_settings(broken)
    app = app_with_user_settings(book_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        assert app.theme == "textual-dark"  # defaults for the whole unreadable file
        assert any("is not UTF-8 text" in message for message in notices(app))
        await pilot.press("right_curly_bracket")  # default keys work
        assert top_text(screen) == "Chapter 1: The Ledger"
        await open_settings(pilot)
        await pilot.press("escape")
        await pilot.press("q")
    assert path.read_bytes() == broken


async def test_syntax_error_is_shown_as_a_notice(book_path: Path) -> None:
    write_settings("[reader]\nwidth = \n")
    app = app_with_user_settings(book_path)
    async with app.run_test(size=SIZE) as pilot:
        await wait_open(pilot)
        assert notices(app) == [
            "settings.toml:2:9: not valid TOML: a value is missing or not valid: text "
            'needs quotes, like "this". Fix that line; until then chapbook uses the default '
            "settings."
        ]


async def test_theme_is_changed_live_and_saved_as_an_override(book_path: Path) -> None:
    app = app_with_user_settings(book_path)
    async with app.run_test(size=SIZE) as pilot:
        await wait_open(pilot)
        await open_settings(pilot)
        await highlight(pilot, "theme")
        await pilot.press("left")  # the theme before textual-dark in the list: ansi
        assert app.theme == "ansi"
        await pilot.press("left")
        assert app.theme == "paper"
        await highlight(pilot, "reader.width")
        await pilot.press("right", "right")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert settings_path().read_text(encoding="utf-8") == (
            'theme = "paper"\n\n[reader]\nwidth = 76\n'
        )
        assert app.settings.reader.width == 76


async def test_leaving_without_saving_asks_then_reverts(book_path: Path) -> None:
    app = app_with_user_settings(book_path)
    async with app.run_test(size=SIZE) as pilot:
        reader = await wait_open(pilot)
        screen = await open_settings(pilot)
        await highlight(pilot, "theme")
        await pilot.press("right")
        assert app.theme == "textual-light"
        await pilot.press("escape")
        assert app.screen is screen  # first Escape only warns
        assert "Unsaved changes" in str(screen.query_one("#settings-status").render())
        await pilot.press("escape")
        assert app.screen is reader
        assert app.theme == "textual-dark"
        assert not settings_path().exists()


async def test_no_color_uses_the_ansi_theme_without_colours(
    book_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    write_settings('theme = "paper"\n')
    app = app_with_user_settings(book_path)
    async with app.run_test(size=SIZE) as pilot:
        await wait_open(pilot)
        assert app.theme == "ansi"
        assert app.no_color and app.native_ansi_color
        # Textual's NoColor filter (not its greyscale Monochrome) is in force.
        assert [type(f).__name__ for f in app.get_line_filters()] == ["NoColor"]


BROKEN_SETTINGS = (
    'theme = "paper"\n[reader]\nwidth = 60\n[keys]\nnext_chapter = "x"\n[keys]\nnext_chaptr = "x"\n'
)
TWICE = (
    "the table [keys] is declared twice, on line 4 and here: keep one [keys] and put all its "
    "entries under it"
)


async def test_a_file_that_is_not_toml_is_named_up_front_and_replaced_only_when_asked(
    book_path: Path,
) -> None:
    """The settings screen says the user's file is not valid TOML (where and why) and that
    saving replaces it; the first save asks, the second replaces it and keeps the old file."""
    path = write_settings(BROKEN_SETTINGS)
    app = app_with_user_settings(book_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_open(pilot)
        screen = await open_settings(pilot)
        banner = screen.query_one("#settings-file-problem")
        assert banner.display
        assert str(banner.render()) == (
            f"{path} is not valid TOML (line 6: {TWICE}), so these are the default settings. "
            "Saving here replaces that file (the old one is kept beside it); to keep its "
            "settings, fix it by hand instead."
        )
        await highlight(pilot, "reader.width")
        await pilot.press("right", "ctrl+s")
        await pilot.pause()
        assert path.read_text(encoding="utf-8") == BROKEN_SETTINGS  # not yet
        assert str(screen.query_one("#settings-status").render()) == (
            f"{path} is not valid TOML (line 6: {TWICE}). ctrl+s again replaces it with the "
            "settings shown here (the old file is kept beside it)."
        )
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert path.read_text(encoding="utf-8") == "[reader]\nwidth = 74\n"
        [aside] = path.parent.glob("settings.toml.invalid-*")
        assert aside.read_text(encoding="utf-8") == BROKEN_SETTINGS
        # Said over the list, with the file's problems, not in a notice over the rows.
        assert str(screen.query_one("#settings-saved").render()) == (
            f"{path} is not valid TOML (line 6: {TWICE}): it was kept as {aside}, and the new "
            "file holds what you saved"
        )
        assert not any("kept as" in notice for notice in notices(app))
        assert not banner.display


async def test_a_change_after_the_warning_asks_again_before_replacing(book_path: Path) -> None:
    path = write_settings(BROKEN_SETTINGS)
    app = app_with_user_settings(book_path)
    async with app.run_test(size=SIZE) as pilot:
        await wait_open(pilot)
        await open_settings(pilot)
        await highlight(pilot, "reader.width")
        await pilot.press("right", "ctrl+s", "right", "ctrl+s")
        await pilot.pause()
        assert path.read_text(encoding="utf-8") == BROKEN_SETTINGS
        assert not list(path.parent.glob("settings.toml.invalid-*"))


async def test_a_clash_note_is_a_line_of_its_row_that_fits_at_80_columns(book_path: Path) -> None:
    """k for “Page up” clashes on six screens: its row names each other action once, on an
    indented line of its own that fits the list, and the status line below names the screens
    once per clash."""
    app = app_with_user_settings(book_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_open(pilot)
        screen = await open_settings(pilot)
        await highlight(pilot, "keys.page_up")
        await pilot.press("enter", "k")
        await pilot.pause()
        options = screen.query_one(OptionList)
        row = options.get_option("keys.page_up").prompt
        lines = str(row).split("\n")
        assert lines[1] == "    clash: k is also “Line up” and “Previous book”"
        width = options.scrollable_content_region.width
        assert all(len(line) <= width for line in lines)
        assert str(screen.query_one("#settings-status").render()) == (
            "Clash, fix it before saving: k is both “Line up” and “Page up” on the reader and "
            "help screens; k is both “Previous book” and “Page up” on the library, settings, "
            "bookmarks and contents screens."
        )
