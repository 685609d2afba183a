"""The library list at small sizes.

Look-alike copies stay apart, the sort mark has its space, and the footer keeps its most useful
keys with a filter kept.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from library_screen_support import library_app, settle
from library_support import add_known, fixed_library, write_story
from textual.widgets._footer import FooterKey

from tui.ui.widgets.fitting_footer import FittingFooter
from tui.ui.widgets.library_table import LibraryTable

TITLE = "King’s Proposal, Vol. 6: The Silver Fairy"


def a_library(folder: Path):
    library = fixed_library()
    for name in ("serial_84mb.txt", "serial_copy.txt"):
        add_known(library, write_story(folder, name, "Serial"), TITLE, author="Koushi Tachibana")
    add_known(
        library, write_story(folder, "dracula.txt", "Dracula"), "Dracula", author="Bram Stoker"
    )
    return library


@pytest.mark.parametrize("size", [(80, 24), (60, 20)])
async def test_two_copies_of_a_book_read_differently(tmp_path: Path, size) -> None:
    async with library_app(a_library(tmp_path)).run_test(size=size) as pilot:
        screen = await settle(pilot)
        table = screen.query_one(LibraryTable)
        rows = [table.render_line(y).text for y in range(1, 4)]
        copies = [row for row in rows if "King" in row]
        assert len(copies) == 2 and copies[0] != copies[1], rows
        assert any("84mb.txt" in row for row in copies), rows
        assert any("copy.txt" in row for row in copies), rows
        assert all("King’s Proposal, Vol" in row for row in copies), rows


async def test_the_sort_mark_is_spaced_from_its_label(tmp_path: Path) -> None:
    async with library_app(a_library(tmp_path)).run_test(size=(80, 24)) as pilot:
        screen = await settle(pilot)
        await pilot.press("s", "down", "down", "down", "down", "enter")
        await pilot.pause()
        header = screen.query_one(LibraryTable).render_line(0).text
        assert "Words ▼" in header, header


async def test_the_sort_mark_is_by_the_column_it_sorts(tmp_path: Path) -> None:
    """Sorted by progress, `Ch ▼ Read` read as sorted by chapters: the mark follows its label."""
    async with library_app(a_library(tmp_path)).run_test(size=(80, 24)) as pilot:
        screen = await settle(pilot)
        await pilot.press("s", "3", "j", "enter")  # a count in the sort menu: progress
        await pilot.pause()
        assert screen.sort_key == "progress"
        header = screen.query_one(LibraryTable).render_line(0).text
        assert "Read ▼" in header and "▼ Read" not in header, header


@pytest.mark.parametrize("width", [30, 40, 60])
async def test_the_title_bar_is_never_cut_mid_word_at_the_screens_edge(
    tmp_path: Path, width: int
) -> None:
    from tui.ui.widgets.library_bar import LibraryBar

    async with library_app(a_library(tmp_path)).run_test(size=(width, 20)) as pilot:
        screen = await settle(pilot)
        bar = screen.query_one(LibraryBar)
        line = bar.render_line(0).text.rstrip()
        assert len(line) <= width
        # the sort order whole (long or short), or left out: never `sorted by last`
        assert line.endswith(("sorted by last read ▼", "by last read ▼", "books")), line


@pytest.mark.parametrize("size", [(80, 24), (60, 20)])
async def test_a_kept_filter_keeps_remove_in_the_footer(tmp_path: Path, size) -> None:
    async with library_app(a_library(tmp_path)).run_test(size=size) as pilot:
        screen = await settle(pilot)
        before = [k.description for k in screen.query_one(FittingFooter).query(FooterKey)]
        await pilot.press("slash", *"king", "tab")
        await pilot.pause()
        await pilot.pause()
        shown = [k.description for k in screen.query_one(FittingFooter).query(FooterKey)]
        assert "Remove" in before and "Remove" in shown, shown
        assert "Clear filter" in shown and shown[-1] == "Help"
        # What is left out is the least useful: never a key ranked above one still shown.
        assert "Rescan" not in shown


async def test_a_book_opened_only_at_its_title_page_says_how_far_it_is_read(
    tmp_path: Path,
) -> None:
    """Opened and its first page read, it said `new`: once opened it says how far (`0%`),
    in its row and its detail lines."""
    from reader_support import reader_app, wait_open
    from real_books import REAL

    from tui.ui.widgets.library_detail import LibraryDetail

    book = tmp_path / "pg_dracula.txt.gz"
    book.write_bytes((REAL / "pg_dracula.txt.gz").read_bytes())
    async with reader_app(book).run_test(size=(80, 24)) as pilot:
        reader = await wait_open(pilot)
        await pilot.press("L")  # to the library, over the book
        screen = await settle(pilot)
        row = screen.query_one(LibraryTable).render_line(1).text
        assert "Dracula" in row and row.split()[-4:] == ["0%", "just", "now", "reading"], row
        assert "new" not in row
        detail = screen.query_one(LibraryDetail)
        assert detail.render_line(2).text.strip().startswith("0% read · at ")
        await pilot.press("escape")  # back to the title page, and into the story
        await wait_open(pilot)
        await pilot.press("right_curly_bracket", "right_curly_bracket")  # to chapter 2
        await pilot.pause()
        assert pilot.app.screen is reader
        await pilot.press("L")
        screen = await settle(pilot)
        row = screen.query_one(LibraryTable).render_line(1).text
        assert "Dracula" in row and "%" in row and "new" not in row, row


async def test_a_book_moved_past_its_notes_with_s_is_being_read(tmp_path: Path) -> None:
    from reader_support import reader_app, wait_open
    from real_books import REAL

    book = tmp_path / "pg_frankenstein.txt.gz"
    book.write_bytes((REAL / "pg_frankenstein.txt.gz").read_bytes())
    async with reader_app(book).run_test(size=(80, 24)) as pilot:
        await wait_open(pilot)
        await pilot.press("S")  # past the title page and contents, to Letter 1
        await pilot.pause()
        await pilot.press("L")
        screen = await settle(pilot)
        row = screen.query_one(LibraryTable).render_line(1).text
        assert "Frankenstein" in row and "new" not in row and "%" in row, row


@pytest.mark.parametrize("size", [(80, 24), (60, 20), (40, 20)])
async def test_the_author_column_stays_in_view_when_the_list_is_sorted_by_it(
    tmp_path: Path, size
) -> None:
    """`s` → author at 60 columns: the header says `sorted by author`, so the authors must
    be in view (other columns go first), or the order looks random."""
    async with library_app(a_library(tmp_path)).run_test(size=size) as pilot:
        screen = await settle(pilot)
        await pilot.press("s", "2", "j", "enter")  # a count in the sort menu: author
        await pilot.pause()
        assert screen.sort_key == "author"
        table = screen.query_one(LibraryTable)
        header = table.render_line(0).text
        assert "Author ▲" in header, header
        rows = [table.render_line(y).text for y in range(1, 4)]
        assert "Bram Stoker" in rows[0], rows
        assert all("Koushi" in row for row in rows[1:]), rows


async def test_sorted_by_words_at_the_narrowest_the_words_stay_and_another_goes(
    tmp_path: Path,
) -> None:
    async with library_app(a_library(tmp_path)).run_test(size=(28, 20)) as pilot:
        screen = await settle(pilot)
        await pilot.press("s", "4", "j", "enter")
        await pilot.pause()
        assert screen.sort_key == "words"
        header = screen.query_one(LibraryTable).render_line(0).text
        assert "Words ▼" in header, header
