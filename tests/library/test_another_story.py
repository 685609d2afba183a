"""A different story saved under a read book's file name is a new book: the old one's place
and bookmarks are set aside, never carried over, and never lost."""

from __future__ import annotations

import gzip
from pathlib import Path

from tui.book.anchor import Bookmark, make_anchor
from tui.book.formats import open_book
from tui.library.library import Library

FANFIC = Path(__file__).resolve().parents[1] / "fixtures" / "fanfic"
THREE_CHAPTERS = "ao3_download_html_rehosted_three_chapters.html.gz"
NAMED_CHAPTERS = "ao3_download_html_2020_named_chapters.html.gz"


def put(path: Path, fixture: str) -> Path:
    path.write_bytes(gzip.decompress((FANFIC / fixture).read_bytes()))
    return path


def read_with_a_bookmark(library: Library, path: Path) -> str:
    """Open ``path``, read a fifth of it, bookmark the place: returns the book's id."""
    book = open_book(path)
    record = library.add_book(path, book)
    anchor = make_anchor(book, len(book.text) // 5)
    library.set_position(record.id, anchor)
    library.add_bookmark(record.id, Bookmark(anchor, "the duel"))
    library.save()
    return record.id


def prose(seed: str, paragraphs: int = 60) -> str:
    """A story without title or author: paragraphs of plain prose, each its own."""
    return "\n\n".join(
        f"{seed} paragraph {n} walks along the harbour wall, counting the boats and the gulls "
        f"that follow them home, {n * 7} of them by evening."
        for n in range(paragraphs)
    )


def test_another_ao3_work_under_the_same_name_is_a_new_book(tmp_path: Path) -> None:
    library = Library.open(tmp_path / "data", sample=False)
    path = put(tmp_path / "wip.html", THREE_CHAPTERS)
    old_id = read_with_a_bookmark(library, path)
    old_title = library.get(old_id).title
    put(path, NAMED_CHAPTERS)
    record = library.add_book(path, open_book(path))  # the reader registers what it opened
    assert record.id != old_id
    assert record.position is None and record.status == "new" and not record.updated
    assert library.bookmarks(record.id) == []
    # The old story is kept, under its title, as a book whose file is missing.
    old = library.get(old_id)
    assert old.missing and old.title == old_title and old.position is not None
    assert [mark.label for mark in library.bookmarks(old_id)] == ["the duel"]
    library.save()
    again = Library.open(tmp_path / "data", sample=False)
    assert again.find_by_path(path).id == record.id  # the path is the new story's
    assert again.get(old_id).missing
    assert again.check().updated == 0  # and the old one does not count as updated


def test_a_scan_sets_the_old_story_aside_too(tmp_path: Path) -> None:
    library = Library.open(tmp_path / "data", sample=False)
    path = put(tmp_path / "wip.html", THREE_CHAPTERS)
    old_id = read_with_a_bookmark(library, path)
    put(path, NAMED_CHAPTERS)
    library.check()
    record = library.find_by_path(path)
    assert record.id != old_id and record.status == "new"
    assert library.get(old_id).missing and library.bookmarks(old_id)


def test_a_new_chapter_is_an_update_not_another_story(tmp_path: Path) -> None:
    library = Library.open(tmp_path / "data", sample=False)
    path = put(tmp_path / "wip.html", THREE_CHAPTERS)
    old_id = read_with_a_bookmark(library, path)
    html = path.read_text(encoding="utf-8")
    path.write_text(html.replace("</body>", "<h2>Chapter 4: Homecoming</h2><p>Home.</p></body>"))
    assert library.add_book(path, open_book(path)).id == old_id


def test_a_plain_text_file_holding_other_prose_is_a_new_book(tmp_path: Path) -> None:
    library = Library.open(tmp_path / "data", sample=False)
    path = tmp_path / "story.txt"
    path.write_text(prose("Mara's"), encoding="utf-8")
    old_id = read_with_a_bookmark(library, path)
    path.write_text(prose("Tomas's"), encoding="utf-8")
    record = library.add_book(path, open_book(path))
    assert record.id != old_id and record.position is None
    assert library.get(old_id).missing


def test_a_plain_text_file_edited_here_and_there_is_the_same_book(tmp_path: Path) -> None:
    library = Library.open(tmp_path / "data", sample=False)
    path = tmp_path / "story.txt"
    path.write_text(prose("Mara's"), encoding="utf-8")
    old_id = read_with_a_bookmark(library, path)
    text = prose("Mara's").replace("paragraph 3 walks", "paragraph 3 runs")
    path.write_text(text + "\n\n" + prose("Mara's later", 10), encoding="utf-8")
    record = library.add_book(path, open_book(path))
    assert record.id == old_id and record.position is not None
