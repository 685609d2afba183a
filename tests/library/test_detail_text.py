"""What the library's detail lines say of a book, and its place's chapter kept through merges.

Where it was left, how far it is read, what it is about; and the place's chapter kept with the
place when two copies of the index merge.
"""

from __future__ import annotations

from library_support import DAY, NOW

from tui.library.detail_text import about_text, place_text, reading_parts, updated_parts
from tui.library.records import BookRecord, merge_records
from tui.library.store.details import Details


def _read(**fields) -> BookRecord:
    record = BookRecord(id="b", path="/home/u/fics/oath.html", title="Bound By Oath")
    record.length, record.finish, record.chapters, record.words = 100_000, 99_000, 10, 39_400
    record.added = NOW - 14 * DAY
    for name, value in fields.items():
        setattr(record, name, value)
    return record


def test_where_a_book_was_left_names_its_chapter_and_which_of_how_many() -> None:
    record = _read(offset=42_000, place_title="Chapter 4: The Oath", place_chapter=4)
    assert place_text(record) == "at Chapter 4: The Oath (4 of 10)"
    assert place_text(_read(offset=0, place_title="Title page")) == "at Title page"
    assert place_text(_read(offset=42_000)) == ""  # kept before chapbook noted it
    assert place_text(_read(place_title="Chapter 4")) == ""  # never opened: no place


def test_the_reading_line_puts_how_far_and_where_first() -> None:
    record = _read(
        offset=42_000,
        place_title="Chapter 4: The Oath",
        place_chapter=4,
        last_read=NOW - 3 * DAY,
    )
    details = Details(sessions={"s": {"start": NOW, "seconds": 7500.0, "chars": 10}})
    assert reading_parts(record, details, NOW) == [
        "42% read",
        "at Chapter 4: The Oath (4 of 10)",
        "last read 3d ago",
        "2h 05m in 1 session",
        "39.4k words",
        "added 2w ago",
    ]
    new = _read()
    assert reading_parts(new, Details(), NOW) == [
        "new",
        "10 chapters",
        "39.4k words",
        "added 2w ago",
    ]
    finished = _read(offset=99_500, last_read=NOW - DAY, place_title="Chapter 10", place_chapter=10)
    assert reading_parts(finished, Details(), NOW)[:3] == [
        "finished",
        "last read yesterday",
        "10 chapters",
    ]


def test_an_updated_book_says_where_it_was_left_before_the_new_chapters() -> None:
    record = _read(
        offset=90_000,
        place_title="Chapter 9",
        place_chapter=9,
        new_chapters=2,
        new_title="Chapter 11: After",
        new_offset=95_000,
    )
    assert updated_parts(record, "U") == [
        "first new: Chapter 11: After",
        "U jumps there",
        "90% read",
        "at Chapter 9 (9 of 10)",
    ]


def test_what_a_book_is_about_and_its_path_when_its_title_is_shared(monkeypatch) -> None:
    monkeypatch.setenv("HOME", "/home/u")
    record = _read(fandom="House of the Dragon (TV)", tags="Slow Burn,  Angst")
    assert about_text(record, False) == "House of the Dragon (TV) · Slow Burn, Angst"
    assert (
        about_text(record, True) == "~/fics/oath.html · House of the Dragon (TV) · Slow Burn, Angst"
    )
    assert about_text(_read(), False) == "oath.html"  # nothing else to say: its file


def test_the_chapter_of_the_place_goes_with_the_place_in_a_merge() -> None:
    mine = _read(
        offset=10_000, reached_at=NOW, last_read=NOW, place_title="Chapter 2", place_chapter=2
    )
    theirs = _read(
        offset=60_000,
        reached_at=NOW + 5,
        last_read=NOW + 5,
        place_title="Chapter 7",
        place_chapter=7,
    )
    theirs.changed = NOW - 1  # their metadata older: the place is still theirs, and its chapter
    merged = merge_records(mine, theirs)
    assert (merged.offset, merged.place_title, merged.place_chapter) == (60_000, "Chapter 7", 7)
