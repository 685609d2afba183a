"""A library that cannot be saved is said while reading, once.

For example a read-only data folder or a full disk. The place read to used to be lost without a
word (Pilot).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from reader_support import notices, reader_app, settle, wait_for, wait_open

import tui.library.library as library_module
from tui.storage import StoreError

SIZE = (80, 24)
REASON = "cannot lock /data/chapbook: Permission denied"


def _line(notice: str) -> str:
    """A notice as one line (it is broken to the notice's width)."""
    return " ".join(notice.split())


def _refused(*args: object, **kw: object) -> None:
    raise StoreError(REASON)


async def test_a_place_that_cannot_be_saved_is_said_once(
    book_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = reader_app(book_path)
    monkeypatch.setattr(library_module, "locked", _refused)
    said = f"Your place and bookmarks are not being saved: {REASON}"
    async with app.run_test(size=SIZE) as pilot:
        await wait_open(pilot)
        await pilot.press("space")
        await wait_for(pilot, lambda: any(said in _line(n) for n in notices(app)), timeout=10)
        for _ in range(3):  # (every save fails alike: said once, not once a second)
            await pilot.press("space")
            await pilot.pause(1.2)
        await settle(pilot)
        assert sum(said in _line(n) for n in notices(app)) == 1
        assert [n.title for n in app._notifications].count("Not saved") == 1
        monkeypatch.undo()  # the folder can be written again: the next save goes through
        await pilot.press("space")
        await wait_for(pilot, lambda: app.library.not_saved is None, timeout=10)
