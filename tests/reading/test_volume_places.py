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
from tui.reading.progress import Progress, ProgressMeter, status_layout
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
    # volume does; narrower, the labels are shortened rather than the volume dropped (the
    # chapters' names repeat from volume to volume: `Chapter 3` alone is in both), and
    # never cut inside (`Volume 150 · Chap…` named no chapter).
    title = "King’s Proposal, Vol. 6: The Silver Fairy"
    long = replace(progress, place="Volume 150 · Chapter 3: Victory Lies in a Dating Sim")
    shapes = ((78, "Vol. 150 · Ch. 3: Vic"), (60, "Vol. 150 · Ch. 3: Vic"), (48, "Volume 150 · "))
    for width, shown in shapes:
        book_title, place, right = status_layout(title, long, width)
        assert place.startswith(shown), (width, place)
        assert right.startswith("scene 3/3"), (width, right)
        used = measure(book_title) + 3 * bool(book_title) + measure(place) + 2 + measure(right)
        assert used <= width


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


def test_les_miserables_names_the_volume_of_every_book_and_keeps_it_at_80_columns() -> None:
    """Volumes III to V have pictures under their titles (read as chapters of their own): the
    books after them are still in them, as in volumes I and II, and at 80 columns the status
    line shortens the levels rather than drop the volume (`BOOK SEVENTH · CHAPTER III` is in
    four volumes of five)."""
    from pathlib import Path

    from tui.book.formats import open_book

    real = Path(__file__).resolve().parents[1] / "fixtures" / "real"
    book = open_book(real / "pg_les_miserables_volumes_books.txt.gz")
    titles = [chapter.full_title for chapter in book.chapters]
    babet = next(t for t in titles if "BABET" in t)
    assert babet.startswith("VOLUME III · BOOK SEVENTH · CHAPTER III: BABET")
    slang = next(t for t in titles if "SLANG WHICH WEEPS" in t)
    assert slang.startswith("VOLUME IV · BOOK SEVENTH · CHAPTER III")
    meter = ProgressMeter(book)
    chapter = next(c for c in book.chapters if "BABET" in c.title)
    progress = meter.at(book.starts[chapter.start], chapter.start)
    _, place, right = status_layout("Les Misérables", progress, 78)
    assert place.startswith("Vol. III · Bk 7 · Ch. III: BAB"), place
    assert "%" in right


def test_in_the_brothers_karamazov_the_books_need_no_part_before_them() -> None:
    """Its books are numbered through the parts: narrow, the part goes, as before."""
    place = "PART I · Book II · Chapter VII: A Young Man Bent On A Career"
    progress = Progress(47.2, place, None, 1, 14.0, 900.0)
    _, place, _ = status_layout("The Brothers Karamazov", progress, 78)
    assert place.startswith("Book II · Chapter VII: A"), place
