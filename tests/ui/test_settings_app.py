"""Settings in the running app: [keys] overrides, rebinding round trip, a broken file, themes."""

from __future__ import annotations

from pathlib import Path

import pytest
from reader_support import (
    highlight,
    lantern_book,
    notices,
    open_help,
    open_settings,
    reader_app,
    shown_rows,
    top_text,
    wait_open,
)
from textual.widgets import OptionList

from tui.paths import settings_path
from tui.settings.settings import load_settings
from tui.ui.dialogs.help import HelpList, HelpRows, HelpScreen
from tui.ui.dialogs.key_capture import KeyCaptureScreen
from tui.ui.screens.settings import SettingsScreen

SIZE = (100, 30)


@pytest.fixture
def book_path(tmp_path: Path) -> Path:
    return lantern_book(tmp_path, scenes=2, paras=4)


def write_settings(text: str | bytes) -> Path:
    path = settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def app_with_user_settings(book: Path):
    settings, problems = load_settings(None)
    app = reader_app(book, settings=settings)
    app.problems = problems
    return app


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


async def test_help_lists_the_live_keys_of_the_reader(book_path: Path) -> None:
    write_settings('[keys]\nnext_chapter = "x"\n')
    app = app_with_user_settings(book_path)
    async with app.run_test(size=SIZE) as pilot:
        reader = await wait_open(pilot)
        help_screen = await open_help(pilot)
        assert isinstance(help_screen, HelpScreen) and help_screen.target is reader
        rows = help_screen.query_one(HelpRows).rows
        assert ("x", "Next chapter") in rows
        assert ("ctrl+f  PgDn", "Page down") in rows  # vim's: a count is pages
        assert ("Space  f", "Page down (a count: lines)") in rows  # less's
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
            ("j  Down", "Down"),
            ("Right  +", "Next value"),
            ("Left  -", "Previous value"),
            ("Enter", "Change / press a new key"),
            ("a", "Add a key"),
            ("Del  Backspace", "Back to default"),
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
            f"{path} is not valid TOML (line 6: the table [keys] is declared twice), so these "
            "are the default settings. Saving here replaces that file (the old one is kept "
            "beside it); to keep its settings, fix it by hand instead."
        )
        await highlight(pilot, "reader.width")
        await pilot.press("right", "ctrl+s")
        await pilot.pause()
        assert path.read_text(encoding="utf-8") == BROKEN_SETTINGS  # not yet
        assert str(screen.query_one("#settings-status").render()) == (
            f"{path} is not valid TOML (line 6: the table [keys] is declared twice). ctrl+s "
            "again replaces it with the settings shown here (the old file is kept beside it)."
        )
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert path.read_text(encoding="utf-8") == "[reader]\nwidth = 74\n"
        [aside] = path.parent.glob("settings.toml.invalid-*")
        assert aside.read_text(encoding="utf-8") == BROKEN_SETTINGS
        # Said over the list, with the file's problems, not in a notice over the rows.
        assert str(screen.query_one("#settings-saved").render()) == (
            f"{path} is not valid TOML (line 6: the table [keys] is declared twice): it was "
            f"kept as {aside}, and the new file holds what you saved"
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
