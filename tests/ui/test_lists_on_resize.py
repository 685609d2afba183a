"""Lists keep their highlighted row, and what follows it, in view on opening and on resize.

Lists keep their highlighted row in view, with what follows it in view too (never on the last
row with nothing after it), when they open and when the terminal is resized; the empty finder's
header counts what it lists.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from reader_support import lantern_book, reader_app, wait_for, wait_open

from tui.ui.dialogs.contents import ContentsOptions, ContentsScreen
from tui.ui.dialogs.finder import ResultList
from tui.ui.dialogs.finder_book import BookFinderScreen

SMALL, LARGE = (40, 12), (80, 24)


@pytest.fixture
def book_path(tmp_path: Path) -> Path:
    return lantern_book(tmp_path, chapters=12, scenes=3, paras=2)


def shown_lines(options) -> list[str]:
    """The list's rows as drawn, edges stripped."""
    height = options.scrollable_content_region.height
    return [options.render_line(y).text.strip() for y in range(height)]


def highlighted_lines(options) -> list[str]:
    """The highlighted option's rows, as its prompt has them."""
    prompt = options.get_option_at_index(options.highlighted).prompt
    return [line.strip() for line in str(prompt).split("\n")]


def draws(row: str, line: str) -> bool:
    """Whether ``row`` on screen is ``line``, or its start cut off with an ellipsis."""
    cut = row.rstrip("…").rstrip()
    return len(cut) >= min(len(line), 12) and line.startswith(cut)


def assert_highlight_in_view(options) -> None:
    shown = shown_lines(options)
    lines = highlighted_lines(options)
    assert any(draws(row, lines[0]) for row in shown), (lines, shown)
    if options.highlighted < options.option_count - 1 and len(shown) > 2 * len(lines):
        # something after it is in view: the list goes on below the current row
        assert not draws(shown[-1], lines[-1]), (lines, shown)


async def test_contents_keeps_the_current_chapter_in_view_across_resizes(
    book_path: Path,
) -> None:
    app = reader_app(book_path)
    async with app.run_test(size=LARGE) as pilot:
        await wait_open(pilot)
        await pilot.press("9", "right_curly_bracket", "t")
        await pilot.pause()
        assert isinstance(app.screen, ContentsScreen)
        options = app.screen.query_one(ContentsOptions)
        assert app.screen.rows[options.highlighted - 1].title.startswith("Chapter 9")
        await pilot.pause()
        assert_highlight_in_view(options)
        for size in (SMALL, LARGE, SMALL):
            await pilot.resize_terminal(*size)
            await pilot.pause()
            await pilot.pause()
            assert_highlight_in_view(options)


async def test_contents_opened_on_a_small_screen_shows_the_current_chapter(
    book_path: Path,
) -> None:
    app = reader_app(book_path)
    async with app.run_test(size=SMALL) as pilot:
        await wait_open(pilot)
        await pilot.press("6", "right_curly_bracket", "t")
        await pilot.pause()
        await pilot.pause()
        options = app.screen.query_one(ContentsOptions)
        assert app.screen.rows[options.highlighted - 1].title.startswith("Chapter 6")
        assert_highlight_in_view(options)


async def test_empty_finder_counts_its_bookmarks_and_keeps_its_highlight_on_resize(
    book_path: Path,
) -> None:
    app = reader_app(book_path)
    async with app.run_test(size=LARGE) as pilot:
        await wait_open(pilot)
        await pilot.press("m", "a", "6", "right_curly_bracket", "m", "b")
        await pilot.resize_terminal(*SMALL)
        await pilot.pause()
        await pilot.press("ctrl+p")
        await wait_for(pilot, lambda: isinstance(app.screen, BookFinderScreen))
        finder = app.screen
        await wait_for(pilot, lambda: finder.shown_query == "" and finder.indexing is None)
        status = str(finder.query_one("#finder-status").render())
        assert status == "2 bookmarks · 12 chapters"
        options = finder.query_one(ResultList)
        assert highlighted_lines(options)[0].startswith("# Chapter 6")
        await pilot.pause()
        assert_highlight_in_view(options)
        assert options.scroll_offset.y > 0  # the small list had to scroll to show it
        for size in (LARGE, SMALL, LARGE):
            await pilot.resize_terminal(*size)
            await pilot.pause()
            await pilot.pause()
            assert_highlight_in_view(options)
