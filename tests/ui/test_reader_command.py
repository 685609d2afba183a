"""`:` opens a one-line command prompt, as in vim: a line number goes there, q quits."""

from __future__ import annotations

from pathlib import Path

import pytest
from reader_support import lantern_book, notices, reader_app, top_text, wait_open

SIZE = (80, 24)


@pytest.fixture
def book_path(tmp_path: Path) -> Path:
    return lantern_book(tmp_path)


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
        await pilot.press("colon", *"set nu", "enter")
        await pilot.pause()
        assert top_text(screen) == top
        said = " ".join(notices(app))
        assert "“:set nu” is not a chapbook command" in said
        assert ":200 goes to line 200" in said and "q (quit)" in said and "h (the help)" in said


async def test_colon_h_opens_the_help(book_path: Path) -> None:
    from tui.ui.dialogs.help import HelpScreen

    app = reader_app(book_path)
    async with app.run_test(size=SIZE) as pilot:
        await wait_open(pilot)
        await pilot.press("colon", "h", "enter")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
