"""What "this chapter" means: the chapter the status line names.

Its heading on the upper half of the page is enough. It is the one `\\` searches, the contents
select, and a bookmark or mark set there is listed under; after a search, it is the chapter of
the match landed on.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from reader_support import notices, reader_app, search, settle, wait_open

from tui.library.library import Library
from tui.ui.dialogs.bookmarks import BookmarkLabelScreen, BookmarksScreen
from tui.ui.dialogs.contents import ContentsOptions, ContentsScreen

MOBY = Path(__file__).resolve().parents[1] / "fixtures" / "real" / "idpf_moby_dick.epub"
SIZE = (80, 24)
CHAPTER_1 = "Chapter 1. Loomings."
CHAPTER_2 = "Chapter 2. The Carpet-Bag."


def status(screen) -> str:
    return str(screen.status.render())


def chapter_span(screen, title: str) -> tuple[int, int]:
    """The characters of the chapter called ``title``."""
    book = screen.book
    chapter = next(c for c in book.chapters if c.title == title)
    return int(book.starts[chapter.start]), int(book.ends[chapter.end - 1])


async def chapter_two_heading_mid_screen(pilot):
    """As a reader gets there: `}` to Chapter 2's start, then `11k`, so that the page opens in
    Chapter 1's last lines and Chapter 2's heading stands in the middle of the page."""
    screen = await wait_open(pilot)
    for _ in range(8):
        if screen.status.progress.place == CHAPTER_2:
            break
        await pilot.press("right_curly_bracket")
    await pilot.press("1", "1", "k")
    await pilot.pause()
    assert screen.view.top_offset() < chapter_span(screen, CHAPTER_2)[0]  # the top is Chapter 1
    assert screen.status.progress.place == CHAPTER_2  # the heading is on the upper half
    return screen


async def test_search_chapter_searches_the_chapter_the_status_line_names(tmp_path: Path) -> None:
    app = reader_app(Path(shutil.copy(MOBY, tmp_path / "moby.epub")))
    async with app.run_test(size=SIZE) as pilot:
        screen = await chapter_two_heading_mid_screen(pilot)
        top = screen.view.top_offset()
        # The contents select it too.
        await pilot.press("t")
        assert isinstance(app.screen, ContentsScreen)
        options = app.screen.query_one(ContentsOptions)
        assert CHAPTER_2 in str(options.get_option_at_index(options.highlighted).prompt)
        await pilot.press("escape")
        # Chapter 1 is full of the sea; Chapter 2, the one named, has none.
        await search(pilot, "backslash", "sea")
        assert screen.hit is None and screen.view.top_offset() == top
        assert any(n.startswith("Not in this chapter: sea (") for n in notices(app)), notices(app)
        assert screen.status.progress.place == CHAPTER_2
        await search(pilot, "backslash", "whale")
        first, end = chapter_span(screen, CHAPTER_2)
        assert screen.hit is not None and first <= screen.hit.start < end
        assert screen.status.progress.place == CHAPTER_2, status(screen)
        # Back from the chapter's first match: round to its end, said whole at 80 columns.
        await pilot.press("N")
        await settle(pilot)
        assert first <= screen.hit.start < end
        assert screen.status.message == "wrapped to this chapter's end"
        assert "wrapped to this chapter's end · match 3/3" in status(screen), status(screen)


async def test_a_search_names_the_chapter_of_the_match_it_landed_on(tmp_path: Path) -> None:
    app = reader_app(Path(shutil.copy(MOBY, tmp_path / "moby.epub")))
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        for _ in range(8):
            if screen.status.progress.place == CHAPTER_1:
                break
            await pilot.press("right_curly_bracket")
        # Chapter 1's third whale is in its last paragraph: the search puts it a third of the
        # way down the page, with Chapter 2's heading on the upper half below it.
        await pilot.press("3")
        await search(pilot, "slash", "whale")
        heading = chapter_span(screen, CHAPTER_2)[0]
        top, bottom = screen.view.top_offset(), screen.view.bottom_offset()
        assert screen.hit is not None and screen.hit.start < heading < top + (bottom - top) // 2
        # The status line names the chapter of the match landed on ...
        assert screen.status.progress.place == CHAPTER_1, status(screen)
        # ... until the page moves on (read on a line: the page names its chapter again) ...
        await pilot.press("j")
        await pilot.pause()
        assert screen.status.progress.place == CHAPTER_2
        # ... and on the page it landed on, `\` searches the match's chapter.
        await pilot.press("k")
        await pilot.pause()
        assert screen.status.progress.place == CHAPTER_1
        await search(pilot, "backslash", "whale")
        first, end = chapter_span(screen, CHAPTER_1)
        assert screen.hit is not None and first <= screen.hit.start < end
        assert screen.status.progress.place == CHAPTER_1


async def test_a_bookmark_and_a_mark_are_listed_under_the_chapter_the_status_line_names(
    tmp_path: Path,
) -> None:
    path = Path(shutil.copy(MOBY, tmp_path / "moby.epub"))
    app = reader_app(path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await chapter_two_heading_mid_screen(pilot)
        top = screen.view.top_offset()
        await pilot.press("M")
        await pilot.pause()
        assert isinstance(app.screen, BookmarkLabelScreen)
        assert app.screen.place == CHAPTER_2
        await pilot.press(*"bag", "enter")
        await pilot.press("m", "a")
        await pilot.pause()
        await pilot.press("B")
        await pilot.pause()
        assert isinstance(app.screen, BookmarksScreen)
        assert [row.place for row in app.screen.entries] == [CHAPTER_2, CHAPTER_2]
        await pilot.press("escape")
        # The places stay where they were set: going back to the mark shows the same page.
        await pilot.press("g", "apostrophe", "a")
        await pilot.pause()
        assert screen.view.top_offset() == top
        assert screen.status.progress.place == CHAPTER_2
    # `chapbook bookmarks` names them so too, from what the library kept.
    from tui.book.formats import open_book
    from tui.cli.bookmarks import placed

    library = Library.open(sample=False)
    record = library.find_by_path(path)
    assert record is not None
    marks = library.bookmarks(record.id)
    assert [place.place for place in placed(open_book(path), marks)] == [CHAPTER_2, CHAPTER_2]
