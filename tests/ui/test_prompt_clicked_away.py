"""A click on the page or the list while a prompt is open closes the prompt, as Escape would.

The focus went with the click, and the prompt stayed on screen, open but deaf, with Escape going
to the page (in the library, back to the book, the prompt still open when it came back; found by
the storm, which could not close it). The terminal window losing the focus (another window
clicked) leaves the prompt as it was.
"""

from __future__ import annotations

from pathlib import Path

from reader_support import lantern_book, reader_app, wait_open
from textual import events
from textual.widgets import Input

from tui.ui.widgets.prompt_bar import PromptBar


async def test_a_click_on_the_page_closes_the_readers_prompt(tmp_path: Path) -> None:
    app = reader_app(lantern_book(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        reader = await wait_open(pilot)
        place = reader.view.top_offset()
        await pilot.press("colon", "5", "0")
        bar = reader.query_one("#reader-prompt", PromptBar)
        assert bar.is_open
        await pilot.click(offset=(20, 5))
        await pilot.pause()
        assert not bar.is_open
        assert app.focused is reader.view
        assert reader.view.top_offset() == place  # cancelled, not gone to line 50


async def test_a_click_on_the_list_closes_the_librarys_prompt(tmp_path: Path) -> None:
    app = reader_app(lantern_book(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_open(pilot)
        await pilot.press("L")
        await pilot.pause()
        library = app.screen
        await pilot.press("colon", "q")  # (Enter would quit)
        bar = library.query_one("#library-command", PromptBar)
        assert bar.is_open
        await pilot.click(offset=(20, 2))
        await pilot.pause()
        assert not bar.is_open and app.is_running
        await pilot.press("escape")  # back to the book, as Escape in the list does
        await pilot.pause()
        await pilot.press("L")
        await pilot.pause()
        assert not bar.is_open


async def test_the_terminal_losing_the_focus_leaves_the_prompt_open(tmp_path: Path) -> None:
    app = reader_app(lantern_book(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        reader = await wait_open(pilot)
        await pilot.press("slash", *"lamp")
        bar = reader.query_one("#reader-prompt", PromptBar)
        app.post_message(events.AppBlur())
        await pilot.pause()
        app.post_message(events.AppFocus())
        await pilot.pause()
        assert bar.is_open
        await pilot.press("s")
        assert bar.query_one(Input).value == "lamps"


async def test_a_click_on_the_list_closes_the_librarys_add_prompt(tmp_path: Path) -> None:
    """The add prompt too: left open after the click with the path typed in it, it took no
    keys (they moved the list under it) and Escape took the library back to the book."""
    from tui.ui.widgets.path_prompt import PathPrompt

    app = reader_app(lantern_book(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        reader = await wait_open(pilot)
        await pilot.press("L")
        await pilot.pause()
        library = app.screen
        await pilot.press("a", *"nowhere")
        prompt = library.query_one("#library-add", PathPrompt)
        assert prompt.is_open
        await pilot.click(offset=(20, 2))
        await pilot.pause()
        assert not prompt.is_open
        assert app.focused is library.query_one("#library-table")
        await pilot.press("escape")  # back to the book, as Escape in the list does
        await pilot.pause()
        assert app.screen is reader


async def test_the_terminal_losing_the_focus_leaves_the_add_prompt_open(tmp_path: Path) -> None:
    from tui.ui.widgets.path_prompt import PathPrompt

    app = reader_app(lantern_book(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_open(pilot)
        await pilot.press("L")
        await pilot.pause()
        await pilot.press("a", *"/tm")
        prompt = app.screen.query_one("#library-add", PathPrompt)
        app.post_message(events.AppBlur())
        await pilot.pause()
        app.post_message(events.AppFocus())
        await pilot.pause()
        assert prompt.is_open
        await pilot.press("p")
        assert prompt.field.value == "/tmp"
