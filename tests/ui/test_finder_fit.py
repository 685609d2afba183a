"""The finder fits the screen at every size.

The highlighted hit, the preview's room and the key hints are always drawn, the list scrolls
with the highlight, and a hit's rows are cut at a word's end, never inside a matched word.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from reader_support import reader_app, wait_for, wait_open, write_story
from textual.widget import Widget

from tui.ui.dialogs.finder import QueryInput, ResultList
from tui.ui.dialogs.finder_book import BookFinderScreen
from tui.ui.dialogs.finder_parts import finder_rows

BOOK = "003_6a4721831e1dda7c.txt"


def inside(inner: Widget, outer: Widget) -> bool:
    """True when ``inner`` is drawn whole within ``outer``'s border (not cut off by it)."""
    box = outer.region.shrink(outer.styles.gutter)
    return box.contains_region(inner.region)


def drawn_hit_rows(finder: BookFinderScreen) -> list[str]:
    """The rows of the result list as drawn."""
    results = finder.query_one(ResultList)
    return [results.render_line(y).text for y in range(results.size.height)]


def assert_fits(finder: BookFinderScreen) -> None:
    box = finder.query_one("#finder")
    screen = finder.region
    assert screen.contains_region(box.region), "the finder's box runs off the screen"
    for part in ("#finder-query", "#finder-status", "#finder-results", "#finder-hints"):
        assert inside(finder.query_one(part), box), f"{part} is cut off"
    hints = str(finder.query_one("#finder-hints").render())
    assert "jump" in hints and "back" in hints and "move" in hints


def assert_highlight_shown(finder: BookFinderScreen) -> None:
    results = finder.query_one(ResultList)
    assert results.highlighted is not None
    label = str(results.get_option_at_index(results.highlighted).prompt).split("\n")[0]
    assert any(row.strip().startswith(label[:30].strip()) for row in drawn_hit_rows(finder)), (
        f"the highlighted hit {label!r} is not drawn"
    )


async def open_finder(pilot: Any, query: str) -> BookFinderScreen:
    app = pilot.app
    await pilot.press("ctrl+p")
    await wait_for(pilot, lambda: isinstance(app.screen, BookFinderScreen))
    finder = app.screen
    assert isinstance(finder, BookFinderScreen)
    if query:
        await pilot.press(*query)

    def settled() -> bool:
        return finder.indexing is None and finder.shown_query == finder.query_one(QueryInput).value

    await wait_for(pilot, settled, timeout=20)
    await pilot.pause()
    return finder


@pytest.mark.parametrize("size", [(80, 24), (120, 30), (40, 12)])
async def test_the_highlight_stays_on_screen_as_it_moves(corpus: Path, size) -> None:
    app = reader_app(corpus / BOOK)
    async with app.run_test(size=size) as pilot:
        await wait_open(pilot)
        finder = await open_finder(pilot, "mushiki")
        assert len(finder.hits) > 15
        assert_fits(finder)
        for step in range(15):
            await pilot.press("down")
            await pilot.pause()
            assert finder.query_one(ResultList).highlighted == step + 1
            assert_highlight_shown(finder)
        assert_fits(finder)


async def test_the_current_chapter_shows_at_the_smallest_size(corpus: Path) -> None:
    app = reader_app(corpus / BOOK)
    async with app.run_test(size=(40, 12)) as pilot:
        reader = await wait_open(pilot)
        await pilot.press("G")  # the last chapter: its row is far down the list
        await pilot.pause()
        finder = await open_finder(pilot, "")
        assert finder.query_one(ResultList).highlighted not in (None, 0)
        assert finder.position == reader.view.top_offset()
        assert_highlight_shown(finder)
        assert_fits(finder)


@pytest.mark.parametrize("height", range(12, 61))
def test_the_box_never_needs_more_rows_than_the_screen_has(height: int) -> None:
    rows = finder_rows(height)
    border, query, status, hints = 2, 1, 1, 1
    used = rows.margin_top + border + query + rows.query_gap + status + rows.results
    used += rows.preview + hints
    assert used <= height
    assert rows.results >= 4


