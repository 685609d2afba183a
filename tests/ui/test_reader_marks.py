"""Named marks as in vim and less (`m a`, `' a`, `''`), jump_forward, and renaming bookmarks."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from reader_support import (
    notices,
    reader_app,
    shown_rows,
    top_text,
    wait_for,
    wait_open,
)

from tui.book.anchor import Anchor, Bookmark
from tui.library.library import Library
from tui.ui.dialogs.bookmarks import BookmarkLabelScreen, BookmarksScreen
from tui.ui.dialogs.help import HelpScreen

SIZE = (80, 24)


def test_a_mark_is_a_bookmark_with_a_letter_and_old_files_load() -> None:
    mark = Bookmark(Anchor(5, "x"), "mark a", 1.0, mark="a")
    assert Bookmark.from_dict(mark.to_dict()) == mark
    assert Bookmark.from_dict({**mark.to_dict(), "mark": "ab"}).mark == ""


async def test_m_letter_sets_and_quote_letter_goes_back_across_runs(book_path: Path) -> None:
    app = reader_app(book_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        await pilot.press("2", "right_curly_bracket")
        place = shown_rows(screen)
        await pilot.press("m")
        assert "mark: a letter" in str(screen.status.render())
        await pilot.press("a")
        assert "mark ‘a’ set" in str(screen.status.render())  # on the status line, off the page
        await pilot.press("G", "apostrophe", "a")
        assert shown_rows(screen) == place
        await pilot.press("apostrophe", "apostrophe")  # '' : back to where the jump left
        assert screen.view.pager.at_end
        await pilot.press("grave_accent", "z")
        assert "no mark ‘z’: set it with m z" in str(screen.status.render())
        assert not notices(app)  # on the status line, not over the page
    app = reader_app(book_path, library=Library.open())
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        await pilot.press("g", "apostrophe", "a")
        assert shown_rows(screen) == place


@pytest.mark.parametrize("letter", ["t", "p", "M"])
async def test_a_mark_named_by_the_letter_of_a_dialogs_key_is_a_mark(
    book_path: Path, letter: str
) -> None:
    # `m t` opened the contents, `m p` the percentage prompt and `m M` the bookmark box, the
    # letters of those keys being read before the mark could have them.
    app = reader_app(book_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        await pilot.press("2", "right_curly_bracket")
        place = shown_rows(screen)
        await pilot.press("m", letter)
        await pilot.pause()
        assert app.screen is screen and f"mark ‘{letter}’ set" in str(screen.status.render())
        assert screen.prompts.bar is None or not screen.prompts.bar.display
        await pilot.press("G", "apostrophe", letter)
        await pilot.pause()
        assert app.screen is screen and shown_rows(screen) == place


async def test_what_the_status_line_said_goes_at_the_next_key(book_path: Path) -> None:
    """`'a` with no mark a says so; ctrl+o and Tab (with nowhere to go) come next, and the
    line no longer says it, as a message is of the key before."""
    app = reader_app(book_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        await pilot.press("apostrophe", "a")
        assert "no mark ‘a’" in str(screen.status.render())
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert "no mark" not in str(screen.status.render())
        await pilot.press("apostrophe", "a")
        assert "no mark ‘a’" in str(screen.status.render())
        await pilot.press("tab")
        await pilot.pause()
        assert "no mark" not in str(screen.status.render())


async def test_m_enter_and_quote_enter_reach_the_labelled_bookmarks(book_path: Path) -> None:
    app = reader_app(book_path)
    async with app.run_test(size=SIZE) as pilot:
        await wait_open(pilot)
        await pilot.press("m", "enter")
        await pilot.pause()
        assert isinstance(app.screen, BookmarkLabelScreen)
        await pilot.press(*"quay", "enter")
        await pilot.pause()
        await pilot.press("apostrophe", "enter")
        await pilot.pause()
        assert isinstance(app.screen, BookmarksScreen)
        assert [e.bookmark.label for e in app.screen.entries] == ["quay"]


async def test_tab_goes_forward_after_ctrl_o(book_path: Path) -> None:
    app = reader_app(book_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        await pilot.press("right_curly_bracket", "right_curly_bracket")
        assert top_text(screen) == "Chapter 2: The Bells"
        await pilot.press("ctrl+o")
        assert top_text(screen) == "Chapter 1: The Ledger"
        await pilot.press("tab")
        assert top_text(screen) == "Chapter 2: The Bells"
        await pilot.press("tab")
        assert "No later place to go to" in notices(app)


async def test_a_bookmark_is_renamed_from_its_list(book_path: Path) -> None:
    app = reader_app(book_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        await pilot.press("M", *"old", "enter")
        await pilot.pause()
        await pilot.press("B")
        await pilot.pause()
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, BookmarkLabelScreen)
        await pilot.press(*"new", "enter")  # the old label is selected: typing replaces it
        await pilot.pause()
        assert isinstance(app.screen, BookmarksScreen)
        assert [e.bookmark.label for e in app.screen.entries] == ["new"]
        await pilot.press("r")
        await pilot.pause()
        await pilot.press("end", *"er", "enter")  # ... and an arrow key keeps it to edit
        await pilot.pause()
        assert [e.bookmark.label for e in app.screen.entries] == ["newer"]
        assert [m.label for m in app.library.bookmarks(screen.book_id)] == ["newer"]


async def test_a_bookmark_removed_by_mistake_is_brought_back(book_path: Path) -> None:
    app = reader_app(book_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        await pilot.press("M", *"keep", "enter")
        await pilot.pause()
        await pilot.press("B")
        await pilot.pause()
        await pilot.press("x")
        await pilot.pause()
        assert app.screen.entries == []
        assert "Bookmark removed: u brings it back" in notices(app)
        await pilot.press("u")
        await pilot.pause()
        assert [e.bookmark.label for e in app.screen.entries] == ["keep"]
        assert [m.label for m in app.library.bookmarks(screen.book_id)] == ["keep"]
        assert "Bookmark back" in notices(app)  # in the place of the notice it answers
        assert not [n for n in notices(app) if n.startswith("Bookmark removed")]
        await pilot.press("u")
        await pilot.pause()
        assert notices(app) == ["No bookmark removed here to bring back"]
        await pilot.press("x")
        await pilot.pause()
        await pilot.press("escape")  # in the reader `u` is half a page up: the hint goes
        await pilot.pause()
        assert app.screen is screen
        assert not [n for n in notices(app) if "brings it back" in n]


async def test_quote_quote_swaps_between_the_last_two_places() -> None:
    """'' as in vim and less: back to where the last jump left, then back again, every time;
    ctrl+o still walks the whole jump list."""
    wuthering = Path(__file__).resolve().parents[1] / "fixtures" / "real"
    app = reader_app(wuthering / "pg_wuthering_heights.txt.gz")
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        await pilot.press("3", "0", "percent_sign")
        thirty = shown_rows(screen)
        await pilot.press("G")
        the_end = shown_rows(screen)
        await pilot.press("apostrophe", "apostrophe")
        assert shown_rows(screen) == thirty
        await pilot.press("apostrophe", "apostrophe")
        assert shown_rows(screen) == the_end
        await pilot.press("apostrophe", "apostrophe")
        assert shown_rows(screen) == thirty
        await pilot.press("5", "0", "percent_sign")
        fifty = shown_rows(screen)
        await pilot.press("slash", *"lockwood", "enter")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        hit = shown_rows(screen)
        assert hit != fifty
        await pilot.press("apostrophe", "apostrophe")
        assert shown_rows(screen) == fifty
        await pilot.press("apostrophe", "apostrophe")
        assert shown_rows(screen) == hit
        await pilot.press("ctrl+o")
        assert shown_rows(screen) == fifty
        await pilot.press("ctrl+o")
        assert shown_rows(screen) == thirty


async def test_the_word_that_a_mark_is_set_goes_with_the_next_move(book_path: Path) -> None:
    app = reader_app(book_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        await pilot.press("m", "a")
        assert "mark ‘a’ set" in str(screen.status.render())
        await pilot.press("right_curly_bracket")
        await pilot.pause()
        assert "set" not in str(screen.status.render())
        await pilot.press("m", "b", "apostrophe")
        status = str(screen.status.render())
        assert "go to mark: a letter" in status and "set" not in status


async def test_the_word_that_a_bookmark_was_made_goes_with_the_next_move(book_path: Path) -> None:
    # `Bookmarked: x` beside `80%` read as if the place gone to had been bookmarked.
    app = reader_app(book_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        await pilot.press("M", "x", "enter")
        await pilot.pause()
        assert "Bookmarked: x" in str(screen.status.render())
        await pilot.press("8", "0", "percent_sign")
        await pilot.pause()
        status = str(screen.status.render())
        assert "Bookmarked" not in status and "80%" in status, status


async def test_g_and_big_g_go_to_the_first_and_last_bookmark_as_in_the_contents(
    book_path: Path,
) -> None:
    from tui.ui.dialogs.bookmarks import BookmarkOptions

    app = reader_app(book_path)
    async with app.run_test(size=SIZE) as pilot:
        await wait_open(pilot)
        for label in ("one", "two", "three"):
            await pilot.press("M", *label, "enter", "right_curly_bracket")
            await pilot.pause()
        await pilot.press("B")
        await pilot.pause()
        options = app.screen.query_one(BookmarkOptions)
        await pilot.press("G")
        assert options.highlighted == options.option_count - 1 == 2
        await pilot.press("g")
        assert options.highlighted == 0


def screen_lines(app) -> list[str]:
    """The terminal's rows as a screenshot of the app shows them, in plain text."""
    svg = app.export_screenshot()
    rows: dict[float, str] = {}
    for y, text in re.findall(r'<text[^>]*\by="([0-9.]+)"[^>]*>(.*?)</text>', svg, flags=re.S):
        rows[float(y)] = rows.get(float(y), "") + html.unescape(text).replace("\xa0", " ")
    return [rows[y] for y in sorted(rows)]


