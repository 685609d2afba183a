"""A story downloaded again under another name is the book already read.

`Primadonna (1).html` beside `Primadonna.html` is read from the newer file with its place,
bookmarks and history, marked updated with its new chapters, and listed once; the older file
stays on disk, kept out of the list. Sameness is told by what the files hold, never by their
names.
"""

from __future__ import annotations

import re
import time
from dataclasses import replace
from pathlib import Path

from redownload_support import (
    CHAPTERS,
    cut_to_chapters,
    download,
    without_work_address,
    write,
)

from tui.book.anchor import Bookmark, make_anchor, resolve_anchor
from tui.book.formats import open_book
from tui.library.library import Library
from tui.library.records import KeptCopy

OLD_CHAPTERS = 5


def a_library(tmp_path: Path) -> tuple[Library, Path]:
    """A library keeping ~/Downloads, as `chapbook ~/Downloads` leaves it."""
    downloads = tmp_path / "Downloads"
    downloads.mkdir()
    library = Library.open(tmp_path / "data", sample=False)
    library.add_folder(downloads)
    return library, downloads


def read_into_chapter_three(library: Library, path: Path) -> tuple[str, str]:
    """Open the file in the reader, read into its third chapter, bookmark the place: the
    book's id and the paragraph read."""
    book = open_book(path)
    record = library.add_book(path, book)
    third = book.chapters[2]
    para = third.start + (third.end - third.start) // 2
    anchor = make_anchor(book, int(book.starts[para]))
    library.set_position(record.id, anchor)
    library.add_bookmark(record.id, Bookmark(anchor, "the chess game"))
    library.save()
    return record.id, book.paragraph(book.para_at(anchor.offset))


def test_a_newer_download_under_another_name_is_the_book_read(tmp_path: Path) -> None:
    library, downloads = a_library(tmp_path)
    old = write(downloads / "Primadonna.html", cut_to_chapters(download(), OLD_CHAPTERS))
    book_id, paragraph = read_into_chapter_three(library, old)
    old_bytes = old.read_bytes()
    new = write(downloads / "Primadonna (1).html", download())
    changes = library.check(add_new=True)  # `r`, a rescan
    assert (changes.linked, changes.added) == (1, 0)
    [record] = library.records()  # listed once
    assert record.id == book_id and record.path == str(new.resolve())
    assert record.updated and record.new_chapters == CHAPTERS - OLD_CHAPTERS
    assert record.new_title == "Chapter 6: Pretty When You Cry"
    assert record.status == "reading" and record.chapters == CHAPTERS
    # The place re-resolves in the new text, at the paragraph read; bookmarks come along.
    offset, exact = resolve_anchor(open_book(new), record.position)
    assert exact and open_book(new).paragraph(open_book(new).para_at(offset)) == paragraph
    assert [mark.label for mark in library.bookmarks(book_id)] == ["the chess game"]
    assert library.details(book_id).sessions  # the reading history
    # The older copy stays on disk as it was, kept by the book, not listed.
    assert old.read_bytes() == old_bytes
    assert [copy.path for copy in record.older_copies] == [str(old.resolve())]
    assert record.older_copies[0].chapters == OLD_CHAPTERS
    library.save()
    again = Library.open(tmp_path / "data", sample=False)
    assert [r.id for r in again.records()] == [book_id]
    assert again.get(book_id).older_copies == record.older_copies
    assert again.check(add_new=True).total == 0  # the older copy is not added back


def test_the_same_work_is_known_by_its_address_whatever_its_title(tmp_path: Path) -> None:
    """The author renamed the work between the downloads: the AO3 work is the same."""
    library, downloads = a_library(tmp_path)
    old = write(downloads / "Primadonna.html", cut_to_chapters(download(), OLD_CHAPTERS))
    book_id, _ = read_into_chapter_three(library, old)
    renamed = download().replace("Primadonna", "Prima Donna (Revised)")
    write(downloads / "Prima Donna (Revised).html", renamed)
    library.check(add_new=True)
    [record] = library.records()
    assert record.id == book_id and record.title == "Prima Donna (Revised)"
    assert record.new_chapters == CHAPTERS - OLD_CHAPTERS


def test_without_an_address_title_author_and_text_tell_the_same_story(tmp_path: Path) -> None:
    library, downloads = a_library(tmp_path)
    html = without_work_address(download())
    old = write(downloads / "Primadonna.html", cut_to_chapters(html, OLD_CHAPTERS))
    book_id, _ = read_into_chapter_three(library, old)
    write(downloads / "Primadonna-1.html", html)
    assert library.check(add_new=True).linked == 1
    [record] = library.records()
    assert record.id == book_id and record.new_chapters == CHAPTERS - OLD_CHAPTERS
    assert library.bookmarks(book_id)


