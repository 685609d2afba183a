"""Two windows on one book: a bookmark or a mark made in one shows in the other.

A bookmark or a mark made (or removed) in one shows in the other within a few seconds, and
neither window's own is lost.
"""

from __future__ import annotations

from pathlib import Path

from reader_support import reader_app, shown_rows, wait_for, wait_open

from tui.library.library import Library
from tui.reading.bookmarks import new_bookmark
from tui.ui.dialogs.bookmarks import BookmarksScreen
from tui.ui.screens import reader_watching as watching_module

SIZE = (80, 24)


async def listed(pilot) -> list[str]:
    """`B`: the bookmarks listed, then the list closed."""
    await pilot.press("B")
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, BookmarksScreen))
    labels = [entry.bookmark.label for entry in pilot.app.screen.entries]
    await pilot.press("escape")
    await pilot.pause()
    return labels


async def test_bookmarks_and_marks_of_another_window_show_within_seconds(
    book_path: Path, monkeypatch
) -> None:
    monkeypatch.setattr(watching_module, "FILE_LOOKED_AT_EVERY", 0.3)
    app = reader_app(book_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        book, book_id = screen.session.book, screen.session.book_id
        assert await listed(pilot) == []
        # The other window (another chapbook) bookmarks chapter 2 and marks it x.
        other = Library.open()
        at = book.text.index("Chapter 2")
        other.add_bookmark(book_id, new_bookmark(book, at, "from one"))
        other.add_bookmark(book_id, new_bookmark(book, at, "mark x", mark="x"))
        other.save()
        await wait_for(pilot, lambda: len(app.library.bookmarks(book_id)) == 2, timeout=5)
        assert await listed(pilot) == ["from one", "mark x"]
        await pilot.press("apostrophe", "x")
        await pilot.pause()
        assert shown_rows(screen)[0].strip() == "Chapter 2: The Bells"
        # This window's own, and the other's deletion of its bookmark.
        await pilot.press("m", "y")
        await pilot.pause()
        [theirs] = [b for b in other.bookmarks(book_id) if b.label == "from one"]
        other.remove_bookmark(book_id, theirs)
        other.save()
        await wait_for(pilot, lambda: len(app.library.bookmarks(book_id)) == 2, timeout=5)
        assert await listed(pilot) == ["mark x", "mark y"]
        await pilot.press("q")
    assert [b.label for b in Library.open().bookmarks(book_id)] == ["mark x", "mark y"]
