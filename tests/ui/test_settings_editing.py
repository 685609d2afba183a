"""Editing on the settings screen as users met it.

An ornament of their own, typing a number, hints that fit the row, a list that stops at its
ends, start-up notices, leaving unsaved, aligned columns and no lock file left in the config
folder (Pilot).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from reader_support import highlight, lantern_book, notices, open_settings, reader_app, wait_open
from settings_screen_support import row, status, with_settings_file

from tui.library.library import Library
from tui.paths import config_dir, settings_path
from tui.settings.key_display import display_keys
from tui.ui.dialogs.value_entry import ValueEntryScreen
from tui.ui.screens.settings import SettingsScreen
from tui.ui.widgets.settings_list import SettingsList

SIZE = (100, 30)


@pytest.fixture
def book_path(tmp_path: Path) -> Path:
    return lantern_book(tmp_path, scenes=2, paras=4)


async def test_an_ornament_of_the_users_own_comes_back_when_stepping(book_path: Path) -> None:
    app = with_settings_file(book_path, '[reader]\nscene_ornament = "~ * ~"\n')
    async with app.run_test(size=SIZE) as pilot:
        await wait_open(pilot)
        screen = await open_settings(pilot)
        await highlight(pilot, "reader.scene_ornament")
        assert "‹ ~ * ~ ›" in row(screen, "reader.scene_ornament")
        shown = []
        for _ in range(8):
            await pilot.press("right")
            shown.append(row(screen, "reader.scene_ornament").split("‹ ")[1].split(" ›")[0])
        assert shown == ["⁂", "* * *", "❦", "§", "~", "—", "#", "~ * ~"]
        await pilot.press("right", "left")
        assert "‹ ~ * ~ ›" in row(screen, "reader.scene_ornament")


async def test_enter_on_text_width_asks_for_the_number(book_path: Path) -> None:
    app = with_settings_file(book_path)
    async with app.run_test(size=SIZE) as pilot:
        await wait_open(pilot)
        screen = await open_settings(pilot)
        await highlight(pilot, "reader.width")
        assert "Enter type a value" in status(screen) and "Left/Right -/+ 2" in status(screen)
        await pilot.press("enter")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ValueEntryScreen)
        # Out of range: said as the config file would say it, and the box stays to fix it.
        await pilot.press(*"500", "enter")
        await pilot.pause()
        assert app.screen is dialog
        assert str(dialog.query_one("#entry-problem").render()) == (
            "500 is out of range: use 20 to 400."
        )
        await pilot.press(*"120", "enter")  # the refused number is selected: typed over
        await pilot.pause()
        assert app.screen is screen
        assert "‹ 120 cells ›" in row(screen, "reader.width")
        assert "unsaved changes" in str(screen.query_one("#settings-title").render())
        # Escape leaves the value as it was.
        await pilot.press("enter", *"90", "escape")
        await pilot.pause()
        assert app.screen is screen
        assert "‹ 120 cells ›" in row(screen, "reader.width")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert settings_path().read_text(encoding="utf-8") == "[reader]\nwidth = 120\n"


async def test_enter_on_scene_break_asks_for_a_break_of_ones_own(book_path: Path) -> None:
    # The break could only be chosen from the cycle; one's own had to go in the file.
    app = with_settings_file(book_path)
    async with app.run_test(size=SIZE) as pilot:
        await wait_open(pilot)
        screen = await open_settings(pilot)
        await highlight(pilot, "reader.scene_ornament")
        assert "Enter type a value" in status(screen)
        await pilot.press("enter")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ValueEntryScreen)
        await pilot.press("space", "enter")  # blank: refused as the file would refuse it
        await pilot.pause()
        assert app.screen is dialog
        assert "must not be empty" in str(dialog.query_one("#entry-problem").render())
        await pilot.press(*"o0o", "enter")
        await pilot.pause()
        assert app.screen is screen
        assert "‹ o0o ›" in row(screen, "reader.scene_ornament")
        await pilot.press("right")  # one's own stays in the cycle
        await pilot.press("left")
        assert "‹ o0o ›" in row(screen, "reader.scene_ornament")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert settings_path().read_text(encoding="utf-8") == ('[reader]\nscene_ornament = "o0o"\n')


async def test_the_hint_says_what_the_keys_do_on_each_kind_of_row(book_path: Path) -> None:
    app = with_settings_file(book_path)
    async with app.run_test(size=SIZE) as pilot:
        await wait_open(pilot)
        screen = await open_settings(pilot)
        assert status(screen).startswith("Left/Right change · Enter next")  # the theme row
        await highlight(pilot, "keys.line_down")
        assert status(screen).startswith("Enter new key · a add key")
        await pilot.press("right")
        said = status(screen)
        assert said == "Left/Right change settings above; on key rows: Enter new key · a add key"
        assert len(said) <= 78  # one line at 80 columns
        assert "‹" not in row(screen, "keys.line_down")


async def test_the_list_stops_at_its_last_and_first_rows(book_path: Path) -> None:
    app = with_settings_file(book_path)
    async with app.run_test(size=SIZE) as pilot:
        await wait_open(pilot)
        screen = await open_settings(pilot)
        options = screen.query_one(SettingsList)
        await pilot.press("G")
        last = options.highlighted
        assert last == options.option_count - 1
        await pilot.press("j", "j")
        assert options.highlighted == last
        await pilot.press("g")
        first = options.highlighted
        assert options.highlighted_option is not None
        assert options.highlighted_option.id == "theme"
        await pilot.press("k")
        assert options.highlighted == first


async def test_a_start_up_settings_notice_gives_way_to_the_screen(book_path: Path) -> None:
    """The problem is said at the top of the settings screen instead of in a notice over its
    list and status line; a clash then is not hidden."""
    app = with_settings_file(book_path, "[reader]\nwidth = 5000\n")
    async with app.run_test(size=SIZE) as pilot:
        await wait_open(pilot)
        assert any("5000 is out of range" in notice for notice in notices(app))
        screen = await open_settings(pilot)
        await pilot.pause()
        assert not any("5000 is out of range" in notice for notice in notices(app))
        banner = str(screen.query_one("#settings-file-problem").render())
        assert "settings.toml:2: reader.width: 5000 is out of range: use 20 to 400." in banner
        # Setting a good width and saving fixes the file: the problem is no longer shown.
        await highlight(pilot, "reader.width")
        await pilot.press("enter", *"80", "enter")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not screen.query_one("#settings-file-problem").has_class("-shown")


async def test_other_start_up_notices_go_when_the_screen_says_something(
    book_path: Path,
) -> None:
    library = Library.open()
    library.notices.append("The library index was damaged; it was rebuilt")
    app = reader_app(book_path, library=library)
    async with app.run_test(size=SIZE) as pilot:
        await wait_open(pilot)
        app.notify("Something else", timeout=15)
        screen = await open_settings(pilot)
        await pilot.pause()
        # Not about the settings: it stays while the screen says nothing of its own.
        assert "The library index was damaged; it was rebuilt" in notices(app)
        await highlight(pilot, "keys.line_down")
        await pilot.press("right")
        await pilot.pause()
        assert "The library index was damaged; it was rebuilt" not in notices(app)
        assert "Something else" in notices(app)
        assert "Left/Right change settings above" in status(screen)


@pytest.mark.parametrize(("key", "named"), [("q", "q"), ("escape", "Esc")])
async def test_leaving_unsaved_names_the_key_pressed(book_path: Path, key, named) -> None:
    app = with_settings_file(book_path)
    async with app.run_test(size=SIZE) as pilot:
        reader = await wait_open(pilot)
        screen = await open_settings(pilot)
        await pilot.press("right", key)
        assert status(screen) == (
            f"Unsaved changes: ctrl+s saves them, {named} again leaves without saving."
        )
        await pilot.press(key)
        await pilot.pause()
        assert app.screen is reader


def key_rows(screen: SettingsScreen) -> dict[str, str]:
    options = screen.query_one(SettingsList)
    rows = {}
    for index in range(options.option_count):
        option = options.get_option_at_index(index)
        if option.id and option.id.startswith("keys."):
            rows[option.id.removeprefix("keys.")] = option.prompt.plain.split("\n")[0]
    return rows


def keys_column(screen: SettingsScreen, action: str, line: str) -> int:
    """Where the row's first key starts."""
    assert screen.draft is not None
    # (an action left without a key, as less's page_down, shows `(none)` there)
    first = display_keys(screen.draft.settings.keys[action]).split(" ")[0] or "(none)"
    return line.index(f" {first}", line.rindex(action) + len(action)) + 1