SUPPER = (
    "Chapter 1\n\nWe left the town at dawn and rode hard until the light was going.\n\n"
    "We stopped for the night at the Hotel Royale. I had for dinner, or rather supper, a "
    "chicken done up some way with red pepper, which was very good but thirsty.\n\n"
    "Chapter 2\n\nThe coach came for us at eight and we were gone before the mist lifted.\n"
)


@pytest.mark.parametrize("width", [80, 100])
async def test_an_excerpt_is_cut_at_a_word_never_inside_a_matched_one(
    tmp_path: Path, width: int
) -> None:
    app = reader_app(write_story(tmp_path / "supper.txt", SUPPER))
    async with app.run_test(size=(width, 24)) as pilot:
        await wait_open(pilot)
        finder = await open_finder(pilot, "chicken with pepper for supper")
        await pilot.pause()
        rows = [row.strip() for row in drawn_hit_rows(finder)]
        assert re.search(r"\bchicken\b", " ".join(rows)), f"'chicken' cut in {rows}"
        for row in rows:
            if row.endswith("…"):  # cut: after a whole word of the book
                last = row[:-1].split()[-1].strip("“”,.…")
                assert re.search(rf"\b{re.escape(last)}\b", SUPPER), f"cut inside a word: {row}"


async def test_hits_found_on_a_narrow_screen_are_cut_again_when_it_widens(corpus: Path) -> None:
    app = reader_app(corpus / BOOK)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_open(pilot)
        finder = await open_finder(pilot, "rooftop fight")
        wide = drawn_hit_rows(finder)
        await pilot.press("escape")
        await pilot.resize_terminal(40, 12)
        await pilot.pause()
        finder = await open_finder(pilot, "rooftop fight")
        # (the book has no rooftop: the first hit is a scene with a fight, its label cut)
        assert drawn_hit_rows(finder)[0].strip() == "* Ch 3 · Scene 5 — Mushiki,…"
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        await pilot.pause()
        widened = drawn_hit_rows(finder)
        assert widened == wide, "the hits keep the cuts made for the narrow screen"


async def test_a_large_terminal_gives_the_finder_more_room(corpus: Path) -> None:
    # At 200x60 the box is wider than the usual 100 cells and lists more hits, with a larger
    # preview, rather than leaving half the screen blank.
    app = reader_app(corpus / BOOK)
    async with app.run_test(size=(200, 60)) as pilot:
        await wait_open(pilot)
        finder = await open_finder(pilot, "hilde ")
        assert_fits(finder)
        box = finder.query_one("#finder")
        assert box.outer_size.width >= 130
        assert finder.query_one(ResultList).size.height > 20
        assert box.region.bottom >= 50


def test_the_query_hint_keeps_the_parts_that_fit_whole() -> None:
    from tui.ui.dialogs.finder_book import BookFinderScreen
    from tui.ui.dialogs.finder_library import LibraryFinderScreen
    from tui.ui.dialogs.finder_parts import fitted_placeholder

    book = BookFinderScreen.PLACEHOLDER
    assert fitted_placeholder(book, 200) == book
    assert fitted_placeholder(book, 44) == "Find: words of a scene · ch3 s5 · #chapter"
    assert fitted_placeholder(book, 20) == "Find: words of a…"
    library = LibraryFinderScreen.PLACEHOLDER
    assert fitted_placeholder(library, 44) == "Find a book: title, author, fandom…"


@pytest.mark.parametrize("width", [50, 40])
async def test_the_query_hint_ends_with_a_whole_part_on_a_narrow_screen(
    corpus: Path, width: int
) -> None:
    """At 50 columns the hint read `Find: words of a scene · ch3 s5 · #chapter ·`."""
    app = reader_app(corpus / BOOK)
    async with app.run_test(size=(width, 15)) as pilot:
        await wait_open(pilot)
        finder = await open_finder(pilot, "")
        query = finder.query_one(QueryInput)
        drawn = query.render_line(0).text.rstrip()
        assert not drawn.endswith(("·", ",")), drawn
        assert drawn.startswith("Find: words of a scene"), drawn
        assert drawn in BookFinderScreen.PLACEHOLDER or drawn.endswith("…"), drawn
