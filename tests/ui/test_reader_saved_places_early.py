"""Saved places and keys typed while a book is still read each go to the right place.

Saved places (marks, bookmarks, the jump list) and keys typed while a book is still read: each
goes to the right place at once or waits for the whole book, and says so (Pilot).
"""

from __future__ import annotations

import gzip
import threading
from pathlib import Path

import pytest
from reader_support import (
    notices,
    reader_app,
    story,
    wait_for,
    wait_open,
    wait_preview,
    write_story,
)

from tui.book.anchor import resolve_anchor
from tui.ui.screens.reader import ReaderScreen

SIZE = (80, 24)
REAL = Path(__file__).resolve().parents[1] / "fixtures" / "real"


@pytest.fixture
def held(monkeypatch: pytest.MonkeyPatch) -> threading.Event:
    """Hold the whole book of ``serial.txt`` and ``middlemarch.html`` (its preview shows)
    until the test lets it go."""
    from tui.book import formats as books

    release = threading.Event()
    real_parse, real_open = books.parse_loaded, books.open_book

    def parse_loaded(loaded):
        if str(loaded.path).endswith("serial.txt"):
            release.wait(timeout=30)
        return real_parse(loaded)

    def open_book(path, *args, **kwargs):
        if str(path).endswith("middlemarch.html"):
            release.wait(timeout=30)
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(books, "parse_loaded", parse_loaded)
    monkeypatch.setattr(books, "open_book", open_book)
    return release


def middlemarch(folder: Path) -> Path:
    path = folder / "middlemarch.html"
    path.write_bytes(gzip.decompress((REAL / "pg_middlemarch.html.gz").read_bytes()))
    return path


def serial(folder: Path) -> Path:
    return write_story(folder / "serial.txt", story(chapters=280, scenes=3, paras=6))


async def marked(path: Path, held: threading.Event, at: str = "80") -> int:
    """Set mark z at ``at``% of ``path``, then read on at 5% and leave: the next opening
    resumes at 5%. Returns the mark's offset."""
    held.set()
    app = reader_app(path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot, timeout=60)
        await pilot.press(*at, "percent_sign")
        await pilot.pause()
        mark = screen.view.top_offset()
        await pilot.press("m", "z", "5", "percent_sign")
        await pilot.pause()
        assert screen.view.top_offset() < mark
        await pilot.press("q")
    held.clear()
    return mark


def status(screen: ReaderScreen) -> str:
    return str(screen.status.render())


async def went_right_or_waits(pilot, screen: ReaderScreen, before: int, mark: int) -> None:
    """The jump just asked went to ``mark``, or waits for the whole book and says so."""
    await pilot.pause(0.3)
    top = screen.view.top_offset()
    assert top in (before, mark), f"landed at {top}, neither {mark} nor where it was"
    if top == before:
        assert "when read" in status(screen)


@pytest.mark.parametrize("book", [serial, middlemarch])
async def test_a_mark_gone_to_while_the_book_is_read_lands_on_the_mark(
    tmp_path: Path, held: threading.Event, book
) -> None:
    path = book(tmp_path)
    mark = await marked(path, held)
    app = reader_app(path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_preview(pilot)
        assert not screen.final
        before = screen.view.top_offset()
        await pilot.press("apostrophe", "z")
        await went_right_or_waits(pilot, screen, before, mark)
        held.set()
        await wait_open(pilot, timeout=60)
        await wait_for(pilot, lambda: screen.view.top_offset() == mark, timeout=10)
        await pilot.press("apostrophe", "apostrophe")  # back: where the book opened
        await pilot.pause()
        assert screen.view.top_offset() == before


async def test_escape_gives_up_a_mark_waiting_for_the_book(
    tmp_path: Path, held: threading.Event
) -> None:
    path = middlemarch(tmp_path)
    await marked(path, held)
    app = reader_app(path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_preview(pilot)
        before = screen.view.top_offset()
        await pilot.press("apostrophe", "z")
        await pilot.pause()
        assert "mark ‘z’ when read" in status(screen)
        await pilot.press("escape")
        await pilot.pause()
        assert "when read" not in status(screen)
        assert "mark ‘z’: given up" in status(screen)
        held.set()
        await wait_open(pilot, timeout=60)
        await pilot.pause(0.3)
        assert screen.view.top_offset() == before


async def test_the_bookmark_list_while_the_book_is_read_shows_no_wrong_passage(
    tmp_path: Path, held: threading.Event
) -> None:
    from tui.ui.dialogs.bookmarks import BookmarksScreen

    path = middlemarch(tmp_path)
    mark = await marked(path, held)
    app = reader_app(path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_preview(pilot)
        before = screen.view.top_offset()
        await pilot.press("B")
        await wait_for(pilot, lambda: isinstance(app.screen, BookmarksScreen))
        listed = app.screen
        row = next(entry for entry in listed.entries if entry.bookmark.mark == "z")
        words = screen.book.paragraph(screen.book.para_at(before))
        assert "once the whole book is read" in row.place
        assert row.snippet == "" or row.snippet not in words
        await pilot.press("enter")
        await went_right_or_waits(pilot, screen, before, mark)
        held.set()
        await wait_open(pilot, timeout=60)
        await wait_for(pilot, lambda: screen.view.top_offset() == mark, timeout=10)


async def test_a_bookmark_anchor_is_found_by_its_paragraph_not_its_offset(
    tmp_path: Path, held: threading.Event
) -> None:
    # The place kept is its paragraph: found as the whole book has it.
    path = middlemarch(tmp_path)
    mark = await marked(path, held)
    held.set()
    app = reader_app(path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot, timeout=60)
        marks = app.library.bookmarks(screen.book_id)
        z = next(m for m in marks if m.mark == "z")
        assert resolve_anchor(screen.book, z.anchor) == (mark, True)


async def test_keys_typed_after_the_contents_key_while_the_book_is_read_go_to_the_contents(
    tmp_path: Path, held: threading.Event
) -> None:
    path = middlemarch(tmp_path)
    app = reader_app(path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_preview(pilot)
        before = screen.view.top_offset()
        await pilot.press("t")
        await pilot.pause()
        assert "contents when read" in status(screen)
        await pilot.press("G", "k", "enter")
        await pilot.pause()
        assert screen.view.top_offset() == before
        assert "contents when read" in status(screen)
        assert not any("dropped" in n for n in notices(app))
        held.set()
        await wait_open(pilot, timeout=60)
        from tui.reading.contents import contents_rows

        rows = contents_rows(screen.book)
        last_but_one = screen.book.starts[rows[-2].para]
        await wait_for(pilot, lambda: app.screen is screen, timeout=10)
        await wait_for(pilot, lambda: screen.view.top_offset() != before, timeout=10)
        assert screen.view.pager.top_para() == rows[-2].para, last_but_one
