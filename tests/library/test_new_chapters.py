"""Which chapters are new since a book was read.

Those posted after what the reader had, not chapters a file cut short and then made whole again
held before, nor those before the place.
"""

from __future__ import annotations

from pathlib import Path

from library_support import add_known, facts_for, fixed_library, story_text

from tui.book.anchor import make_anchor
from tui.book.formats import open_book
from tui.library.library import Library
from tui.library.reading_log import first_new_chapter


def opened(library: Library, path: Path, at: float) -> None:
    """The reader opens the file as it is now and reads to ``at`` (a share of its text)."""
    book = open_book(path)
    record = library.add_book(path, book)
    library.set_position(record.id, make_anchor(book, int(len(book.text) * at)))


def test_chapters_a_file_held_before_it_was_cut_short_are_not_new(tmp_path: Path) -> None:
    path = tmp_path / "serial.txt"
    whole = story_text("Serial", "A. Writer", chapters=6)
    path.write_text(whole, encoding="utf-8")
    library = fixed_library()
    opened(library, path, 0.4)  # read into chapter 3 of 6
    path.write_text(whole[: whole.index("Chapter 4:")], encoding="utf-8")
    opened(library, path, 0.99)  # opened while it was cut after chapter 3
    path.write_text(whole, encoding="utf-8")  # made whole again
    record = library.add_book(path, open_book(path))
    assert (record.chapters, record.new_chapters, record.updated) == (6, 0, False)


def test_a_chapter_posted_after_a_file_was_cut_and_made_whole_is_new(tmp_path: Path) -> None:
    path = tmp_path / "serial.txt"
    whole = story_text("Serial", "A. Writer", chapters=6)
    path.write_text(whole, encoding="utf-8")
    library = fixed_library()
    opened(library, path, 0.4)
    path.write_text(whole[: whole.index("Chapter 4:")], encoding="utf-8")
    opened(library, path, 0.99)
    path.write_text(story_text("Serial", "A. Writer", chapters=7), encoding="utf-8")
    record = library.add_book(path, open_book(path))
    assert (record.new_chapters, record.new_title) == (1, "Chapter 7: Part 7")


def test_chapters_before_the_place_are_not_new_when_their_titles_are_unknown(
    tmp_path: Path,
) -> None:
    """The titles read before tell nothing (the file was read under other headings): the
    count would say chapters 3 to 5 are new, but the reader's place is in chapter 4."""
    path = tmp_path / "serial.txt"
    path.write_text(story_text("Serial", "A. Writer", chapters=2), encoding="utf-8")
    library = fixed_library()
    record = add_known(library, path, "Serial", chapters=2)
    library.details(record.id).read_titles = ["One", "Two"]
    facts = facts_for(path, "Serial", chapters=5)
    library.set_position(record.id, make_anchor(open_book(path), 0))
    record.offset = facts.chapter_offsets[3] + 10  # (a place in chapter 4, as read before)
    path.write_text(story_text("Serial", "A. Writer", chapters=5), encoding="utf-8")
    with library.lock:
        library.apply(facts_for(path, "Serial", chapters=5))
    assert (record.new_chapters, record.new_title) == (1, "Chapter 5")
    assert record.new_offset == facts.chapter_offsets[4]


def test_the_first_new_chapter_by_count_and_titles() -> None:
    titles = ["One", "Two", "Three", "Four"]
    assert first_new_chapter(titles, ["One", "Two"], 2) == 2
    assert first_new_chapter(titles, [], 3) == 3
    # a chapter taken down and one posted: the count says none, the titles say "Four"
    assert first_new_chapter(["One", "Three", "Four"], ["One", "Two", "Three"], 3) == 2
    # every title read before: none is new, whatever the count says
    assert first_new_chapter(titles, ["Four", "Three", "One", "Two"], 1) == 4
    # untitled chapters (the same heading each) say nothing: the count decides
    assert first_new_chapter(["", "", "", ""], ["", ""], 2) == 2
    # chapters starting before the place were read there
    assert first_new_chapter(titles, ["x"], 1, starts=[0, 10, 20, 30], place=25) == 3
