"""The bookmark label dialog keeps the page it marks in sight, and quotes the paragraph."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from reader_support import reader_app, shown_rows, wait_open

from tui.reading.bookmarks import bookmark_snippet
from tui.ui.dialogs.bookmarks import BookmarkLabelScreen

SIZE = (80, 24)


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
        quote = str(app.screen.query_one("#bookmark-quote").content)  # (uncut)
        assert quote.startswith("“" + opening)
        await pilot.press(*"dock", "enter")
        await pilot.pause()
        await pilot.press("B")
        await pilot.pause()
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, BookmarkLabelScreen)  # renaming quotes it too
        assert str(app.screen.query_one("#bookmark-quote").content).startswith("“" + opening)


def screen_lines(app) -> list[str]:
    """The terminal's rows as the user sees them, the dialog over the list."""
    return [strip.text for strip in app.screen._compositor.render_strips()]


@pytest.mark.parametrize("size", [(80, 24), (60, 20)])
async def test_the_rename_box_sits_in_the_list_not_across_its_border(
    book_path: Path, size: tuple[int, int]
) -> None:
    """`B` then `r`: the label box is drawn whole over the list it renames from, and the
    list's bottom border stays one unbroken line (not `╰───│ Bookmark: …│───╯`)."""
    from textual.containers import Vertical

    from tui.ui.dialogs.bookmarks import BookmarksScreen

    app = reader_app(book_path)
    async with app.run_test(size=size) as pilot:
        await wait_open(pilot)
        for _ in range(3):
            await pilot.press("right_curly_bracket", "M", "enter")
            await pilot.pause()
        await pilot.press("B")
        await pilot.pause()
        listing = app.screen
        assert isinstance(listing, BookmarksScreen)
        frame = listing.query_one(Vertical).region
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, BookmarkLabelScreen)
        box = app.screen.query_one(Vertical).region
        # The lower panel of the list's frame: as wide, ending on its bottom border, the
        # list's header still in view above it.
        assert (box.x, box.width, box.bottom) == (frame.x, frame.width, frame.bottom)
        assert frame.y + 1 < box.y, (frame, box)
        lines = screen_lines(app)
        bottom = lines[frame.bottom - 1][frame.x : frame.right]
        assert bottom == "╰" + "─" * (frame.width - 2) + "╯", bottom
        top = lines[box.y][box.x : box.right]
        assert top == "╭" + "─" * (box.width - 2) + "╮", top


async def test_the_label_box_keeps_its_cursor_in_view_as_the_terminal_shrinks(
    book_path: Path,
) -> None:
    """A long label being typed: the terminal made smaller, then smaller again, the box
    still shows the end of what was typed with the cursor after it, not a middle stretch
    with the cursor off its right edge."""
    from tui.ui.widgets.safe_input import SafeInput

    label = "the night Mara found the ledger under the floorboards by the stove"
    app = reader_app(book_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_open(pilot)
        await pilot.press("M")
        await pilot.pause()
        await pilot.press(*label)
        await pilot.pause()
        box = app.screen.query_one(SafeInput)
        for size in ((60, 20), (40, 12)):
            await pilot.resize_terminal(*size)
            await pilot.pause()
            await pilot.pause()
            content = box.content_region
            shown = screen_lines(app)[content.y][content.x : content.right].strip()
            assert shown.endswith("by the stove") and label.endswith(shown), (size, shown)
            # (at the end of the text the cursor is the cell after it, in the box's padding)
            assert content.x <= box.cursor_screen_offset.x <= content.right


LONG_QUOTE = (
    "“Sorry to keep you waiting at the lantern shop so late,” said Mara, and she went on "
    "counting the lanterns on the shelf by the door, one by one, as the rain came down.\n"
)


@pytest.mark.parametrize("size", [(80, 24), (50, 15)])
async def test_a_quote_cut_at_the_edge_shows_one_ellipsis_and_is_closed(
    tmp_path: Path, size: tuple[int, int]
) -> None:
    """The words a bookmark quotes, cut where the label box and the list's rows end: one `…`
    and the quotation closed after it (`“Sorry to keep you…”`), where the widget's own cut
    showed `“Sorry to keep you waiting at the lantern shop so late,” said…` with no closing
    mark, or `…` twice."""
    from reader_support import write_story

    book = write_story(tmp_path / "shop.txt", "Chapter 1\n\n" + LONG_QUOTE * 30)
    app = reader_app(book)
    async with app.run_test(size=size) as pilot:
        await wait_open(pilot)
        await pilot.press("j", "j", "M")
        await pilot.pause()
        row = next(line for line in screen_lines(app) if "│ “Sorry" in line)  # (in the box)
        quote = row[row.index("“Sorry") :].split("│")[0].rstrip()
        assert quote.endswith("…”") and quote.count("…") == 1, quote
        await pilot.press(*"shop", "enter", "G", "Y")  # a label, and a quote of the page
        await pilot.pause()
        await pilot.press("B")
        await pilot.pause()
        rows = [line for line in screen_lines(app) if "“" in line and "▎" in line]
        assert rows, screen_lines(app)
        for line in rows:
            said = line[line.index("“") : line.rindex("▎")].rstrip()
            said = said.rsplit(" ", 1)[0] if said.endswith("%") else said
            assert said.count("…") <= 1 and said.count("“") == said.count("”"), said
