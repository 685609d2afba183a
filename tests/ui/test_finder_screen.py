"""The finder overlay in a book, driven with Pilot: typing, results, preview, keys, jumps."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
from finder_screen_support import (
    SIZE,
    FinderHost,
    book,
    preview_text,
    prompts,
    ready_finder,
    settle,
    type_query,
)
from finder_support import LIGHTHOUSE

from tui.book.anchor import Bookmark, make_anchor
from tui.book.text.parse import parse_text
from tui.ui.dialogs.finder import FinderScreen, QueryInput, ResultList
from tui.ui.dialogs.finder_book import BookFinderScreen


async def test_empty_query_lists_bookmarks_and_chapters() -> None:
    the_book = book()
    mark = Bookmark(make_anchor(the_book, the_book.starts[20]), "the bell")
    app = FinderHost(lambda: BookFinderScreen(the_book, [mark]))
    async with ready_finder(app) as (_pilot, screen):
        shown = prompts(screen)
        assert shown[0].startswith("' ‘the bell’")
        assert [p.split("\n")[0] for p in shown[1:]] == [
            "# Chapter 1: The Storm Lantern",
            "# Chapter 2: The Drowned Bell",
            "# Chapter 3: The Clockwork Lamp",
        ]


async def test_typing_finds_the_scene_and_enter_jumps_there() -> None:
    the_book = book()
    app = FinderHost(lambda: BookFinderScreen(the_book))
    async with ready_finder(app) as (pilot, screen):
        await type_query(pilot, screen, "isak cheats at draughts")
        first = prompts(screen)[0]
        assert first.startswith("* Ch 2 · Scene 1")
        assert "draughts" in first  # the matching passage under the label
        assert "draughts" in preview_text(screen)
        await pilot.press("enter")
        await pilot.pause()
    scene = the_book.chapters[1].scenes[0]
    assert app.result.offset == the_book.starts[scene.start]


async def test_typos_and_partial_words_while_typing() -> None:
    app = FinderHost(lambda: BookFinderScreen(book()))
    async with ready_finder(app) as (pilot, screen):
        await type_query(pilot, screen, "clokwork lam")  # typo, and `lam` still being typed
        assert "clockwork lamp" in prompts(screen)[0].casefold()


async def test_no_hits_says_so() -> None:
    app = FinderHost(lambda: BookFinderScreen(book()))
    async with ready_finder(app) as (pilot, screen):
        await type_query(pilot, screen, "spaceship laser")
        assert prompts(screen) == []
        # the words may be another book's title: the keys that find a book by its title, and
        # no promise that the library's finder looks for them in its books' words
        assert str(screen.query_one("#finder-status").render()) == (
            "No matches in this book · a book by title, author, tag: L then ^p"
        )
        await pilot.press("enter")  # nothing to accept: the finder stays open
        await pilot.pause()
        assert app.screen is screen


async def test_no_hits_in_the_reader_names_the_users_keys_for_the_library(tmp_path: Path) -> None:
    from reader_support import lantern_book, reader_app, wait_open

    from tui.settings.settings import default_settings

    settings = default_settings()
    settings.keys["library"] = "alt+l"
    app = reader_app(lantern_book(tmp_path), settings=settings)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_open(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, BookFinderScreen)
        await type_query(pilot, screen, "dracula")
        status = screen.query_one("#finder-status")
        assert str(status.render()) == (
            "No matches in this book · a book by title, author, tag: alt+l then ^p"
        )
        assert status.size.width >= len(str(status.render()))  # whole at 80 columns


async def test_the_count_of_matches_is_worded_alike_listed_all_or_the_best() -> None:
    # 80 scenes hold `lantern`, 40 `harbour`: the list stops at 60, and says so in the same
    # words as a whole list's count, the count first.
    text = "\n\n".join(
        f"Chapter {n}\n\nThe {'harbour ' if n % 2 else ''}lantern burned in room {n}."
        for n in range(1, 81)
    )
    app = FinderHost(lambda: BookFinderScreen(parse_text(text)))
    async with ready_finder(app) as (pilot, screen):
        status = lambda: str(screen.query_one("#finder-status").render())  # noqa: E731
        await type_query(pilot, screen, "lantern")
        assert status() == "60 matches, the best of more"
        await pilot.press(*["backspace"] * 7)
        await type_query(pilot, screen, "harbour")
        assert status() == "40 matches"


async def test_the_bookmark_prefix_lists_only_the_bookmarks_that_match() -> None:
    the_book = book()
    marks = [
        Bookmark(make_anchor(the_book, the_book.starts[20]), "the bell"),
        Bookmark(make_anchor(the_book, the_book.starts[5]), "storm night"),
    ]
    app = FinderHost(lambda: BookFinderScreen(the_book, marks))
    async with ready_finder(app) as (pilot, screen):
        await type_query(pilot, screen, "'qqqqzzzz")
        assert prompts(screen) == []
        assert "No matches" in str(screen.query_one("#finder-status").render())
        await pilot.press("ctrl+u")
        await type_query(pilot, screen, "'storm")
        assert [p.split("\n")[0] for p in prompts(screen)] == ["' ‘storm night’"]
        assert str(screen.query_one("#finder-status").render()) == "1 match"


async def test_a_new_query_says_searching_not_the_last_ones_no_matches() -> None:
    app = FinderHost(lambda: BookFinderScreen(book()))
    async with ready_finder(app) as (pilot, screen):
        await type_query(pilot, screen, "spaceship")
        assert "No matches" in str(screen.query_one("#finder-status").render())
        # The next query's search takes its time (a huge book, an earlier search stopping).
        gate = threading.Event()
        search = screen.finder.search

        def slow_search(*args: Any, **kwargs: Any) -> list:
            gate.wait(10)
            return search(*args, **kwargs)

        screen.finder.search = slow_search  # type: ignore[method-assign]
        await pilot.press("ctrl+u", *"lantern")
        await pilot.pause(0.2)
        assert str(screen.query_one("#finder-status").render()) == "searching…"
        gate.set()
        await settle(pilot, screen, "lantern")
        assert "match" in str(screen.query_one("#finder-status").render())
        assert "lantern" in prompts(screen)[0].casefold()


async def test_escape_returns_nothing() -> None:
    app = FinderHost(lambda: BookFinderScreen(book()))
    async with ready_finder(app) as (pilot, _screen):
        await pilot.press(*"storm")
        await pilot.press("escape")
        await pilot.pause()
    assert app.result is None


async def test_down_and_up_move_the_highlight_and_the_preview() -> None:
    app = FinderHost(lambda: BookFinderScreen(book()))
    async with ready_finder(app) as (pilot, screen):
        await type_query(pilot, screen, "maren")
        results = screen.query_one(ResultList)
        first_preview = preview_text(screen)
        await pilot.press("down")
        assert results.highlighted == 1
        assert preview_text(screen) != first_preview
        await pilot.press("ctrl+n", "up", "up", "up")
        assert results.highlighted == 0
        # fzf's keys: ctrl+j down and ctrl+k up (ctrl+j did nothing but in the vim preset).
        await pilot.press("ctrl+j")
        assert results.highlighted == 1
        await pilot.press("ctrl+k")
        assert results.highlighted == 0


async def test_editing_keys_edit_the_query() -> None:
    app = FinderHost(lambda: BookFinderScreen(book()))
    async with ready_finder(app) as (pilot, screen):
        await pilot.press(*"bellx", "backspace")
        await settle(pilot, screen, "bell")
        assert screen.query_one(QueryInput).value == "bell"
        await pilot.press("ctrl+u")
        await settle(pilot, screen, "")
        assert screen.query_one(QueryInput).value == ""


async def test_stale_results_are_dropped() -> None:
    app = FinderHost(lambda: BookFinderScreen(book()))
    async with ready_finder(app) as (pilot, screen):
        await type_query(pilot, screen, "bell")
        before = prompts(screen)
        # Results for a query no longer in the box (a slow search finishing late).
        screen.post_message(FinderScreen.Results("be", []))
        await pilot.pause(0.05)
        assert prompts(screen) == before


async def test_jump_from_the_reader_and_back(tmp_path: Path) -> None:
    from reader_support import reader_app, wait_open

    path = tmp_path / "lighthouse.txt"
    path.write_text(LIGHTHOUSE.read_text(encoding="utf-8"), encoding="utf-8")
    app = reader_app(path)
    async with app.run_test(size=(90, 30)) as pilot:
        reader = await wait_open(pilot)
        start = reader.view.top_offset()
        await pilot.press("ctrl+p")
        await pilot.pause()
        finder = app.screen
        assert isinstance(finder, BookFinderScreen)
        await settle(pilot, finder, "")
        await type_query(pilot, finder, "rowed out to the teeth")
        await pilot.press("enter")
        await pilot.pause(0.1)
        assert app.screen is reader
        book = reader.book
        target = next(i for i in range(len(book)) if "One calm morning" in book.paragraph(i))
        view = reader.view
        assert view.top_offset() != start
        assert view.top_offset() <= book.starts[target] < view.bottom_offset()
        await pilot.press("ctrl+o")  # jump_back: Escape-like return to where we were
        await pilot.pause(0.1)
        assert view.top_offset() == start


@pytest.fixture
def finder_app() -> FinderHost:
    return FinderHost(lambda: BookFinderScreen(book()))


def snap_after_typing(snap_compare, finder_app: FinderHost, query: str) -> bool:
    """Compare the finder's screen, once ready, after ``query`` is typed (if any)."""

    async def typed(pilot) -> None:
        await settle(pilot, pilot.app.screen, "")
        if query:
            await type_query(pilot, pilot.app.screen, query)

    return snap_compare(finder_app, terminal_size=SIZE, run_before=typed)


