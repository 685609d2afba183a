"""Counts in the library, as in the reader and vim.

A number before a move repeats it, a number before top or bottom goes to that row, and the
number shows until a move uses it.
"""

from __future__ import annotations

from pathlib import Path

from library_screen_support import SIZE, library_app, settle
from library_support import fixed_library, populate

from tui.ui.dialogs.help import HelpRows
from tui.ui.screens.library import LibraryScreen
from tui.ui.widgets.library_bar import LibraryBar
from tui.ui.widgets.library_table import LibraryTable

BOOKS = 40


def bar(screen: LibraryScreen) -> str:
    """The line over the list, as drawn."""
    return str(screen.query_one(LibraryBar).render())


async def library_of(pilot) -> tuple[LibraryScreen, LibraryTable]:
    screen = await settle(pilot)
    table = screen.query_one(LibraryTable)
    assert len(table.rows) == BOOKS
    return screen, table


async def test_a_count_repeats_a_move_and_shows_until_used(tmp_path: Path) -> None:
    library = fixed_library()
    populate(library, tmp_path, BOOKS)
    async with library_app(library).run_test(size=SIZE) as pilot:
        screen, table = await library_of(pilot)
        await pilot.press("6")
        assert table.cursor == 0
        assert bar(screen).rstrip().endswith("6 · sorted by last read ▼")
        await pilot.press("j")
        assert table.cursor == 6
        assert "6 ·" not in bar(screen)
        await pilot.press("1", "2", "down")
        assert table.cursor == 18
        await pilot.press("4", "k")
        assert table.cursor == 14
        await pilot.press("2", "up")
        assert table.cursor == 12
        await pilot.press("j")  # the count was used: one row
        assert table.cursor == 13


async def test_a_count_before_top_or_bottom_goes_to_that_row(tmp_path: Path) -> None:
    library = fixed_library()
    populate(library, tmp_path, BOOKS)
    async with library_app(library).run_test(size=SIZE) as pilot:
        _screen, table = await library_of(pilot)
        await pilot.press("5", "G")
        assert table.cursor == 4  # the fifth book
        await pilot.press("G")
        assert table.cursor == BOOKS - 1
        await pilot.press("1", "2", "g")
        assert table.cursor == 11
        await pilot.press("g")
        assert table.cursor == 0
        await pilot.press("9", "9", "G")  # past the last row: the last
        assert table.cursor == BOOKS - 1


async def test_a_count_repeats_a_page_move(tmp_path: Path) -> None:
    library = fixed_library()
    populate(library, tmp_path, BOOKS)
    async with library_app(library).run_test(size=(100, 16)) as pilot:
        _screen, table = await library_of(pilot)
        await pilot.press("pagedown")
        page = table.cursor
        assert 0 < page < BOOKS // 3
        await pilot.press("g", "2", "pagedown")
        assert table.cursor == 2 * page
        await pilot.press("2", "pageup")
        assert table.cursor == 0
        # less's Space and b: a page without a count, that many books (less's lines) with one
        await pilot.press("space")
        assert table.cursor == page
        await pilot.press("g", "6", "space")
        assert table.cursor == 6
        await pilot.press("4", "b")
        assert table.cursor == 2


async def test_escape_drops_a_count_and_digits_in_the_filter_are_text(tmp_path: Path) -> None:
    library = fixed_library()
    populate(library, tmp_path, BOOKS)
    async with library_app(library).run_test(size=SIZE) as pilot:
        screen, table = await library_of(pilot)
        await pilot.press("6", "escape")
        assert "6 ·" not in bar(screen)
        await pilot.press("j")
        assert table.cursor == 1
        await pilot.press("slash", "2", "1")
        assert screen.filter_text == "21"
        assert "21 ·" not in bar(screen)


async def test_the_library_help_tells_of_counts_and_escape_there(tmp_path: Path) -> None:
    library = fixed_library()
    populate(library, tmp_path, BOOKS)
    async with library_app(library).run_test(size=SIZE) as pilot:
        await library_of(pilot)
        await pilot.press("3", "h")  # the count is dropped: the help is another screen
        await pilot.pause()
        help_screen = pilot.app.screen
        notes = " ".join(str(label.render()) for label in help_screen.query(".help-note"))
        assert "6j is six books down" in notes
        assert "5G or 5g goes to the fifth book" in notes
        described = [description for _keys, description in help_screen.query_one(HelpRows).rows]
        assert "Drop the count" not in described


async def test_a_key_the_library_does_not_have_says_so(tmp_path: Path) -> None:
    from reader_support import notices

    library = fixed_library()
    populate(library, tmp_path, 3)
    async with library_app(library).run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("z")
        await pilot.pause()
        assert any(n.startswith("z is not a library key:") for n in notices(pilot.app))
        await pilot.press("3")  # a count, not a key
        await pilot.pause()
        assert not any(n.startswith("3 is not") for n in notices(pilot.app))


async def test_ctrl_d_and_ctrl_u_move_half_the_rows_in_view(tmp_path: Path) -> None:
    library = fixed_library()
    populate(library, tmp_path, BOOKS)
    async with library_app(library).run_test(size=SIZE) as pilot:
        _screen, table = await library_of(pilot)
        half = (table.scrollable_content_region.height - 1) // 2
        await pilot.press("ctrl+d")
        assert table.cursor == half > 1
        await pilot.press("ctrl+d", "ctrl+u")
        assert table.cursor == half
        await pilot.press("2", "ctrl+d")  # with a count, as every library move
        assert table.cursor == 3 * half