async def test_a_renamed_mark_shows_its_letter_and_keeps_its_label_when_set_again(
    book_path: Path,
) -> None:
    app = reader_app(book_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        await pilot.press("2", "right_curly_bracket", "m", "a", "B")
        await pilot.pause()
        await pilot.press("r", *"tellme", "enter")
        await pilot.pause()
        assert any("'a tellme" in row for row in screen_lines(app))
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("m", "a")  # set again at the same place
        assert "mark ‘a’ (tellme) set" in str(screen.status.render())
        assert [(m.mark, m.label) for m in app.library.bookmarks(screen.book_id)] == [
            ("a", "tellme")
        ]
        await pilot.press("G", "apostrophe", "a")
        assert top_text(screen) == "Chapter 2: The Bells"  # the letter still goes there


async def test_the_bookmark_lists_header_stays_one_line_after_a_removal(book_path: Path) -> None:
    app = reader_app(book_path)
    async with app.run_test(size=SIZE) as pilot:
        await wait_open(pilot)
        for label in ("first", "second", "third"):
            await pilot.press("right_curly_bracket", "M", *label, "enter")
            await pilot.pause()
        await pilot.press("B")
        await pilot.pause()
        rows = screen_lines(app)
        header = next(y for y, row in enumerate(rows) if "Bookmarks (3)" in row)
        below = next(y for y, row in enumerate(rows) if "first" in row) - header
        await pilot.press("x")
        await pilot.pause()
        rows = screen_lines(app)
        header = next(y for y, row in enumerate(rows) if "Bookmarks (2)" in row)
        assert "u undo · esc close" in rows[header]  # the whole header, on its one line
        assert "second" in rows[header + below]  # the list right under it, as before


async def test_quote_quote_right_after_ctrl_o_goes_back_to_where_ctrl_o_left() -> None:
    """In vim the first ctrl+o records where you were: `G`, ctrl+o, '' is the end again."""
    real = Path(__file__).resolve().parents[1] / "fixtures" / "real"
    app = reader_app(real / "pg_great_expectations.txt.gz")
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        start = shown_rows(screen)
        await pilot.press("G")
        the_end = shown_rows(screen)
        await pilot.press("ctrl+o")
        assert shown_rows(screen) == start
        await pilot.press("apostrophe", "apostrophe")
        assert shown_rows(screen) == the_end
        assert not [n for n in notices(app) if "No earlier place" in n]
        await pilot.press("apostrophe", "apostrophe")
        assert shown_rows(screen) == start


async def test_the_jump_list_is_kept_for_ctrl_o_after_a_restart(book_path: Path) -> None:
    app = reader_app(book_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        await pilot.press("2", "right_curly_bracket")  # a jump to chapter 2
        await pilot.pause()
        second = shown_rows(screen)
        await pilot.press("G", "k", "j")  # and from there to the end, read on there
        await pilot.pause()
        await pilot.press("q")
    app = reader_app(book_path, library=Library.open())
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        await wait_for(pilot, lambda: len(screen.session.jumps) > 0)
        await pilot.press("ctrl+o")  # back to where the last jump of the last reading left
        await pilot.pause()
        assert shown_rows(screen) == second


async def test_bookmarking_a_place_again_names_the_bookmark_there_and_adds_no_copy(
    book_path: Path,
) -> None:
    """`M` Enter twice at one place: one bookmark, and the second time the status line says
    which bookmark is there. The box offers that bookmark's label, so a new one renames it
    (as vim's `ma` sets mark a again) rather than adding a second bookmark at the place."""
    app = reader_app(book_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        await pilot.press("3", "j")
        for _ in range(2):
            await pilot.press("M", "enter")
            await pilot.pause()
        assert "Already bookmarked here: (no label)" in str(screen.status.render())
        assert [m.label for m in app.library.bookmarks(screen.book_id)] == [""]
        await pilot.press("M")
        await pilot.pause()
        assert "Bookmarked here already" in str(app.screen.query_one("#bookmark-keys").render())
        await pilot.press(*"dock", "enter")
        await pilot.pause()
        assert "Bookmark here renamed: (no label) → dock" in str(screen.status.render())
        await pilot.press("M", "enter")  # the label offered is kept as it is
        await pilot.pause()
        assert "Already bookmarked here: dock" in str(screen.status.render())
        assert [m.label for m in app.library.bookmarks(screen.book_id)] == ["dock"]
        await pilot.press("j", "M", "enter")  # a line on is another place
        await pilot.pause()
        assert [m.label for m in app.library.bookmarks(screen.book_id)] == ["dock", ""]


@pytest.mark.parametrize("keys", [("x",), ("d", "d")], ids=["x", "dd"])
async def test_x_and_dd_remove_the_highlighted_bookmark_as_delete_does(
    book_path: Path, keys: tuple[str, ...]
) -> None:
    app = reader_app(book_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        await pilot.press("M", *"first", "enter")
        await pilot.pause()
        await pilot.press("right_curly_bracket", "M", *"second", "enter")
        await pilot.pause()
        await pilot.press("B")
        await pilot.pause()
        await pilot.press("d", "j", "d")  # a d, then another key: no dd
        await pilot.pause()
        assert [e.bookmark.label for e in app.screen.entries] == ["first", "second"]
        await pilot.press("escape", "B")  # (a lone d left over waits no longer)
        await pilot.pause()
        await pilot.press("g", *keys)
        await pilot.pause()
        assert [e.bookmark.label for e in app.screen.entries] == ["second"]
        assert "Bookmark removed: u brings it back" in notices(app)
        await pilot.press("u")
        await pilot.pause()
        assert [m.label for m in app.library.bookmarks(screen.book_id)] == ["first", "second"]


async def test_a_mark_waiting_for_its_letter_after_a_click_off_the_page_never_shuts_keys_out(
    book_path: Path,
) -> None:
    # `m`, then the focus taken off the page (a click elsewhere): every reader action stands
    # aside while the letter is awaited, and the letter went nowhere, so Escape and the help
    # key did nothing, ever again.
    app = reader_app(book_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        await pilot.press("m")
        screen.set_focus(None)
        await pilot.press("escape")
        assert "mark: a letter" not in str(screen.status.render())
        await pilot.press("f1")
        await wait_for(pilot, lambda: isinstance(app.screen, HelpScreen))
