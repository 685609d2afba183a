"""settings.toml edited by hand while chapbook runs, as users met it.

The settings screen shows the file as it is now, saving uses what the file then holds, and a
reader or library coming back (or chapbook getting the focus back) follows the file (Pilot).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from library_screen_support import library_app, settle, titles
from library_support import fixed_library, populate
from reader_support import (
    highlight,
    lantern_book,
    notices,
    open_settings,
    shown_rows,
    wait_open,
)
from settings_screen_support import row, status, with_settings_file
from textual import events

from tui.paths import settings_path
from tui.ui.screens.settings import SettingsScreen

SIZE = (120, 40)


@pytest.fixture
def book_path(tmp_path: Path) -> Path:
    return lantern_book(tmp_path, scenes=2, paras=4)


def edit_settings(text: str) -> Path:
    """Write settings.toml as an editor would, a moment after it was last written."""
    path = settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    before = path.stat() if path.exists() else None
    path.write_text(text, encoding="utf-8")
    if before is not None:  # (a coarse clock must not make two writes look like one)
        later = max(path.stat().st_mtime_ns, before.st_mtime_ns + 10_000_000)
        os.utime(path, ns=(later, later))
    return path


def started_with(book: Path, text: str):
    """The app on ``book``, started as chapbook starts, with ``text`` as settings.toml."""
    edit_settings(text)
    return with_settings_file(book)


def banner(screen: SettingsScreen) -> str:
    shown = screen.query_one("#settings-file-problem")
    return str(shown.render()) if shown.display else ""


def widest_line(reader) -> int:
    return max(len(line) for line in shown_rows(reader))


async def test_the_screen_shows_a_width_written_in_the_file_while_a_book_is_open(
    book_path: Path,
) -> None:
    app = started_with(book_path, "[reader]\nwidth = 60\n")
    async with app.run_test(size=SIZE) as pilot:
        reader = await wait_open(pilot)
        assert widest_line(reader) <= 60
        edit_settings("[reader]\nwidth = 80\n")
        screen = await open_settings(pilot)
        assert "‹ 80 cells ›" in row(screen, "reader.width")
        assert banner(screen) == ""
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is reader
        assert 60 < widest_line(reader) <= 80


async def test_saving_uses_the_file_merged_with_an_edit_made_meanwhile(book_path: Path) -> None:
    """The report: width 60 at start, 80 written by hand, the scene break changed on the
    screen and saved. The file holds both, and so does chapbook, at once."""
    app = started_with(book_path, "[reader]\nwidth = 60\n")
    async with app.run_test(size=SIZE) as pilot:
        reader = await wait_open(pilot)
        edit_settings("[reader]\nwidth = 80\n")
        screen = await open_settings(pilot)
        edit_settings("[reader]\nwidth = 90\n")  # again, with the screen open
        await highlight(pilot, "reader.scene_ornament")
        await pilot.press("right")
        assert "‹ 80 cells ›" in row(screen, "reader.width")  # the draft, until saved
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert status(screen) == f"Saved to {settings_path()}"
        assert settings_path().read_text(encoding="utf-8") == (
            '[reader]\nwidth = 90\nscene_ornament = "* * *"\n'
        )
        assert "‹ 90 cells ›" in row(screen, "reader.width")
        assert "‹ * * * ›" in row(screen, "reader.scene_ornament")
        assert "unsaved changes" not in str(screen.query_one("#settings-title").render())
        assert (app.settings.reader.width, app.settings.reader.scene_ornament) == (90, "* * *")
        await pilot.press("escape")  # nothing unsaved: one press leaves
        await pilot.pause()
        assert app.screen is reader
        assert 80 < widest_line(reader) <= 90


async def test_a_bad_value_written_meanwhile_is_said_at_the_top_of_the_screen(
    book_path: Path,
) -> None:
    app = started_with(book_path, "[reader]\nwidth = 60\n")
    async with app.run_test(size=SIZE) as pilot:
        await wait_open(pilot)
        edit_settings("[reader]\nwidth = 5\n")
        screen = await open_settings(pilot)
        assert banner(screen) == (
            "settings.toml:2: reader.width: 5 is out of range: use 20 to 400. Using 72 for now."
        )
        assert "‹ 72 cells ›" in row(screen, "reader.width")
        assert not [n for n in notices(app) if "out of range" in n]  # said once, up there
        edit_settings("[reader]\nwidth = 70\n")  # fixed by hand; the screen follows on save
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert banner(screen) == ""
        assert "‹ 70 cells ›" in row(screen, "reader.width")


async def test_a_file_broken_meanwhile_is_named_and_not_replaced_unasked(book_path: Path) -> None:
    app = started_with(book_path, "[reader]\nwidth = 60\n")
    async with app.run_test(size=SIZE) as pilot:
        await wait_open(pilot)
        path = edit_settings("[reader\nwidth = 80\n")
        screen = await open_settings(pilot)
        assert "is not valid TOML (line 1" in banner(screen)
        assert "so these are the settings chapbook had" in banner(screen)
        assert "‹ 60 cells ›" in row(screen, "reader.width")  # the settings still in use
        await highlight(pilot, "reader.scene_ornament")
        await pilot.press("right", "ctrl+s")
        await pilot.pause()
        assert "again replaces it" in status(screen)
        assert path.read_text(encoding="utf-8") == "[reader\nwidth = 80\n"


async def test_back_from_a_dialog_the_reader_follows_the_file(book_path: Path) -> None:
    app = started_with(book_path, "[reader]\nwidth = 60\n")
    async with app.run_test(size=SIZE) as pilot:
        reader = await wait_open(pilot)
        await pilot.press("h")  # the help, while the file is edited
        await pilot.pause()
        edit_settings("[reader]\nwidth = 80\n")
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is reader
        assert 60 < widest_line(reader) <= 80
        assert "settings.toml changed: chapbook uses it now" in notices(app)


async def test_getting_the_focus_back_the_reader_follows_the_file(book_path: Path) -> None:
    app = started_with(book_path, "[reader]\nwidth = 60\n")
    async with app.run_test(size=SIZE) as pilot:
        reader = await wait_open(pilot)
        edit_settings("[reader]\nwidth = 80\n")
        app.post_message(events.AppFocus())
        await pilot.pause()
        await pilot.pause()
        assert 60 < widest_line(reader) <= 80
        assert "settings.toml changed: chapbook uses it now" in notices(app)


async def test_a_file_broken_meanwhile_keeps_the_settings_in_use_and_says_so(
    book_path: Path,
) -> None:
    """Saved half-way through an edit: the width and keys in use stay, one notice says why,
    and the notice that the last good edit was used goes."""
    app = started_with(book_path, '[reader]\nwidth = 60\n[keys]\nnext_chapter = "x"\n')
    async with app.run_test(size=SIZE) as pilot:
        await wait_open(pilot)
        edit_settings('[reader]\nwidth = 64\n[keys]\nnext_chapter = "x"\n')
        app.post_message(events.AppFocus())
        await pilot.pause()
        assert "settings.toml changed: chapbook uses it now" in notices(app)
        edit_settings('[reader]\nwidth = 5\n[keys\nnext_chapter = "x"\n')
        app.post_message(events.AppFocus())
        await pilot.pause()
        await pilot.pause()
        told = notices(app)
        assert not [n for n in told if "uses it now" in n]
        broken = [n for n in told if n.startswith("settings.toml:3:") and "not valid TOML" in n]
        assert len(broken) == 1 and "until then chapbook keeps the settings it had" in broken[0]
        assert app.settings.reader.width == 64
        assert app.settings.keys["next_chapter"] == "x"
        edit_settings("[reader]\nwidth = 80\n")  # fixed: the old notice goes
        app.post_message(events.AppFocus())
        await pilot.pause()
        await pilot.pause()
        assert not [n for n in notices(app) if "not valid TOML" in n]
        assert app.problems == [] and app.settings.reader.width == 80


async def test_an_unchanged_file_is_not_read_again(book_path: Path) -> None:
    app = started_with(book_path, "[reader]\nwidth = 60\n")
    async with app.run_test(size=SIZE) as pilot:
        await wait_open(pilot)
        settings = app.settings
        app.post_message(events.AppFocus())
        await pilot.pause()
        await open_settings(pilot)
        await pilot.press("escape")
        await pilot.pause()
        assert app.settings is settings
        assert not [n for n in notices(app) if "changed" in n]


def library_by_last_read(tmp_path: Path):
    """The library app over six books, its settings file ordering them by last read."""
    library = fixed_library()
    populate(library, tmp_path, 6)
    edit_settings('[library]\nsort = "last_read"\n')
    return library_app(library)


async def test_getting_the_focus_back_the_library_follows_the_order_in_the_file(
    tmp_path: Path,
) -> None:
    async with library_by_last_read(tmp_path).run_test(size=SIZE) as pilot:
        screen = await settle(pilot)
        assert screen.sort_key == "last_read"
        edit_settings('[library]\nsort = "title"\n')
        app = pilot.app
        app.post_message(events.AppFocus())
        await pilot.pause()
        await pilot.pause()
        assert screen.sort_key == "title"
        assert titles(screen) == sorted(titles(screen), key=str.casefold)


async def test_saved_in_another_window_the_reader_follows_the_file_without_a_key(
    book_path: Path,
) -> None:
    """In tmux (which reports no focus by default) a width saved in the pane beside the book
    was used only once a dialog or another screen had closed over it: the reader looks at
    the file every few seconds, and follows it."""
    from reader_support import wait_for

    from tui.ui.screens.settings_watching import SETTINGS_LOOKED_AT_EVERY

    app = started_with(book_path, "[reader]\nwidth = 60\n")
    async with app.run_test(size=SIZE) as pilot:
        reader = await wait_open(pilot)
        edit_settings("[reader]\nwidth = 80\n")
        said = "settings.toml changed: chapbook uses it now"
        # (the page is laid out anew and the notice posted by one handler; a loaded machine
        # may draw the page before the notice is in the list)
        await wait_for(
            pilot,
            lambda: widest_line(reader) > 60 and said in notices(app),
            timeout=SETTINGS_LOOKED_AT_EVERY + 5,
        )
        assert widest_line(reader) <= 80
        assert "settings.toml changed: chapbook uses it now" in notices(app)


async def test_saved_in_another_window_the_library_follows_the_order_without_a_key(
    tmp_path: Path,
) -> None:
    from reader_support import wait_for

    from tui.ui.screens.settings_watching import SETTINGS_LOOKED_AT_EVERY

    async with library_by_last_read(tmp_path).run_test(size=SIZE) as pilot:
        screen = await settle(pilot)
        assert screen.sort_key == "last_read"
        edit_settings('[library]\nsort = "title"\n')
        await wait_for(
            pilot, lambda: screen.sort_key == "title", timeout=SETTINGS_LOOKED_AT_EVERY + 5
        )
        await pilot.pause()
        assert titles(screen) == sorted(titles(screen), key=str.casefold)
