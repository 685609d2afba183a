"""An updated story in the reader.

`U` to the first new chapter is a jump like any other, a look there moves no place, and
`chapbook FILE` says what is new (Pilot).
"""

from __future__ import annotations

from pathlib import Path

from reader_support import notices, reader_app, shown_rows, wait_for, wait_open
from update_support import (
    SIZE,
    add_chapter,
    blueberry,
    blueberry_record,
    library_app,
    open_told_of_the_new_chapter,
    open_update,
    read_then_updated,
    status,
)

import tui.reading.session as session_module
from tui.ui.screens.library import LibraryScreen
from tui.ui.screens.reader_opening import CHANGED_NOTICE


async def test_U_is_a_jump_back_from_and_names_the_chapter_it_went_to(tmp_path: Path) -> None:
    _, kept = await read_then_updated(tmp_path)
    app = library_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_update(pilot)
        assert any("The Last Slice" in row for row in shown_rows(screen))
        # The short last chapter cannot reach the top row: the status names it all the same.
        assert "CHAPTER 9" in status(screen), status(screen)
        await pilot.press("ctrl+o")
        assert screen.view.top_offset() == kept
        assert "CHAPTER 2" in status(screen)
        await pilot.press("tab")  # and forward again
        assert "CHAPTER 9" in status(screen)
        await pilot.press("apostrophe", "apostrophe")  # '' as well
        assert screen.view.top_offset() == kept
        await pilot.press("q")
        await pilot.pause()
    record = blueberry_record()
    assert record.offset == kept and record.status == "reading"


async def test_a_look_at_the_new_chapter_keeps_the_place_and_finishes_nothing(
    tmp_path: Path,
) -> None:
    _, kept = await read_then_updated(tmp_path)
    app = library_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_update(pilot)
        assert "CHAPTER 9" in status(screen)
        await pilot.pause(1.5)  # the place is saved every second while reading
        await pilot.press("q")
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)
    record = blueberry_record()
    assert record.status == "reading" and not record.ended
    assert record.offset == kept and record.progress < 0.5


async def test_opening_an_updated_story_says_what_is_new_and_U_goes_there(
    tmp_path: Path,
) -> None:
    path, kept = await read_then_updated(tmp_path)
    app = reader_app(path)  # `chapbook blueberry.txt`
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        news = "1 new chapter since you last read: CHAPTER 9: The Last Slice · U to go there"
        await wait_for(pilot, lambda: news in notices(app))
        assert screen.view.top_offset() == kept  # still where the reader was
        await pilot.press("U")
        assert "CHAPTER 9" in status(screen)
        assert any("The Last Slice" in row for row in shown_rows(screen))
        assert not any("U to go there" in n for n in notices(app))  # taken up: gone
        await pilot.press("ctrl+o")
        assert screen.view.top_offset() == kept


async def test_the_book_s_notices_go_when_it_is_closed(tmp_path: Path) -> None:
    """`Updated · 1 new chapter … U to go there` is the book's: the library opened in its
    place (`L`), or the library it was opened from (`q`), shows its keys without it."""
    path, _ = await read_then_updated(tmp_path)
    news = "1 new chapter since you last read: CHAPTER 9: The Last Slice · U to go there"
    app = reader_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await wait_open(pilot)
        await wait_for(pilot, lambda: news in notices(app))
        await pilot.press("L")
        await wait_for(pilot, lambda: isinstance(app.screen, LibraryScreen))
        await pilot.pause()
        assert news not in notices(app)
    app = library_app()  # and opened from the library, `q` back to it
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, LibraryScreen))
        await open_update(pilot)
        app.notify(news, title="Updated", timeout=10)  # (as the reader says it)
        await pilot.press("q")
        await wait_for(pilot, lambda: isinstance(app.screen, LibraryScreen))
        await pilot.press("h")
        await pilot.pause()
        assert news not in notices(app)


async def test_a_rewritten_place_and_new_chapters_are_told_in_one_notice(tmp_path: Path) -> None:
    path, kept = await read_then_updated(tmp_path)
    text = path.read_text(encoding="utf-8")
    end = text.index("\n\n", kept)
    path.write_text(text[:kept] + "A paragraph the author wrote again." + text[end:], "utf-8")
    app = reader_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await wait_open(pilot)
        await wait_for(pilot, lambda: any(CHANGED_NOTICE in n for n in notices(app)))
        [notice] = [n for n in notices(app) if CHANGED_NOTICE in n]
        assert notice.endswith(
            "1 new chapter since you last read: CHAPTER 9: The Last Slice · U to go there"
        )


