"""The status line's numbers: the chapter and scene, how far in, and the time left."""

from __future__ import annotations

from pathlib import Path

from reader_support import make_book, story

from tui.paths import shown_percent
from tui.reading.progress import (
    Progress,
    ProgressMeter,
    format_minutes,
    status_parts,
    words_between,
)


def test_progress_names_the_chapter_and_the_scene() -> None:
    text = story(chapters=3, scenes=3)
    book = make_book(text)
    meter = ProgressMeter(book, words_per_minute=200)
    offset = text.index("Scene 2.3 opens.")
    progress = meter.at(offset, book.para_at(offset))
    assert progress.place.startswith("Chapter 2")
    assert (progress.scene, progress.scenes) == (3, 3)
    assert 30 < progress.percent < 70


def test_time_left_follows_words_per_minute() -> None:
    text = story(chapters=2)
    book = make_book(text)
    offset = text.index("Scene 1.1 opens.")
    slow = ProgressMeter(book, 100).at(offset, book.para_at(offset))
    fast = ProgressMeter(book, 400).at(offset, book.para_at(offset))
    assert slow.book_minutes > 3 * fast.book_minutes
    assert slow.chapter_minutes is not None and fast.chapter_minutes is not None
    assert 0 < slow.chapter_minutes < slow.book_minutes


def test_front_matter_has_no_scene_and_is_named() -> None:
    book = make_book(story())
    progress = ProgressMeter(book).at(0, 0)
    assert progress.place == "Front matter"
    assert progress.scene is None and progress.chapter_minutes is None


def test_at_the_end_it_is_100_percent_and_nothing_left() -> None:
    book = make_book(story())
    last = len(book) - 1
    progress = ProgressMeter(book).at(book.starts[last], last, at_end=True)
    assert progress.percent == 100 and progress.book_minutes == 0


def test_the_percentage_never_reads_100_before_the_end() -> None:
    # A 30 MB serial said `100% · 7 min left in chapter · 39 min left in book`: the figure is
    # rounded down, as less does, and only the end on screen makes it 100%.
    book = make_book(story(chapters=40, scenes=3, paras=20))
    meter = ProgressMeter(book)
    para = len(book) - 3
    progress = meter.at(book.starts[para], para)
    assert 99.5 <= progress.percent < 100 and progress.book_minutes > 0
    parts = status_parts(progress, 80)
    assert "99%" in parts and "100%" not in parts
    assert status_parts(meter.at(book.starts[para], para, at_end=True), 80)[-1] == "100%"
    assert [shown_percent(p) for p in (0, 0.9, 41.99, 99.99, 100)] == [
        "0%",
        "0%",
        "41%",
        "99%",
        "100%",
    ]


def test_cjk_text_time_is_estimated_from_characters() -> None:
    text = "彼女は港の灯りを数えた。" * 200
    assert words_between(text, 0, len(text)) == len(text) / 2


def test_minutes_are_written_for_people() -> None:
    assert format_minutes(0.4) == "<1 min"
    assert format_minutes(12.2) == "12 min"
    assert format_minutes(250) == "4 h 10 min"
    assert format_minutes(250, short=True) == "4h10m"


def test_front_and_end_matter_are_named_for_people_not_by_kind() -> None:
    from tui.book.model import Section

    book = make_book(story(chapters=2))
    book.front_matter = [
        Section("cover", None, 0, 1),
        Section("ao3_landmark", None, 1, 2),
        Section("front", 2, 2, 3),  # its heading is the summary line
    ]
    meter = ProgressMeter(book)
    assert meter.place(0) == "Title page"
    assert meter.place(1) == "Title page"  # AO3's "Posted originally on ..." line
    assert meter.place(2) == "Title page"  # the heading is too long to be a name
    book.front_matter[2] = Section("front", 1, 2, 3)
    assert meter.place(2) == "by Tessaly Brook"
    names = {meter.place(p) for p in range(3)}
    assert not names & {"Cover", "Ao3 Landmark", "Front"}


def test_a_book_of_one_chapter_says_the_time_left_once() -> None:
    book = make_book(story(chapters=1))
    progress = ProgressMeter(book).at(book.starts[5], 5)
    parts = status_parts(progress, 200)
    assert parts[-1].startswith("book ") and "ch " not in parts[-1]
    two = make_book(story(chapters=2))
    parts = status_parts(ProgressMeter(two).at(two.starts[5], 5), 200)
    assert parts[-1].startswith("ch ") and " · book " in parts[-1]


def test_the_front_matter_name_does_not_flip_from_line_to_line() -> None:
    from tui.book.model import Section

    book = make_book(story(chapters=2))
    book.front_matter = [
        Section("title", None, 0, 1),
        Section("text", None, 1, 2),  # a line the parser could not name
        Section("ao3_landmark", None, 2, 3),
    ]
    meter = ProgressMeter(book)
    assert [meter.place(p) for p in range(3)] == ["Title page"] * 3


def test_the_status_line_the_bookmarks_and_the_facts_give_one_percentage() -> None:
    # A Gutenberg book's licence is not story: all four measure the story alone.

    from tui.book.anchor import Bookmark, make_anchor
    from tui.book.formats import open_book
    from tui.cli.bookmarks import placed
    from tui.reading.bookmarks import bookmark_rows
    from tui.reading.info import book_facts

    path = Path(__file__).resolve().parents[1] / "fixtures" / "real" / "pg_jekyll_hyde.txt.gz"
    book = open_book(path)
    meter = ProgressMeter(book)
    para = len(book) * 3 // 4
    offset = book.starts[para]
    shown = meter.at(offset, para).percent
    [row] = bookmark_rows(meter, [Bookmark(make_anchor(book, offset), "late")])
    assert round(row.percent) == round(shown)
    assert f"· {shown_percent(shown)}" in book_facts(book, path, offset, para).place
    [printed] = placed(book, [Bookmark(make_anchor(book, offset), "late")])  # the command's
    assert round(printed.percent) == round(shown)
    assert book.story_end < len(book.text)  # the licence is there, and left out


