"""The bookmark label dialog keeps the page it marks in sight, and quotes the paragraph."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from reader_support import lantern_book, reader_app, shown_rows, wait_open

from tui.reading.bookmarks import bookmark_snippet
from tui.ui.dialogs.bookmarks import BookmarkLabelScreen

SIZE = (80, 24)


@pytest.fixture
def book_path(tmp_path: Path) -> Path:
    return lantern_book(tmp_path)


def terminal_text(app) -> str:
    """Every character the terminal shows, as the text of a screenshot of the app."""
    svg = app.export_screenshot()
    texts = re.findall(r"<text[^>]*>(.*?)</text>", svg, flags=re.S)
    return html.unescape("".join(texts)).replace("\xa0", " ")


async def test_the_page_stays_visible_behind_the_label_dialog(book_path: Path) -> None:
    app = reader_app(book_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        await pilot.press("right_curly_bracket", "j", "j")
        rows = [row for row in shown_rows(screen) if row]
        await pilot.press("M")
        await pilot.pause()
        assert isinstance(app.screen, BookmarkLabelScreen)
        shown = terminal_text(app)
        assert "Bookmark:" in shown
        # The top of the page, where the bookmark goes, shows above the dialog.
        assert rows[0] in shown
        assert rows[1] in shown


async def test_the_label_dialog_quotes_the_paragraph_being_marked(book_path: Path) -> None:
    app = reader_app(book_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        await pilot.press("right_curly_bracket", "j", "j", "j")
        opening = " ".join(bookmark_snippet(screen.book, screen.view.pager.top_para()).split()[:3])
        await pilot.press("M")
        await pilot.pause()
        quote = str(app.screen.query_one("#bookmark-quote").render())
        assert quote.startswith("“" + opening)
        await pilot.press(*"dock", "enter")
        await pilot.pause()
        await pilot.press("B")
        await pilot.pause()
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, BookmarkLabelScreen)  # renaming quotes it too
        assert str(app.screen.query_one("#bookmark-quote").render()).startswith("“" + opening)
