"""A different story saved under a read book's file name is a new book.

The old one's place and bookmarks are set aside, never carried over, and never lost.
"""

from __future__ import annotations

import gzip
from pathlib import Path

from tui.book.anchor import Bookmark, make_anchor
from tui.book.formats import open_book
from tui.library.library import Library
from tui.library.scan import read_facts

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


def test_an_emptied_file_is_not_another_story(tmp_path: Path) -> None:
    """A re-download just begun (`curl -o` truncates first): the book keeps its place."""
    library = Library.open(tmp_path / "data", sample=False)
    path = put(tmp_path / "blueberry.txt", "ffn_fanficfare_txt_blueberry_pie.txt.gz")
    old_id = read_with_a_bookmark(library, path)
    whole = path.read_bytes()
    path.write_bytes(b"")
    library.add_book(path, open_book(path))  # the reader registers what it opened
    path.write_bytes(whole)
    library.add_book(path, open_book(path))
    record = library.find_by_path(path)
    assert record.id == old_id and not record.missing and record.position is not None
    assert len(library.records()) == 1


def test_the_story_set_aside_takes_its_path_back_when_its_file_holds_it_again(
    tmp_path: Path,
) -> None:
    library = Library.open(tmp_path / "data", sample=False)
    path = put(tmp_path / "wip.html", THREE_CHAPTERS)
    old_id = read_with_a_bookmark(library, path)
    put(path, NAMED_CHAPTERS)
    library.add_book(path, open_book(path))  # only opened: its title page, no further
    put(path, THREE_CHAPTERS)  # the right story back
    record = library.add_book(path, open_book(path))
    assert record.id == old_id and not record.missing and record.position is not None
    assert [mark.label for mark in library.bookmarks(old_id)] == ["the duel"]
    assert [r.id for r in library.records()] == [old_id]  # the one only opened went


def test_a_rescan_joins_two_books_an_earlier_split_left_for_one_file(tmp_path: Path) -> None:
    library = Library.open(tmp_path / "data", sample=False)
    path = put(tmp_path / "wip.html", THREE_CHAPTERS)
    old_id = read_with_a_bookmark(library, path)
    put(path, NAMED_CHAPTERS)
    holder = library.add_book(path, open_book(path))
    put(path, THREE_CHAPTERS)
    # As an earlier chapbook left it: the book made meanwhile took the whole file over (only
    # opened), and the one read is listed as missing, at a path that is there.
    facts = read_facts(str(path), parse=False)
    holder.hash, holder.size, holder.mtime = facts.hash, facts.size, facts.mtime
    library.table.mark_dirty(holder)
    library.save()

    again = Library.open(tmp_path / "data", sample=False)
    assert again.get(old_id).missing and len(again.records()) == 2
    assert again.check().found == 1
    record = again.find_by_path(path)
    assert record.id == old_id and not record.missing and record.position is not None
    assert [r.id for r in again.records()] == [old_id]