def test_a_book_whose_chapters_are_each_one_scene_shows_no_scene_count() -> None:
    # Pride and Prejudice: `scene 1/1` on every page of every chapter says nothing.
    text = story(chapters=3, scenes=1)
    book = make_book(text)
    offset = text.index("Scene 2.1 opens.")
    progress = ProgressMeter(book).at(offset, book.para_at(offset))
    assert progress.place.startswith("Chapter 2") and progress.scene is None
    assert not status_parts(progress, 78)[0].startswith("scene")


def test_a_one_scene_chapter_counts_its_scene_where_other_chapters_have_more() -> None:
    # Where scenes are counted at all, every chapter counts them, so the line keeps its shape.
    text = story(chapters=2, scenes=3) + "\n" + story(1, 1, front=False, first_chapter=3)
    book = make_book(text)
    assert [len(chapter.scenes) for chapter in book.chapters] == [3, 3, 1]
    offset = text.index("Scene 3.1 opens.")
    progress = ProgressMeter(book).at(offset, book.para_at(offset))
    assert (progress.scene, progress.scenes) == (1, 1)


def test_where_most_chapters_are_one_scene_only_the_parted_ones_count_scenes() -> None:
    # Great Expectations: two of 59 chapters have a scene break; `scene 1/1` on the pages of
    # the other 57 said nothing.
    text = story(chapters=1, scenes=2) + "\n" + story(3, 1, front=False, first_chapter=2)
    book = make_book(text)
    assert [len(chapter.scenes) for chapter in book.chapters] == [2, 1, 1, 1]
    meter = ProgressMeter(book)
    at = text.index("Scene 1.2 opens.")
    assert (meter.at(at, book.para_at(at)).scene, meter.at(at, book.para_at(at)).scenes) == (2, 2)
    at = text.index("Scene 3.1 opens.")
    assert meter.at(at, book.para_at(at)).scene is None


def test_the_last_chapter_never_has_more_time_left_than_the_book() -> None:
    # An AO3 page whose end notes follow the last chapter had read "35 min left in chapter ·
    # 34 min left in book".
    from conftest import CORPUS

    from tui.book.formats import open_book

    book = open_book(str(CORPUS / "000_b30751cdaa057de6.txt"))
    meter = ProgressMeter(book)
    last = book.chapters[-1]
    for para in range(last.start, last.end, 7):
        progress = meter.at(book.starts[para], para)
        assert progress.chapter_minutes is not None
        assert progress.chapter_minutes <= progress.book_minutes, para


def test_a_japanese_epub_counts_its_characters_and_is_timed_by_them() -> None:
    # 草枕 had read "1.2k words" and "5 min left in book": its words are not spaced.

    from tui.book.formats import open_book

    real = Path(__file__).resolve().parents[1] / "fixtures" / "real"
    book = open_book(real / "idpf_kusamakura.epub")
    assert book.word_count > 50_000
    meter = ProgressMeter(book, words_per_minute=250)
    first = book.chapters[0]
    progress = meter.at(book.starts[first.start], first.start)
    assert progress.book_minutes > 120
    assert progress.chapter_minutes is not None and progress.chapter_minutes < 30


def test_gutenbergs_header_is_not_part_of_the_percentage() -> None:
    # Lady Susan's long 1990s header had put its title page at 8%.

    from tui.book.formats import open_book
    from tui.reading.navigation import percent_offset
    from tui.reading.stages import story_opening

    real = Path(__file__).resolve().parents[1] / "fixtures" / "real"
    book = open_book(real / "pg_lady_susan_old.txt.gz")
    meter = ProgressMeter(book)
    opening = story_opening(book)
    assert opening > 0 and meter.percent_at(opening) == 0
    assert meter.percent_at(0) == 0
    halfway, _ = percent_offset(book, "50")
    assert 49.5 < meter.percent_at(halfway) < 50.5
    assert percent_offset(book, "1")[0] > opening
    # `0%` goes to the start of the file, where `g` goes, as in less: the header reads 0% too.
    assert percent_offset(book, "0") == (0, "")


def test_at_the_end_no_time_is_left_to_read() -> None:
    # A tiny book whose end is on its first page said `100% · <1 min left in book`.
    progress = Progress(100.0, "Chapter 3", None, 1, 0.0, 0.0)
    assert status_parts(progress, 78) == ["100%"]
    progress = Progress(99.0, "Chapter 3", None, 1, 0.2, 0.2)
    assert status_parts(progress, 78)[-1] == "ch <1m · book <1m"


def test_a_gutenberg_books_own_title_over_its_byline_is_its_title_page() -> None:
    # Moby-Dick's `MOBY-DICK; / or, THE WHALE.` and `By Herman Melville` after the header
    # were named `About this work`, after the header before them.
    from tui.book.formats import open_book
    from tui.book.section_names import FRONT, matter_parts

    real = Path(__file__).resolve().parents[1] / "fixtures" / "real"
    book = open_book(real / "pg_moby_dick.txt.gz")
    meter = ProgressMeter(book)
    title = next(p for p in range(len(book)) if book.paragraph(p).startswith("MOBY-DICK"))
    assert meter.place(title) == "Title page"
    assert meter.place(title + 2) == "Title page"  # `By Herman Melville`
    names = [part.name for part in matter_parts(book, FRONT)]
    assert names[:3] == ["About this work", "Title page", "Contents"]
