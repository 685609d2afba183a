"""The settings screen and the small dialogs at 60×20 and 40×12.

A row on one line where it can be, hints that fit, instructions that are never cut off (Pilot
and snapshots).
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from reader_support import highlight, lantern_book, reader_app, wait_open
from reader_support import open_settings as open_settings_screen

from tui.ui.dialogs.bookmarks import BookmarkLabelScreen
from tui.ui.dialogs.key_capture import KeyCaptureScreen
from tui.ui.screens.settings import SettingsScreen
from tui.ui.widgets.settings_list import SettingsList

NARROW = [(60, 20), (40, 12)]
# At 40 columns these two values (`‹ blank line between ›`, `‹ more than 300 books ›`) leave
# no room for their label on the same line: the value goes on the line under it.
TOO_LONG_AT_40 = {"reader.paragraph_style", "library.ask_above"}


@pytest.fixture
def book_path(tmp_path: Path) -> Path:
    return lantern_book(tmp_path, scenes=2, paras=4)


def terminal_lines(app) -> list[str]:
    """The rows of text the terminal shows, from a screenshot of the app."""
    svg = app.export_screenshot()
    rows: dict[str, list[str]] = {}
    for y, text in re.findall(r'<text[^>]*\by="([\d.]+)"[^>]*>(.*?)</text>', svg, flags=re.S):
        rows.setdefault(y, []).append(html.unescape(text).replace("\xa0", " "))
    return ["".join(parts) for _, parts in sorted(rows.items(), key=lambda r: float(r[0]))]


async def open_settings(pilot) -> SettingsScreen:
    await wait_open(pilot)
    return await open_settings_screen(pilot)


@pytest.mark.parametrize("size", NARROW, ids=["60x20", "40x12"])
async def test_each_settings_row_is_one_line(book_path: Path, size) -> None:
    async with reader_app(book_path).run_test(size=size) as pilot:
        screen = await open_settings(pilot)
        options = screen.query_one(SettingsList)
        width = options.scrollable_content_region.width
        for index in range(options.option_count):
            option = options.get_option_at_index(index)
            lines = option.prompt.wrap(width)
            if size[0] == 40 and option.id in TOO_LONG_AT_40:
                assert len(lines) == 2 and lines[1].plain.strip().startswith("‹"), option.id
            else:
                assert len(lines) == 1, f"{option.id} wraps: {[str(x) for x in lines]}"


async def test_at_80_columns_every_action_is_described_whole(book_path: Path) -> None:
    # Beside the id column long descriptions had been cut (`Set a mark: then a letter (En…`):
    # they take a second line instead.
    from tui.ui.actions import describe_action

    async with reader_app(book_path).run_test(size=(80, 24)) as pilot:
        screen = await open_settings(pilot)
        options = screen.query_one(SettingsList)
        for index in range(options.option_count):
            option = options.get_option_at_index(index)
            if option.id and option.id.startswith("keys."):
                shown = option.prompt.plain.split()
                words = describe_action(option.id.removeprefix("keys.")).split()
                assert all(word in shown for word in words), shown


async def test_the_action_id_column_is_dropped_when_narrow(book_path: Path) -> None:
    async with reader_app(book_path).run_test(size=(60, 20)) as pilot:
        screen = await open_settings(pilot)
        row = screen.query_one(SettingsList).get_option("keys.line_down").prompt.plain
        assert "line_down" not in row
        # (its keys are cut where the row ends: `ctrl+e…`, the others listed in the help)
        assert row.split()[:6] == ["Line", "down", "j", "Down", "Enter", "ctrl+e…"]


@pytest.mark.parametrize(
    ("size", "rows"), [((80, 24), 1), ((60, 20), 1), ((40, 12), 2)], ids=["80", "60", "40"]
)
async def test_the_hint_fits_its_rows_and_keeps_save_and_close(book_path: Path, size, rows) -> None:
    async with reader_app(book_path).run_test(size=size) as pilot:
        screen = await open_settings(pilot)
        status = screen.query_one("#settings-status")
        hint = str(status.render())
        assert len(hint.splitlines()) == rows
        assert all(len(line) <= status.content_region.width for line in hint.splitlines())
        assert "ctrl+s save" in hint and "Esc close" in hint


async def test_the_rows_fit_again_after_a_resize(book_path: Path) -> None:
    async with reader_app(book_path).run_test(size=(100, 30)) as pilot:
        screen = await open_settings(pilot)
        await pilot.resize_terminal(40, 12)
        await pilot.pause()
        await pilot.pause()
        options = screen.query_one(SettingsList)
        row = options.get_option("reader.width").prompt
        assert len(row.wrap(options.scrollable_content_region.width)) == 1


async def test_key_capture_shows_over_the_settings_at_40x12(book_path: Path) -> None:
    async with reader_app(book_path).run_test(size=(40, 12)) as pilot:
        await open_settings(pilot)
        await highlight(pilot, "keys.page_down")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(pilot.app.screen, KeyCaptureScreen)
        shown = " ".join(" ".join(line.split()) for line in terminal_lines(pilot.app))
        assert "Settings" in shown  # the settings screen stays in sight behind the dialog
        assert "Press the new key for “Page down”." in shown
        assert "Esc cancels." in shown.replace("│ │", " ")


@pytest.mark.parametrize("size", NARROW, ids=["60x20", "40x12"])
async def test_the_bookmark_dialog_says_all_of_what_to_do(book_path: Path, size) -> None:
    async with reader_app(book_path).run_test(size=size) as pilot:
        await wait_open(pilot)
        await pilot.press("M")
        await pilot.pause()
        assert isinstance(pilot.app.screen, BookmarkLabelScreen)
        lines = terminal_lines(pilot.app)
        assert any("Enter saves it, Escape cancels." in line for line in lines)
        assert any("label (optional)" in line for line in lines)


@pytest.mark.parametrize(
    ("key", "shown"),
    [("slash", "/ search forward"), ("percent_sign", "Go to % 0–100, then Enter · ↑ earlier")],
)
async def test_prompt_hints_at_40_columns_leave_out_whole_parts(
    book_path: Path, key, shown
) -> None:
    async with reader_app(book_path).run_test(size=(40, 12)) as pilot:
        await wait_open(pilot)
        await pilot.press(key)
        await pilot.pause()
        # (a screenshot's text loses the spaces between differently styled runs)
        assert terminal_lines(pilot.app)[-1].replace(" ", "") == shown.replace(" ", "")


# -- snapshots --------------------------------------------------------------------------------


@pytest.mark.parametrize("size", NARROW, ids=["60x20", "40x12"])
def test_snapshot_settings(snap_compare, book_path: Path, size) -> None:
    async def opened(pilot) -> None:
        await open_settings(pilot)

    assert snap_compare(reader_app(book_path), terminal_size=size, run_before=opened)
