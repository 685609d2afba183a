"""A resize and a key that leaves the book, together: the book is left, and nothing raises.

The reader's column, moved by the resize, asks for the whole screen to be repainted once the new
layout is in; Textual runs that on the screen on top by then, and when that screen (the library,
busy looking at its files on a loaded machine) came to it only after the reader was gone, it
raised `NoScreen` and chapbook ended (found by the soak).
"""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from reader_support import lantern_book, reader_app, wait_open

from tui.ui.screens.library import LibraryScreen
from tui.ui.screens.reader import ReaderScreen


async def test_the_column_moved_as_the_reader_goes_raises_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    resumed = LibraryScreen.on_screen_resume

    async def busy_resume(self: LibraryScreen) -> None:
        await asyncio.sleep(0.5)  # the library slow to come back: a loaded machine
        resumed(self)

    monkeypatch.setattr(LibraryScreen, "on_screen_resume", busy_resume)
    book = lantern_book(tmp_path)
    app = reader_app(book)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_open(pilot)
        await pilot.press("L")
        await pilot.pause(0.6)
        library = app.screen
        reader = ReaderScreen(book)
        app.push_screen(reader)
        await wait_open(pilot)
        reader.view.fit(60)  # a resize moves the column ...
        app.pop_screen()  # ... and a key takes the reader away before it is drawn
        await pilot.pause(1.0)
        assert app.screen is library and not reader.is_attached
    # Leaving run_test raises what escaped the app.
