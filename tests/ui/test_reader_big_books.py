"""A big book opens on a preview of its first pages, and the place holds while the rest is read
(Pilot)."""

from __future__ import annotations

from pathlib import Path

import pytest
from reader_support import (
    notices,
    read_to_scene,
    reader_app,
    shown_rows,
    story,
    wait_open,
    wait_preview,
    write_story,
)

SIZE = (80, 24)


def serial_book(folder: Path, chapters: int) -> Path:
    """A long story as ``serial.txt``, the book whose full parse `held_parse` holds back."""
    return write_story(folder / "serial.txt", story(chapters=chapters, scenes=3, paras=6))


@pytest.fixture
def held_parse(monkeypatch: pytest.MonkeyPatch):
    """Hold the full parse of a book until the test lets it go (the preview shows meanwhile)."""
    import threading

    from tui.book import formats as books

    release = threading.Event()
    real = books.parse_loaded

    def parse_loaded(loaded):
        if str(loaded.path).endswith("serial.txt"):  # not the library's sample story
            release.wait(timeout=20)
        return real(loaded)

    monkeypatch.setattr(books, "parse_loaded", parse_loaded)
    return release


async def test_a_big_book_shows_a_preview_first_and_keeps_the_place(
    tmp_path: Path, held_parse
) -> None:
    path = serial_book(tmp_path, 40)
    app = reader_app(path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_preview(pilot)
        assert not screen.final
        assert shown_rows(screen)[0] == "The Lantern Ledger"
        assert "indexing" in str(screen.status.render())
        await pilot.press("space", "space")  # reading goes on during the index
        seen = shown_rows(screen)
        held_parse.set()
        await wait_open(pilot)
        assert screen.final
        assert shown_rows(screen) == seen
        assert "indexing" not in str(screen.status.render())
        await pilot.press("G")
        assert "Scene 40.3 opens" in screen.book.text[screen.view.top_offset() - 3000 :]


async def test_a_big_book_resumes_from_the_preview(tmp_path: Path, held_parse) -> None:
    path = serial_book(tmp_path, 40)
    held_parse.set()
    app = reader_app(path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await read_to_scene(pilot, "Scene 31.2 opens", extra_rows=1)
        seen = shown_rows(screen)
        await pilot.press("q")
    held_parse.clear()
    again = reader_app(path)
    async with again.run_test(size=SIZE) as pilot:
        screen = await wait_preview(pilot)
        assert not screen.final
        assert shown_rows(screen) == seen  # the first paint is already at the place
        held_parse.set()
        await wait_open(pilot)
        assert shown_rows(screen) == seen


async def test_a_huge_book_pages_from_its_head_while_the_rest_is_read(
    tmp_path: Path, held_parse
) -> None:
    path = serial_book(tmp_path, 280)
    app = reader_app(path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_preview(pilot)
        assert not screen.final and len(screen.book.text) < path.stat().st_size // 3
        await pilot.press("right_curly_bracket", "space")
        seen = shown_rows(screen)
        await pilot.press("G")  # the end is not known yet: it says so, and goes there later
        assert shown_rows(screen) == seen
        assert any("once the whole book is read" in n for n in notices(app))
        held_parse.set()
        await wait_open(pilot)
        await pilot.pause()
        assert screen.view.pager.at_end
