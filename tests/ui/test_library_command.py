"""The library's `:` prompt, as the reader's: what follows the colon is a command.

It is never the library's keys (`:set` does not open the sort menu), and vim's ways to quit
quit.
"""

from __future__ import annotations

from pathlib import Path

from library_screen_support import SIZE, library_app, settle
from library_support import fixed_library, populate
from reader_support import notices, wait_for

from tui.ui.dialogs.help import HelpScreen
from tui.ui.dialogs.library import SortMenu
from tui.ui.screens.library import LibraryScreen
from tui.ui.widgets.library_bar import LibraryBar
from tui.ui.widgets.library_table import LibraryTable
from tui.ui.widgets.prompt_bar import PromptBar

BOOKS = 12


def app_of_books(tmp_path: Path, books: int = BOOKS):
    """The app on a library of ``books`` books, in ``tmp_path``."""
    library = fixed_library()
    populate(library, tmp_path, books)
    return library_app(library)


def bar(screen: LibraryScreen) -> str:
    return str(screen.query_one(LibraryBar).render())


async def test_colon_set_is_a_command_not_the_sort_key_and_points_to_the_settings(
    tmp_path: Path,
) -> None:
    async with app_of_books(tmp_path).run_test(size=SIZE) as pilot:
        screen = await settle(pilot)
        sorted_by = bar(screen).split("sorted by")[-1]
        await pilot.press("colon", *"set width=60", "enter")
        await pilot.pause()
        assert not isinstance(pilot.app.screen, SortMenu)
        assert bar(screen).split("sorted by")[-1] == sorted_by  # the order is as it was
        said = " ".join(notices(pilot.app))
        assert "no :set" in said and "settings" in said, said
        assert "not a library key" not in said
        assert not screen.query_one(PromptBar).is_open
        await pilot.press("colon", *"quitx", "enter")  # unknown: explained, nothing run
        await pilot.pause()
        assert bar(screen).split("sorted by")[-1] == sorted_by
        said = " ".join(notices(pilot.app))
        assert "“:quitx” is not a library command; did you mean :quit?" in said, said
        assert pilot.app.is_running
        pilot.app.clear_notifications()
        await pilot.press("colon", *"marsk", "enter")  # (:marks is the reader's, not named)
        await pilot.press("colon", *"50%", "enter")
        await pilot.pause()
        said = " ".join(notices(pilot.app))
        assert "did you mean" not in said and "“:50%” is not a library command." in said, said
        pilot.app.clear_notifications()
        await pilot.press("colon", *"set nu", "enter")
        await pilot.pause()
        said = " ".join(notices(pilot.app))
        assert "chapbook shows no line numbers: in a book, = says the line" in said, said


async def test_colon_number_goes_to_that_book_and_colon_help_opens_the_help(
    tmp_path: Path,
) -> None:
    async with app_of_books(tmp_path).run_test(size=SIZE) as pilot:
        screen = await settle(pilot)
        table = screen.query_one(LibraryTable)
        await pilot.press("colon", "5", "enter")
        await pilot.pause()
        assert table.cursor == 4
        await pilot.press("colon", "dollar_sign", "enter")
        await pilot.pause()
        assert table.cursor == BOOKS - 1
        await pilot.press("j")  # the list has the keys again
        await pilot.press("colon", "escape")  # cancelled: nothing
        await pilot.press("k")
        assert table.cursor == BOOKS - 2
        await pilot.press("colon", "h", "enter")
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, HelpScreen))


async def test_colon_q_quits_chapbook_from_the_library(tmp_path: Path) -> None:
    for typed in ("q", "q!", "qa", "wq"):
        app = app_of_books(tmp_path / typed, 2)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            await pilot.press("colon", *typed, "enter")
            await pilot.pause()
            assert not app.is_running, typed


async def test_colon_slash_filters_the_list_as_slash_does(tmp_path: Path) -> None:
    async with app_of_books(tmp_path).run_test(size=SIZE) as pilot:
        screen = await settle(pilot)
        await pilot.press("colon", "slash", *"Writer 3", "enter")
        await pilot.pause()
        assert screen.filter_box.value == "Writer 3"
        rows = screen.query_one(LibraryTable).rows
        assert rows and len(rows) < BOOKS
        assert all(r.author == "Writer 3" for r in rows)
        assert screen.focused is screen.table  # on into the books it found


async def test_colon_set_alone_opens_the_settings_screen(tmp_path: Path) -> None:
    from tui.ui.screens.settings import SettingsScreen

    async with app_of_books(tmp_path).run_test(size=SIZE) as pilot:
        screen = await settle(pilot)
        await pilot.press("colon", *"set", "enter")
        await pilot.pause()
        assert isinstance(pilot.app.screen, SettingsScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert pilot.app.screen is screen
        await pilot.press("colon", *"settings", "enter")
        await pilot.pause()
        assert isinstance(pilot.app.screen, SettingsScreen)


async def test_colon_e_opens_a_file_in_the_reader_and_adds_a_folder(tmp_path: Path) -> None:
    """`:e FILE`, as in vim: the book in the reader (and in the library); `:e FOLDER` adds its
    books, as the add prompt does; a path that is no book says why."""
    from library_screen_support import wait_reader_open
    from reader_support import lantern_book

    shelf = tmp_path / "shelf"
    shelf.mkdir()
    lantern = lantern_book(shelf)
    (tmp_path / "notes.toml").write_text("a = 1\n", encoding="utf-8")
    app = app_of_books(tmp_path / "books")
    async with app.run_test(size=SIZE) as pilot:
        screen = await settle(pilot)
        await pilot.press("colon", *f"e {tmp_path}/notes.toml", "enter")
        await pilot.pause()
        assert pilot.app.screen is screen
        said = " ".join(" ".join(n.split()) for n in notices(pilot.app))
        assert "not a book" in said and "not a library command" not in said, said
        await pilot.press("colon", *f"e {lantern}", "enter")
        await wait_reader_open(pilot)
        assert pilot.app.screen.path == lantern
        assert pilot.app.library.find_by_path(lantern) is not None
        await pilot.press("q")
        await wait_for(pilot, lambda: pilot.app.screen is screen)
        (shelf / "second.txt").write_text(lantern.read_text(encoding="utf-8").upper())
        await pilot.press("colon", *f"e {shelf}", "enter")
        await wait_for(pilot, lambda: pilot.app.library.find_by_path(shelf / "second.txt"))
