"""The library index: adding, positions, removal, updated and moved books, saving and merging."""

from __future__ import annotations

import os
from pathlib import Path

from library_support import NOW, add_known, facts_for, fixed_library, write_story

from tui.book.anchor import Anchor, Bookmark
from tui.library.catalog import format_progress
from tui.library.library import Library
from tui.library.records import BookRecord
from tui.paths import data_dir, shown_percent


def test_positions_and_books_survive_a_restart(tmp_path: Path) -> None:
    library = fixed_library()
    book = add_known(library, write_story(tmp_path, "a.txt", "A"), "Alpha", fandom="Harbour")
    library.set_position(book.id, Anchor(1234, "abc", NOW, within=5))
    library.add_bookmark(book.id, Bookmark(Anchor(99, "def", NOW), "the storm", created=NOW))
    library.save()

    again = Library.open(sample=False)
    record = again.find_by_path(tmp_path / "a.txt")
    assert record is not None
    assert (record.title, record.fandom) == ("Alpha", "Harbour")
    assert again.position(record.id) == Anchor(1234, "abc", NOW, within=5)
    assert [b.label for b in again.bookmarks(record.id)] == ["the storm"]


def test_a_place_keeps_its_sketch_through_a_restart(tmp_path: Path) -> None:
    # The sketch of the paragraph's words finds the place again once the paragraph is edited.
    library = fixed_library()
    book = add_known(library, write_story(tmp_path, "a.txt", "A"), "Alpha")
    place = Anchor(1234, "abc", NOW, within=5, sketch="0000beef1234abcd")
    library.set_position(book.id, place)
    library.save()
    again = Library.open(sample=False)
    record = again.find_by_path(tmp_path / "a.txt")
    assert record is not None
    assert again.position(record.id) == place


def test_the_index_lives_in_the_data_directory_as_toml(tmp_path: Path) -> None:
    library = fixed_library()
    add_known(library, write_story(tmp_path, "a.txt", "A"), "Alpha")
    library.save()
    shards = list((data_dir() / "index").glob("*.toml"))
    assert len(shards) == 1
    assert 'title = "Alpha"' in shards[0].read_text(encoding="utf-8")


