"""Removing a book from the library and bringing it back.

The way back the notice and the footer name, the place, bookmarks and row it comes back with,
and when it ends (Pilot).
"""

from __future__ import annotations

from pathlib import Path

from library_screen_support import library_app, remove_highlighted, settle, titles, wait_reader_open
from library_support import NOW, add_known, fixed_library, read_to, write_story

from tui.book.anchor import Anchor, Bookmark
from tui.library.library import Library
from tui.ui.widgets.library_table import LibraryTable


def footer_keys(screen) -> list[str]:
    from textual.widgets._footer import FooterKey

    from tui.ui.widgets.fitting_footer import FittingFooter

    return [key.description for key in screen.query_one(FittingFooter).query(FooterKey)]


def four_books(tmp_path: Path) -> Library:
    library = fixed_library(tmp_path / "data")
    for name in ("A one", "B two", "C three", "D four"):
        add_known(library, write_story(tmp_path, f"{name[0]}.txt", name), name)
    return library


async def test_a_removed_book_comes_back_with_its_place_and_bookmarks(tmp_path: Path) -> None:
    library = four_books(tmp_path)
    record = next(r for r in library.records() if r.title == "C three")
    read_to(library, record, 0.4, NOW - 60)
    for other in library.records():  # read before it: it is the third row
        if other.title in ("A one", "B two"):
            read_to(library, other, 0.1, NOW - (30 if other.title == "A one" else 40))
    library.add_bookmark(record.id, Bookmark(Anchor(record.length // 2, "fp", NOW), "here", NOW))
    library.save()
    async with library_app(library).run_test(size=(80, 24)) as pilot:
        screen = await settle(pilot)
        table = screen.query_one(LibraryTable)
        await pilot.press("down", "down")
        assert table.current.title == "C three"
        before = titles(screen)
        await remove_highlighted(pilot)
        await settle(pilot)
        assert "C three" not in titles(screen) and table.current.title == before[3]
        notices = [str(n.message) for n in pilot.app._notifications]
        assert any("“C three” (the file is untouched): ^z brings it back." in n for n in notices)
        assert "Undo remove" in footer_keys(screen)
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert titles(screen) == before and table.current.title == "C three"
        assert "Undo remove" not in footer_keys(screen)
        notices = [str(n.message) for n in pilot.app._notifications]
        assert not any("brings it back" in n for n in notices)  # done with: taken away
        back = library.get(record.id)
        assert back is not None and back.progress == record.progress
        assert [b.label for b in library.bookmarks(record.id)] == ["here"]
    # And so it is on disk: the next start has it, its bookmark too.
    again = Library.open(tmp_path / "data", sample=False, clock=lambda: NOW)
    kept = again.get(record.id)
    assert kept is not None and kept.offset == record.offset
    assert [b.label for b in again.bookmarks(record.id)] == ["here"]


async def test_books_removed_come_back_last_first_until_a_book_is_opened(tmp_path: Path) -> None:
    library = four_books(tmp_path)
    async with library_app(library).run_test(size=(80, 24)) as pilot:
        screen = await settle(pilot)
        await remove_highlighted(pilot)
        await settle(pilot)
        await remove_highlighted(pilot)
        await settle(pilot)
        assert len(titles(screen)) == 2
        await pilot.press("ctrl+z")  # the second removed first
        await settle(pilot)
        assert len(titles(screen)) == 3
        await remove_highlighted(pilot)
        await settle(pilot)
        assert len(titles(screen)) == 2
        await pilot.press("enter")  # a book read: the list was left, the removals stand
        await wait_reader_open(pilot)
        await pilot.press("q")
        screen = await settle(pilot)
        assert "Undo remove" not in footer_keys(screen)
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert len(titles(screen)) == 2 and len(library) == 2
