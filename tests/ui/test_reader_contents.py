"""The contents (`t`): chapters and their scenes, the current place selected; Enter jumps."""

from __future__ import annotations

from pathlib import Path

import pytest
from reader_support import (
    make_book,
    notices,
    reader_app,
    shown_rows,
    story,
    top_text,
    wait_open,
)
from rich.cells import cell_len
from textual.widgets import Label

from tui.reading.contents import ContentsRow, contents_rows, current_row, rows_holding
from tui.ui.dialogs.contents import ContentsOptions, ContentsScreen


def test_rows_are_chapters_then_their_scenes() -> None:
    book = make_book(story(chapters=2, scenes=3, paras=2))
    rows = contents_rows(book)
    assert [(r.depth, r.title.split(" — ")[0]) for r in rows] == [
        (0, "Chapter 1: The Ledger"),
        (1, "Scene 1"),
        (1, "Scene 2"),
        (1, "Scene 3"),
        (0, "Chapter 2: The Bells"),
        (1, "Scene 1"),
        (1, "Scene 2"),
        (1, "Scene 3"),
    ]
    scene_two = book.chapters[0].scenes[1]
    assert rows[2].para == scene_two.start - 1  # lands on the ornament before it
    assert current_row(rows, scene_two.start + 1) == 2
    assert current_row(rows, book.chapters[1].start) == 5  # a heading: its first scene
    assert current_row(rows, 0) == 0  # the front matter: the first chapter


def test_a_chapter_of_one_scene_lists_no_scene() -> None:
    book = make_book(story(chapters=2, scenes=1, paras=2))
    assert [r.depth for r in contents_rows(book)] == [0, 0]