def test_a_book_never_opened_is_known_by_its_file(tmp_path: Path) -> None:
    """Nothing remembered of the book's text (a scan added it, it was never opened): its
    file is read to compare."""
    library, downloads = a_library(tmp_path)
    html = without_work_address(download())
    write(downloads / "Primadonna.html", cut_to_chapters(html, OLD_CHAPTERS))
    library.check(add_new=True)
    [first] = library.records()
    write(downloads / "Primadonna.1.html", html)
    library.check(add_new=True)
    [record] = library.records()
    assert record.id == first.id and record.path.endswith("Primadonna.1.html")
    assert not record.updated  # (never read: nothing is new to the reader)


OTHERS = (
    "ao3_download_html_2025_star_pair_glyph_breaks_empty_paragraph_fences.html.gz",
    "ao3_download_html_2024_three_chapters_star_breaks.html.gz",
    "ao3_download_html_2023_datelines.html.gz",
)


def retitled(fixture: str, author: str, by: str = "") -> str:
    """Another AO3 download given Primadonna's title (and, with ``by``, its author)."""
    html = download(fixture)
    title = re.search(r"<h1>(.*?)</h1>", html).group(1)
    html = html.replace(title, "Primadonna")
    return html.replace(author, by) if by else html


def test_another_story_of_the_same_title_is_a_book_of_its_own(tmp_path: Path) -> None:
    library, downloads = a_library(tmp_path)
    html = download()
    old = write(downloads / "Primadonna.html", html)
    book_id, _ = read_into_chapter_three(library, old)
    # Another author's story of the same title,
    write(downloads / "Primadonna (1).html", retitled(OTHERS[0], "villhag"))
    # the same author's other story of the same title (AO3 tells its work apart),
    write(downloads / "Primadonna (2).html", retitled(OTHERS[1], "Palmarion", "LovettBlack"))
    # and one more with no address to tell it by: its text does.
    third = without_work_address(retitled(OTHERS[2], "natsinator", "LovettBlack"))
    write(downloads / "Primadonna (3).html", third)
    changes = library.check(add_new=True)
    assert (changes.added, changes.linked) == (3, 0)
    record = library.get(book_id)
    assert record.path == str(old.resolve()) and not record.updated and not record.older_copies
    authors = {"villhag": 1, "LovettBlack": 2}
    for path in ("Primadonna (1).html", "Primadonna (2).html", "Primadonna (3).html"):
        other_record = library.find_by_path(downloads / path)
        assert other_record.title == "Primadonna" and other_record.position is None
        authors[other_record.author] -= 1
        assert library.bookmarks(other_record.id) == []
    assert set(authors.values()) == {0}


def test_an_older_copy_found_later_is_kept_and_the_newer_file_read(tmp_path: Path) -> None:
    library, downloads = a_library(tmp_path)
    new = write(downloads / "Primadonna (1).html", download())
    book_id, _ = read_into_chapter_three(library, new)
    old = write(downloads / "Primadonna.html", cut_to_chapters(download(), OLD_CHAPTERS))
    changes = library.check(add_new=True)
    assert changes.total == 0  # the list is as it was
    [record] = library.records()
    assert record.id == book_id and record.path == str(new.resolve())
    assert not record.updated and record.chapters == CHAPTERS
    assert record.older_copies == (
        KeptCopy(str(old.resolve()), old.stat().st_size, old.stat().st_mtime_ns, OLD_CHAPTERS),
    )


def test_the_same_bytes_again_are_kept_as_a_copy(tmp_path: Path) -> None:
    library, downloads = a_library(tmp_path)
    first = write(downloads / "Primadonna.html", download())
    book_id, _ = read_into_chapter_three(library, first)
    write(downloads / "Primadonna (1).html", download())
    library.check(add_new=True)
    [record] = library.records()
    assert record.id == book_id and record.path == str(first.resolve())
    assert [Path(c.path).name for c in record.older_copies] == ["Primadonna (1).html"]


def test_the_same_bytes_again_opened_by_name_are_the_book(tmp_path: Path) -> None:
    """`chapbook "Primadonna (1).html"`, downloaded again with nothing new in it: the book,
    at its place, read from the file named."""
    library, downloads = a_library(tmp_path)
    first = write(downloads / "Primadonna.html", download())
    book_id, _ = read_into_chapter_three(library, first)
    again = write(downloads / "Primadonna (1).html", download())
    record = library.add_book(again, open_book(again))
    assert record.id == book_id and record.path == str(again.resolve())
    assert record.position is not None and not record.updated
    assert [Path(c.path).name for c in record.older_copies] == ["Primadonna.html"]


def test_an_older_copy_named_by_the_user_is_read_as_it_is(tmp_path: Path) -> None:
    """`chapbook ~/Downloads/Primadonna.html` after the library took up the newer copy: the
    file named is opened as it is, a book of its own, and the story keeps its place."""
    library, downloads = a_library(tmp_path)
    old = write(downloads / "Primadonna.html", cut_to_chapters(download(), OLD_CHAPTERS))
    book_id, _ = read_into_chapter_three(library, old)
    write(downloads / "Primadonna (1).html", download())
    library.check(add_new=True)
    opened = library.add_book(old, open_book(old))
    assert opened.id != book_id and opened.path == str(old.resolve())
    assert opened.chapters == OLD_CHAPTERS and opened.position is None
    assert library.get(book_id).older_copies == ()
    assert len(library.records()) == 2


