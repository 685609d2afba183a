"""The status line's numbers and the structural moves: scenes, chapters, time left."""

from __future__ import annotations

from reader_support import make_book, story

from tui.core.layout import measure
from tui.core.navigation import chapter_landings, next_landing, prev_landing, scene_landings
from tui.core.progress import (
    Progress,
    ProgressMeter,
    fit,
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


def test_cjk_text_time_is_estimated_from_characters() -> None:
    text = "彼女は港の灯りを数えた。" * 200
    assert words_between(text, 0, len(text)) == len(text) / 2


def test_minutes_are_written_for_people() -> None:
    assert format_minutes(0.4) == "<1 min"
    assert format_minutes(12.2) == "12 min"
    assert format_minutes(250) == "4 h 10 min"
    assert format_minutes(250, short=True) == "4h10m"


def test_status_items_shrink_to_fit() -> None:
    progress = Progress(41.6, "Chapter 3", 2, 5, 12.0, 250.0)
    wide = status_parts(progress, 100)
    assert wide == ["scene 2/5", "42%", "12 min left in chapter · 4 h 10 min in book"]
    for width in (60, 40, 30, 20, 12):
        parts = status_parts(progress, width)
        assert "42%" in parts
        assert measure(" · ".join(parts)) <= width or parts == ["42%"]


def test_fit_cuts_with_an_ellipsis_in_cells() -> None:
    assert fit("A Very Long Title Indeed", 10) == "A Very Lo…"
    assert measure(fit("長い長いタイトルです", 9)) <= 9


def test_scene_landings_show_the_break_and_the_chapter_heading() -> None:
    text = story(chapters=2, scenes=3)
    book = make_book(text)
    landings = scene_landings(book)
    assert len(landings) == 6
    heading = book.chapters[0].heading
    assert landings[0] == heading
    assert book.raw(landings[1]).strip() == "* * *"


def test_next_and_previous_landings() -> None:
    marks = [10, 20, 30]
    assert next_landing(marks, 10) == 20
    assert next_landing(marks, 15) == 20
    assert next_landing(marks, 30) is None
    assert prev_landing(marks, 20, at_block_top=True) == 10
    assert prev_landing(marks, 20, at_block_top=False) == 20  # back to this one's start
    assert prev_landing(marks, 25, at_block_top=True) == 20
    assert prev_landing(marks, 10, at_block_top=True) is None


def test_chapter_landings_are_chapter_starts() -> None:
    book = make_book(story(chapters=4))
    assert chapter_landings(book) == [c.start for c in book.chapters]
