"""The library list driven as a user would.

Every book shown, the cursor's moves, the sort menu, and removing a book (Pilot).
"""

from __future__ import annotations

from pathlib import Path

from library_screen_support import SIZE, library_app, remove_highlighted, settle, titles
from library_support import add_known, fixed_library, populate, write_story

from tui.library.library import Library
from tui.ui.dialogs.library import ConfirmRemove, SortMenu
from tui.ui.widgets.library_table import LibraryTable


async def test_the_list_shows_every_book_and_the_cursor_moves(tmp_path: Path) -> None:
    library = fixed_library()
    populate(library, tmp_path, 12)
    async with library_app(library).run_test(size=SIZE) as pilot:
        screen = await settle(pilot)
        table = screen.query_one(LibraryTable)
        assert len(table.rows) == 12
        assert table.rows[0].last_read == max(r.last_read for r in library.records())
        await pilot.press("j", "down")
        assert table.cursor == 2
        await pilot.press("G")
        assert table.cursor == 11
        await pilot.press("g")
        assert table.cursor == 0


async def test_the_sort_menu_chooses_the_key_and_reverses_it(tmp_path: Path) -> None:
    library = fixed_library()
    populate(library, tmp_path, 10)
    async with library_app(library).run_test(size=SIZE) as pilot:
        screen = await settle(pilot)
        await pilot.press("s")
        assert isinstance(pilot.app.screen, SortMenu)
        await pilot.press("down", "down", "down", "down", "enter")  # last read → … → words
        await pilot.pause()
        words = [r.words for r in screen.query_one(LibraryTable).rows]
        assert screen.sort_key == "words" and words == sorted(words, reverse=True)
        await pilot.press("s", "enter")  # the same key again: the other way round
        await pilot.pause()
        words = [r.words for r in screen.query_one(LibraryTable).rows]
        assert words == sorted(words)


async def test_a_letter_in_the_sort_menu_goes_to_the_choice_it_begins(tmp_path: Path) -> None:
    """`w` goes to words, `a` to author and then added; a letter no choice begins (`z`)
    says so, and which letters do, instead of doing nothing."""
    library = fixed_library()
    populate(library, tmp_path, 10)
    async with library_app(library).run_test(size=SIZE) as pilot:
        screen = await settle(pilot)
        await pilot.press("s")
        menu = pilot.app.screen
        assert isinstance(menu, SortMenu)
        await pilot.press("z")
        await pilot.pause()
        hint = str(menu.query_one(".dialog-hint").render())
        assert "no choice begins with 'z'" in hint and "l t a p w" in hint, hint
        assert pilot.app.screen is menu and menu.keys[menu.index] == "last_read"
        await pilot.press("a", "a")
        assert menu.keys[menu.index] == "added"
        await pilot.press("w", "enter")
        await pilot.pause()
        assert screen.sort_key == "words"


async def test_remove_asks_first_and_keeps_the_file(tmp_path: Path) -> None:
    library = fixed_library()
    path = write_story(tmp_path, "keep-me.txt", "Keep Me")
    add_known(library, path, "Keep Me")
    async with library_app(library).run_test(size=SIZE) as pilot:
        screen = await settle(pilot)
        await pilot.press("x")
        assert isinstance(pilot.app.screen, ConfirmRemove)
        # The file is named as well as the title: copies of a book share their title.
        shown = str(pilot.app.screen.query_one("#remove-path").render())
        assert shown.endswith("keep-me.txt")
        await pilot.press("n")
        assert titles(screen) == ["Keep Me"]
        await remove_highlighted(pilot, "delete")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        assert titles(screen) == []
    assert path.is_file()
    assert len(Library.open(sample=False)) == 0  # saved