def test_status_and_progress_follow_the_position(tmp_path: Path) -> None:
    library = fixed_library()
    book = add_known(library, write_story(tmp_path, "a.txt", "A"), "Alpha", words=10_000)
    assert book.status == "new" and book.progress == 0.0
    library.set_position(book.id, Anchor(book.length // 4, "x", NOW))
    assert book.status == "reading" and round(book.progress, 2) == 0.25
    library.set_position(book.id, Anchor(book.finish, "y", NOW + 1))
    # Finished is read as the end on screen: 100%, never a 99% that a finished book still
    # has pages to go (percentages are rounded down).
    assert book.status == "finished" and book.progress == 1.0
    assert format_progress(book) == "100%"
    library.set_position(book.id, Anchor(book.finish - 500, "y", NOW + 2), at_end=True)
    assert book.status == "finished" and book.progress == 1.0  # the end is on screen


def test_removing_forgets_the_book_but_never_touches_the_file(tmp_path: Path) -> None:
    path = write_story(tmp_path, "a.txt", "A")
    library = fixed_library()
    book = add_known(library, path, "Alpha")
    library.save()
    library.remove(book.id)
    library.save()
    assert path.is_file()
    assert Library.open(sample=False).find_by_path(path) is None


def test_a_removed_book_restored_is_as_it_was_though_saved_between(tmp_path: Path) -> None:
    """The library's undo: the book back with its place, where it was left and bookmarks,
    though the removal was saved meanwhile (its detail file deleted, its tombstone written);
    a rescan does not leave it out, and the next start has it."""
    path = write_story(tmp_path, "a.txt", "A")
    library = fixed_library()
    book = add_known(library, path, "Alpha")
    library.set_position(book.id, Anchor(1234, "abc", NOW), place=("Chapter 2: The Storm", 2))
    library.add_bookmark(book.id, Bookmark(Anchor(99, "def", NOW), "the storm", created=NOW))
    library.save()
    removal = library.remove(book.id)
    assert removal is not None and library.get(book.id) is None
    library.save()
    assert Library.open(sample=False).find_by_path(path) is None
    assert library.restore(removal)
    assert library.files_to_add([path]) == []  # not a new file: the book is there
    library.save()
    again = Library.open(sample=False)
    record = again.find_by_path(path)
    assert record is not None and record.id == book.id
    assert (record.offset, record.place_title, record.place_chapter) == (
        1234,
        "Chapter 2: The Storm",
        2,
    )
    assert [b.label for b in again.bookmarks(record.id)] == ["the storm"]
    assert not library.restore(removal)  # once is all: it is there


def test_a_removed_book_is_not_restored_over_its_file_added_again(tmp_path: Path) -> None:
    path = write_story(tmp_path, "a.txt", "A")
    library = fixed_library()
    book = add_known(library, path, "Alpha")
    removal = library.remove(book.id)
    assert removal is not None
    add_known(library, path, "Alpha")  # `a` and its path: a new book at that path
    assert not library.restore(removal)
    assert len(library) == 1


def test_the_sample_story_comes_once_and_stays_removed() -> None:
    first = Library.open()
    assert len(first) == 1
    sample = first.records()[0]
    assert sample.path.endswith("sample.txt")
    first.remove(sample.id)
    first.save()
    assert len(Library.open()) == 0  # first run is remembered


def test_a_second_copy_never_loses_books_or_newer_positions(tmp_path: Path) -> None:
    a, b = fixed_library(), fixed_library()
    shared = write_story(tmp_path, "shared.txt", "Shared")
    rec_a = add_known(a, shared, "Shared")
    add_known(a, write_story(tmp_path, "only-a.txt", "A"), "Only A")
    a.set_position(rec_a.id, Anchor(500, "new", NOW + 100))
    a.save()
    rec_b = add_known(b, shared, "Shared")
    add_known(b, write_story(tmp_path, "only-b.txt", "B"), "Only B")
    b.set_position(rec_b.id, Anchor(100, "old", NOW + 50))  # older than a's
    b.save()

    merged = Library.open(sample=False)
    assert sorted(r.title for r in merged.records()) == ["Only A", "Only B", "Shared"]
    shared_id = merged.find_by_path(shared).id
    assert merged.position(shared_id).offset == 500  # the newest position won


def test_a_place_only_saved_again_later_does_not_undo_one_read_on_to(tmp_path: Path) -> None:
    # Two chapbooks with the book open at the place read to at NOW: the first reads on, the
    # second (opened there, not moved) saves that place again after it, from a stale copy.
    shared = write_story(tmp_path, "shared.txt", "Shared")
    first = fixed_library()
    book = add_known(first, shared, "Shared")
    first.set_position(book.id, Anchor(100, "opened", NOW), reached_at=NOW)
    first.save()
    second = Library.open(sample=False)
    first.set_position(book.id, Anchor(900, "read on", NOW + 10), reached_at=NOW + 10)
    first.save()
    second.set_position(book.id, Anchor(100, "opened", NOW + 20))  # (no move of its own)
    second.save()

    again = Library.open(sample=False).get(book.id)
    assert again is not None and again.position is not None
    assert (again.position.offset, again.reached_at) == (900, NOW + 10)
    assert second.get(book.id).offset == 900  # (taken in as it saved)


def test_when_a_place_was_read_to_survives_a_restart(tmp_path: Path) -> None:
    library = fixed_library()
    read = add_known(library, write_story(tmp_path, "a.txt", "A"), "Alpha")
    opened = add_known(library, write_story(tmp_path, "b.txt", "B"), "Beta")
    library.set_position(read.id, Anchor(500, "a", NOW + 5), reached_at=NOW)
    library.set_position(opened.id, Anchor(0, "b", NOW + 5), moved=False)  # never moved
    library.save()
    again = Library.open(sample=False)
    assert again.get(read.id).reached_at == NOW
    assert again.get(opened.id).reached_at == 0.0  # (never read to: no reading to take up)


def test_a_place_kept_before_the_time_read_to_was_noted_was_read_to_when_saved() -> None:
    record = BookRecord.from_toml("ab", {"path": "/a.txt", "offset": 40, "last_read": NOW})
    assert record is not None and record.reached_at == NOW


def test_a_removal_in_one_copy_is_not_undone_by_another(tmp_path: Path) -> None:
    path = write_story(tmp_path, "a.txt", "A")
    first = fixed_library()
    book = add_known(first, path, "Alpha")
    first.save()
    second = Library.open(sample=False, clock=lambda: NOW + 10)
    first.remove(book.id)
    first.save()
    second.set_position(book.id, Anchor(10, "x", NOW + 20))
    second.save()
    assert Library.open(sample=False).find_by_path(path) is None


def test_bookmarks_from_two_copies_are_united_and_removals_kept(tmp_path: Path) -> None:
    first = fixed_library()
    book = add_known(first, write_story(tmp_path, "a.txt", "A"), "Alpha")
    old = Bookmark(Anchor(10, "a", NOW), "old", created=NOW)
    first.add_bookmark(book.id, old)
    first.save()
    second = Library.open(sample=False)
    second.bookmarks(book.id)  # loads them
    first.add_bookmark(book.id, Bookmark(Anchor(20, "b", NOW), "from first", created=NOW + 1))
    first.save()
    second.remove_bookmark(book.id, old)
    second.add_bookmark(book.id, Bookmark(Anchor(30, "c", NOW), "from second", created=NOW + 2))
    second.save()
    labels = [b.label for b in Library.open(sample=False).bookmarks(book.id)]
    assert labels == ["from first", "from second"]


def test_reading_time_is_counted_per_session(tmp_path: Path) -> None:
    library = fixed_library()
    book = add_known(library, write_story(tmp_path, "a.txt", "A"), "Alpha")
    for minute in range(4):  # one session: four saves a minute apart
        library.set_position(book.id, Anchor(1000 * minute, "x", NOW + 60 * minute))
    library.set_position(book.id, Anchor(5000, "x", NOW + 3 * 3600))  # hours later: new session
    library.save()
    details = Library.open(sample=False).details(book.id)
    assert len(details.sessions) == 2
    assert details.seconds == 180
    assert details.chars == 3000


def test_time_with_the_book_put_away_is_not_reading_time(tmp_path: Path) -> None:
    # Read a few seconds, back to the library for 7 minutes, then 10 seconds more.
    now = [NOW]
    library = Library.open(sample=False, clock=lambda: now[0])
    book = add_known(library, write_story(tmp_path, "a.txt", "A"), "Alpha")
    library.set_position(book.id, Anchor(0, "x", NOW))
    library.set_position(book.id, Anchor(500, "x", NOW + 3))
    now[0] = NOW + 4
    library.put_away(book.id)  # left for the library
    library.set_position(book.id, Anchor(500, "x", NOW + 5))  # a save on the way out
    now[0] = NOW + 4 + 7 * 60
    library.take_up(book.id)  # opened again
    library.set_position(book.id, Anchor(900, "x", NOW + 4 + 7 * 60 + 10))
    library.save()
    details = Library.open(sample=False).details(book.id)
    assert len(details.sessions) == 1
    assert details.seconds == 14  # 3 + 1 before leaving, 10 after
    assert details.chars == 900


def test_a_book_put_away_longer_than_a_session_gap_starts_a_new_session(tmp_path: Path) -> None:
    now = [NOW]
    library = Library.open(sample=False, clock=lambda: now[0])
    book = add_known(library, write_story(tmp_path, "a.txt", "A"), "Alpha")
    library.set_position(book.id, Anchor(0, "x", NOW))
    library.set_position(book.id, Anchor(500, "x", NOW + 60))
    library.put_away(book.id)
    now[0] = NOW + 3600
    library.take_up(book.id)
    library.set_position(book.id, Anchor(900, "x", NOW + 3630))
    library.set_position(book.id, Anchor(1000, "x", NOW + 3650))
    details = library.details(book.id)
    assert len(details.sessions) == 2
    assert details.seconds == 80


def test_an_updated_file_is_marked_with_its_new_chapters(tmp_path: Path) -> None:
    path = write_story(tmp_path, "serial.txt", "Serial", chapters=3)
    library = fixed_library()
    book = add_known(library, path, "Serial", chapters=3)
    library.set_position(book.id, Anchor(100, "x", NOW))  # being read with 3 chapters
    path.write_text(path.read_text() + "\nChapter 4\n\nMore.\n\nChapter 5\n\nEven more.\n")
    with library.lock:
        library.apply(facts_for(path, "Serial", chapters=5))
    assert book.updated and book.new_chapters == 2
    assert book.new_title == "Chapter 4"
    assert book.new_offset == facts_for(path, "Serial", chapters=5).chapter_offsets[3]
    # Reading on into the new chapters clears the mark.
    library.set_position(book.id, Anchor(book.new_offset + 1, "y", NOW + 10))
    assert not book.updated and book.read_chapters == 5


def test_a_book_never_opened_is_not_marked_updated(tmp_path: Path) -> None:
    path = write_story(tmp_path, "serial.txt", "Serial", chapters=3)
    library = fixed_library()
    book = add_known(library, path, "Serial", chapters=3)
    path.write_text(path.read_text() + "\nChapter 4\n\nMore.\n")
    with library.lock:
        library.apply(facts_for(path, "Serial", chapters=4))
    assert not book.updated and book.chapters == 4


def test_a_missing_file_is_marked_and_found_again_after_a_move(tmp_path: Path) -> None:
    folder = tmp_path / "fics"
    path = write_story(folder, "a.txt", "A")
    library = fixed_library()
    library.add_folder(folder)
    book = add_known(library, path, "Alpha")
    library.set_position(book.id, Anchor(50, "x", NOW))
    moved = folder / "archive" / "renamed.txt"
    moved.parent.mkdir()
    os.replace(path, moved)

    library.check()
    assert book.missing is False  # found by content hash in the library folder
    assert book.path == str(moved.resolve())
    assert library.position(book.id).offset == 50  # with its place


def test_a_file_gone_for_good_shows_as_missing(tmp_path: Path) -> None:
    path = write_story(tmp_path, "a.txt", "A")
    library = fixed_library()
    book = add_known(library, path, "Alpha")
    path.unlink()
    library.check()
    assert book.missing
    library.save()
    assert Library.open(sample=False).get(book.id).missing


def test_the_librarys_percentage_is_the_status_lines(tmp_path: Path) -> None:
    # A Gutenberg text: its header is not counted, by the status line nor by the library.
    import gzip

    from tui.book.formats import open_book
    from tui.library.records import BookRecord
    from tui.library.scan import read_facts
    from tui.reading.progress import story_percent

    path = tmp_path / "four_million.txt"
    real = Path(__file__).resolve().parents[1] / "fixtures" / "real"
    path.write_bytes(gzip.decompress((real / "pg_four_million_latin1.txt.gz").read_bytes()))
    facts = read_facts(str(path))
    book = open_book(path)
    record = BookRecord(
        "x", str(path), length=facts.length, origin=facts.origin, finish=facts.finish, words=9
    )
    assert facts.origin > 0
    for share in (0.05, 0.0965, 0.5):
        record.offset = int(book.story_end * share)
        assert format_progress(record) == shown_percent(story_percent(book, record.offset))


def test_a_short_book_a_page_before_its_end_is_still_being_read(tmp_path: Path) -> None:
    library = fixed_library()
    poem = add_known(library, write_story(tmp_path, "p.txt", "P"), "The Poem", words=3_000)
    # A page before the end of a 3,000-word poem (90%): its end is not on screen yet.
    library.set_position(poem.id, Anchor(poem.finish - poem.length // 10, "x", NOW))
    assert poem.status == "reading"
    library.set_position(poem.id, Anchor(poem.finish - 100, "y", NOW + 1))  # a line before
    assert poem.status == "finished"


def test_a_book_of_one_long_line_is_read_to_its_end_not_its_start(tmp_path: Path) -> None:
    """Its last paragraph begins at its first character: half way through a 20 MB line, the
    library said `100% finished` while the status line said 50%."""
    from tui.library.records import BookRecord
    from tui.library.scan import read_facts

    path = tmp_path / "line.txt"
    path.write_text("word " * 400_000, encoding="utf-8")  # 2 MB, no line break
    facts = read_facts(str(path))
    assert facts.finish == 0
    record = BookRecord("x", str(path), length=facts.length, finish=facts.finish, words=9)
    record.offset = facts.length // 2
    assert (record.status, format_progress(record)) == ("reading", "50%")
    record.offset = facts.length - 2_000  # (the last screen on top)
    assert record.status == "finished"