def id_column(rows: dict[str, str]) -> set[int]:
    """Where every row has its action's id (a description may hold an id's word too)."""
    starts = [
        {at for at in range(len(line)) if line.startswith(f"{action} ", at)}
        for action, line in rows.items()
    ]
    return set.intersection(*starts)


async def test_at_120_columns_descriptions_are_whole_and_keys_line_up(book_path: Path) -> None:
    app = with_settings_file(book_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_open(pilot)
        screen = await open_settings(pilot)
        await pilot.pause()
        width = screen.query_one(SettingsList).scrollable_content_region.width
        assert width > 100  # the list takes the width there is
        rows = key_rows(screen)
        assert "Set a mark: then a letter (Enter: a labelled bookmark)" in rows["set_mark"]
        assert not any("…" in line for line in rows.values())
        assert len(id_column(rows)) == 1
        assert len({keys_column(screen, a, line) for a, line in rows.items()}) == 1
        assert all(len(line) <= width for line in rows.values())


def whole_row(screen: SettingsScreen, action: str) -> list[str]:
    """Every line of an action's row, as the list shows it."""
    options = screen.query_one(SettingsList)
    return options.get_option(f"keys.{action}").prompt.plain.split("\n")


async def test_a_long_key_list_goes_on_under_its_row_in_line(book_path: Path) -> None:
    """At 80 columns the less preset's Line down keys were cut with `…`: the keys that do not
    fit go on under the row, in the keys' column, each whole."""
    app = with_settings_file(book_path, 'keymap = "less"\n')
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_open(pilot)
        screen = await open_settings(pilot)
        await pilot.pause()
        width = screen.query_one(SettingsList).scrollable_content_region.width
        rows = key_rows(screen)
        assert "…" not in rows["line_down"]
        assert rows["line_down"].split("line_down")[1].split()[0] == "j"
        assert screen.draft is not None
        lines = whole_row(screen, "line_down")
        column = keys_column(screen, "line_down", lines[0])
        shown = " ".join(line[column:].strip() for line in lines)
        assert shown == display_keys(screen.draft.settings.keys["line_down"])
        assert len(lines) > 1 and all(not line[:column].strip() for line in lines[1:])
        assert all(len(line) <= width for line in lines)
        assert len(id_column(rows)) == 1
        assert len({keys_column(screen, a, line) for a, line in rows.items()}) == 1
        assert all(len(line) <= width for line in rows.values())


async def test_a_key_added_to_a_row_full_of_keys_is_in_view(book_path: Path) -> None:
    """A key added with `a` to Page down (ctrl+f PgDn) was hidden behind `…` at 80 columns,
    the row's `(yours)` and `•` taking its room: it shows, under the row's first keys."""
    app = with_settings_file(book_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_open(pilot)
        screen = await open_settings(pilot)
        await highlight(pilot, "keys.page_down")
        for key in ("ctrl+t", "ctrl+k"):
            await pilot.press("a", key)
            await pilot.pause()
        lines = whole_row(screen, "page_down")
        assert "(yours)" in lines[0] and "•" in lines[0]
        text = " ".join(lines)
        assert "…" not in text and "ctrl+t" in text and "ctrl+k" in text
        width = screen.query_one(SettingsList).scrollable_content_region.width
        assert all(len(line) <= width for line in lines)


async def test_saving_leaves_no_lock_file_in_the_config_folder(book_path: Path) -> None:
    app = with_settings_file(book_path, 'theme = "nord"\n')
    async with app.run_test(size=SIZE) as pilot:
        await wait_open(pilot)
        await open_settings(pilot)
        await pilot.press("right", "ctrl+s")
        await pilot.pause()
    assert sorted(p.name for p in config_dir().iterdir()) == ["settings.toml", "settings.toml.bak"]


async def test_the_settings_screen_lists_every_problem_of_the_file(book_path: Path) -> None:
    """The start-up notice names the first problem; the settings screen lists them all, in a
    box that scrolls when they are more than fit over the list."""
    written = "".join(f"colour_{i} = {i}\n" for i in range(10))
    app = with_settings_file(book_path, f"[reader]\n{written}")
    async with app.run_test(size=SIZE) as pilot:
        await wait_open(pilot)
        screen = await open_settings(pilot)
        await pilot.pause()
        banner = str(screen.query_one("#settings-file-problem").render())
        for i in range(10):
            assert f"reader.colour_{i}" in banner
        assert "more problems" not in banner
        box = screen.query_one("#settings-problems")
        assert box.size.height < SIZE[1] // 2 and box.max_scroll_y > 0


async def test_a_count_moves_the_list_as_it_does_the_library(book_path: Path) -> None:
    app = with_settings_file(book_path)
    async with app.run_test(size=SIZE) as pilot:
        await wait_open(pilot)
        screen = await open_settings(pilot)
        options = screen.query_one(SettingsList)
        enabled = [
            i for i in range(options.option_count) if not options.get_option_at_index(i).disabled
        ]
        start = options.highlighted
        await pilot.press("3", "j")  # three settings down, over any heading between
        assert options.highlighted == enabled[enabled.index(start) + 3]
        await pilot.press("2", "k")
        assert options.highlighted == enabled[enabled.index(start) + 1]
        await pilot.press("9", "9", "j")  # as far as it goes: the last row
        assert options.highlighted == options.option_count - 1
        await pilot.press("5", "G")  # the fifth row (the first setting from there)
        assert options.highlighted == min(i for i in enabled if i >= 4)
        await pilot.press("j")  # the count was used: one row
        assert options.highlighted == enabled[enabled.index(min(i for i in enabled if i >= 4)) + 1]


MISTAKES = """\
theme = "solarized-nope"

[reader]
width = 70
margin = -3
widht = 80

[keys]
quit = "ctrl+c"
help = ""
bookmark_add = "x"
next_chaptr = "n"
"""


async def test_at_80x24_the_problems_take_a_few_rows_and_a_key_shows_them_all(
    book_path: Path,
) -> None:
    """Seven problems once took eight rows over the list at 80x24: now a line says how many,
    with the key that shows them all (and again fewer), over three rows that scroll."""
    app = with_settings_file(book_path, MISTAKES)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_open(pilot)
        screen = await open_settings(pilot)
        await pilot.pause()
        count = screen.query_one("#settings-problems-count")
        box = screen.query_one("#settings-problems")
        assert str(count.render()) == (
            "7 problems in settings.toml · p shows all · ctrl+s writes the values shown"
        )
        assert count.size.height + box.size.height <= 4
        assert screen.query_one(SettingsList).size.height >= 15
        await pilot.press("p")
        await pilot.pause()
        assert box.size.height > 10  # most of the screen, for every problem
        assert "p shows fewer" in str(count.render())
        await pilot.press("p")
        await pilot.pause()
        assert box.size.height <= 3


@pytest.mark.parametrize("size", [(40, 12), (60, 16), (80, 24)])
async def test_every_problem_shown_leaves_the_list_and_its_keys_in_view(
    book_path: Path, size: tuple[int, int]
) -> None:
    """At 40x12 the problems shown whole took every row: the list, its highlighted row and
    the keys' line under it were gone until p was pressed again."""
    app = with_settings_file(book_path, MISTAKES)
    async with app.run_test(size=size) as pilot:
        await wait_open(pilot)
        screen = await open_settings(pilot)
        await pilot.press("p")
        await pilot.pause()
        await pilot.pause()
        box = screen.query_one("#settings-problems")
        options = screen.query_one(SettingsList)
        status = screen.query_one("#settings-status")
        assert options.size.height >= 3  # three rows of settings, inside the border
        assert status.region.bottom <= size[1] and status.size.height >= 1
        assert box.size.height >= 1
        await pilot.press("j")  # the list still has the keys
        await pilot.pause()
        assert options.highlighted == 2


async def test_what_a_save_says_stands_over_the_list_not_over_the_row_edited(
    book_path: Path,
) -> None:
    """Saving a file full of mistakes writes the values shown for them and comments out the
    unknown entries: what it did is said in the rows above the list, not in a notice that
    covered the key column, and the next start has nothing to report."""
    app = with_settings_file(book_path, MISTAKES)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_open(pilot)
        screen = await open_settings(pilot)
        await highlight(pilot, "reader.width")
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("backspace", "backspace", "6", "4", "enter")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert notices(app) == []  # (no notice over the rows)
        saved = str(screen.query_one("#settings-saved").render())
        assert "4 entries chapbook could not use now hold the values it used instead" in saved
        assert "3 entries chapbook cannot use, kept as a comment" in saved
        assert str(screen.query_one("#settings-problems-count").render()) == (
            "Saved, with the notes below · p shows all"
        )
        assert screen.query_one("#settings-problems").region.bottom <= (
            screen.query_one(SettingsList).region.y
        )
        text = settings_path().read_text(encoding="utf-8")
        assert "width = 64" in text and 'theme = "textual-dark"' in text
        assert screen.draft is not None and screen.draft.problems == []


async def test_saving_a_setting_keeps_the_comment_on_its_line(book_path: Path) -> None:
    """The user's note after the value stays beside the new value (it was dropped)."""
    app = with_settings_file(book_path, "[reader]\npage_overlap = 2  # two lines of context\n")
    async with app.run_test(size=SIZE) as pilot:
        await wait_open(pilot)
        screen = await open_settings(pilot)
        await highlight(pilot, "reader.page_overlap")
        await pilot.press("right")
        assert "‹ 3 rows ›" in row(screen, "reader.page_overlap")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert settings_path().read_text(encoding="utf-8") == (
            "[reader]\npage_overlap = 3  # two lines of context\n"
        )
