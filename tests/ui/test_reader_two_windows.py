"""The same book open in two windows (two chapbooks): a place kept by the other one since is
not overwritten by a stray move in the window left open behind it (Pilot, with the other
chapbook's save written to the index as it writes it)."""

from __future__ import annotations

from pathlib import Path

from reader_support import lantern_book, reader_app, wait_open

from tui.book.anchor import make_anchor
from tui.library.library import Library

SIZE = (80, 24)


def read_on_elsewhere(path: Path, book, offset: int) -> None:
    """Another chapbook, in another window, reads the book to ``offset`` and saves."""
    other = Library.open()
    record = other.find_by_path(path)
    assert record is not None
    other.set_position(record.id, make_anchor(book, offset), at_end=False, moved=True)
    other.save()


def read_to_the_last_chapter_elsewhere(screen, path: Path) -> int:
    """With ``path`` open in ``screen``, another chapbook reads it to its last chapter: the
    offset it kept."""
    book = screen.session.book
    screen.app.library.save()  # (the book in the index, as the other chapbook reads it)
    further = int(book.starts[book.chapters[-1].start])
    read_on_elsewhere(path, book, further)
    return further


def kept_offset(path: Path) -> int:
    record = Library.open().find_by_path(path)
    assert record is not None and record.position is not None
    return record.position.offset


async def test_a_line_moved_then_quit_keeps_the_place_read_to_elsewhere(tmp_path: Path) -> None:
    path = lantern_book(tmp_path)
    async with reader_app(path).run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        further = read_to_the_last_chapter_elsewhere(screen, path)
        await pilot.press("j", "q")
    assert kept_offset(path) == further


async def test_a_line_moved_takes_up_the_place_read_to_elsewhere(tmp_path: Path) -> None:
    path = lantern_book(tmp_path)
    async with reader_app(path).run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        further = read_to_the_last_chapter_elsewhere(screen, path)
        await pilot.press("j")
        await pilot.pause(1.6)  # (the place is saved every second while reading)
        assert screen.view.top_offset() == further
        assert "another window" in str(screen.status.render())
        here = screen.view.top_offset()
        await pilot.press("apostrophe", "apostrophe")  # back to where this window was
        await pilot.pause(1.6)
        assert screen.view.top_offset() < here
        back = screen.view.top_offset()
        await pilot.press("q")
    assert kept_offset(path) == back  # chosen here after the other's: kept
