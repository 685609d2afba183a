"""The lines under the library list.

The highlighted book's whole title and author however its row is cut, its fandom, how far it is
read and the chapter it was left in, in three lines that never move the list (Pilot).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from library_screen_support import library_app, settle, titles, wait_reader_open
from library_support import add_known, fixed_library, populate, write_story

from tui.ui.screens.library import LibraryScreen
from tui.ui.widgets.library_detail import LibraryDetail
from tui.ui.widgets.library_scanner import LibraryScanner
from tui.ui.widgets.library_table import LibraryTable

# Two stories by one author whose titles differ only past what an 80-column row can show.
FIRST = (
    "The One Where Everyone Thinks They're Dating (And They Aren't): "
    "A Study in Five Misunderstandings"
)
SEQUEL = (
    "The One Where Everyone Thinks They're Dating (And They Aren't): "
    "The Sequel Nobody Asked For, With Pining"
)


def detail_lines(screen) -> list[str]:
    """The detail lines as the screen shows them, cut to the widget's width."""
    detail = screen.query_one(LibraryDetail)
    width = detail.size.width
    lines = [detail.render_line(y).text[:width].rstrip() for y in range(detail.size.height)]
    return [line.removeprefix(" ") for line in lines]


def row_texts(screen) -> list[str]:
    table = screen.query_one(LibraryTable)
    return [table.render_line(y).text.rstrip() for y in range(1, len(table.rows) + 1)]


@pytest.mark.parametrize("size", [(80, 24), (120, 40), (200, 60)], ids=lambda s: f"{s[0]}x{s[1]}")
async def test_two_long_titles_by_one_author_are_told_apart_under_the_list(
    tmp_path: Path, size: tuple[int, int]
) -> None:
    library = fixed_library()
    populate(library, tmp_path, 3)
    for n, title in enumerate((FIRST, SEQUEL)):
        path = write_story(tmp_path / "fics", f"{n}.txt", title, chapters=12)
        add_known(
            library, path, title, author="midnightlanterns", fandom="The Lantern Saga", chapters=12
        )
    async with library_app(library).run_test(size=size) as pilot:
        screen = await settle(pilot)
        await pilot.press("slash", *"dating", "tab")  # the two, side by side
        assert sorted(titles(screen)) == [FIRST, SEQUEL]
        rows = row_texts(screen)
        if size == (80, 24):  # the list cuts both titles alike: nothing tells them apart there
            assert rows[0] == rows[1]
        shown = {}
        for _ in range(2):
            lines = detail_lines(screen)
            assert len(lines) == 3
            assert all(len(line) <= size[0] - 2 for line in lines)
            name = " ".join(lines[:2] if size[0] < 150 else lines[:1])
            shown[screen.query_one(LibraryTable).current.display_title] = (name, lines)
            await pilot.press("j")
        for title, (name, lines) in shown.items():
            assert f"{title} by midnightlanterns" in name  # the whole title, and its author
            assert "The Lantern Saga" in " ".join(lines[:2])
            assert lines[2].startswith("new · 12 chapters")


async def left_in_chapter_two(pilot) -> LibraryScreen:
    """Open the list's first book, read on to its Chapter 2 and go back to the list, which is
    returned once settled."""
    await settle(pilot)
    await pilot.press("enter")
    await wait_reader_open(pilot)
    await pilot.press("right_curly_bracket", "right_curly_bracket")  # to Chapter 2
    await pilot.pause()
    await pilot.press("q")  # back to the list
    await pilot.pause()
    return await settle(pilot)


async def test_the_detail_says_where_the_book_was_left(tmp_path: Path) -> None:
    library = fixed_library()
    path = write_story(tmp_path, "serial.txt", "The Long Serial", chapters=3)
    library.add_paths([path])
    async with library_app(library).run_test(size=(80, 24)) as pilot:
        screen = await left_in_chapter_two(pilot)
        lines = detail_lines(screen)
        assert lines[0] == "The Long Serial by A. Writer"
        assert lines[1] == "Original Work"
        assert lines[2] == "35% read · at Chapter 2: Part 2 (2 of 3) · last read just now"
        [record] = library.records()
        assert (record.place_title, record.place_chapter) == ("Chapter 2: Part 2", 2)


async def test_the_detail_lines_cost_the_list_one_row_at_80x24(tmp_path: Path) -> None:
    """Bar, headings, eighteen books, three detail lines and the footer: 24 rows."""
    library = fixed_library()
    populate(library, tmp_path, 30)
    async with library_app(library).run_test(size=(80, 24)) as pilot:
        screen = await settle(pilot)
        table = screen.query_one(LibraryTable)
        assert table.size.height - 1 == 18
        assert screen.query_one(LibraryDetail).size.height == 3
        await pilot.press("G")  # to the last book and back: the list never moves its rows
        await pilot.press("g")
        assert table.size.height - 1 == 18


async def test_a_notice_stands_above_the_detail_lines_not_over_their_ends(tmp_path: Path) -> None:
    """At 80x24 a notice (a rescan's `Nothing changed…`) hid the right half of the three
    lines about the highlighted book; it stands above them, during a scan's progress too."""
    library = fixed_library()
    populate(library, tmp_path, 3)
    async with library_app(library).run_test(size=(80, 24), notifications=True) as pilot:
        screen = await settle(pilot)
        detail, scanner = screen.query_one(LibraryDetail), screen.query_one(LibraryScanner)
        for scanning in (False, True):
            if scanning:  # (the scan's progress line shows under the detail lines)
                scanner.post_message(LibraryScanner.Progress(1, 10, "Adding"))
            screen.app.notify(f"A notice of four lines, {scanning}, " + "words " * 12)
            for _ in range(20):
                await pilot.pause(0.05)
                if screen.query("Toast"):
                    break
            [toast] = screen.query("Toast")
            assert scanner.display is scanning
            assert toast.region.height >= 4
            assert toast.region.bottom <= detail.region.y
            screen.app.clear_notifications()


async def test_a_chapter_name_too_long_for_the_line_is_cut_not_left_out(tmp_path: Path) -> None:
    # The line said `9% read` and no more when the chapter's name did not fit beside it.
    long = "The Confession Of A Passionate Heart, First In Verse And Then In Anecdote"
    path = write_story(tmp_path, "serial.txt", "The Long Serial", chapters=3)
    path.write_text(
        path.read_text(encoding="utf-8").replace("Chapter 2: Part 2", f"Chapter 2: {long}"),
        encoding="utf-8",
    )
    library = fixed_library()
    library.add_paths([path])
    async with library_app(library).run_test(size=(80, 24)) as pilot:
        screen = await left_in_chapter_two(pilot)
        line = detail_lines(screen)[2]
        assert re.match(r"\d+% read · at Chapter 2: The Confession Of A", line), line
        assert line.endswith("…") and len(line) <= 78, line
