"""The finder while the book's words are indexed: typing goes on, Enter waits for the best."""

from __future__ import annotations

import threading
from pathlib import Path

from finder_screen_support import (
    SIZE,
    FinderHost,
    book,
    prompts,
    settle,
    wait_shown,
)
from finder_support import LIGHTHOUSE

from tui.book.formats import open_book
from tui.finder.book_finder import BookFinder
from tui.ui.dialogs.finder import QueryInput
from tui.ui.dialogs.finder_book import BookFinderScreen


async def test_typing_goes_on_while_a_big_book_is_indexed(tmp_path: Path) -> None:
    story = LIGHTHOUSE.read_text(encoding="utf-8")
    body = story.split("Chapter 1:", 1)[1]
    chapters = [f"Chapter {n}:{body.split('Chapter 2:')[0]}" for n in range(1, 401)]
    big = tmp_path / "big.txt"
    big.write_text("The Long Watch\n\n" + "\n\n".join(chapters), encoding="utf-8")
    the_book = open_book(big)
    app = FinderHost(lambda: BookFinderScreen(the_book))
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        await pilot.pause(0.01)
        await pilot.press(*"c", "h", "1", "2")
        # The box took every key at once, whether or not the index is ready.
        assert screen.query_one(QueryInput).value == "ch12"
        await settle(pilot, screen, "ch12")
        assert prompts(screen)[0].startswith("# Chapter 12")


async def test_while_indexing_it_says_so_and_shows_what_it_found(tmp_path: Path) -> None:
    import threading

    from tui.finder.cache import index_job

    the_book = book()
    job, _ = index_job(the_book)  # a build under way elsewhere: the finder waits for it
    app = FinderHost(lambda: BookFinderScreen(the_book))
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, BookFinderScreen)
        await pilot.press(*"biscuit")
        for _ in range(200):
            await pilot.pause(0.02)
            if screen.shown_query == "biscuit":
                break
        status = str(screen.query_one("#finder-status").render())
        assert status.startswith("Indexing the book’s words")
        assert "so far" in status and "No matches" not in status
        assert "biscuit tin" in prompts(screen)[0]
        # The line redrawn as indexing goes on, while the next query's search still runs,
        # does not count the hits listed (an earlier query's) as its own.
        typing_on = screen.status("biscuitz")
        assert "searching…" in typing_on and "match" not in typing_on
        await pilot.press(*"zz")
        for _ in range(200):
            await pilot.pause(0.02)
            if screen.shown_query == "biscuitzz":
                break
        status = str(screen.query_one("#finder-status").render())
        assert "no matches yet" in status and "try fewer" not in status
        # A chapter the book lacks is said at once: no word index is needed to know it.
        await pilot.press(*["backspace"] * 9, *"ch9")
        for _ in range(200):
            await pilot.pause(0.02)
            if screen.shown_query == "ch9":
                break
        status = str(screen.query_one("#finder-status").render())
        assert status.startswith("Indexing") and "No chapter 9: this book has 3" in status
        await pilot.press(*["backspace"] * 3, *"biscuitzz")
        for _ in range(200):
            await pilot.pause(0.02)
            if screen.shown_query == "biscuitzz":
                break
        builder = threading.Thread(target=job.run)
        builder.start()
        builder.join()
        await settle(pilot, screen, "biscuitzz")
        assert "Indexing" not in str(screen.query_one("#finder-status").render())


async def test_enter_while_indexing_waits_for_the_best_hit_not_the_first_found() -> None:
    from tui.finder.cache import index_job

    the_book = book()
    job, _ = index_job(the_book)  # a build under way elsewhere: held until the test runs it
    app = FinderHost(lambda: BookFinderScreen(the_book))
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, BookFinderScreen)
        await pilot.press(*"black rock")
        await wait_shown(pilot, screen, "black rock")
        found_so_far = screen.hits[0]  # the passage that has the words as typed, in book order
        assert found_so_far.kind == "text"
        await pilot.press("enter")
        await pilot.pause(0.1)
        assert app.screen is screen, "Enter took a hit found before the book was indexed"
        status = str(screen.query_one("#finder-status").render())
        assert status.startswith("Indexing") and "jumping to the top hit when done" in status
        builder = threading.Thread(target=job.run)
        builder.start()
        builder.join()
        for _ in range(200):
            await pilot.pause(0.02)
            if app.result != "not dismissed":
                break
        best = BookFinder(the_book)
        assert best.build()
        top = best.search("black rock")[0]
        assert (app.result.kind, app.result.offset) == (top.kind, top.offset) == ("scene", 75)
        assert app.result.offset != found_so_far.offset


async def test_escape_gives_up_an_enter_waiting_for_the_index() -> None:
    from tui.finder.cache import index_job

    the_book = book()
    job, _ = index_job(the_book)
    app = FinderHost(lambda: BookFinderScreen(the_book))
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        await pilot.press(*"black rock")
        await wait_shown(pilot, screen, "black rock")
        await pilot.press("enter", "escape")
        await pilot.pause(0.1)
        assert app.result is None
        job.run()
        await pilot.pause(0.1)
        assert app.result is None


async def test_enter_on_a_chapter_listed_while_indexing_jumps_at_once() -> None:
    from tui.finder.cache import index_job

    the_book = book()
    index_job(the_book)  # never finished: a place named by number needs no word index
    app = FinderHost(lambda: BookFinderScreen(the_book))
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        await pilot.press(*"ch2")
        await wait_shown(pilot, screen, "ch2")
        await pilot.press("enter")
        await pilot.pause(0.1)
        assert app.result is not None and app.result.kind == "chapter"


async def test_hits_found_before_the_index_came_in_are_said_to_be_so_far() -> None:
    """The index comes in while the hits found without it are listed: until the search run
    again with it answers, they are `N matches so far`, not `N matches` (then `60 matches,
    the best of more`)."""
    from tui.finder.cache import index_job

    the_book = book()
    job, _ = index_job(the_book)  # a build under way elsewhere: held until the test runs it
    app = FinderHost(lambda: BookFinderScreen(the_book))
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, BookFinderScreen)
        await pilot.press(*"black rock")
        await wait_shown(pilot, screen, "black rock")
        assert screen.hits and screen.shown_partial
        screen.indexing = None  # as the index's arrival sets it, before the search again
        status = str(screen.query_one("#finder-status").render())
        assert status.endswith("so far"), status
        builder = threading.Thread(target=job.run)
        builder.start()
        builder.join()
        for _ in range(200):
            await pilot.pause(0.02)
            if not screen.shown_partial:
                break
        status = str(screen.query_one("#finder-status").render())
        assert "match" in status and "so far" not in status, status
