"""The same book open in two windows: when a window takes up the place the other read on to.

The same book open in two windows (two chapbooks on one library): a place read on to in the
other one since is taken up by a window left behind (not used for a good while before), not
overwritten by a stray move there; a window in use beside the other stays where it is, and is
offered the other's place (`''` goes there); a place the other only opened the book at is no
news, and a move made here stays (Pilot: the other chapbook's save written to the index as it
writes it, or a second app on the same data directory).
"""

from __future__ import annotations

import re
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reader_support import lantern_book, reader_app, wait_for, wait_open

from tui.book.anchor import make_anchor
from tui.library.library import Library
from tui.reading.read_on import LEFT_BEHIND_AFTER

SIZE = (80, 24)


def read_on_elsewhere(path: Path, book, offset: int) -> None:
    """Another chapbook, in another window, reads the book to ``offset`` and saves."""
    other = Library.open()
    record = other.find_by_path(path)
    assert record is not None
    anchor = make_anchor(book, offset)
    other.set_position(record.id, anchor, at_end=False, moved=True, reached_at=anchor.saved_at)
    other.save()


def read_to_the_last_chapter_elsewhere(screen, path: Path) -> int:
    """With ``path`` open in ``screen``, another chapbook reads it to its last chapter: the
    offset it kept."""
    book = screen.session.book
    screen.app.library.save()  # (the book in the index, as the other chapbook reads it)
    further = int(book.starts[book.chapters[-1].start])
    read_on_elsewhere(path, book, further)
    return further


def left_behind(screen) -> None:
    """The window ``screen`` is in was last used a while ago (left open on another machine)."""
    read_on = screen.session.read_on
    read_on.last_used = read_on.used_when_kept = time.time() - LEFT_BEHIND_AFTER - 60


def said(screen) -> str:
    return str(screen.status.render())


def kept_offset(path: Path) -> int:
    record = Library.open().find_by_path(path)
    assert record is not None and record.position is not None
    return record.position.offset


async def test_a_line_moved_then_quit_keeps_the_place_read_to_elsewhere(tmp_path: Path) -> None:
    path = lantern_book(tmp_path)
    async with reader_app(path).run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        left_behind(screen)
        further = read_to_the_last_chapter_elsewhere(screen, path)
        await pilot.press("j", "q")
    assert kept_offset(path) == further


async def test_a_line_moved_takes_up_the_place_read_to_elsewhere(tmp_path: Path) -> None:
    path = lantern_book(tmp_path)
    async with reader_app(path).run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        left_behind(screen)
        further = read_to_the_last_chapter_elsewhere(screen, path)
        await pilot.press("j")
        await pilot.pause(1.6)  # (the place is saved every second while reading)
        assert screen.view.top_offset() == further
        assert "Another window read on to here" in str(screen.status.render())
        here = screen.view.top_offset()
        await pilot.press("apostrophe", "apostrophe")  # back to where this window was
        await pilot.pause(1.6)
        assert screen.view.top_offset() < here
        assert "Another window" not in str(screen.status.render())  # (said of the place left)
        back = screen.view.top_offset()
        await pilot.press("q")
    assert kept_offset(path) == back  # chosen here after the other's: kept


async def test_a_page_turned_beside_a_window_that_read_on_stays_and_offers_its_place(
    tmp_path: Path,
) -> None:
    path = lantern_book(tmp_path)
    async with reader_app(path).run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        further = read_to_the_last_chapter_elsewhere(screen, path)  # a minute ago, say
        await pilot.press("pagedown")
        await pilot.pause(1.6)  # (the place is saved every second while reading)
        turned = screen.view.top_offset()
        assert 0 < turned < further  # a page on from this window's own place
        offer = said(screen)
        assert "Another window is at" in offer and "('' goes there)" in offer
        assert f"at {percent_of(screen, further)}%" in offer
        assert kept_offset(path) == turned  # the latest reading is this window's
        await pilot.press("apostrophe", "apostrophe")  # the other window's place
        await pilot.pause()
        assert screen.view.top_offset() == further
        await pilot.press("apostrophe", "apostrophe")  # and back again
        await pilot.pause()
        assert screen.view.top_offset() == turned
        await pilot.press("q")
    assert kept_offset(path) == turned


# -- two chapbooks on one library, each with the book open -------------------------------------
def percent(screen) -> int:
    """How far in the status line says the reader is (its last figure: a message before it may
    say where the other window is)."""
    found = re.findall(r"(\d+)%", str(screen.status.render()))
    assert found
    return int(found[-1])


def percent_of(screen, offset: int) -> int:
    """How far in the status line would say ``offset`` is."""
    book = screen.session.book
    progress = screen.session.progress(offset, book.para_read_at(offset), False)
    return int(progress.percent)


async def go_to_percent(pilot, share: int) -> None:
    await pilot.press(*str(share), "percent_sign")
    await pilot.pause()


def hang_up(app) -> None:
    """What SIGHUP runs, in ``app`` (as the app it is: the test runs two)."""
    with app._context():
        app._on_hangup()


def last_saved(path: Path) -> float:
    """When the book's place was last saved, as the index on disk says."""
    record = Library.open().find_by_path(path)
    return record.last_read if record is not None else 0.0


async def kept_there(pilot, path: Path, screen) -> None:
    """Until the place on ``screen`` is the one on disk."""

    def kept() -> int | None:
        record = Library.open().find_by_path(path)
        return record.offset if record is not None else None

    await wait_for(pilot, lambda: kept() == screen.view.top_offset())


