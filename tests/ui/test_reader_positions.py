"""Positions and bookmarks: resume, re-downloads with more chapters, reflow, saving (Pilot)."""

from __future__ import annotations

import importlib.util
import time
from pathlib import Path

import pytest
from reader_support import (
    lantern_book,
    notices,
    prompt_text,
    read_to_scene,
    reader_app,
    shown_rows,
    story,
    top_text,
    wait_for,
    wait_open,
)

from tui.finder.hits import Hit
from tui.library.library import Library
from tui.reading.opener import BookOpener
from tui.settings.settings import load_settings
from tui.ui.app import ChapbookApp
from tui.ui.dialogs.bookmarks import BookmarkLabelScreen, BookmarksScreen
from tui.ui.dialogs.finder_book import BookFinderScreen
from tui.ui.screens.reader_opening import CHANGED_NOTICE
from tui.ui.screens.registry import ChapbookScreens
from tui.ui.widgets.reader_view import GUTTER

SIZE = (80, 24)


async def test_resume_at_the_saved_place(book_path: Path) -> None:
    app = reader_app(book_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        await pilot.press("space", "space", "space", "j", "j")
        seen = shown_rows(screen)
        await pilot.press("q")
    again = reader_app(book_path)
    async with again.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        assert shown_rows(screen) == seen
        assert CHANGED_NOTICE not in notices(again)


async def test_resume_after_two_chapters_were_added_at_the_end(book_path: Path) -> None:
    app = reader_app(book_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await read_to_scene(pilot, "Scene 3.2 opens", extra_rows=2)
        seen = shown_rows(screen)
        await pilot.press("q")
    # A re-download of the work in progress: the same text with two more chapters.
    longer = (
        story(chapters=4, scenes=3, paras=6)
        + "\n"
        + story(chapters=2, first_chapter=5, front=False)
    )
    book_path.write_text(longer, encoding="utf-8")
    again = reader_app(book_path)
    async with again.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        assert shown_rows(screen) == seen
        assert CHANGED_NOTICE not in notices(again)
        await pilot.press("G")
        assert "Scene 6.3 opens" in screen.book.text[screen.view.top_offset() - 4000 :]


async def test_resume_when_the_start_of_the_book_changed(book_path: Path) -> None:
    app = reader_app(book_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await read_to_scene(pilot, "Scene 2.2 opens")
        seen = top_text(screen)
        await pilot.press("q")
    text = book_path.read_text(encoding="utf-8")
    book_path.write_text(text.replace("Summary:", "Chapters: 4/6\n\nSummary:", 1), "utf-8")
    again = reader_app(book_path)
    async with again.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        assert top_text(screen) == seen
        assert CHANGED_NOTICE not in notices(again)


async def test_a_rewritten_passage_opens_at_the_nearest_place_with_a_notice(
    book_path: Path,
) -> None:
    app = reader_app(book_path)
    async with app.run_test(size=SIZE) as pilot:
        await read_to_scene(pilot, "Scene 2.2 opens")
        await pilot.press("q")
    text = book_path.read_text(encoding="utf-8")
    book_path.write_text(text.replace("Scene 2.2 opens.", "Scene 2.2 was rewritten."), "utf-8")
    again = reader_app(book_path)
    async with again.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        # Told once the library has looked at the file (with any chapters new in it).
        await wait_for(pilot, lambda: CHANGED_NOTICE in notices(again))
        assert "Scene 2.2 was rewritten." in "\n".join(shown_rows(screen)[:3])


async def test_position_is_saved_within_two_seconds_of_moving(book_path: Path) -> None:
    app = reader_app(book_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        await pilot.press("space", "space")
        offset = screen.view.top_offset()
        await pilot.pause(2.0)
        on_disk = Library.open()
        record = on_disk.find_by_path(book_path)
        assert record is not None
        assert on_disk.position(record.id).offset == offset


async def test_hangup_saves_the_place(book_path: Path) -> None:
    app = reader_app(book_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        await pilot.press("space", "space", "space")
        offset = screen.view.top_offset()
        app._on_hangup()  # what SIGHUP and SIGTERM run
        await pilot.pause()
    on_disk = Library.open()
    assert on_disk.position(on_disk.find_by_path(book_path).id).offset == offset


async def test_resize_keeps_the_paragraph_at_the_top(book_path: Path) -> None:
    app = reader_app(book_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await read_to_scene(pilot, "Scene 2.2 opens", extra_rows=3)
        top_row = next(r for r in screen.view.pager.screen() if r.start >= 0)
        for size in ((120, 40), (50, 20), (80, 24)):
            await pilot.resize_terminal(*size)
            await pilot.pause()
            now = next(r for r in screen.view.pager.screen() if r.start >= 0)
            assert now.para == top_row.para
            assert now.start <= top_row.start < now.end + 1
            # A 72-cell column of text, or narrower with 2 blank cells each side; centred
            # (the view holds a blank gutter right of it, taken from the margin).
            column = min(72, size[0] - 4)
            assert screen.view.pager.options.column == column
            assert screen.view.region.x == (size[0] - column) // 2
            assert screen.view.size.width == column + GUTTER


async def test_settings_change_reflows_on_return(book_path: Path) -> None:
    app = reader_app(book_path)
    async with app.run_test(size=(120, 30)) as pilot:
        screen = await read_to_scene(pilot, "Scene 3.1 opens")
        para = screen.view.pager.top_para()
        app.settings.reader.width = 40
        app.settings.reader.paragraph_style = "indent"
        await pilot.press("h")  # any screen on top, then back
        await pilot.pause()
        app.pop_screen()
        await pilot.pause()
        assert screen.view.pager.options.column == 40
        assert max(len(r) for r in shown_rows(screen)) <= 40
        assert screen.view.pager.top_para() == para


async def test_bookmark_list_jump_and_remove(book_path: Path) -> None:
    app = reader_app(book_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await read_to_scene(pilot, "Scene 2.3 opens")
        place = shown_rows(screen)
        await pilot.press("M")
        await pilot.pause()
        assert isinstance(app.screen, BookmarkLabelScreen)
        await pilot.press(*"the ledger", "enter")
        await pilot.pause()
        marks = app.library.bookmarks(screen.book_id)
        assert [m.label for m in marks] == ["the ledger"]
        await pilot.press("g")
        await pilot.press("M", "enter")  # a bookmark without a label
        await pilot.pause()
        assert len(app.library.bookmarks(screen.book_id)) == 2
        await pilot.press("B")
        await pilot.pause()
        assert isinstance(app.screen, BookmarksScreen)
        await pilot.press("down", "enter")
        await pilot.pause()
        assert app.screen is screen
        assert shown_rows(screen) == place
        await pilot.press("ctrl+o")
        assert shown_rows(screen)[0] == "The Lantern Ledger"
        await pilot.press("B")
        await pilot.pause()
        await pilot.press("x", "escape")
        await pilot.pause()
        assert [m.label for m in app.library.bookmarks(screen.book_id)] == ["the ledger"]
    saved = Library.open()
    record = saved.find_by_path(book_path)
    assert [m.label for m in saved.bookmarks(record.id)] == ["the ledger"]


async def test_bookmark_label_can_be_cancelled(book_path: Path) -> None:
    app = reader_app(book_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        await pilot.press("M", "a", "escape")
        await pilot.pause()
        assert app.screen is screen
        assert app.library.bookmarks(screen.book_id) == []


@pytest.mark.skipif(
    importlib.util.find_spec("tui.ui.dialogs.finder") is None, reason="the finder is not built yet"
)
async def test_finder_jump_then_jump_back(book_path: Path) -> None:
    app = reader_app(book_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        start = shown_rows(screen)
        await pilot.press("ctrl+p")
        await wait_for(pilot, lambda: isinstance(app.screen, BookFinderScreen))
        target = screen.book.text.index("Scene 3.1 opens")
        app.screen.dismiss(Hit("text", "Scene 3.1 opens", 100.0, offset=target))
        await wait_for(pilot, lambda: "Scene 3.1 opens" in "\n".join(shown_rows(screen)))
        assert app.screen is screen
        await pilot.press("ctrl+o")
        assert shown_rows(screen) == start


async def test_a_bookmark_on_the_blank_row_above_a_chapter_quotes_that_chapter(
    book_path: Path,
) -> None:
    app = reader_app(book_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        await pilot.press("right_curly_bracket", "right_curly_bracket")
        await pilot.pause()
        rows = shown_rows(screen)
        assert rows[0].strip() == "" and rows[1].strip().startswith("Chapter 2")
        await pilot.press("M", "enter")
        await pilot.pause()
        await pilot.press("B")
        await pilot.pause()
        assert isinstance(app.screen, BookmarksScreen)
        [entry] = app.screen.entries
        # Chapter 2's, not the end of chapter 1: its place, and its first words after the
        # heading, which the place already names.
        assert entry.place.startswith("Chapter 2") and entry.snippet.startswith("Scene 2.1")


async def test_resume_with_a_blank_row_on_top_shows_the_same_page(book_path: Path) -> None:
    app = reader_app(book_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await read_to_scene(pilot, "Scene 2.2 opens")
        await pilot.press("k")  # the blank row above the scene's first paragraph
        await pilot.pause()
        seen = shown_rows(screen)
        assert seen[0].strip() == ""
        await pilot.press("q")
    again = reader_app(book_path)
    async with again.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        assert shown_rows(screen) == seen


async def test_after_a_chapter_jump_the_finder_and_bookmarks_are_in_that_chapter() -> None:
    from tui.ui.dialogs.finder import ResultList

    sample = Path(__file__).resolve().parents[2] / "tui" / "data" / "sample.txt"
    app = reader_app(sample)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await wait_open(pilot)
        await pilot.press("}", "}")
        await pilot.pause()
        assert "Chapter 2: The Missing Chapter" in shown_rows(screen)[:3]
        await pilot.press("m", "enter")  # a mark, then Enter: a labelled bookmark
        await wait_for(pilot, lambda: isinstance(app.screen, BookmarkLabelScreen))
        await pilot.press("enter")
        await wait_for(pilot, lambda: app.screen is screen)
        await pilot.press("ctrl+p")
        await wait_for(pilot, lambda: isinstance(app.screen, BookFinderScreen))
        finder = app.screen
        assert isinstance(finder, BookFinderScreen)
        await wait_for(pilot, lambda: finder.shown_query == "" and finder.indexing is None)
        mark = finder.hits[0]
        assert mark.kind == "bookmark"
        assert mark.chapter == 1 and "Missing Chapter" in mark.detail
        current = finder.hits[finder.query_one(ResultList).highlighted or 0]
        assert current.kind == "chapter" and current.label.startswith("Chapter 2")


async def test_the_end_of_the_book_is_still_100_percent_after_reopening(tmp_path: Path) -> None:
    sample = tmp_path / "sample.txt"
    sample.write_text(
        (Path(__file__).resolve().parents[2] / "tui" / "data" / "sample.txt").read_text("utf-8"),
        encoding="utf-8",
    )

    async def status_after(keys: list[str]) -> tuple[str, str]:
        app = reader_app(sample)
        async with app.run_test(size=(120, 40)) as pilot:
            screen = await wait_open(pilot)
            await pilot.press(*keys)
            await pilot.pause(0.1)
            shown = (str(screen.status.render()), top_text(screen))
            await pilot.press("q")
            await pilot.pause()
        return shown

    # (read on at the end: `G` alone from the start is only a look at it)
    status, top = await status_after(["G", "k", "j"])
    assert "100%" in status
    status_again, top_again = await status_after([])
    assert top_again == top
    assert "100%" in status_again


def test_a_bookmark_whose_words_open_a_quotation_is_not_quoted_twice() -> None:
    from tui.book.anchor import Anchor, Bookmark
    from tui.reading.bookmarks import BookmarkRow

    rows = [
        BookmarkRow(Bookmark(Anchor(0, "f"), "door"), "Ch 1", 1.0, "“I just don’t want to"),
        BookmarkRow(Bookmark(Anchor(9, "g"), "tide"), "Ch 2", 9.0, "The tide came in"),
    ]
    options = BookmarksScreen(rows, lambda b: None)._options()
    shown = [prompt_text(option.prompt) for option in options]
    assert "  “I just don’t want to…”" in shown[0] and "““" not in shown[0]
    assert shown[1].endswith("Ch 2  “The tide came in…”")
    assert shown[1].splitlines()[0].split() == ["tide", "9%"]  # label, then how far in


async def test_a_place_read_before_a_new_book_joined_the_library_is_kept(
    book_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import asyncio
    import threading

    # A new book whose reading takes long (an 80 MB serial): the reader quits before the
    # book has joined the library.
    from tui.book.model import BookError
    from tui.ui.screens.reader import ReaderScreen

    released = threading.Event()
    joining = Library.add_book

    def still_reading(self, path, book=None):
        released.wait(timeout=30)
        raise BookError("not read yet")

    library = Library.open()  # (its first run adds the sample story: before the patch)
    monkeypatch.setattr(Library, "add_book", still_reading)
    app = reader_app(book_path, library=library)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        for _ in range(200):
            await pilot.pause(0.02)
            screen = app.screen
            if isinstance(screen, ReaderScreen) and screen.final:
                break
        assert isinstance(screen, ReaderScreen) and screen.book_id is None
        await pilot.press("space", "space", "space", "j")
        await asyncio.sleep(0.05)
        seen = shown_rows(screen)
        await pilot.press("q")  # (saves at once, while the book is still being read)
        released.set()
    monkeypatch.setattr(Library, "add_book", joining)
    assert Library.open().waiting_place(book_path) is not None
    again = reader_app(book_path)
    async with again.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        assert shown_rows(screen) == seen
        await pilot.press("q")
    # The book has joined with that place, and the waiting place is gone.
    library = Library.open()
    record = library.table.find_by_path(str(book_path.resolve()))
    assert record is not None and record.position is not None
    assert library.waiting_place(book_path) is None


async def test_a_story_left_at_its_end_opens_with_the_end_in_view(tmp_path: Path) -> None:
    """`chapbook FILE` reads the book before the screen is laid out, at a guessed height: a
    place on the last page kept the guessed page's top, and the row the status line takes
    left the end of the story off the screen (`99%`, the chapter above named)."""
    path = lantern_book(tmp_path)  # (its story runs to the file's last line)
    app = reader_app(path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        await pilot.press("G")
        await pilot.pause()
        assert "100%" in str(screen.status.render())
        await pilot.press("k", "j")  # read on to the end
        await pilot.pause()
        await pilot.press("q")
    library = Library.open()
    opener = BookOpener(path, library).start()  # as `chapbook FILE` starts it
    time.sleep(1.0)  # (the book is in before the app starts)
    settings, _ = load_settings(None)
    again = ChapbookApp(settings, library, ChapbookScreens(), open_path=path, opener=opener)
    async with again.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        await pilot.pause()
        assert "100%" in str(screen.status.render()), screen.status.render()
