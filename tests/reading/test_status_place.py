"""The place the status line names.

The chapter being read, not the last lines above its heading, and at the end of the book the
last chapter and scene on the page.
"""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

from reader_support import make_book, story

from tui.reading.progress import Progress
from tui.reading.session import ReadingSession
from tui.reading.stages import Stage
from tui.reading.status_text import status_text


def progress_of_page(text: str, top: int, bottom: int) -> Progress:
    """What the status line says of the page of ``text`` from ``top`` to ``bottom``."""
    book = make_book(text)
    session = ReadingSession(Path("story.txt"))
    session.show_stage(Stage(book, 0, True, final=True))
    pager = SimpleNamespace(
        top_offset=lambda: top,
        bottom_offset=lambda: min(bottom, len(book.text)),
        top_para=lambda: book.para_at(top),
        at_end=bottom >= len(book.text),
    )
    shown = status_text(session, pager, "")
    assert shown is not None and shown.progress is not None
    return shown.progress


def test_the_status_names_the_chapter_whose_heading_is_on_the_upper_half_of_the_page() -> None:
    # Great Expectations from its title page: three Spaces on, the last lines of the contents
    # stood above `Chapter I` and twenty lines of it, and the status line said `Contents`.
    text = story(chapters=3, scenes=1)
    heading = text.index("Chapter 2")

    def named(top: int, bottom: int) -> str:
        return progress_of_page(text, top, bottom).place

    assert named(heading - 40, heading + 400).startswith("Chapter 2")  # heading near the top
    assert named(heading - 400, heading + 40).startswith("Chapter 1")  # near the foot
    last = text.index("Chapter 3")
    assert named(last - 600, len(text) + 1).startswith("Chapter 3")  # at the end: the last


def test_at_the_end_the_status_names_the_last_scene_on_the_page() -> None:
    # Blueberry Pie at its end: all of scene 3 on the page under the end of scene 2, and the
    # status line said `scene 2/3`.
    text = story(chapters=2, scenes=3)
    progress = progress_of_page(text, text.index("Scene 2.3 opens.") - 200, len(text) + 1)
    assert (progress.scene, progress.scenes) == (3, 3)


def test_a_page_that_begins_at_a_short_chapters_heading_is_named_by_it() -> None:
    # Blueberry Pie after `U` to three short new chapters: the page began at `CHAPTER 10`,
    # `CHAPTER 11` stood on its upper half, and the status line named chapter 11.
    text = (
        story(chapters=2, scenes=1)
        + "\n"
        + story(chapters=1, scenes=1, paras=1, front=False, first_chapter=3)
        + "\n"
        + story(chapters=2, scenes=1, paras=4, front=False, first_chapter=4)
    )
    heading = text.index("Chapter 3")

    def named(bottom: int) -> str:
        return progress_of_page(text, heading, bottom).place

    next_heading = text.index("Chapter 4")
    assert next_heading - heading < 400
    assert named(heading + 900).startswith("Chapter 3")  # chapter 4 on the upper half
    assert named(len(text) + 1).startswith("Chapter 3")  # and at the end of the book
    # From a few lines above it, the heading on the upper half is still the one named.
    assert progress_of_page(text, heading - 40, heading + 900).place.startswith("Chapter 3")
