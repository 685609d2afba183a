"""Capital marks name one place among all the books, as vim's file marks do among files.

`' A` in another book opens the book the mark is in, there.
"""

from __future__ import annotations

from pathlib import Path

from reader_support import lantern_book, reader_app, shown_rows, wait_for, wait_open
from support_engine import blueberry

from tui.library.library import Library
from tui.ui.screens.reader import ReaderScreen

SIZE = (80, 24)


def marks_in(path: Path) -> list[str]:
    library = Library.open()
    record = next(r for r in library.records() if r.path == str(path))
    return [b.mark for b in library.bookmarks(record.id) if b.mark]


async def marked_in_another(tmp_path: Path) -> tuple[Path, Path, list[str]]:
    """Two books, the first with capital mark A set a line into its second chapter: the
    books and the rows that were on screen there."""
    lanterns = lantern_book(tmp_path)
    pie, _ = blueberry(tmp_path)
    app = reader_app(lanterns)
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        await pilot.press("2", "right_curly_bracket", "j")
        place = shown_rows(screen)
        await pilot.press("m", "A")
        assert "mark ‘A’ set" in str(screen.status.render())
        await pilot.press("q")
    return lanterns, pie, place


async def test_a_capital_mark_set_in_one_book_opens_it_from_another(tmp_path: Path) -> None:
    lanterns, pie, place = await marked_in_another(tmp_path)
    app = reader_app(pie, library=Library.open())
    async with app.run_test(size=SIZE) as pilot:
        pie_screen = await wait_open(pilot)
        await pilot.press("3", "right_curly_bracket")
        await pilot.press("apostrophe", "A")
        await wait_for(pilot, lambda: app.screen is not pie_screen)
        reader = await wait_open(pilot)
        assert isinstance(reader, ReaderScreen) and reader.path == lanterns
        assert shown_rows(reader) == place
        await pilot.press("q")
    # The place read in the other book was kept as it was left for the mark.
    record = next(r for r in Library.open().records() if r.path == str(pie))
    assert record.status == "reading"


async def test_setting_a_capital_mark_in_another_book_moves_it_there(tmp_path: Path) -> None:
    lanterns = lantern_book(tmp_path)
    pie, _ = blueberry(tmp_path)
    for path in (lanterns, pie):
        app = reader_app(path, library=Library.open())
        async with app.run_test(size=SIZE) as pilot:
            await wait_open(pilot)
            await pilot.press("2", "right_curly_bracket", "m", "B", "m", "b")
            await pilot.pause()
            await pilot.press("q")
    assert marks_in(lanterns) == ["b"]  # its `b` stays: small letters are each book's own
    assert sorted(marks_in(pie)) == ["B", "b"]


async def test_a_capital_mark_finds_its_place_in_a_book_changed_since(tmp_path: Path) -> None:
    lanterns, pie, place = await marked_in_another(tmp_path)
    top = next(row for row in place if row)
    # Downloaded again: a note before the story moves every offset in it.
    lanterns.write_text("A note.\n\n" + lanterns.read_text(encoding="utf-8"), encoding="utf-8")
    app = reader_app(pie, library=Library.open())
    async with app.run_test(size=SIZE) as pilot:
        pie_screen = await wait_open(pilot)
        await pilot.press("apostrophe", "A")
        await wait_for(pilot, lambda: app.screen is not pie_screen)
        reader = await wait_open(pilot)
        await wait_for(pilot, lambda: reader.session.final)
        assert isinstance(reader, ReaderScreen) and reader.path == lanterns
        assert next(row for row in shown_rows(reader) if row) == top


async def test_jump_back_after_a_capital_mark_returns_to_the_book_it_was_opened_from(
    tmp_path: Path,
) -> None:
    lanterns, pie, place = await marked_in_another(tmp_path)
    app = reader_app(pie, library=Library.open())
    async with app.run_test(size=SIZE) as pilot:
        pie_screen = await wait_open(pilot)
        await pilot.press("3", "right_curly_bracket")
        left = shown_rows(pie_screen)
        await pilot.press("apostrophe", "A")
        await wait_for(pilot, lambda: app.screen is not pie_screen)
        reader = await wait_open(pilot)
        await wait_for(pilot, lambda: reader.session.final)
        assert reader.path == lanterns and shown_rows(reader) == place
        # As vim's ctrl+o after 'A: back through the jumps made here, then to the other
        # book, where it was left.
        await pilot.press("G")
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert app.screen is reader and shown_rows(reader) == place
        await pilot.press("ctrl+o")
        await wait_for(pilot, lambda: app.screen is not reader)
        back = await wait_open(pilot)
        assert isinstance(back, ReaderScreen) and back.path == pie
        await wait_for(pilot, lambda: back.session.final)
        assert shown_rows(back) == left
    # The marker for the other book is never kept among the places of the jump list.
    library = Library.open()
    record = next(r for r in library.records() if r.path == str(lanterns))
    assert all(anchor.offset >= 0 for anchor in library.jumps(record.id))
