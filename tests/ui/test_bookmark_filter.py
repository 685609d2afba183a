"""`/` in the bookmark list filters it by label and quote, as the contents' filter does."""

from __future__ import annotations

from pathlib import Path

from reader_support import reader_app, top_text, wait_open
from textual.widgets import Label

from tui.book.anchor import Anchor, Bookmark
from tui.reading.bookmarks import BookmarkRow, bookmarks_holding
from tui.ui.dialogs.bookmarks import BookmarkOptions, BookmarksScreen

SIZE = (80, 24)
LABELS = ("ferry landing", "Bells at night", "flats by night")


async def _marked(pilot) -> None:
    for label in LABELS:
        await pilot.press("right_curly_bracket", "M", *label, "enter")
        await pilot.pause()
    await pilot.press("B")
    await pilot.pause()


def _header(app) -> str:
    return str(app.screen.query_one("#bookmarks-header", Label).render())


def _said(app) -> str:
    """What the list's one disabled row says (none kept)."""
    return str(app.screen.query_one(BookmarkOptions).get_option_at_index(0).prompt)


def _row(label: str, snippet: str = "", quote: str = "") -> BookmarkRow:
    return BookmarkRow(Bookmark(Anchor(0, "x"), label, 1.0, quote=quote), "Ch 1", 0.1, snippet)


def test_the_filter_keeps_bookmarks_whose_label_or_quote_holds_every_word() -> None:
    rows = [
        _row("ferry landing", "The ferry had not run"),
        _row("Bells", "the bell on the post"),
        _row("", quote="Anne’s lantern burned low"),
    ]
    assert bookmarks_holding(rows, "ferry") == [0]
    assert bookmarks_holding(rows, "bell post") == [1]  # every word, label or quote
    assert bookmarks_holding(rows, "bells") == [1]  # small letters: any case
    assert bookmarks_holding(rows, "Bell") == [1]  # a capital: as written
    assert bookmarks_holding(rows, "The") == [0]
    assert bookmarks_holding(rows, "annes lantern") == [2]  # apostrophes aside
    assert bookmarks_holding(rows, "zeppelin") == []


async def test_slash_filters_the_bookmarks_and_enter_jumps(book_path: Path) -> None:
    app = reader_app(book_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        await _marked(pilot)
        assert isinstance(app.screen, BookmarksScreen)
        assert "/ filter" in _header(app)  # the header says the key
        options = app.screen.query_one(BookmarkOptions)
        assert options.option_count == 3
        await pilot.press("slash", *"Bells")  # smart case; `B` and `r` are typed, not keys
        await pilot.pause()
        assert isinstance(app.screen, BookmarksScreen) and options.option_count == 1
        assert _header(app).startswith("Bookmarks (1 of 3) · ↓↑ choose")
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is screen
        assert top_text(screen) == "Chapter 2: The Bells"


async def test_down_while_typing_chooses_among_those_kept(book_path: Path) -> None:
    app = reader_app(book_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        await _marked(pilot)
        options = app.screen.query_one(BookmarkOptions)
        await pilot.press("slash", *"night")  # `Bells at night`, `flats by night`
        await pilot.pause()
        assert options.option_count == 2 and options.highlighted == 0
        await pilot.press("down")
        await pilot.pause()
        assert options.highlighted == 1
        assert isinstance(app.screen, BookmarksScreen)
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is screen
        assert top_text(screen) == "Chapter 3: The Flats"


async def test_escape_clears_the_bookmark_filter_then_closes(book_path: Path) -> None:
    app = reader_app(book_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        await _marked(pilot)
        options = app.screen.query_one(BookmarkOptions)
        await pilot.press("slash", *"zeppelin")
        await pilot.pause()
        assert options.option_count == 1
        assert _said(app) == "No bookmark's label or quote holds these words"
        await pilot.press("enter")  # nothing to jump to: the list stays
        await pilot.pause()
        assert isinstance(app.screen, BookmarksScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, BookmarksScreen) and options.option_count == 3
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen


async def test_removing_a_bookmark_found_by_the_filter_removes_that_one(book_path: Path) -> None:
    app = reader_app(book_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        await _marked(pilot)
        options = app.screen.query_one(BookmarkOptions)
        await pilot.press("slash", *"flats", "down")
        await pilot.pause()
        options.focus()  # (the list's keys again, the filter still on)
        await pilot.press("x")
        await pilot.pause()
        left = [mark.label for mark in app.library.bookmarks(screen.book_id)]
        assert left == ["ferry landing", "Bells at night"]


async def test_the_empty_list_takes_no_filter_and_says_so(book_path: Path) -> None:
    """With no bookmarks, `/` opens no filter to type into (it could keep nothing): the
    header says there is nothing to filter, and keys typed after are the list's."""
    app = reader_app(book_path)
    async with app.run_test(size=SIZE) as pilot:
        await wait_open(pilot)
        await pilot.press("B")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, BookmarksScreen)
        await pilot.press("slash", *"ferry")
        await pilot.pause()
        assert not dialog.list_filter.is_open and dialog.list_filter.words == ""
        assert _header(app).startswith("No bookmarks yet") and "nothing to filter" in _header(app)
