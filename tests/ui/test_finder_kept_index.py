"""The finder's word index is kept per book.

A book opened again, in this run or the next, finds its scenes at once, without indexing its
words again (Pilot, at 80x24).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from reader_support import lantern_book, reader_app, wait_for, wait_open
from textual.widgets import Label

from tui.finder import cache
from tui.ui.dialogs.finder import QueryInput
from tui.ui.dialogs.finder_book import BookFinderScreen

SIZE = (80, 24)


@pytest.fixture
def builds(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The books whose word index was built (their paragraph counts), one entry a build."""
    built: list[int] = []
    real = cache.build_index

    def counted(book, *args, **kwargs):
        built.append(len(book.starts))
        return real(book, *args, **kwargs)

    monkeypatch.setattr(cache, "build_index", counted)
    return built


async def find_once(path: Path, query: str) -> tuple[str, str]:
    """Open the book, find ``query``: the finder's status line as it opened, and the top hit's
    label."""
    app = reader_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await wait_open(pilot)
        await pilot.pause(0.3)  # (a kept index is read back once the book is in)
        await pilot.press("ctrl+p")
        await wait_for(pilot, lambda: isinstance(app.screen, BookFinderScreen))
        finder = app.screen
        assert isinstance(finder, BookFinderScreen)
        await pilot.pause()
        opened = str(finder.query_one("#finder-status", Label).render())
        await pilot.press(*query)

        def settled() -> bool:
            shown = finder.query_one(QueryInput).value
            return finder.indexing is None and finder.shown_query == shown

        await wait_for(pilot, settled, timeout=20)
        top = finder.hits[0].label
        await pilot.press("escape", "q")
    return opened, top


async def test_a_book_opened_again_is_not_indexed_again(tmp_path: Path, builds) -> None:
    path = lantern_book(tmp_path)
    _opened, top = await find_once(path, "ledger")
    assert len(builds) == 1
    cache._INDEXES.clear()  # (as in the next run of chapbook: only the kept one is left)
    opened_again, top_again = await find_once(path, "ledger")
    assert len(builds) == 1  # read back, not built
    assert "Indexing" not in opened_again
    assert top_again == top


async def test_a_book_changed_since_is_indexed_again(tmp_path: Path, builds) -> None:
    path = lantern_book(tmp_path)
    await find_once(path, "ledger")
    path.write_text(path.read_text(encoding="utf-8") + "\n\nA last line of the ledger.\n")
    cache._INDEXES.clear()
    await find_once(path, "ledger")
    assert len(builds) == 2
