"""The library's finder, over every book and its bookmarks, driven with Pilot."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from finder_screen_support import (
    FinderHost,
    prompts,
    ready_finder,
    settle,
    type_query,
)
from textual.widgets import Label

from tui.book.anchor import Anchor, Bookmark
from tui.finder.library_finder import BookEntry
from tui.ui.dialogs.finder import QueryInput
from tui.ui.dialogs.finder_library import LibraryFinderScreen


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


@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])
def test_snapshot_library_finder_listing_the_bookmarks(snap_compare, size) -> None:
    async def listed(pilot) -> None:
        await settle(pilot, pilot.app.screen, "")
        await type_query(pilot, pilot.app.screen, "'")
        pilot.app.screen.query_one(QueryInput).cursor_blink = False  # a still cursor to compare
        await pilot.pause()

    app = FinderHost(lambda: LibraryFinderScreen(TwoBooks()))
    assert snap_compare(app, terminal_size=size, run_before=listed)


class CjkShelf:
    """A library with Chinese and Japanese titles, authors and tags."""

    def records(self) -> list[Shelved]:
        return [
            Shelved("/books/k.txt", "草枕", "夏目漱石", "", "", id="k"),
            Shelved("/books/s.txt", "三國志演義", "羅貫中", "", "歴史小説", id="s"),
            Shelved("/books/e.txt", "Salt and Iron", "Ada Finch", "", "", id="e"),
        ]

    def bookmarks(self, book_id: str) -> list[Bookmark]:
        return []


@pytest.mark.parametrize(
    ("query", "first"),
    [
        ("草枕", "• 草枕"),
        ("三國志演義", "• 三國志演義"),
        ("三國", "• 三國志演義"),
        ("演義", "• 三國志演義"),
        ("漱石", "• 草枕"),
        ("小説", "• 三國志演義"),
    ],
)
async def test_library_finder_finds_cjk_titles_authors_and_tags_by_their_characters(
    query: str, first: str
) -> None:
    app = FinderHost(lambda: LibraryFinderScreen(CjkShelf()))
    async with ready_finder(app) as (pilot, screen):
        await type_query(pilot, screen, query)
        found = prompts(screen)
        assert found[0].startswith(first), found
        assert len(found) == 1, found


async def test_library_finder_keeps_cjk_characters_in_the_order_typed() -> None:
    app = FinderHost(lambda: LibraryFinderScreen(CjkShelf()))
    async with ready_finder(app) as (pilot, screen):
        await type_query(pilot, screen, "義演")
        assert not any(p.startswith("• 三國志演義") for p in prompts(screen))