def test_a_newer_copy_opened_by_name_is_the_book(tmp_path: Path) -> None:
    """`chapbook "Primadonna (1).html"`: the reader registers the book it opened."""
    library, downloads = a_library(tmp_path)
    old = write(downloads / "Primadonna.html", cut_to_chapters(download(), OLD_CHAPTERS))
    book_id, _ = read_into_chapter_three(library, old)
    new = write(downloads / "Primadonna (1).html", download())
    record = library.add_book(new, open_book(new))
    assert record.id == book_id and record.new_chapters == CHAPTERS - OLD_CHAPTERS
    assert [r.id for r in library.records()] == [book_id]


def test_a_kept_copy_written_again_with_more_chapters_is_read_from(tmp_path: Path) -> None:
    """A downloader updating the first file in place later (`fanficfare -u`): that file holds
    the newest copy now, and the book is read from it."""
    library, downloads = a_library(tmp_path)
    html = download()
    old = write(downloads / "Primadonna.html", cut_to_chapters(html, 4))
    book_id, _ = read_into_chapter_three(library, old)
    middle = write(downloads / "Primadonna (1).html", cut_to_chapters(html, OLD_CHAPTERS))
    library.check(add_new=True)
    assert library.get(book_id).path == str(middle.resolve())
    write(old, html)
    assert library.check().linked == 1  # (the look at the files on start, or every while)
    record = library.get(book_id)
    assert record.path == str(old.resolve()) and record.chapters == CHAPTERS
    assert [Path(c.path).name for c in record.older_copies] == ["Primadonna (1).html"]
    assert len(library.records()) == 1


def test_a_kept_copy_deleted_is_forgotten(tmp_path: Path) -> None:
    library, downloads = a_library(tmp_path)
    old = write(downloads / "Primadonna.html", cut_to_chapters(download(), OLD_CHAPTERS))
    book_id, _ = read_into_chapter_three(library, old)
    write(downloads / "Primadonna (1).html", download())
    library.check(add_new=True)
    old.unlink()
    library.check()
    assert library.get(book_id).older_copies == ()


def test_a_removed_story_does_not_come_back_from_its_older_copy(tmp_path: Path) -> None:
    library, downloads = a_library(tmp_path)
    old = write(downloads / "Primadonna.html", cut_to_chapters(download(), OLD_CHAPTERS))
    book_id, _ = read_into_chapter_three(library, old)
    write(downloads / "Primadonna (1).html", download())
    library.check(add_new=True)
    library.remove(book_id)
    library.save()
    assert library.check(add_new=True).added == 0
    assert library.records() == []


def test_a_window_that_never_saw_the_new_copy_does_not_undo_it(tmp_path: Path) -> None:
    """Two chapbooks: one takes the newer copy up; the other, still reading the book as it
    was, saves its place after that. Their saves merge: the book is read from the newer file,
    at the later place."""
    library, downloads = a_library(tmp_path)
    old = write(downloads / "Primadonna.html", cut_to_chapters(download(), OLD_CHAPTERS))
    book_id, _ = read_into_chapter_three(library, old)
    other = Library.open(tmp_path / "data", sample=False)  # the other window
    new = write(downloads / "Primadonna (1).html", download())
    library.check(add_new=True)
    library.save()
    book = open_book(old)
    fourth = book.chapters[3]
    later = replace(
        make_anchor(book, int(book.starts[fourth.start + 2])), saved_at=time.time() + 60
    )
    with other.lock:  # (a catch-up in the other window: its metadata is the newer by time)
        other.get(book_id).changed = time.time() + 60
    other.set_position(book_id, later, reached_at=later.saved_at)
    other.save()
    for window in (Library.open(tmp_path / "data", sample=False), other):
        window.reload()
        [record] = window.records()
        assert record.path == str(new.resolve()) and record.new_chapters == 2
        assert record.offset == later.offset
        assert [c.path for c in record.older_copies] == [str(old.resolve())]


def test_the_same_story_in_another_format_stays_a_book_of_its_own(tmp_path: Path) -> None:
    library, downloads = a_library(tmp_path)
    page = write(downloads / "Primadonna.html", download())
    book_id, _ = read_into_chapter_three(library, page)
    # The same work saved as text: its words, and the address of its work, without the tags.
    text = re.sub(r"<[^>]+>", "", download())
    saved = write(downloads / "Primadonna (1).txt", text)
    assert "archiveofourown.org/works/" in saved.read_text(encoding="utf-8")
    changes = library.check(add_new=True)
    assert (changes.linked, changes.added) == (0, 1)
    paths = sorted(Path(record.path).name for record in library.records())
    assert paths == ["Primadonna (1).txt", "Primadonna.html"]
    assert not library.get(book_id).older_copies
