"""A look at the end of a book from the middle of it is not reading it to the end.

A look at the end of a book from the middle of it (a search that finds the notes at the back,
`G`) is not reading it to the end: the book is not finished. Its place is where the look went,
as less and vim keep it: opened again, the book shows what was on screen.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from reader_support import reader_app, wait_open

import tui
from tui.library.catalog import format_progress
from tui.library.columns import reading_state
from tui.library.library import Library

SIZE = (80, 24)
REAL = Path(__file__).resolve().parents[1] / "fixtures" / "real"


def candide(tmp_path: Path) -> Path:
    path = tmp_path / "candide.txt.gz"
    shutil.copy(REAL / "pg_candide_latin1.txt.gz", path)
    return path


def record_of(path: Path):
    return next(r for r in Library.open().records() if r.path == str(path))


async def test_a_search_that_shows_the_notes_at_the_back_leaves_the_book_being_read(
    tmp_path: Path,
) -> None:
    path = candide(tmp_path)
    app = reader_app(path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        await pilot.press("3", "right_curly_bracket")  # into the third chapter
        await pilot.pause()
        place = screen.view.top_offset()
        await pilot.press("slash", *"FOOTNOTES", "enter")
        await pilot.pause()
        back = screen.view.top_offset()
        assert back > place  # at the back of the book
        await pilot.press("q")
    record = record_of(path)
    assert record.status == "reading" and record.offset == back


async def test_the_book_opens_again_at_the_end_it_was_left_at(tmp_path: Path) -> None:
    path = candide(tmp_path)
    async with reader_app(path).run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        await pilot.press("3", "right_curly_bracket")
        await pilot.pause()
        reading = screen.view.top_offset()
        await pilot.press("G")
        await pilot.pause()
        end = screen.view.top_offset()
        await pilot.press("q")
    assert record_of(path).status == "reading"
    async with reader_app(path).run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        await pilot.pause()
        assert screen.view.top_offset() == end
        await pilot.press("apostrophe", "apostrophe")  # back to where the glance left
        await pilot.pause()
        assert screen.view.top_offset() == reading


async def test_reading_on_after_a_look_at_the_end_finishes_the_book(tmp_path: Path) -> None:
    path = candide(tmp_path)
    app = reader_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await wait_open(pilot)
        await pilot.press("3", "right_curly_bracket", "G")
        await pilot.pause()
        await pilot.press("k", "j")  # read on from there
        await pilot.pause()
        await pilot.press("q")
    assert record_of(path).status == "finished"


async def test_a_search_that_wraps_to_its_last_match_near_the_end_leaves_the_book_being_read(
    tmp_path: Path,
) -> None:
    """`/rabbit` from the start, then `N`: the search wraps to its last match, a few lines
    short of the end. That is a glance as `G` is: the book opens again there, but is not
    finished (the library counted a place that near the end as read to it)."""
    path = tmp_path / "alice.txt.gz"
    shutil.copy(REAL / "pg_alice.txt.gz", path)
    async with reader_app(path).run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        await pilot.press("slash", *"rabbit", "enter")
        await pilot.pause()
        await pilot.press("N")
        await pilot.pause()
        status = str(screen.status.render())
        assert "search wrapped to the end" in status and "100%" not in status, status
        last_match = screen.view.top_offset()
        await pilot.press("q")
    record = record_of(path)
    assert record.offset == last_match and record.progress > 0.9
    assert record.status == "reading"


async def test_a_book_opened_again_where_a_glance_left_it_is_still_not_finished(
    tmp_path: Path,
) -> None:
    """`G` from the middle and `q`; opened again at the end, and left without reading on:
    the book is still being read (opening it there is not reading to the end)."""
    path = candide(tmp_path)
    async with reader_app(path).run_test(size=SIZE) as pilot:
        await wait_open(pilot)
        await pilot.press("3", "right_curly_bracket", "G")
        await pilot.pause()
        await pilot.press("q")
    async with reader_app(path).run_test(size=SIZE) as pilot:
        await wait_open(pilot)
        await pilot.pause(1.5)  # (the place is saved every second while reading)
        await pilot.press("q")
    assert record_of(path).status == "reading"


async def test_looking_back_up_from_a_glance_at_the_end_leaves_the_book_being_read(
    tmp_path: Path,
) -> None:
    """`G` from the middle, then `k` and `b` to see the lines above the end: still a look at
    the end, not reading to it (only a move on from there reads on)."""
    path = candide(tmp_path)
    async with reader_app(path).run_test(size=SIZE) as pilot:
        await wait_open(pilot)
        await pilot.press("3", "right_curly_bracket", "G")
        await pilot.pause()
        await pilot.press("k", "k", "b")
        await pilot.pause()
        await pilot.press("q")
    assert record_of(path).status == "reading"


async def test_a_search_back_from_a_glance_at_the_end_leaves_the_book_being_read(
    tmp_path: Path,
) -> None:
    path = candide(tmp_path)
    async with reader_app(path).run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        await pilot.press("3", "right_curly_bracket", "G")
        await pilot.pause()
        end = screen.view.top_offset()
        await pilot.press("question_mark", *"the", "enter")
        await pilot.pause()
        assert screen.view.top_offset() < end
        await pilot.press("q")
    assert record_of(path).status == "reading"


async def test_back_and_forward_again_to_a_glance_at_the_end_is_still_a_glance(
    tmp_path: Path,
) -> None:
    """`G`, ctrl+o back to the middle, and tab forward again to the end: the end was only
    looked at, twice."""
    path = candide(tmp_path)
    async with reader_app(path).run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        await pilot.press("3", "right_curly_bracket", "G")
        await pilot.pause()
        end = screen.view.top_offset()
        await pilot.press("ctrl+o", "tab")
        await pilot.pause()
        assert screen.view.top_offset() == end
        await pilot.press("q")
    assert record_of(path).status == "reading"


def tide(tmp_path: Path) -> Path:
    """The bundled story: short, its last page starts well before its end (96% at 80×24)."""
    path = tmp_path / "tide.txt"
    shutil.copy(Path(tui.__file__).parent / "data" / "sample.txt", path)
    return path


async def test_the_library_says_the_100_percent_the_status_line_said_after_a_glance(
    tmp_path: Path,
) -> None:
    """`G` from the first chapter shows `100%` on the status line: the library says `100%`
    too (it said `96%`, the top of the last page), and the book is still being read."""
    path = tide(tmp_path)
    async with reader_app(path).run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        await pilot.press("j", "G")
        await pilot.pause()
        assert "100%" in str(screen.status.render())
        await pilot.press("q")
    record = record_of(path)
    assert record.status == "reading"
    assert format_progress(record) == "100%" and reading_state(record) == "100%"


async def test_a_key_down_at_the_end_after_a_glance_finishes_the_book(tmp_path: Path) -> None:
    """`G` from the first chapter, then (after the place was saved there) `j` or Space with
    the end on screen: there is nowhere to go, but that is reading on from the end, and the
    book is finished (it stayed `reading` at 96%)."""
    for key in ("j", "space"):
        (tmp_path / key).mkdir()
        path = tide(tmp_path / key)
        async with reader_app(path).run_test(size=SIZE) as pilot:
            screen = await wait_open(pilot)
            await pilot.press("j", "G")
            await pilot.pause(1.5)  # (the place is saved every second while reading)
            end = screen.view.top_offset()
            await pilot.press(key)
            await pilot.pause()
            assert screen.view.top_offset() == end
            await pilot.press("q")
        assert record_of(path).status == "finished", key
