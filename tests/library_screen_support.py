"""Helpers for the library screen's Pilot tests.

The app over a library, its workers waited for, the titles it lists, and the reader it opens.
"""

from __future__ import annotations

from tui.library.library import Library
from tui.settings.settings import load_settings
from tui.ui.app import ChapbookApp
from tui.ui.screens.library import LibraryScreen
from tui.ui.screens.registry import ChapbookScreens
from tui.ui.widgets.library_table import LibraryTable

SIZE = (100, 30)  # the terminal the library tests run in, unless a test needs another


def library_app(library: Library) -> ChapbookApp:
    settings, _problems = load_settings(None)
    return ChapbookApp(settings, library, ChapbookScreens())


async def settle(pilot) -> LibraryScreen:
    """Wait for the library's workers (the file check on start) and return the screen."""
    for _ in range(2):  # the check starts once the list is first drawn
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()
    screen = pilot.app.screen
    assert isinstance(screen, LibraryScreen)
    return screen


def titles(screen: LibraryScreen) -> list[str]:
    return [r.display_title for r in screen.query_one(LibraryTable).rows]


async def remove_highlighted(pilot, key: str = "x") -> None:
    """Remove the book under the cursor as a reader does: the remove ``key``, then `y` once
    the question is on screen (a `y` typed before it was asked does not answer it)."""
    from reader_support import wait_for

    from tui.ui.dialogs.library import ConfirmRemove

    await pilot.press(key)
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, ConfirmRemove))
    await pilot.press("y")


async def wait_reader_open(pilot) -> None:
    for _ in range(100):  # the reader opens the book in stages
        await pilot.pause(0.05)
        screen = pilot.app.screen
        if type(screen).__name__ == "ReaderScreen" and screen.session.book is not None:
            return
    raise AssertionError("the book never opened")
