"""What adding folders did, told in one sentence: books added, already there, skipped."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest
from library_support import fixed_library, write_story

from tui.library.folders import AddCounts, added_text, before_adding, count_added


def _add(library, paths: list[Path]) -> str:
    before = before_adding(library.records())
    skipped = len(library.skipped)
    records = library.add_paths(paths, workers=1)
    counts = count_added(before, records, len(library.left_out))
    return added_text(paths, counts, len(library.skipped) - skipped, library.unkept)


def test_adding_a_folder_counts_new_and_known_books(tmp_path: Path) -> None:
    library = fixed_library()
    write_story(tmp_path / "fics", "one.txt", "One")
    write_story(tmp_path / "fics", "two.txt", "Two")
    assert _add(library, [tmp_path / "fics"]) == f"Added 2 books from {tmp_path / 'fics'}"
    write_story(tmp_path / "fics", "three.txt", "Three")
    again = _add(library, [tmp_path / "fics"])
    assert again == f"Added 1 book from {tmp_path / 'fics'}; 2 were already in the library"
    assert _add(library, [tmp_path / "fics"]).startswith(f"No new books in {tmp_path / 'fics'}")


def test_an_add_names_the_books_that_came_in_not_those_already_there(tmp_path: Path) -> None:
    library = fixed_library()
    fics = tmp_path / "fics"
    write_story(fics, "one.txt", "One")
    library.add_paths([fics], workers=1)
    write_story(fics, "two.txt", "Two")
    (fics / "one.txt").write_text("Changed\n\nWholly new words here.\n", encoding="utf-8")
    before = before_adding(library.records())
    counts = count_added(before, library.add_paths([fics], workers=1))
    ids = {library.find_by_path(fics / name).id for name in ("one.txt", "two.txt")}
    assert (counts.added, counts.changed, set(counts.came_in)) == (1, 1, ids)
    again = count_added(before_adding(library.records()), library.add_paths([fics], workers=1))
    assert again.known == 2 and again.came_in == []


def test_a_removed_book_left_out_of_a_folder_is_said_so(tmp_path: Path) -> None:
    library = fixed_library()
    fics = tmp_path / "fics"
    for name in ("one", "two", "three"):
        write_story(fics, f"{name}.txt", name.title())
    _add(library, [fics])
    gone = library.find_by_path(fics / "two.txt")
    assert gone is not None
    library.remove(gone.id)
    assert _add(library, [fics]) == (
        f"No new books in {fics}; 2 were already in the library, "
        "1 was removed earlier: add it by its own path to bring it back"
    )
    assert library.find_by_path(fics / "two.txt") is None  # it stays removed
    # Added by its own path, it is back, and the folder has nothing left out.
    assert _add(library, [fics / "two.txt"]) == f"Added 1 book from {fics / 'two.txt'}"
    assert _add(library, [fics]) == f"No new books in {fics}; 3 were already in the library"


def test_a_folder_holding_only_removed_books_says_so(tmp_path: Path) -> None:
    library = fixed_library()
    fics = tmp_path / "fics"
    write_story(fics, "one.txt", "One")
    write_story(fics, "two.txt", "Two")
    _add(library, [fics])
    for record in library.records():
        library.remove(record.id)
    assert _add(library, [fics]).startswith(
        f"No new books in {fics}; 2 were removed earlier: add each by its own path to bring it back"
    )


def test_an_empty_folder_says_what_files_chapbook_reads(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    text = _add(fixed_library(), [tmp_path / "empty"])
    assert text == (
        f"No books found in {tmp_path / 'empty'} (chapbook reads .txt, .md, .markdown, .epub, "
        ".html or .htm files, plain or gzipped, but not READMEs, licences or notes); "
        "the folder is not kept for rescans (nothing in it could be added)"
    )


def test_files_that_are_not_books_are_counted_as_skipped(tmp_path: Path) -> None:
    (tmp_path / "odd").mkdir()
    (tmp_path / "odd" / "junk.txt").write_bytes(bytes(range(256)) * 20)
    assert _add(fixed_library(), [tmp_path / "odd"]) == (
        f"No books found in {tmp_path / 'odd'}: 1 file skipped (not a book); "
        "the folder is not kept for rescans (nothing in it could be added)"
    )
    assert added_text(["odd"], AddCounts(added=1), 1) == (
        "Added 1 book from odd; 1 file skipped (not a book)"
    )


def test_a_folder_nothing_could_be_added_from_is_not_kept_for_rescans(tmp_path: Path) -> None:
    library = fixed_library(tmp_path / "data")
    (tmp_path / "empty").mkdir()
    write_story(tmp_path / "fics", "one.txt", "One")
    text = _add(library, [tmp_path / "empty", tmp_path / "fics"])
    assert text == (
        f"Added 1 book from {tmp_path / 'empty'} and {tmp_path / 'fics'}; "
        f"{tmp_path / 'empty'} is not kept for rescans (nothing in it could be added)"
    )
    library.save()
    assert fixed_library(tmp_path / "data").folders == [str(tmp_path / "fics")]


def test_a_folder_already_kept_stays_when_it_has_no_books_left(tmp_path: Path) -> None:
    library = fixed_library(tmp_path / "data")
    story = write_story(tmp_path / "fics", "one.txt", "One")
    _add(library, [tmp_path / "fics"])
    story.unlink()
    library.check(add_new=True, workers=1)
    assert _add(library, [tmp_path / "fics"]).startswith(f"No books found in {tmp_path / 'fics'}")
    assert library.unkept == []
    assert library.folders == [str(tmp_path / "fics")]


def test_a_gzipped_file_named_txt_is_added_as_the_book_inside(tmp_path: Path) -> None:
    library = fixed_library()
    story = write_story(tmp_path, "plain.txt", "Harbour Lights")
    saved = tmp_path / "fics" / "harbour.txt"  # a gzipped download saved as .txt
    saved.parent.mkdir()
    saved.write_bytes(gzip.compress(story.read_bytes()))
    _add(library, [saved.parent])
    record = library.find_by_path(saved)
    assert record is not None and not record.error
    assert (record.title, record.chapters) == ("Harbour Lights", 3)


class Quit(Exception):
    """chapbook left while the folder was being added."""


def _quit_after(count: int):
    def progress(done: int, total: int) -> None:
        if done >= count:
            raise Quit

    return progress


def test_a_folder_is_kept_from_the_start_of_its_adding_so_a_quit_part_way_loses_nothing(
    tmp_path: Path,
) -> None:
    fics = tmp_path / "fics"
    for n in range(12):
        write_story(fics, f"s{n:02d}.txt", f"Story {n}", chapters=1)
    library = fixed_library(tmp_path / "data")
    with pytest.raises(Quit):
        library.add_paths([fics], _quit_after(4), workers=1)
    library.save()  # as chapbook saves when it quits

    again = fixed_library(tmp_path / "data")
    assert again.folders == [str(fics)]  # in library.toml: a rescan would walk it
    assert again.unfinished == [str(fics)] and again.queued == [fics]
    assert 0 < len(again.records()) < 12
    again.add_paths(again.queued, workers=1)  # what the next start does with it
    assert len(again.records()) == 12 and again.unfinished == []
    again.save()
    assert fixed_library(tmp_path / "data").queued == []  # nothing left to finish


def test_a_rescan_finishes_an_adding_cut_short(tmp_path: Path) -> None:
    fics = tmp_path / "fics"
    for n in range(6):
        write_story(fics, f"s{n:02d}.txt", f"Story {n}", chapters=1)
    library = fixed_library(tmp_path / "data")
    with pytest.raises(Quit):
        library.add_paths([fics], _quit_after(2), workers=1)
    library.check(add_new=True, workers=1)
    assert len(library.records()) == 6 and library.unfinished == []


def test_a_folder_without_books_is_still_not_kept(tmp_path: Path) -> None:
    library = fixed_library(tmp_path / "data")
    junk = tmp_path / "junk"
    junk.mkdir()
    (junk / "noise.txt").write_bytes(bytes(range(256)) * 8)  # not text
    library.add_paths([junk], workers=1)
    assert library.folders == [] and library.unfinished == []
    assert library.unkept == [str(junk)]