async def open_second(pilot, path: Path):
    """The second window's reader, once it has saved the place it opened at."""
    before = last_saved(path)
    screen = await wait_open(pilot)
    await wait_for(pilot, lambda: last_saved(path) > before)
    return screen


async def saved(*pilots) -> None:
    """A little over the reader's second between saves, in every window."""
    for _ in range(2):
        for pilot in pilots:
            await pilot.pause(0.4)


@dataclass
class TwoWindows:
    """Two chapbooks on one library, the book open in each: ``reading`` in the first window
    (``first``), ``opened`` in the second."""

    path: Path
    first: Any
    reading: Any
    second: Any
    opened: Any


@asynccontextmanager
async def two_windows(tmp_path: Path, first_at: int | None) -> AsyncIterator[TwoWindows]:
    """The book read to ``first_at`` percent in a first window (None: where it opened), then
    opened in a second, each window's place saved."""
    path = lantern_book(tmp_path)
    async with reader_app(path).run_test(size=SIZE) as first:
        reading = await wait_open(first)
        if first_at is None:
            await saved(first)
        else:
            await go_to_percent(first, first_at)
            await kept_there(first, path, reading)
        async with reader_app(path).run_test(size=SIZE) as second:
            opened = await open_second(second, path)
            yield TwoWindows(path, first, reading, second, opened)


async def test_a_window_that_only_opened_the_book_takes_no_move_from_the_first(
    tmp_path: Path,
) -> None:
    async with two_windows(tmp_path, first_at=90) as w:
        assert percent(w.opened) == percent(w.reading)
        await go_to_percent(w.first, 50)
        await saved(w.first, w.second)
        assert percent(w.reading) == 50
        assert "Another window" not in str(w.reading.status.render())
        await w.first.press("space")  # the next move is this window's too
        await saved(w.first, w.second)
        assert percent(w.reading) > 50
        kept = w.reading.view.top_offset()
        await w.second.press("q")
        await w.first.press("q")
    assert kept_offset(w.path) == kept


async def test_two_windows_side_by_side_each_keep_their_place_and_offer_the_others(
    tmp_path: Path,
) -> None:
    async with two_windows(tmp_path, first_at=70) as w:
        first, reading, second, opened = w.first, w.reading, w.second, w.opened
        await go_to_percent(second, 20)  # read here, after everything read in the first
        await kept_there(second, w.path, opened)
        await saved(first, second)
        assert percent(opened) == 20
        assert "Another window" not in said(opened)
        there = opened.view.top_offset()
        # Back in the first window, used a moment ago: its page down is its own, from
        # 70%, and the status line offers the place read to in the second.
        await first.press("space")
        await wait_for(first, lambda: "Another window is at 20%" in said(reading))
        assert percent(reading) > 70
        assert "('' goes there)" in said(reading)
        await kept_there(first, w.path, reading)  # the latest reading, the first's
        mine = reading.view.top_offset()
        await first.press("apostrophe", "apostrophe")
        await first.pause()
        assert reading.view.top_offset() == there
        await first.press("apostrophe", "apostrophe")
        await first.pause()
        assert reading.view.top_offset() == mine
        await kept_there(first, w.path, reading)
        # And in the second, likewise: its next move is its own, the first's offered.
        await second.press("j")
        await wait_for(second, lambda: "Another window is at" in said(opened))
        assert percent(opened) == 20
        await kept_there(second, w.path, opened)
        kept = opened.view.top_offset()
        await second.press("q")
        await first.press("q")
    assert kept_offset(w.path) == kept  # the latest reading: the second's


async def test_a_window_left_behind_takes_up_the_place_read_to_in_the_other(
    tmp_path: Path,
) -> None:
    async with two_windows(tmp_path, first_at=70) as w:
        first, reading, second, opened = w.first, w.reading, w.second, w.opened
        left_behind(reading)  # the first window last used a while before
        await go_to_percent(second, 20)
        await kept_there(second, w.path, opened)
        await saved(first, second)
        # Back in the first window: its next move takes up the place read to in the
        # second, and says so until the move after it.
        await first.press("space")
        there = opened.view.top_offset()
        await wait_for(first, lambda: reading.view.top_offset() == there)
        assert "Another window read on to here" in said(reading)
        await first.press("space")
        await first.pause()
        assert "Another window" not in said(reading)
        assert percent(reading) > 20
        await kept_there(first, w.path, reading)
        kept = reading.view.top_offset()
        await second.press("q")
        await first.press("q")
    assert kept_offset(w.path) == kept


async def test_a_move_made_just_before_a_hang_up_is_kept_over_a_window_only_opened(
    tmp_path: Path,
) -> None:
    async with two_windows(tmp_path, first_at=30) as w:
        await w.first.press("space")  # and the connection drops before the next save
        moved = w.reading.view.top_offset()
        hang_up(w.first.app)
        await w.first.pause()
        assert kept_offset(w.path) == moved
        await w.second.press("q")
    assert kept_offset(w.path) == moved


async def test_a_window_hung_up_after_the_other_read_on_leaves_that_place(tmp_path: Path) -> None:
    async with two_windows(tmp_path, first_at=None) as w:
        left_behind(w.reading)
        await go_to_percent(w.second, 60)
        await kept_there(w.second, w.path, w.opened)
        assert percent(w.opened) == 60
        further = w.opened.view.top_offset()
        await w.first.press("j")  # a stray line in the window left behind, then a hang-up
        hang_up(w.first.app)
        await w.first.pause()
        await w.second.press("q")
    assert kept_offset(w.path) == further