def test_snapshot_empty_query(snap_compare, finder_app: FinderHost) -> None:
    assert snap_after_typing(snap_compare, finder_app, "")


def test_snapshot_hits_and_preview(snap_compare, finder_app: FinderHost) -> None:
    assert snap_after_typing(snap_compare, finder_app, "bell under the weed")


def test_snapshot_no_hits(snap_compare, finder_app: FinderHost) -> None:
    assert snap_after_typing(snap_compare, finder_app, "spaceship laser")


def test_snapshot_structural_query(snap_compare, finder_app: FinderHost) -> None:
    assert snap_after_typing(snap_compare, finder_app, "ch2 s2")


async def test_a_chapter_the_book_does_not_have_says_how_many_it_has() -> None:
    app = FinderHost(lambda: BookFinderScreen(book()))
    async with ready_finder(app) as (pilot, screen):
        await type_query(pilot, screen, "ch9")
        assert prompts(screen) == []
        status = str(screen.query_one("#finder-status").render())
        assert status == "No chapter 9: this book has 3 chapters"
        await pilot.press("backspace", "1", "space", "s", "7")
        await settle(pilot, screen, "ch1 s7")
        status = str(screen.query_one("#finder-status").render())
        assert status == "No scene 7: chapter 1 has 3 scenes"


@pytest.mark.parametrize("size", [(80, 24), (40, 12)], ids=["80x24", "40x12"])
def test_snapshot_small_screens_after_moving_down(snap_compare, finder_app: FinderHost, size):
    async def moved(pilot) -> None:
        await settle(pilot, pilot.app.screen, "")
        await type_query(pilot, pilot.app.screen, "maren")
        await pilot.press(*["down"] * 6)
        pilot.app.screen.query_one(QueryInput).cursor_blink = False  # a still cursor to compare
        await pilot.pause()

    assert snap_compare(finder_app, terminal_size=size, run_before=moved)