async def test_contents_selects_the_place_jumps_and_jump_back_returns(book_path: Path) -> None:
    app = reader_app(book_path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await wait_open(pilot)
        await pilot.press("3", "right_curly_bracket", "right_square_bracket")  # chapter 3, scene 2
        before = shown_rows(screen)
        await pilot.press("t")
        assert isinstance(app.screen, ContentsScreen)
        options = app.screen.query_one(ContentsOptions)
        chosen = options.get_option_at_index(options.highlighted).prompt
        assert str(chosen).strip().startswith("Scene 2")
        assert app.screen.rows[options.highlighted - 2].title == "Chapter 3: The Flats"
        await pilot.press("down", "down", "enter")  # chapter 4's heading
        assert not isinstance(app.screen, ContentsScreen)
        assert top_text(screen) == "Chapter 4: The Tide"
        await pilot.press("ctrl+o")
        assert shown_rows(screen) == before


async def test_escape_closes_the_contents_where_you_were(book_path: Path) -> None:
    app = reader_app(book_path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await wait_open(pilot)
        before = shown_rows(screen)
        await pilot.press("t", "down", "escape")
        assert not isinstance(app.screen, ContentsScreen)
        assert shown_rows(screen) == before


@pytest.mark.parametrize("key", ["t", "q"])
async def test_the_contents_key_or_quit_closes_the_contents_as_they_close_the_help(
    book_path: Path, key: str
) -> None:
    app = reader_app(book_path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await wait_open(pilot)
        before = shown_rows(screen)
        await pilot.press("t", "down", key)
        await pilot.pause()
        assert app.screen is screen and app.is_running  # q closed the list, not chapbook
        assert shown_rows(screen) == before
        await pilot.press("B", "B" if key == "t" else key)  # and so the bookmark list
        await pilot.pause()
        assert app.screen is screen and app.is_running


async def contents_at_chapter_3(pilot) -> None:
    await wait_open(pilot)
    await pilot.press("3", "right_curly_bracket", "right_square_bracket", "t")
    await pilot.pause()


@pytest.mark.parametrize("size", [(80, 24), (40, 12), (120, 40)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_contents_snapshot(snap_compare, book_path: Path, size: tuple[int, int]) -> None:
    """The contents over the reader, chapter 3's second scene selected and in view."""
    app = reader_app(book_path)
    assert snap_compare(app, terminal_size=size, run_before=contents_at_chapter_3)


DRACULA = Path(__file__).resolve().parents[1] / "fixtures" / "real" / "pg_dracula.txt.gz"


async def test_moving_the_highlight_within_the_shown_rows_does_not_scroll() -> None:
    app = reader_app(DRACULA)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_open(pilot, timeout=20)
        await pilot.press("t", "G")
        await pilot.pause()
        options = app.screen.query_one(ContentsOptions)
        assert options.highlighted == options.option_count - 1
        last_page = options.scroll_offset.y
        assert last_page == options.max_scroll_y > 0
        for step in range(1, 9):
            await pilot.press("k")
            await pilot.pause()
            assert options.highlighted == options.option_count - 1 - step
            assert options.scroll_offset.y == last_page, f"scrolled at k number {step}"


async def test_a_count_before_a_move_in_the_contents_moves_that_many_rows(book_path: Path) -> None:
    """As in the library and the settings: `3j` is three rows down, `2k` two up."""
    app = reader_app(book_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_open(pilot)
        await pilot.press("t")
        await pilot.pause()
        options = app.screen.query_one(ContentsOptions)
        start = options.highlighted or 0
        await pilot.press("3", "j")
        assert options.highlighted == start + 3
        await pilot.press("2", "k")
        assert options.highlighted == start + 1


CAROL = Path(__file__).resolve().parents[1] / "fixtures" / "real" / "pg_christmas_carol.txt.gz"


@pytest.mark.parametrize("width", [80, 60, 120])
async def test_a_long_title_is_cut_in_the_header_and_the_keys_hint_stays_whole(width: int) -> None:
    # At 80 columns the header read `A Christmas Carol in Prose; Being a Ghost Story of
    # Christmas: ⏎ jumps there,` and the key that closes the list was cut off.
    app = reader_app(CAROL)
    async with app.run_test(size=(width, 24)) as pilot:
        await wait_open(pilot, timeout=20)
        await pilot.press("t")
        await pilot.pause()
        assert isinstance(app.screen, ContentsScreen)
        header = str(app.screen.query_one(Label).render())
        assert header.endswith(" jumps there, / filters, esc closes"), header
        assert header.startswith("A Christmas Carol")
        assert cell_len(header) <= min(100, width) - 4
        if width < 100:
            assert "…:" in header


async def test_slash_in_the_contents_narrows_it_and_enter_jumps(book_path: Path) -> None:
    app = reader_app(book_path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await wait_open(pilot)
        await pilot.press("t", "slash", *"bells")
        await pilot.pause()
        assert isinstance(app.screen, ContentsScreen)
        options = app.screen.query_one(ContentsOptions)
        shown = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        assert shown and all("Bells" in row for row in shown)
        assert notices(app) == []
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is screen
        assert top_text(screen) == "Chapter 2: The Bells"


async def test_escape_clears_the_contents_filter_then_closes(book_path: Path) -> None:
    app = reader_app(book_path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await wait_open(pilot)
        await pilot.press("t")
        await pilot.pause()
        options = app.screen.query_one(ContentsOptions)
        every = options.option_count
        await pilot.press("slash", *"tide")
        await pilot.pause()
        assert 0 < options.option_count < every
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ContentsScreen) and options.option_count == every
        await pilot.press("j")  # the keys are the list's again
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen


async def test_a_filter_that_keeps_no_row_says_so_and_enter_stays(book_path: Path) -> None:
    app = reader_app(book_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_open(pilot)
        await pilot.press("t", "slash", *"zeppelin")
        await pilot.pause()
        options = app.screen.query_one(ContentsOptions)
        shown = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        assert shown == ["No chapter or scene title holds these words"]
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ContentsScreen)


def test_the_filter_reads_apostrophes_as_the_finder_does() -> None:
    rows = [
        ContentsRow(0, "CHAPTER V: Anne’s History", 10, 10, 20),
        ContentsRow(0, "CHAPTER VI: D’Artagnan at Home", 20, 20, 30),
    ]
    assert rows_holding(rows, "anne's hist") == ([0], 0)
    assert rows_holding(rows, "annes") == ([0], 0)
    assert rows_holding(rows, "dartagnan") == ([1], 0)


def test_the_filter_keeps_a_scene_under_its_chapter() -> None:
    book = make_book(story(chapters=2, scenes=3, paras=2))
    rows = contents_rows(book)
    kept, first = rows_holding(rows, "Scene 2")
    assert [rows[i].title.split(" — ")[0] for i in kept] == [
        "Chapter 1: The Ledger",
        "Scene 2",
        "Chapter 2: The Bells",
        "Scene 2",
    ]
    assert first == 1  # the first scene found is highlighted, not the chapter naming it
    assert rows_holding(rows, "bells") == ([4], 0)
    assert rows_holding(rows, "Bells Ledger") == ([], 0)


async def test_a_row_chosen_as_the_filter_narrows_the_list_is_the_row_jumped_to(
    book_path: Path,
) -> None:
    """A row chosen (clicked, or Enter) and the filter narrowing the list, both queued: the
    choice was read by its place in the list, which by then held fewer rows, and raised
    `IndexError` (found by the soak). It is the row chosen, wherever the list has it now."""
    from textual.widgets import OptionList

    app = reader_app(book_path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await wait_open(pilot)
        await pilot.press("t", "G", "enter")  # where the last row goes, chosen at ease
        await pilot.pause()
        there = top_text(screen)
        await pilot.press("g", "t")
        await pilot.pause()
        options = app.screen.query_one(ContentsOptions)
        last = options.option_count - 1
        chosen = options.get_option_at_index(last)
        # (made now, read after the narrowing: as a click queued behind the typing is)
        selected = OptionList.OptionSelected(options, chosen, last)
        await pilot.press("slash", *"bells")
        await pilot.pause()
        assert options.option_count <= last
        options.post_message(selected)
        await pilot.pause()
        assert app.screen is screen
        assert top_text(screen) == there


def test_a_row_cut_short_keeps_its_quotes_paired() -> None:
    """At 80 columns a scene's row cut at a word lost its closing quote (`“12 August.--My
    expectations were wrong…`); it is closed after the `…`, within the row's room."""
    from rich.cells import cell_len

    from tui.ui.dialogs.contents import cut_at_word

    row = "  Scene 5 — Lucy, Arthur — “12 August.--My expectations were wrong, for…”"
    cut = cut_at_word(row, 72)
    assert cut == "  Scene 5 — Lucy, Arthur — “12 August.--My expectations were wrong…”"
    assert cell_len(cut) <= 72
    assert cut_at_word("CHAPTER XIV: MINA HARKER’S JOURNAL AND MORE", 30) == (
        "CHAPTER XIV: MINA HARKER’S…"
    )
