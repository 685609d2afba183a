"""A chapter posted while chapbook is open is read in and said, in the reader and the library.

A chapter posted while chapbook is open (a downloader beside it): the reader, back on the story
or still on it, and the library, showing or not, read it in and say so (Pilot).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from reader_support import notices, reader_app, shown_rows, wait_for, wait_open
from update_support import (
    SIZE,
    add_chapter,
    blueberry,
    blueberry_record,
    library_app,
    open_told_of_the_new_chapter,
    read_into_chapter_two,
    status,
)

import tui.ui.screens.library_scanning as scanning_module
import tui.ui.screens.reader_watching as watching_module
from tui.library.records import BookRecord
from tui.ui.screens.library import LibraryScreen
from tui.ui.screens.reader import ReaderScreen
from tui.ui.widgets.library_table import LibraryTable


async def test_a_chapter_posted_while_the_story_is_open_is_read_when_the_reader_comes_back(
    tmp_path: Path,
) -> None:
    """The file written again under an open reader (a downloader fetching the new chapter):
    back from the library the reader has the new text at the same place, `U` goes to the new
    chapter, and the end of the old text never made the story finished."""
    path = blueberry(tmp_path)
    app = reader_app(path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        await pilot.press("G")  # the end of the story as it was
        await pilot.pause(1.5)  # (saved every second while reading)
        add_chapter(path, 9)
        await pilot.pause(1.5)
        await pilot.press("L")  # the library, which sees the new chapter
        await wait_for(pilot, lambda: isinstance(app.screen, LibraryScreen))
        await pilot.press("escape")  # back to the book
        await wait_for(
            pilot, lambda: isinstance(app.screen, ReaderScreen) and app.screen is not screen
        )
        reader = await wait_open(pilot)
        await pilot.press("U")
        assert "CHAPTER 9" in status(reader)
        assert any("The Last Slice" in row for row in shown_rows(reader))
        await pilot.press("q")
    record = blueberry_record()
    assert record.status != "finished"


async def test_next_chapter_in_a_story_posted_to_meanwhile_reads_it_again(tmp_path: Path) -> None:
    """At the last chapter, the story updated on disk since it was opened: `}` reads it
    again and offers the new chapter, rather than going on to the end matter."""
    path = blueberry(tmp_path)
    app = reader_app(path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        await pilot.press("8", "right_curly_bracket")
        await pilot.pause()
        assert "CHAPTER 8" in status(screen)
        add_chapter(path, 9)
        await pilot.pause(2.5)  # (a file written a moment ago is let settle first)
        await pilot.press("right_curly_bracket")
        await wait_for(
            pilot, lambda: isinstance(app.screen, ReaderScreen) and app.screen is not screen
        )
        reader = await open_told_of_the_new_chapter(pilot)
        await pilot.press("U")
        assert "CHAPTER 9" in status(reader)


async def test_a_chapter_posted_while_another_screen_was_up_shows_in_the_library(
    tmp_path: Path,
) -> None:
    """A story added to while the settings (or a book) were open: back in the library its
    chapter count and `updated` are true, without opening it."""
    path = blueberry(tmp_path)
    await read_into_chapter_two(path)
    app = library_app()
    async with app.run_test(size=SIZE) as pilot:
        shown = await library_shown(pilot)
        assert shown().chapters == 8 and not shown().updated
        await pilot.press("comma")  # the settings
        await wait_for(pilot, lambda: not isinstance(app.screen, LibraryScreen))
        add_chapter(path, 9)
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(app.screen, LibraryScreen))
        await wait_for(pilot, lambda: shown().chapters == 9)
        assert shown().updated


async def library_shown(pilot) -> Callable[[], BookRecord]:
    """The library up and checked: a function giving blueberry's row as shown."""
    app = pilot.app
    await wait_for(pilot, lambda: isinstance(app.screen, LibraryScreen))
    await app.workers.wait_for_complete()
    await pilot.pause()

    def shown() -> BookRecord:
        rows = app.screen.query_one(LibraryTable).rows
        return next(r for r in rows if r.name == "blueberry.txt")

    return shown


async def test_a_chapter_posted_while_the_library_is_showing_shows_and_is_said(
    tmp_path: Path, monkeypatch
) -> None:
    """The library left open beside a downloader: the new chapter shows in the story's row
    without a key, a notice says a book was updated, and a rescan then says nothing more
    changed, which is true."""
    monkeypatch.setattr(scanning_module, "FILES_LOOKED_AT_EVERY", 0.3)
    path = blueberry(tmp_path)
    await read_into_chapter_two(path)
    app = library_app()
    async with app.run_test(size=SIZE) as pilot:
        shown = await library_shown(pilot)
        assert shown().chapters == 8
        add_chapter(path, 9)
        await wait_for(pilot, lambda: shown().chapters == 9)
        assert shown().updated
        await wait_for(pilot, lambda: "1 book updated" in notices(app))
        await pilot.press("r")
        await wait_for(pilot, lambda: any("Nothing changed" in n for n in notices(app)))


@pytest.mark.parametrize("held", ["v", "slash"], ids=["selection", "prompt"])
async def test_a_chapter_posted_while_the_story_is_on_screen_is_offered_without_leaving_it(
    tmp_path: Path, monkeypatch, held: str
) -> None:
    """A downloader fetches the new chapter while the story is being read: a few seconds
    later the reader has read it in, at the same place, and says so; `U` goes there. While a
    selection is made or a search typed nothing happens, until it is done with."""
    monkeypatch.setattr(watching_module, "FILE_LOOKED_AT_EVERY", 0.3)
    path = blueberry(tmp_path)
    app = reader_app(path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        await pilot.press("2", "right_curly_bracket", *"10", "j")
        await pilot.pause()
        top = shown_rows(screen)[0]
        await pilot.press(held)
        add_chapter(path, 9)
        await pilot.pause(3.0)  # (a file written a moment ago is let settle first)
        assert app.screen is screen
        await pilot.press("escape")
        await wait_for(
            pilot, lambda: isinstance(app.screen, ReaderScreen) and app.screen is not screen
        )
        reader = await open_told_of_the_new_chapter(pilot)
        assert shown_rows(reader)[0] == top
        await pilot.press("U")
        assert "CHAPTER 9" in status(reader)
