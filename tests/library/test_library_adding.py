"""What adding folders did, told in one sentence: books added, already there, skipped."""

from __future__ import annotations

from pathlib import Path

from library_support import fixed_library, write_story

from tui.library.folders import AddCounts, added_text, before_adding, count_added


def _add(library, paths: list[Path]) -> str:
    before = before_adding(library.records())
    skipped = len(library.skipped)
    records = library.add_paths(paths, workers=1)
    return added_text(paths, count_added(before, records), len(library.skipped) - skipped)


def test_adding_a_folder_counts_new_and_known_books(tmp_path: Path) -> None:
    library = fixed_library()
    write_story(tmp_path / "fics", "one.txt", "One")
    write_story(tmp_path / "fics", "two.txt", "Two")
    assert _add(library, [tmp_path / "fics"]) == f"Added 2 books from {tmp_path / 'fics'}"
    write_story(tmp_path / "fics", "three.txt", "Three")
    again = _add(library, [tmp_path / "fics"])
    assert again == f"Added 1 book from {tmp_path / 'fics'}; 2 were already in the library"
    assert _add(library, [tmp_path / "fics"]).startswith(f"No new books in {tmp_path / 'fics'}")


def test_an_empty_folder_says_what_files_chapbook_reads(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    text = _add(fixed_library(), [tmp_path / "empty"])
    assert text == (
        f"No books found in {tmp_path / 'empty'} "
        "(chapbook reads .txt, .epub, .html or .htm files, plain or gzipped)"
    )


def test_files_that_are_not_books_are_counted_as_skipped(tmp_path: Path) -> None:
    (tmp_path / "odd").mkdir()
    (tmp_path / "odd" / "junk.txt").write_bytes(bytes(range(256)) * 20)
    assert _add(fixed_library(), [tmp_path / "odd"]) == (
        f"No books found in {tmp_path / 'odd'}: 1 file skipped (not a book)"
    )
    assert added_text(["odd"], AddCounts(added=1), 1) == (
        "Added 1 book from odd; 1 file skipped (not a book)"
    )
