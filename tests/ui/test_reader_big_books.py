"""A big book opens on a preview of its first pages, and the place holds while the rest is read.

Driven with Pilot.
"""

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
        await pilot.press("right_curly_bracket")
        # The chapters are not known yet: it says so (the page turned next drops it).
        assert any("once the whole book is read" in n for n in notices(app))
        await pilot.press("space")
        seen = shown_rows(screen)
        held_parse.set()
        await wait_open(pilot)
        await pilot.pause()
        assert shown_rows(screen) == seen


async def test_the_end_a_percentage_and_a_line_are_reached_while_the_book_is_still_read(
    tmp_path: Path, held_parse
) -> None:
    from reader_support import wait_for

    path = serial_book(tmp_path, 280)
    text = path.read_text(encoding="utf-8")
    app = reader_app(path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_preview(pilot)
        await wait_for(pilot, lambda: screen.session.whole_text is not None)
        await pilot.press("G")  # the parse of the chapters is still held: the end is known
        await wait_for(pilot, lambda: screen.view.pager.at_end)
        assert not screen.final
        assert shown_rows(screen)[-2] or shown_rows(screen)[-1]  # the story's last lines
        assert text.rstrip().rsplit("\n", 1)[-1].strip()[:30] in " ".join(shown_rows(screen))
        assert "indexing" in str(screen.status.render())
        await pilot.press("5", "0", "percent_sign")
        await wait_for(pilot, lambda: abs(screen.view.top_offset() - len(text) // 2) < 2000)
        line = text.count("\n", 0, text.index("Scene 200.2 opens.")) + 1
        await pilot.press(*str(line), "G")
        await wait_for(pilot, lambda: shown_rows(screen)[0].startswith("Scene 200.2 opens."))
        assert not screen.final
        await pilot.press("ctrl+o")  # back where the percentage went
        assert abs(screen.view.top_offset() - len(text) // 2) < 2000
        await pilot.press("tab")
        seen = shown_rows(screen)
        held_parse.set()
        await wait_open(pilot)
        assert shown_rows(screen) == seen  # the whole book in: the place holds
        assert "Chapter 200" in str(screen.status.render())  # and its chapter is named


async def test_the_end_asked_before_the_text_is_read_is_reached_once_it_is(
    tmp_path: Path, held_parse, monkeypatch: pytest.MonkeyPatch
) -> None:
    import threading

    from reader_support import wait_for

    from tui.reading import stages

    read = threading.Event()
    real = stages.load_text

    def load_text(path):
        read.wait(timeout=20)
        return real(path)

    monkeypatch.setattr(stages, "load_text", load_text)
    path = serial_book(tmp_path, 280)
    app = reader_app(path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_preview(pilot)
        await pilot.press("G")
        assert "the end when read" in str(screen.status.render())
        read.set()  # the text is read; its chapters are still being found
        await wait_for(pilot, lambda: screen.view.pager.at_end)
        assert not screen.final
        held_parse.set()
        await wait_open(pilot)
        assert screen.view.pager.at_end


@pytest.mark.parametrize("after", [(), ("k",)])
async def test_the_end_looked_at_while_the_book_is_still_read_is_a_glance(
    tmp_path: Path, held_parse, after: tuple[str, ...]
) -> None:
    """`G` from the start while a big book's chapters are still found shows the end as a look
    there, as `G` does in a book already in: the book is kept where it went, but not finished
    (it was marked finished once the whole book came in); so is a line looked back up from
    there (`G k`)."""
    from reader_support import wait_for

    from tui.library.library import Library

    path = serial_book(tmp_path, 280)
    app = reader_app(path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_preview(pilot)
        await wait_for(pilot, lambda: screen.session.whole_text is not None)
        await pilot.press("G")
        await wait_for(pilot, lambda: screen.view.pager.at_end)
        await pilot.press(*after)
        assert not screen.final
        held_parse.set()
        await wait_open(pilot)
        await pilot.pause()
        assert screen.session.glancing
        assert screen.view.pager.at_end or after
        app.save_all()
        record = Library.open().find_by_path(path)
        # (the end was on screen: the library shows 100%, and the book is still being read)
        assert record is not None and record.glanced and record.status == "reading"
