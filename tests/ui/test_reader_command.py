"""`:` opens a one-line command prompt, as in vim: a line number goes there, q quits."""

from __future__ import annotations

from pathlib import Path

import pytest
from reader_support import (
    lantern_book,
    notices,
    reader_app,
    shown_rows,
    top_text,
    wait_for,
    wait_open,
)

SIZE = (80, 24)


async def test_a_line_number_at_the_colon_prompt_goes_to_that_line(book_path: Path) -> None:
    lines = book_path.read_text(encoding="utf-8").splitlines()
    line = lines.index("Chapter 2: The Bells") + 1
    app = reader_app(book_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        await pilot.press("colon", *str(line), "enter")
        await pilot.pause()
        assert top_text(screen) == "Chapter 2: The Bells"
        assert not any("not a reader key" in n for n in notices(app))
        assert "not a reader key" not in str(screen.status.render())
        await pilot.press("ctrl+o")  # a jump, as 200G is
        await pilot.pause()
        assert top_text(screen) != "Chapter 2: The Bells"
        await pilot.press("colon", "dollar_sign", "enter")
        await pilot.pause()
        assert screen.view.pager.at_end


@pytest.mark.parametrize("typed", ["q", "wq", "x", "q!"])
async def test_q_at_the_colon_prompt_quits(book_path: Path, typed: str) -> None:
    app = reader_app(book_path)
    async with app.run_test(size=SIZE) as pilot:
        await wait_open(pilot)
        await pilot.press("colon", *typed, "enter")
        await pilot.pause()
        assert app.return_code is not None or not app.is_running


async def test_another_command_says_what_the_prompt_takes(book_path: Path) -> None:
    app = reader_app(book_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        top = top_text(screen)
        await pilot.press("colon", *"frobnicate", "enter")
        await pilot.pause()
        assert top_text(screen) == top
        said = " ".join(notices(app))
        assert "“:frobnicate” is not a chapbook command. The commands" in said
        assert ":200 goes to line 200" in said and "h (the help)" in said
        assert "/words (search)" in said
        assert "q (leave the book)" in said and "qa (quit chapbook)" in said
        assert "50% (halfway)" in said and "noh (clear the search highlights)" in said


async def test_colon_set_points_to_the_settings(book_path: Path) -> None:
    app = reader_app(book_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        top = top_text(screen)
        await pilot.press("colon", *"set width=60", "enter")
        await pilot.pause()
        assert top_text(screen) == top
        said = " ".join(notices(app))
        assert (
            "chapbook has no :set NAME=VALUE" in said
            and "settings screen (:set, or the key ,)" in said
        ), said


@pytest.mark.parametrize(
    ("typed", "says"),
    [
        ("set nu", "chapbook shows no line numbers: in a book, = says the line at the top"),
        ("set number", "chapbook shows no line numbers"),
        ("set nowrap", "chapbook always wraps the text, at the text width set on the settings "),
        ("set ic", "Search is smart-case already"),
        ("colorscheme desert", "The colours are the theme, set on the settings screen (,)"),
        ("hepl", "“:hepl” is not a chapbook command; did you mean :help?"),
        ("marsk", "did you mean :marks?"),
    ],
)
async def test_vims_options_and_slips_say_what_chapbook_has_instead(
    book_path: Path, typed: str, says: str
) -> None:
    # `:set nu` said only that chapbook has no `:set NAME=VALUE`; `:hepl` listed every command.
    app = reader_app(book_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        top = top_text(screen)
        await pilot.press("colon", *typed, "enter")
        await pilot.pause()
        assert top_text(screen) == top
        said = " ".join(notices(app))
        assert says in said, said
        assert "NAME=VALUE" not in said


async def test_colon_nu_says_the_line_as_ctrl_g_does(book_path: Path) -> None:
    # vim's `:nu` prints the line it is on with its number.
    app = reader_app(book_path)
    async with app.run_test(size=SIZE) as pilot:
        await wait_open(pilot)
        await pilot.press("colon", *"nu", "enter")
        await pilot.pause()
        said = " ".join(notices(app))
        assert "Line 1 of " in said and "not a chapbook command" not in said, said


@pytest.mark.parametrize("typed", ["set", "settings", "options"])
async def test_colon_set_alone_opens_the_settings_screen(book_path: Path, typed: str) -> None:
    # As vim's `:set` shows the options: it had only said where the settings are.
    from tui.ui.screens.settings import SettingsScreen

    app = reader_app(book_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        top = top_text(screen)
        await pilot.press("colon", *typed, "enter")
        await pilot.pause()
        assert isinstance(app.screen, SettingsScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen and top_text(screen) == top


@pytest.mark.parametrize("typed", ["f", "file"])
async def test_colon_file_says_where_one_is_as_ctrl_g_does(book_path: Path, typed: str) -> None:
    # vim's `:f[ile]` and less's `:f` name the file and the place in it: it was not a command.
    app = reader_app(book_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        top = top_text(screen)
        await pilot.press("colon", *typed, "enter")
        await pilot.pause()
        said = " ".join(notices(app))
        line = screen.book.line_of(screen.view.pager.top_para())
        assert book_path.name in said and f"Line {line} of " in said, said
        assert "not a chapbook command" not in said
        assert top_text(screen) == top


async def test_colon_marks_lists_the_marks_as_vim_does(book_path: Path) -> None:
    from tui.ui.dialogs.bookmarks import BookmarksScreen

    app = reader_app(book_path)
    async with app.run_test(size=SIZE) as pilot:
        await wait_open(pilot)
        await pilot.press("m", "a")
        await pilot.press("colon", *"marks", "enter")
        await pilot.pause()
        assert isinstance(app.screen, BookmarksScreen)
        assert [e.bookmark.mark for e in app.screen.entries] == ["a"]


async def test_colon_h_opens_the_help(book_path: Path) -> None:
    from tui.ui.dialogs.help import HelpScreen

    app = reader_app(book_path)
    async with app.run_test(size=SIZE) as pilot:
        await wait_open(pilot)
        await pilot.press("colon", "h", "enter")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)


@pytest.mark.parametrize("typed", ["qa", "qa!", "qall", "wqa", "xa"])
async def test_qa_from_a_book_opened_from_the_library_quits_chapbook(
    tmp_path: Path, typed: str
) -> None:
    from library_screen_support import library_app, wait_reader_open
    from library_support import add_known, fixed_library

    library = fixed_library(tmp_path / "data")
    record = add_known(library, lantern_book(tmp_path), "The Lantern")
    app = library_app(library)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await wait_reader_open(pilot)
        await pilot.press("ctrl+f")  # a page on: the place quitting saves
        await pilot.pause()
        await pilot.press("colon", *typed, "enter")
        await pilot.pause()
        assert not app.is_running or app.return_code is not None
    assert library.get(record.id).offset > 0


async def test_q_at_the_colon_prompt_of_a_book_from_the_library_goes_back_to_it(
    tmp_path: Path,
) -> None:
    from library_screen_support import library_app, wait_reader_open
    from library_support import add_known, fixed_library

    library = fixed_library(tmp_path / "data")
    add_known(library, lantern_book(tmp_path), "The Lantern")
    app = library_app(library)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await wait_reader_open(pilot)
        await pilot.press("colon", "q", "enter")
        await pilot.pause()
        assert app.is_running and type(app.screen).__name__ == "LibraryScreen"


@pytest.mark.parametrize("delimiter", ["", "/"])
async def test_colon_slash_searches_forward_as_slash_does(book_path: Path, delimiter: str) -> None:
    app = reader_app(book_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        await pilot.press("colon", "slash", *"bells", *delimiter, "enter")
        await wait_for(pilot, lambda: screen.session.search.match is not None)
        assert screen.session.search.text == "bells"
        assert not any("not a chapbook command" in n for n in notices(app))
        match = screen.session.search.match
        await pilot.press("colon", "question_mark", *"bells", "enter")
        await wait_for(pilot, lambda: screen.session.search.match != match)
        assert screen.session.search.backward
        assert (
            screen.session.search.match.start < match.start or screen.session.search.match.wrapped
        )


async def test_colon_noh_takes_the_search_highlights_off_as_escape_does(book_path: Path) -> None:
    app = reader_app(book_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        await pilot.press("slash", *"bells", "enter")
        await wait_for(pilot, lambda: screen.session.search.match is not None)
        assert screen.session.search.shown
        for typed in ("noh", "nohlsearch"):
            await pilot.press("colon", *typed, "enter")
            await pilot.pause()
            assert not screen.session.search.shown
            assert not any("not a chapbook command" in n for n in notices(app))
            await pilot.press("n")  # brings them back, as after Escape
            await wait_for(pilot, lambda: screen.session.search.shown)


async def test_colon_50_percent_goes_halfway_as_50_percent_does(book_path: Path) -> None:
    app = reader_app(book_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        await pilot.press("5", "0", "percent_sign")
        await pilot.pause()
        halfway = screen.view.top_offset()
        await pilot.press("g")
        await pilot.pause()
        assert screen.view.top_offset() != halfway
        await pilot.press("colon", *"50", "percent_sign", "enter")
        await pilot.pause()
        assert screen.view.top_offset() == halfway
        assert not any("not a chapbook command" in n for n in notices(app))


async def test_colon_plus_and_minus_move_lines_as_j_and_k_with_a_count(book_path: Path) -> None:
    app = reader_app(book_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        start = shown_rows(screen)
        await pilot.press("colon", *"+10", "enter")
        await pilot.pause()
        assert shown_rows(screen)[0] == start[10]
        await pilot.press("colon", *"-4", "enter")
        await pilot.pause()
        assert shown_rows(screen)[0] == start[6]
        await pilot.press("colon", "plus", "enter")  # `:+` alone: one line, as in vim
        await pilot.pause()
        assert shown_rows(screen)[0] == start[7]


async def test_colon_w_says_nothing_needs_writing(book_path: Path) -> None:
    app = reader_app(book_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        await pilot.press("colon", "w", "enter")
        await pilot.pause()
        assert app.is_running and screen.is_current
        said = " ".join(notices(app))
        assert "Nothing needs writing: chapbook keeps your place" in said
