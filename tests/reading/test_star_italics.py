"""Single asterisks around words in a text file read as italics, never as text.

Text typed for a forum or saved from a page by hand writes italics as `*between*`: the page
shows the words in italics without the stars, a chapter title so marked reads without them,
and a star that is text (`5 * 3`, a footnote's `word*`, a `* * *` break) stays as it is.
"""

from __future__ import annotations

from pathlib import Path

from tui.book.formats import open_book
from tui.book.model import Book
from tui.reading.shown_text import ShownCache


def starred_story(tmp_path: Path) -> Book:
    """A story saved as text, its italics in single stars and its chapters headed in them."""
    parts = [
        "The Ferry",
        "*Chapter 1*: The Quay",
        "She waited on the landing stage, as she did *every* Thursday, until the bell.",
        "The tally read 5 * 3 crates, and a footnote* at the foot of the ledger.",
        "* * *",
        "*Tub*",
        "Rain came early that year, and the canals rose to the *second step*.",
        "*Chapter 2*: The Bells",
        "Nobody minded the market's smell of wet rope, oranges and lamp oil.",
    ]
    path = tmp_path / "ferry.txt"
    path.write_text("\n\n".join(parts) + "\n", encoding="utf-8")
    return open_book(path)


def shown(book: Book, starting: str):
    para = next(i for i in range(len(book)) if book.paragraph(i).startswith(starting))
    return ShownCache(book)(para)


def test_single_stars_set_their_words_in_italics(tmp_path: Path) -> None:
    book = starred_story(tmp_path)
    waiting = shown(book, "She waited")
    assert "*" not in waiting.text
    assert [waiting.text[a:b] for a, b in waiting.emphasis] == ["every"]
    alone = shown(book, "*Tub*")
    assert alone.text.strip() == "Tub"
    assert [alone.text[a:b] for a, b in alone.emphasis] == ["Tub"]


def test_stars_that_are_text_stay(tmp_path: Path) -> None:
    book = starred_story(tmp_path)
    tally = shown(book, "The tally")
    assert tally.text == "The tally read 5 * 3 crates, and a footnote* at the foot of the ledger."
    assert not tally.emphasis


def test_chapter_titles_and_labels_leave_the_stars_out(tmp_path: Path) -> None:
    book = starred_story(tmp_path)
    assert [chapter.title for chapter in book.chapters] == [
        "Chapter 1: The Quay",
        "Chapter 2: The Bells",
    ]
    assert len(book.chapters[0].scenes) == 2  # the `* * *` line is still a break
    assert not any("*" in scene.first_words for scene in book.chapters[0].scenes)
