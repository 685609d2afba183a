"""The library's finder: books by every field, and bookmarks by label and quote.

Title, author, fandom, characters and tags are matched forgiving a slip; every book's bookmarks
by their labels and quotes.
"""

from __future__ import annotations

import pytest

from tui.book.anchor import Anchor, Bookmark
from tui.finder.library_finder import BookEntry, LibraryFinder


def library() -> LibraryFinder:
    return LibraryFinder(
        [
            BookEntry("/b/1.txt", "The Keeper of Gull Point", "Wren Halloway", "", "Maren, Isak"),
            BookEntry("/b/2.txt", "Salt and Iron", "Ada Finch", "Sea Stories", "Pirates, Angst"),
            BookEntry("/b/3.txt", "Glass Orchard", "Wren Halloway", "", "Fluff"),
        ]
    )


@pytest.mark.parametrize(
    ("query", "path"),
    [
        ("keeper gull", "/b/1.txt"),
        ("gull keeper", "/b/1.txt"),
        ("kepeer of gul point", "/b/1.txt"),  # typos
        ("sea stories", "/b/2.txt"),  # fandom
        ("pirates angst", "/b/2.txt"),  # tags
        ("isak", "/b/1.txt"),  # characters
        ("orch", "/b/3.txt"),  # partly typed
    ],
)
def test_library_finder_matches_every_field(query: str, path: str) -> None:
    assert library().search(query)[0].path == path


def test_library_finder_by_author_lists_both_books() -> None:
    assert {h.path for h in library().search("halloway")} == {"/b/1.txt", "/b/3.txt"}


def test_library_finder_empty_query_lists_all_books() -> None:
    assert len(library().search("")) == 3


def marked_library(asked: list[bool]) -> LibraryFinder:
    """The library above, with bookmarks in two of its books (``asked`` records each read)."""

    def bookmarks() -> dict[str, list[Bookmark]]:
        asked.append(True)
        return {
            "/b/1.txt": [
                Bookmark(Anchor(900, "b"), "", quote="The lamp went out at midnight."),
                Bookmark(Anchor(100, "a"), "first sight of the gulls"),
            ],
            "/b/2.txt": [Bookmark(Anchor(50, "c"), "the duel", quote="Steel on the deck.")],
        }

    return LibraryFinder(library().entries, bookmarks)


def test_library_finder_lists_every_bookmark_with_a_quote_mark_in_book_order() -> None:
    asked: list[bool] = []
    finder = marked_library(asked)
    assert len(finder.search("")) == 3 and not asked  # every book, no bookmark file read
    found = finder.search("'")
    # By the books' titles, as the finder lists them, then by place in the book.
    assert [(h.kind, h.label, h.detail) for h in found] == [
        ("bookmark", "‘the duel’", "Salt and Iron · Steel on the deck."),
        ("bookmark", "‘first sight of the gulls’", "The Keeper of Gull Point"),
        ("bookmark", "“The lamp went out at midnight.”", "The Keeper of Gull Point"),
    ]
    assert found[1].anchor is not None and found[1].anchor.offset == 100
    finder.search("'duel")
    assert len(asked) == 1  # read once, when first wanted


@pytest.mark.parametrize(
    ("query", "label"),
    [
        ("'duel", "‘the duel’"),  # its label
        ("'midnight lamp", "“The lamp went out at midnight.”"),  # the words it quotes
        ("steel deck", "‘the duel’"),  # in the mixed list, by what it quotes
    ],
)
def test_library_finder_finds_a_bookmark_by_its_label_or_quote(query: str, label: str) -> None:
    marks = [h for h in marked_library([]).search(query) if h.kind == "bookmark"]
    assert marks[0].label == label


def test_library_finder_puts_a_book_before_a_bookmark_matching_as_well() -> None:
    found = marked_library([]).search("gull")
    assert found[0].kind == "book" and found[0].path == "/b/1.txt"


def classics() -> LibraryFinder:
    titles = [
        ("Dracula", "Bram Stoker"),
        ("A Christmas Carol", "Charles Dickens"),
        ("Cranford", "Elizabeth Gaskell"),
        ("Frankenstein", "Mary Shelley"),
        ("The Time Machine", "H. G. Wells"),
        ("A Tale of Two Cities", "Charles Dickens"),
        ("Pride and Prejudice", "Jane Austen"),
    ]
    return LibraryFinder(
        BookEntry(f"/b/{n}", title, author, "", "") for n, (title, author) in enumerate(titles)
    )


@pytest.mark.parametrize(
    ("query", "titles"),
    [
        ("drac", ["Dracula"]),
        ("cran", ["Cranford"]),
        ("carol", ["A Christmas Carol"]),
        ("time", ["The Time Machine"]),
        ("dickens", ["A Christmas Carol", "A Tale of Two Cities"]),
    ],
)
def test_library_finder_lists_only_the_books_a_short_query_names(
    query: str, titles: list[str]
) -> None:
    hits = classics().search(query)
    assert sorted(h.label.split(" — ")[0] for h in hits) == titles


@pytest.mark.parametrize(
    ("query", "title"),
    [
        ("dracual", "Dracula"),
        ("frankenstien", "Frankenstein"),
        ("mary shelly", "Frankenstein"),
        ("frnkens", "Frankenstein"),
        ("prideandprej", "Pride and Prejudice"),
    ],
)
def test_library_finder_forgives_one_slip_in_a_typed_word(query: str, title: str) -> None:
    assert [h.label.split(" — ")[0] for h in classics().search(query)] == [title]


def classics_with_short_names() -> LibraryFinder:
    titles = [
        ("Moby Dick", "Herman Melville"),
        ("Anna Karenina", "Leo Tolstoy"),
        ("Cranford", "Elizabeth Gaskell"),
        ("Frankenstein", "Mary Shelley"),
        ("The Hand of Ethelberta", "Thomas Hardy"),
    ]
    return LibraryFinder(
        BookEntry(f"/b/{n}", title, author, "", "") for n, (title, author) in enumerate(titles)
    )


@pytest.mark.parametrize(
    ("query", "titles"),
    [
        ("moby dik", ["Moby Dick"]),
        ("dik", ["Moby Dick"]),
        ("karenina ana", ["Anna Karenina"]),
        ("ana karenina", ["Anna Karenina"]),
        # Not another slip in a short word, nor the first letter missing: no false hits.
        ("cran", ["Cranford"]),
        ("and", []),  # not Hand
        ("ick", []),  # its first letter missing
        ("mobi dik", ["Moby Dick"]),
    ],
)
def test_a_three_letter_word_may_miss_one_letter_of_a_four_letter_one(
    query: str, titles: list[str]
) -> None:
    hits = classics_with_short_names().search(query)
    assert sorted(h.label.split(" — ")[0] for h in hits) == titles


def test_library_finder_lists_the_shorter_title_first_of_two_matched_alike() -> None:
    finder = LibraryFinder(
        [
            BookEntry("/b/d.txt", "Drabble Central", "", "", ""),
            BookEntry("/b/c.txt", "Dracula", "Bram Stoker", "", ""),
        ]
    )
    assert [h.label for h in finder.search("dra")] == ["Dracula — Bram Stoker", "Drabble Central"]
