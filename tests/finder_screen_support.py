"""The finder overlay on a bare app, for the Pilot tests of tests/ui: open it, type, wait."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator, Callable
from typing import Any

from finder_support import lighthouse
from textual.app import App
from textual.pilot import Pilot

from tui.book.model import Book
from tui.ui.dialogs.finder import FinderScreen, QueryInput, ResultList

SIZE = (100, 34)


class FinderHost(App[None]):
    """A bare app that opens a finder and keeps what it was dismissed with."""

    def __init__(self, make_finder: Callable[[], FinderScreen[Any]]) -> None:
        super().__init__()
        self.make_finder = make_finder
        self.result: Any = "not dismissed"

    def on_mount(self) -> None:
        self.push_screen(self.make_finder(), self._dismissed)

    def _dismissed(self, value: Any) -> None:
        self.result = value


def book() -> Book:
    """The fixture story with a fixed outline (so snapshots do not follow parser changes)."""
    return lighthouse()


async def settle(pilot, screen: FinderScreen[Any], query: str | None = None) -> None:
    """Wait until the index is built and the results for the box's query are shown."""
    for _ in range(300):
        await pilot.pause(0.02)
        wanted = screen.query_one(QueryInput).value if query is None else query
        indexed = getattr(screen, "indexing", None) is None
        if indexed and screen.shown_query == wanted:
            return
    raise AssertionError("the finder did not settle")


@contextlib.asynccontextmanager
async def ready_finder(app: FinderHost) -> AsyncIterator[tuple[Pilot, FinderScreen[Any]]]:
    """Run the app until the finder shows its results for the empty query."""
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, FinderScreen)
        await settle(pilot, screen, "")
        yield pilot, screen


async def type_query(pilot, screen: FinderScreen, text: str) -> None:
    await pilot.press(*["space" if c == " " else c for c in text])
    await settle(pilot, screen, text)


def prompts(screen: FinderScreen[Any]) -> list[str]:
    results = screen.query_one(ResultList)
    return [str(results.get_option_at_index(i).prompt) for i in range(results.option_count)]


def preview_text(screen: FinderScreen[Any]) -> str:
    return str(screen.query_one("#finder-preview").render())


async def wait_shown(pilot, screen: FinderScreen[Any], query: str) -> None:
    """Wait until the hits for ``query`` are listed, indexed or not."""
    for _ in range(200):
        await pilot.pause(0.02)
        if screen.shown_query == query:
            return
    raise AssertionError(f"no hits listed for {query!r}")
