"""Volumes joined in one file, on screen: chapters are named with their volume.

The status line, the contents and the bookmarks name a chapter with its volume
(`Volume 2 · Chapter 3: …`), which a long title never cuts.
"""

from __future__ import annotations

from dataclasses import replace

from reader_support import story

from tui.book.anchor import Bookmark, make_anchor
from tui.book.text.parse import parse_text
from tui.reading.bookmarks import bookmark_rows
from tui.reading.contents import contents_rows
from tui.reading.progress import ProgressMeter, status_layout
from tui.reading.wrapping import measure


def two_volumes() -> tuple[str, str]:
    """Two volumes of a story joined in one file, each numbering its chapters from 1, and
    the marker that opens the second volume's chapter 2, scene 3."""
    first = story(chapters=3, scenes=3, paras=3)
    second = story(chapters=3, scenes=3, paras=3, front=False, marker="Again")
    return first + "\n" + second, "Again 2.3 opens."


def test_the_status_line_says_which_volume_one_is_in() -> None:
    text, marker = two_volumes()
    book = parse_text(text)
    offset = text.index(marker)
    progress = ProgressMeter(book).at(offset, book.para_at(offset))
    assert progress.place == "Volume 2 · Chapter 2: The Bells"
    first = ProgressMeter(book).at(
        text.index("Scene 2.3 opens."), book.para_at(text.index("Scene 2.3 opens."))
    )
    assert first.place == "Volume 1 · Chapter 2: The Bells"
    # At 80 columns, beside a long book title, a long chapter title gives way before the
    # volume does; narrower, the volume gives way before the chapter's own label would be
    # cut (`Volume 150 · Chap…` named no chapter).
    title = "King’s Proposal, Vol. 6: The Silver Fairy"
    long = replace(progress, place="Volume 150 · Chapter 3: Victory Lies in a Dating Sim")
    for width, shown in ((78, "Volume 150 · Chapter 3"), (60, "Chapter 3: "), (48, "Chapter 3: ")):
        book_title, place, right = status_layout(title, long, width)
        assert place.startswith(shown), (width, place)
        assert right.startswith("scene 3/3"), (width, right)
        assert measure(book_title) + 3 + measure(place) + 2 + measure(right) <= width


def test_the_contents_and_the_bookmarks_name_the_volume() -> None:
    text, marker = two_volumes()
    book = parse_text(text)
    chapters = [row.title for row in contents_rows(book) if row.depth == 0 and row.matter is None]
    assert chapters == [
        "Volume 1 · Chapter 1: The Ledger",
        "Volume 1 · Chapter 2: The Bells",
        "Volume 1 · Chapter 3: The Flats",
        "Volume 2 · Chapter 1: The Ledger",
        "Volume 2 · Chapter 2: The Bells",
        "Volume 2 · Chapter 3: The Flats",
    ]
    mark = Bookmark(make_anchor(book, text.index(marker)), "where the bells ring")
    [row] = bookmark_rows(ProgressMeter(book), [mark])
    assert row.place == "Volume 2 · Chapter 2: The Bells"
