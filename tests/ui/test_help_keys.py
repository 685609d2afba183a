"""The help screen scrolls with the reader's own keys, and lists ctrl+l.

`ctrl+l` redraws the reader (Pilot).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from reader_support import reader_app, wait_open

SIZE = (80, 24)


async def open_help(pilot):
    await pilot.press("f1")  # (the help's key in every keymap: the vim preset's h is left)
    await pilot.pause()
    listing = pilot.app.screen.query_one("HelpList")
    assert listing.max_scroll_y > 0  # the list is longer than the screen at 80x24
    return listing


def first_row(listing) -> str:
    """The description of the first action the help shows at the top of its box."""
    from tui.ui.dialogs.help import HelpRows

    return listing.query_one(HelpRows).render_line(int(listing.scroll_y)).text.strip()


@pytest.mark.parametrize(
    ("down", "up", "rows"),
    [
        ("ctrl+d", "ctrl+u", "half"),
        ("d", "u", "half"),
        ("ctrl+f", "ctrl+b", "page"),
        ("space", "b", "page"),
        ("pagedown", "pageup", "page"),
    ],
)
async def test_the_help_scrolls_with_the_readers_paging_keys(
    book_path: Path, down: str, up: str, rows: str
) -> None:
    app = reader_app(book_path)
    async with app.run_test(size=SIZE) as pilot:
        await wait_open(pilot)
        listing = await open_help(pilot)
        page = listing.scrollable_content_region.height
        shown_first = first_row(listing)
        await pilot.press(down)
        await pilot.pause()
        assert listing.scroll_y == (page // 2 if rows == "half" else page)
        assert first_row(listing) != shown_first
        await pilot.press(up)
        await pilot.pause()
        assert listing.scroll_y == 0 and first_row(listing) == shown_first


async def test_the_help_lists_ctrl_l_to_redraw_the_screen(book_path: Path) -> None:
    app = reader_app(book_path)
    async with app.run_test(size=SIZE) as pilot:
        await wait_open(pilot)
        await open_help(pilot)
        from tui.ui.dialogs.help import HelpRows

        rows = {description: keys for keys, description in app.screen.query_one(HelpRows).rows}
        assert rows["Redraw the whole screen"] == "ctrl+l"


async def test_ctrl_l_sends_every_row_of_the_reader_again(book_path: Path) -> None:
    """Over a flaky connection the terminal may show garbage: ctrl+l draws each row anew,
    though nothing in the book changed (otherwise only changed rows are sent)."""
    app = reader_app(book_path)
    async with app.run_test(size=SIZE) as pilot:
        reader = await wait_open(pilot)
        await pilot.pause()
        drawn: list[int] = []
        draw = reader.view.render_line

        def render_line(y: int):
            drawn.append(y)
            return draw(y)

        reader.view.render_line = render_line
        await pilot.pause()
        assert drawn == []  # nothing changed, nothing is sent
        before = [draw(y).text for y in range(reader.view.size.height)]
        await pilot.press("ctrl+l")
        await pilot.pause()
        await pilot.pause()
        assert set(drawn) == set(range(reader.view.size.height))
        assert [draw(y).text for y in range(reader.view.size.height)] == before  # same page


async def test_the_help_is_a_few_widgets_so_it_opens_at_once(book_path: Path) -> None:
    """A row of three widgets for each of some forty actions took 0.34-0.47 s to lay out each
    time the help opened (the contents, one list, 0.1 s): the rows are one widget now."""
    from tui.ui.dialogs.help import HelpRows, HelpScreen

    app = reader_app(book_path)
    async with app.run_test(size=SIZE) as pilot:
        await wait_open(pilot)
        await pilot.press("h")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        assert len(app.screen.query_one(HelpRows).rows) > 40  # every action is listed
        assert len(list(app.screen.query("*"))) < 20


@pytest.mark.parametrize("keymap", ["default", "vim", "less", "emacs"])
async def test_at_80_columns_every_rows_keys_stay_on_its_line(book_path: Path, keymap) -> None:
    """The reader's first row broke its seven keys over two lines (`j  Down  Enter  ctrl+e` /
    `e  J  ctrl+n`), the second reading as a row of keys without an action: each row's keys
    are on its first line, the description beside them."""
    from tui.settings.keymaps import preset_keys
    from tui.settings.settings import load_settings
    from tui.ui.dialogs.help import HelpRows

    settings, _ = load_settings(None)
    settings.keymap, settings.keys = keymap, preset_keys(keymap)
    app = reader_app(book_path, settings=settings)
    async with app.run_test(size=SIZE) as pilot:
        await wait_open(pilot)
        listing = await open_help(pilot)
        rows = listing.query_one(HelpRows)
        shown = [rows.render_line(y).text.rstrip() for y in range(rows.size.height)]
        column = rows.keys_width(rows.content_region.width)
        first_lines = [line for line in shown if line[:column].strip()]
        assert len(first_lines) == len(rows.rows)
        for (keys, description), line in zip(rows.rows, first_lines, strict=True):
            assert line[:column].strip() == keys
            assert line[column:].strip() and description.startswith(line[column:].split()[0])
