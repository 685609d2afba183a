"""Every navigation action of the reader, pressed as a user would (Pilot)."""

from __future__ import annotations

from pathlib import Path

import pytest
from reader_support import (
    lantern_book,
    notices,
    reader_app,
    shown_rows,
    top_text,
    wait_open,
)

from tui.settings.defaults import defaults
from tui.ui.actions import binding
from tui.ui.screens.reader import ReaderScreen

SIZE = (80, 24)
READER_IDS = [
    "line_down", "line_up", "half_page_down", "half_page_up", "page_down", "page_up", "top",
    "bottom", "goto_percent", "next_scene", "prev_scene", "next_chapter", "prev_chapter",
    "jump_back", "search", "search_back", "search_next", "search_prev", "bookmark", "bookmarks",
    "find", "library", "settings", "help", "quit",
]  # fmt: skip


def test_every_reader_action_is_a_binding_with_an_id() -> None:
    ids = {b.id for b in ReaderScreen.BINDINGS if not isinstance(b, tuple)}
    assert set(READER_IDS) <= ids
    keys = defaults()["keys"]
    for action_id in ids:
        assert action_id in keys
        assert hasattr(ReaderScreen, f"action_{binding(action_id).action}")


async def test_page_down_and_up_with_space_pagedown_and_pageup(book_path: Path) -> None:
    app = reader_app(book_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        first = shown_rows(screen)
        assert first[0] == "The Lantern Ledger"
        below = screen.view.pager.rows(screen.view.pager.advance(screen.view.pager.top, 23), 1)
        await pilot.press("space")
        assert shown_rows(screen)[0] == below[0].text.strip()
        await pilot.press("pagedown")
        third = shown_rows(screen)
        await pilot.press("pageup")
        await pilot.press("pageup")
        assert shown_rows(screen) == first
        await pilot.press("f")
        await pilot.press("f")
        assert shown_rows(screen) == third


async def test_line_and_half_page_moves(book_path: Path) -> None:
    app = reader_app(book_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        start = shown_rows(screen)
        await pilot.press("j")
        assert shown_rows(screen)[0] == start[1]
        await pilot.press("down")
        assert shown_rows(screen)[0] == start[2]
        await pilot.press("k", "up")
        assert shown_rows(screen) == start
        await pilot.press("ctrl+e")  # vim's and less's line down and up
        assert shown_rows(screen)[0] == start[1]
        await pilot.press("ctrl+y")
        assert shown_rows(screen) == start
        await pilot.press("enter")  # a line down, as in less and vim
        assert shown_rows(screen)[0] == start[1]
        await pilot.press("3", "enter")
        assert shown_rows(screen)[0] == start[4]
        await pilot.press(*"4k")
        assert shown_rows(screen) == start
        await pilot.press("d")
        assert shown_rows(screen)[0] == start[11]  # half of 23 rows
        await pilot.press("u")
        assert shown_rows(screen) == start


async def test_top_bottom_and_percent(book_path: Path) -> None:
    app = reader_app(book_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        await pilot.press("G")
        assert screen.view.pager.at_end
        rows = [r for r in shown_rows(screen) if r]
        assert rows[-1].endswith(screen.book.paragraph(len(screen.book) - 1)[-20:])
        assert "100%" in str(screen.status.render())
        await pilot.press("g")
        assert shown_rows(screen)[0] == "The Lantern Ledger"
        await pilot.press("percent_sign")
        await pilot.press(*"50", "enter")
        offset = screen.view.top_offset()
        assert abs(offset - len(screen.book.text) // 2) < 1200
        assert "50%" in str(screen.status.render()) or "49%" in str(screen.status.render())


async def test_scene_and_chapter_moves(book_path: Path) -> None:
    app = reader_app(book_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        await pilot.press("right_square_bracket")  # the first scene: chapter 1's heading
        assert top_text(screen) == "Chapter 1: The Ledger"
        await pilot.press("right_square_bracket")
        assert shown_rows(screen)[0] == "⁂"  # the break ornament, then the scene
        assert "Scene 1.2 opens." in "\n".join(shown_rows(screen)[:3])
        assert "scene 2/3" in str(screen.status.render())
        await pilot.press("right_curly_bracket")
        assert top_text(screen) == "Chapter 2: The Bells"
        await pilot.press("right_curly_bracket")
        assert top_text(screen) == "Chapter 3: The Flats"
        await pilot.press("left_curly_bracket")
        assert top_text(screen) == "Chapter 2: The Bells"
        await pilot.press("j", "j", "j")
        await pilot.press("left_curly_bracket")  # inside a chapter: back to its start
        assert top_text(screen) == "Chapter 2: The Bells"
        await pilot.press("left_square_bracket")  # the last scene of chapter 1
        assert "Scene 1.3 opens." in "\n".join(shown_rows(screen)[:3])


def status(screen) -> str:
    return str(screen.status.render())


async def test_chapter_and_scene_moves_start_from_the_chapter_the_status_line_names(
    book_path: Path,
) -> None:
    # A blank row on top, above Chapter 1's heading (as a page down from the front matter
    # leaves it): the status line says Chapter 1, so `}` goes to Chapter 2 and `]` to the
    # second scene, not to the heading a row below.
    app = reader_app(book_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        await pilot.press("right_curly_bracket", "k")
        assert shown_rows(screen)[:3] == ["", "", "Chapter 1: The Ledger"]
        assert top_text(screen) == "Chapter 1: The Ledger"
        assert "Chapter 1: The Ledger" in status(screen) and "scene 1/3" in status(screen)
        await pilot.press("right_curly_bracket")
        assert top_text(screen) == "Chapter 2: The Bells"
        await pilot.press("left_curly_bracket", "k")
        assert shown_rows(screen)[:3] == ["", "", "Chapter 1: The Ledger"]
        await pilot.press("right_square_bracket")
        assert "Scene 1.2 opens." in "\n".join(shown_rows(screen)[:3])
        assert "scene 2/3" in status(screen)
        # The scene's ornament with a blank row above it: still scene 2, so `]` goes to 3.
        await pilot.press("k")
        assert shown_rows(screen)[:2] == ["", "⁂"] and "scene 2/3" in status(screen)
        await pilot.press("right_square_bracket")
        assert "Scene 1.3 opens." in "\n".join(shown_rows(screen)[:3])
        assert "scene 3/3" in status(screen)


async def test_backward_moves_from_the_start_the_status_line_names_go_to_the_one_before(
    book_path: Path,
) -> None:
    # The start of the scene or chapter being read is on screen, below a blank row: `[` and
    # `{` go to the one before, not a row up to the start already shown.
    app = reader_app(book_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        await pilot.press("right_curly_bracket", "right_curly_bracket", "k")
        assert top_text(screen) == "Chapter 2: The Bells" and "Chapter 2" in status(screen)
        await pilot.press("left_curly_bracket")
        assert top_text(screen) == "Chapter 1: The Ledger"
        await pilot.press("right_square_bracket", "right_square_bracket", "k")
        assert shown_rows(screen)[:2] == ["", "⁂"] and "scene 3/3" in status(screen)
        await pilot.press("left_square_bracket")
        assert "Scene 1.2 opens." in "\n".join(shown_rows(screen)[:3])
        assert "scene 2/3" in status(screen)
        await pilot.press("left_curly_bracket", "k")  # Chapter 1, the first: none before
        before = shown_rows(screen)
        assert before[:3] == ["", "", "Chapter 1: The Ledger"]
        await pilot.press("left_curly_bracket")
        await pilot.pause()
        assert shown_rows(screen) == before
        assert "No previous chapter" in notices(app)


async def test_a_scene_move_on_the_last_page_says_why_the_page_stays(tmp_path: Path) -> None:
    # Short scenes: the last page holds the start of the book's last scene.
    app = reader_app(lantern_book(tmp_path, paras=2))
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        await pilot.press("G")
        before = shown_rows(screen)
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert shown_rows(screen) == before
        assert any("on this page, the book's last" in n for n in notices(app))


async def test_jump_back_returns_through_the_jumps(book_path: Path) -> None:
    app = reader_app(book_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        await pilot.press("space")
        start = shown_rows(screen)
        await pilot.press("right_curly_bracket", "right_curly_bracket")
        assert top_text(screen) == "Chapter 3: The Flats"
        await pilot.press("G")
        await pilot.press("ctrl+o")
        assert top_text(screen) == "Chapter 3: The Flats"
        await pilot.press("backspace")
        assert top_text(screen) == "Chapter 2: The Bells"
        await pilot.press("ctrl+o")
        assert shown_rows(screen) == start


async def test_quit_leaves_the_app_when_opened_from_the_command_line(book_path: Path) -> None:
    app = reader_app(book_path)
    async with app.run_test(size=SIZE) as pilot:
        await wait_open(pilot)
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0
    assert not app.is_running


@pytest.mark.parametrize("second", ["Z", "Q"])
async def test_vims_zz_and_zq_leave_the_book_as_q_does(book_path: Path, second: str) -> None:
    app = reader_app(book_path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await wait_open(pilot)
        await pilot.press("Z", "j")  # Z then another key: that key does what it does
        await pilot.pause()
        assert app.is_running and app.screen is screen
        assert "not a reader key" not in str(screen.status.render())
        await pilot.press("Z", second)
        await pilot.pause()
    assert app.return_code == 0
    assert not app.is_running


@pytest.mark.parametrize(
    ("key", "screen_name"),
    [("L", "LibraryScreen"), ("h", "HelpScreen"), ("comma", "SettingsScreen")],
)
async def test_a_key_opens_another_screen_and_closing_it_comes_back(
    book_path: Path, key: str, screen_name: str
) -> None:
    app = reader_app(book_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        await pilot.press(key)
        await pilot.pause()
        assert app.screen is not screen
        assert type(app.screen).__name__ == screen_name
        app.pop_screen()
        await pilot.pause()
        assert app.screen is screen


async def test_quit_returns_to_the_library_when_opened_from_it(book_path: Path) -> None:
    app = reader_app(book_path)
    async with app.run_test(size=SIZE) as pilot:
        await wait_open(pilot)
        await pilot.press("L")
        await pilot.pause()
        library_screen = app.screen
        app.push_screen(ReaderScreen(book_path))
        await wait_open(pilot)
        await pilot.press("q")
        await pilot.pause()
        assert app.screen is library_screen
        assert app.is_running


async def test_opening_a_missing_file_exits_with_a_one_line_message(tmp_path: Path) -> None:
    app = reader_app(tmp_path / "nowhere.txt")
    async with app.run_test(size=SIZE) as pilot:
        for _ in range(100):
            await pilot.pause(0.02)
            if not app.is_running:
                break
    assert app.return_code == 2


async def test_a_key_the_reader_does_not_have_says_where_the_keys_are(tmp_path: Path) -> None:
    app = reader_app(lantern_book(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await wait_open(pilot)

        def said() -> str:
            return str(screen.status.render())

        await pilot.press("x")  # a letter the reader has no use for
        await pilot.pause()
        # Said on the status line, not in a notice over the page.
        assert "x: not a reader key (h: keys, q: quit)" in said()
        assert not notices(app)
        screen.status.unsay()
        await pilot.press("5", "j", "m", "a")  # a count and a mark are keys of the reader
        await pilot.pause()
        assert "not a reader key" not in said()
        await pilot.press("ctrl+w")  # a control key the reader lacks, from less
        await pilot.pause()
        assert "ctrl+w: not a reader key (h: keys, q: quit)" in said()
        screen.status.unsay()
        await pilot.press("alt+x")  # an alt key whose key alone is not the reader's either
        await pilot.pause()
        assert "alt+x: not a reader key (h: keys, q: quit)" in said()
        await pilot.press("j")  # the next key takes the word about the last one away
        await pilot.pause()
        assert "not a reader key" not in said()
        screen.status.unsay()
        screen.status.set_note("match 13/17")  # a search's note beside it, at 80 columns
        await pilot.press("X")
        await pilot.pause()
        assert "X: not a reader key (h: keys, q: quit) · match 13/17" in said(), said()
        for note in ("match 1234/5678", "match 11609/11614"):  # (Dracula: `/the`)
            screen.status.unsay()
            screen.status.set_note(note)
            await pilot.press("r")
            await pilot.pause()
            assert f"r: not a reader key (h: keys, q: quit) · {note}" in said(), said()
        screen.status.set_note("")
        await pilot.press("0", "dollar_sign")  # a count, then a key that is no move
        await pilot.pause()
        assert (
            "$: no cursor here to move to the line's end" in said() and "keys) · 0 ·" not in said()
        ), said()
        rows = shown_rows(screen)
        await pilot.press("5", "dollar_sign", "j")  # the count went with the unbound key
        assert shown_rows(screen)[0] == rows[1]
        await pilot.press("ctrl+c")  # Textual's own: it says how to quit instead
        await pilot.pause()
        assert "not a reader key" not in said()


async def test_escape_in_the_library_opened_over_a_book_goes_back_to_it(tmp_path: Path) -> None:
    from reader_support import lantern_book, reader_app, top_text, wait_open

    from tui.ui.screens.library import LibraryScreen
    from tui.ui.screens.reader import ReaderScreen

    app = reader_app(lantern_book(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await wait_open(pilot)
        await pilot.press("right_curly_bracket")
        shown = top_text(screen)
        await pilot.press("L")
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen) and top_text(app.screen) == shown


async def test_ctrl_i_apart_from_tab_says_what_tab_does(book_path: Path) -> None:
    # Terminals that tell ctrl+i from tab (the kitty protocol) deliver it as ctrl+i: the
    # notice names tab and what it does, and suggests nothing that is another's key.
    app = reader_app(book_path)
    async with app.run_test(size=SIZE) as pilot:
        await wait_open(pilot)
        await pilot.press("ctrl+i")
        assert notices(app) == [
            "ctrl+i is not a reader key in this terminal, which sends it apart from Tab. "
            "Tab: Forward again, to where you went back from"
        ]
