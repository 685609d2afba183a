"""A book moved or renamed keeps its place, bookmarks and statistics on every way back in."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from library_support import NOW, fixed_library, write_story

from tui.book.anchor import Anchor, Bookmark
from tui.book.formats import open_book
from tui.cli import main
from tui.library.library import Library


def _read_and_move(tmp_path: Path) -> tuple[Library, str, Path]:
    """A book in a library folder, read to offset 400 with a bookmark, then moved."""
    folder = tmp_path / "L2"
    path = write_story(folder, "a.txt", "Alpha")
    library = fixed_library(tmp_path / "data")
    library.add_paths([folder])
    book = library.find_by_path(path)
    assert book is not None
    library.set_position(book.id, Anchor(400, "fp", NOW))
    library.set_position(book.id, Anchor(900, "fp", NOW + 60))
    library.add_bookmark(book.id, Bookmark(Anchor(500, "fp", NOW), "here", NOW))
    library.save()
    moved = folder / "sub" / "b.txt"
    moved.parent.mkdir()
    os.replace(path, moved)
    return fixed_library(tmp_path / "data"), book.id, moved


def _kept(library: Library, book_id: str, moved: Path) -> None:
    record = library.get(book_id)
    assert record is not None and record.path == str(moved.resolve())
    assert not record.missing
    assert library.position(book_id).offset == 900
    assert [b.label for b in library.bookmarks(book_id)] == ["here"]
    assert library.details(book_id).seconds == 60
    assert len(library) == 1  # no second row for the moved file


def test_adding_the_folder_again_relinks_the_moved_book(tmp_path: Path) -> None:
    library, book_id, moved = _read_and_move(tmp_path)
    library.add_paths([tmp_path / "L2"])  # `chapbook L2`, before any check ran
    library.check()
    _kept(library, book_id, moved)


def test_opening_the_moved_file_directly_finds_its_place(tmp_path: Path) -> None:
    library, book_id, moved = _read_and_move(tmp_path)
    record = library.find_moved(moved)  # `chapbook L2/sub/b.txt`, before the reader opens
    assert record is not None and record.id == book_id
    assert library.add_book(moved, open_book(moved)).id == book_id  # the reader registers it
    _kept(library, book_id, moved)


def test_a_new_file_opened_directly_is_not_taken_for_a_moved_book(tmp_path: Path) -> None:
    library, book_id, _moved = _read_and_move(tmp_path)
    other = write_story(tmp_path / "else", "c.txt", "Gamma")
    assert library.find_moved(other) is None
    assert library.add_book(other).id != book_id


def test_a_copy_is_not_taken_for_the_moved_book_while_the_original_is_there(
    tmp_path: Path,
) -> None:
    """Nothing in the copy says which story it is (no title or author): a book of its own."""
    library, book_id, moved = _read_and_move(tmp_path)
    copy = tmp_path / "L2" / "copy.txt"
    copy.write_text("\n\n".join(moved.read_text().splitlines()[2:]), encoding="utf-8")
    library.add_paths([moved])
    library.add_paths([copy])
    assert library.find_by_path(copy).id != book_id
    assert library.find_by_path(moved).id == book_id


def test_a_copy_of_the_story_named_is_the_book_the_original_kept(tmp_path: Path) -> None:
    """The same bytes under another name, added by name: the story's book, read from the file
    named, the original kept beside it (`test_redownloads`)."""
    library, book_id, moved = _read_and_move(tmp_path)
    copy = tmp_path / "L2" / "copy.txt"
    copy.write_bytes(moved.read_bytes())
    library.add_paths([moved])
    library.add_paths([copy])
    assert library.find_by_path(copy).id == book_id
    assert [kept.path for kept in library.get(book_id).older_copies] == [str(moved.resolve())]
    assert len(library) == 1


def test_rescan_relinks_and_folds_a_row_added_for_the_new_path(tmp_path: Path) -> None:
    library, book_id, moved = _read_and_move(tmp_path)
    # A row an older version added for the new path, before the old one was seen missing.
    duplicate = library.table.new_record(str(moved.resolve()))
    duplicate.hash = library.get(book_id).hash
    library.mark_missing(book_id)
    assert library.check(add_new=True).total >= 1  # `r`: something changed
    _kept(library, book_id, moved)
    library.save()
    _kept(fixed_library(tmp_path / "data"), book_id, moved)


def test_chapbook_add_reports_the_moved_book_and_keeps_its_place(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "L2"
    path = write_story(folder, "a.txt", "Alpha")
    assert main(["add", str(folder)]) == 0
    library = Library.open()
    book = library.find_by_path(path)
    library.set_position(book.id, Anchor(700, "fp", NOW))
    library.save()
    (folder / "sub").mkdir()
    moved = folder / "sub" / "b.txt"
    os.replace(path, moved)
    capsys.readouterr()
    assert main(["add", str(folder)]) == 0
    out = capsys.readouterr().out
    assert "Added 0 books" in out and "1 found at a new path" in out
    library = Library.open()
    assert library.find_by_path(moved).id == book.id
    assert library.position(book.id).offset == 700
    assert not any(r.missing for r in library.records())


def test_files_that_are_not_books_are_skipped_and_named_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "messy"
    write_story(folder, "good.txt", "Good")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 20)
    (folder / "fake.epub").write_text("not a zip")
    (folder / "empty.txt").write_text("")
    (folder / "blank.txt").write_text("  \n\n \n")
    assert main(["add", str(folder)]) == 0
    captured = capsys.readouterr()
    assert "Added 1 book;" in captured.out
    assert "skipped 4 files that are not books: " in captured.err
    binary = str((folder / "binary.txt").resolve())
    assert captured.err.count(binary) == 1  # the path once, then why
    assert f"{binary} (looks like a binary file" in captured.err
    names = {Path(r.path).name for r in Library.open().records()}
    assert names == {"good.txt", "sample.txt"}


def test_a_scan_skips_files_that_are_not_books(tmp_path: Path) -> None:
    library = fixed_library()
    (tmp_path / "empty.txt").write_text("")
    write_story(tmp_path, "good.txt", "Good")
    records = library.add_paths([tmp_path])
    assert [Path(r.path).name for r in records] == ["good.txt"]
    assert [Path(p).name for p, _why in library.skipped] == ["empty.txt"]


def test_a_check_tells_missing_updated_and_added_books_apart(tmp_path: Path) -> None:
    from tui.paths import shown_path
    from tui.ui.screens.library_scan_reports import rescan_text

    folder = tmp_path / "books"
    folder.mkdir()
    gone, grows = folder / "gone.txt", folder / "grows.txt"
    for path in (gone, grows):
        path.write_text(f"Chapter 1\n\nThe story of {path.stem}, one line.\n", encoding="utf-8")
    library = Library.open(sample=False)
    library.add_paths([folder])
    gone.unlink()
    grows.write_text("Chapter 1\n\nA story.\n\nChapter 2\n\nIt grew.\n", encoding="utf-8")
    (folder / "new.txt").write_text("Chapter 1\n\nA new one.\n", encoding="utf-8")
    checked = library.check(add_new=True)
    assert (checked.went_missing, checked.updated, checked.added) == (1, 1, 1)
    assert rescan_text(checked, [str(folder)]) == "1 book missing, 1 updated, 1 added"
    # Nothing found: where it looked, since a moved book is found only there.
    nothing = library.check(add_new=True)
    assert rescan_text(nothing, [str(folder)]) == f"Nothing changed in {shown_path(folder)}"
    folders = [str(folder), str(tmp_path / "b"), str(tmp_path / "c")]
    assert rescan_text(nothing, folders).endswith(" and 1 more folder")
    # A book moved within the folders is found at its new path: not missing, not added.
    grows.rename(folder / "moved.txt")
    moved = library.check(add_new=True)
    assert (moved.went_missing, moved.found, moved.added) == (0, 1, 0)
