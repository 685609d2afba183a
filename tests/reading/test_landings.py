"""Where scene and chapter moves land: a scene's break, a chapter's heading."""

from __future__ import annotations

from reader_support import make_book, story

from tui.reading.navigation import chapter_landings, next_landing, prev_landing, scene_landings


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
    # The start of the one being read on screen (the first start shown is at or above it):
    # the one before; its start above the screen: back to that start.
    assert prev_landing(marks, 20, first_shown=20) == 10
    assert prev_landing(marks, 20, first_shown=18) == 10
    assert prev_landing(marks, 20, first_shown=21) == 20  # back to this one's start
    assert prev_landing(marks, 25, first_shown=25) == 20
    assert prev_landing(marks, 10, first_shown=10) is None
    assert prev_landing(marks, 5, first_shown=5) is None  # before the first one


def test_landings_from_the_text_after_a_scene_break() -> None:
    # The status line names the paragraph after an ornament (the scene's first), while the
    # scene lands on the ornament: the moves count from the scene being read all the same.
    book = make_book(story(chapters=1, scenes=3, paras=2))
    marks = scene_landings(book)
    second = book.chapters[0].scenes[1]
    assert marks[1] == second.start - 1  # the ornament
    assert next_landing(marks, second.start) == marks[2]
    assert prev_landing(marks, second.start, first_shown=second.start - 1) == marks[0]
    assert prev_landing(marks, second.start, first_shown=second.start) == marks[1]


def test_chapter_landings_are_chapter_starts() -> None:
    book = make_book(story(chapters=4))
    assert chapter_landings(book) == [c.start for c in book.chapters]
