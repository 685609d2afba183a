"""The finder overlay, driven with Pilot: typing, results, preview, keys, jumps, the library."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from finder_support import LIGHTHOUSE, lighthouse
from textual.app import App
from textual.pilot import Pilot
from textual.widgets import Label

from tui.book.anchor import Anchor, Bookmark, make_anchor
from tui.book.formats import open_book
from tui.book.model import Book
from tui.book.text.parse import parse_text
from tui.finder.book_finder import BookFinder
from tui.finder.library_finder import BookEntry
from tui.ui.dialogs.finder import FinderScreen, QueryInput, ResultList
from tui.ui.dialogs.finder_book import BookFinderScreen
from tui.ui.dialogs.finder_library import LibraryFinderScreen

SIZE = (100, 34)


class FinderHost(App[None]):
    """A bare app that opens a finder and keeps what it was dismissed with."""

    def __init__(self, make_finder: Callable[[], FinderScreen[Any]]) -> None:
        super().__init__()
        self.make_finder = make_finder
        self.result: Any = "not dismissed"

    def on_mount(self) -> None:
        self.push_screen(self.make_finder(), self._dismissed)

    def _dismissed(self, value: Any) -> None:
        self.result = value


def book() -> Book:
    """The fixture story with a fixed outline (so snapshots do not follow parser changes)."""
    return lighthouse()


async def settle(pilot, screen: FinderScreen[Any], query: str | None = None) -> None:
    """Wait until the index is built and the results for the box's query are shown."""
    for _ in range(300):
        await pilot.pause(0.02)
        wanted = screen.query_one(QueryInput).value if query is None else query
        indexed = getattr(screen, "indexing", None) is None
        if indexed and screen.shown_query == wanted:
            return
    raise AssertionError("the finder did not settle")


@contextlib.asynccontextmanager
async def ready_finder(app: FinderHost) -> AsyncIterator[tuple[Pilot, FinderScreen[Any]]]:
    """Run the app until the finder shows its results for the empty query."""
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, FinderScreen)
        await settle(pilot, screen, "")
        yield pilot, screen


async def type_query(pilot, screen: FinderScreen, text: str) -> None:
    await pilot.press(*["space" if c == " " else c for c in text])
    await settle(pilot, screen, text)


def prompts(screen: FinderScreen[Any]) -> list[str]:
    results = screen.query_one(ResultList)
    return [str(results.get_option_at_index(i).prompt) for i in range(results.option_count)]


def preview_text(screen: FinderScreen[Any]) -> str:
    return str(screen.query_one("#finder-preview").render())


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


@dataclass(frozen=True)
class Shelved(BookEntry):
    """A library book as the library finder reads it: its facts and its id."""

    id: str = ""


WRECK = Anchor(120, "f", saved_at=0.0)
MARKED_AT = 1764590400.0  # noon (UTC) on 1 December 2025: that day in most time zones


class TwoBooks:
    """A library of two books, the second with a bookmark."""

    def records(self) -> list[Shelved]:
        return [
            Shelved("/books/a.txt", "The Keeper of Gull Point", "Wren Halloway", "", "", id="a"),
            Shelved("/books/b.txt", "Salt and Iron", "Ada Finch", "Sea Stories", "Angst", id="b"),
        ]

    def bookmarks(self, book_id: str) -> list[Bookmark]:
        if book_id != "b":
            return []
        quote = "The hull broke on the reef."
        return [Bookmark(WRECK, "the wreck", created=MARKED_AT, quote=quote)]


async def test_library_finder_dismisses_with_the_book_path() -> None:
    app = FinderHost(lambda: LibraryFinderScreen(TwoBooks()))
    async with ready_finder(app) as (pilot, screen):
        assert len(prompts(screen)) == 2
        assert str(screen.query_one("#finder-status", Label).render()) == "2 books"
        await type_query(pilot, screen, "sea storie")
        assert prompts(screen)[0].startswith("• Salt and Iron")
        await pilot.press("enter")
        await pilot.pause()
    assert app.result.path == "/books/b.txt" and app.result.anchor is None


async def test_library_finder_lists_every_books_bookmarks_and_opens_at_the_one_chosen() -> None:
    app = FinderHost(lambda: LibraryFinderScreen(TwoBooks()))
    async with ready_finder(app) as (pilot, screen):
        await type_query(pilot, screen, "'")
        assert str(screen.query_one("#finder-status", Label).render()) == "1 bookmark"
        assert prompts(screen)[0].startswith("' ‘the wreck’")
        # By the words of its quote, in the mixed list too.
        await pilot.press("ctrl+u")
        await type_query(pilot, screen, "reef")
        assert prompts(screen)[0].startswith("' ‘the wreck’")
        assert "Salt and Iron · The hull broke on the reef." in prompts(screen)[0]
        await pilot.press("enter")
        await pilot.pause()
    assert app.result.path == "/books/b.txt" and app.result.anchor == WRECK


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


async def wait_shown(pilot, screen: FinderScreen[Any], query: str) -> None:
    """Wait until the hits for ``query`` are listed, indexed or not."""
    for _ in range(200):
        await pilot.pause(0.02)
        if screen.shown_query == query:
            return
    raise AssertionError(f"no hits listed for {query!r}")


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


@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])
def test_snapshot_library_finder_listing_the_bookmarks(snap_compare, size) -> None:
    async def listed(pilot) -> None:
        await settle(pilot, pilot.app.screen, "")
        await type_query(pilot, pilot.app.screen, "'")
        pilot.app.screen.query_one(QueryInput).cursor_blink = False  # a still cursor to compare
        await pilot.pause()

    app = FinderHost(lambda: LibraryFinderScreen(TwoBooks()))
    assert snap_compare(app, terminal_size=size, run_before=listed)
