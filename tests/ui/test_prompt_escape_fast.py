"""Escape then a key typed fast in a prompt closes it and then does what the key does.

Escape then a key typed fast in a prompt (which the terminal, and tmux within its escape-time,
send as alt and the key, the key's character with it) closes the prompt and then does what the
key does, as the two keys typed slowly do: the box never takes the key.
"""

from __future__ import annotations

from pathlib import Path

from library_screen_support import library_app, settle
from library_support import fixed_library, populate
from reader_support import lantern_book, reader_app, wait_open
from textual import events
from textual.widgets import Input

from tui.ui.widgets.library_table import LibraryTable


async def typed_fast(pilot, key: str) -> None:
    """Escape then ``key`` in one read, as a terminal delivers them: alt+``key``, with the
    key's character (Pilot's own alt keys come without one)."""
    pilot.app.post_message(events.Key(f"alt+{key}", key))
    await pilot.pause()
    await pilot.pause()


async def test_escape_then_j_in_the_search_prompt_closes_it_and_moves_a_line(
    tmp_path: Path,
) -> None:
    app = reader_app(lantern_book(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await wait_open(pilot)
        top = screen.view.top_offset()
        await pilot.press("slash", *"abc")
        await pilot.pause()
        box = app.focused
        assert isinstance(box, Input)
        await typed_fast(pilot, "j")
        assert box.value == "abc"  # (not `abcj`)
        assert not isinstance(app.focused, Input)  # the prompt closed
        assert screen.view.top_offset() > top  # and j moved a line


async def test_escape_then_G_in_the_command_prompt_goes_to_the_end(tmp_path: Path) -> None:
    app = reader_app(lantern_book(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await wait_open(pilot)
        await pilot.press("colon", *"12")
        await pilot.pause()
        pilot.app.post_message(events.Key("alt+shift+g", "G"))
        await pilot.pause()
        await pilot.pause()
        assert not isinstance(app.focused, Input)
        assert screen.view.pager.at_end


async def test_escape_then_j_in_the_library_add_prompt_closes_it_and_moves_down(
    tmp_path: Path,
) -> None:
    library = fixed_library()
    populate(library, tmp_path, 12)
    async with library_app(library).run_test(size=(80, 24)) as pilot:
        screen = await settle(pilot)
        table = screen.query_one(LibraryTable)
        first = table.cursor
        await pilot.press("a", *"/tmp")
        await pilot.pause()
        box = pilot.app.focused
        assert isinstance(box, Input)
        await typed_fast(pilot, "j")
        assert box.value == "/tmp"
        assert table.has_focus
        assert table.cursor == first + 1