async def test_U_in_a_story_without_new_chapters_says_so(tmp_path: Path) -> None:
    path = blueberry(tmp_path)
    app = reader_app(path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        before = screen.view.top_offset()
        await pilot.press("U")
        assert "No new chapters since you last read this book" in notices(app)
        assert screen.view.top_offset() == before


async def look_at_the_new_chapter(path: Path, *then: str) -> None:
    """`chapbook FILE` on the updated story, `U`, the keys ``then``, and `q`."""
    app = reader_app(path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_told_of_the_new_chapter(pilot)
        await pilot.press("U")
        assert "CHAPTER 9" in status(screen)
        await pilot.press(*then)
        await pilot.pause(1.5)  # the place is saved every second while reading
        await pilot.press("q")
        await pilot.pause()


async def test_U_in_the_reader_then_q_keeps_the_place_and_finishes_nothing(
    tmp_path: Path,
) -> None:
    path, kept = await read_then_updated(tmp_path)
    await look_at_the_new_chapter(path)
    record = blueberry_record()
    assert record.offset == kept and record.status == "reading" and not record.ended
    assert record.updated  # the new chapter is still there to read


async def test_reading_on_from_the_new_chapter_keeps_the_place_there(tmp_path: Path) -> None:
    path, kept = await read_then_updated(tmp_path)
    await look_at_the_new_chapter(path, "k")
    record = blueberry_record()
    assert record.offset > kept and not record.updated


SHORT_CHAPTERS = "".join(
    f"CHAPTER {n}\n\n{title}\n\n{line}\n\n\n"
    for n, title, line in (
        (10, "Crumbs", "The plate held only crumbs by morning, and nobody owned to it."),
        (11, "Confession", "Net owned to it at breakfast, and Sponge laughed at him."),
        (12, "Aftermath", "They baked another pie that afternoon, and shared it."),
    )
)


async def test_U_to_short_new_chapters_names_the_one_the_page_begins_with(
    tmp_path: Path,
) -> None:
    # Three short chapters posted: the page began at `CHAPTER 10 / Crumbs`, and the status
    # line named chapter 11, whose heading stood on the upper half of that page.
    path = blueberry(tmp_path)
    app = reader_app(path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        await pilot.press("8", "right_curly_bracket", *"10", "j")
        await pilot.pause(1.5)  # (saved every second while reading)
        assert "CHAPTER 8" in status(screen)
        await pilot.press("q")
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("\nEnd file.\n", "\n" + SHORT_CHAPTERS + "End file.\n"))
    again = reader_app(path)
    async with again.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        await wait_for(pilot, lambda: any("3 new chapters" in n for n in notices(again)))
        await pilot.press("U")
        assert shown_rows(screen)[0].strip() == "CHAPTER 10"
        assert "CHAPTER 10: Crumbs" in status(screen), status(screen)


async def test_the_new_chapter_U_went_to_and_stayed_on_is_read_and_kept_as_the_place(
    tmp_path: Path, monkeypatch
) -> None:
    """`U`, then the new chapter read where it stands (short: nothing to scroll) for a
    moment: opened again, the story is at that chapter, named by the status line though it
    starts below the top of the last page, and it is no longer updated. It skipped chapter
    8, so it is not finished either."""
    monkeypatch.setattr(session_module, "READ_AFTER", 1.0)
    path, kept = await read_then_updated(tmp_path)
    app = reader_app(path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_told_of_the_new_chapter(pilot)
        await pilot.press("U")
        assert "CHAPTER 9" in status(screen)
        chapter = screen.moves.here()
        assert chapter > screen.view.top_offset()  # held below the top by the end
        await pilot.pause(2.5)  # read for a moment (autosaved meanwhile)
        await pilot.press("q")
    record = blueberry_record()
    assert record.offset == chapter and not record.updated
    assert record.status == "reading"
    again = reader_app(path)
    async with again.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        await pilot.pause()
        assert "CHAPTER 9" in status(screen), status(screen)
        await pilot.press("apostrophe", "apostrophe")  # back to where U left
        assert screen.view.top_offset() == kept


async def test_a_chapter_jump_to_the_new_chapter_and_straight_out_keeps_it_new(
    tmp_path: Path,
) -> None:
    """`}` from the last chapter read to the new one, and `q` at once: opened again, the
    story is at the new chapter (not the top line of the last page, in the chapter before),
    but the chapter was only glimpsed: the story is still updated, not finished, and `U`
    still goes there."""
    path = blueberry(tmp_path)
    app = reader_app(path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        await pilot.press("8", "right_curly_bracket")
        await pilot.pause(1.5)  # (saved every second while reading)
        assert "CHAPTER 8" in status(screen)
        await pilot.press("q")
    add_chapter(path, 9)
    again = reader_app(path)
    async with again.run_test(size=SIZE) as pilot:
        screen = await open_told_of_the_new_chapter(pilot)
        await pilot.press("right_curly_bracket")
        assert "CHAPTER 9" in status(screen)
        chapter = screen.moves.here()
        await pilot.press("q")
    record = blueberry_record()
    assert record.offset == chapter and record.updated and record.status == "reading"
    third = reader_app(path)
    async with third.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        await pilot.pause()
        assert "CHAPTER 9" in status(screen), status(screen)
        await pilot.press("U")
        assert "No new chapters since you last read this book" not in notices(third)
        await pilot.press("q")
    assert blueberry_record().updated
