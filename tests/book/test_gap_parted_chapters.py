"""Chapters parted only by the lines of one space their dropped headings left.

In texts with no blank line between paragraphs, the stretches between such lines are chapters
when there are many of them and they run as long as chapters, scenes of one story otherwise.
Texts written for these tests.
"""

from __future__ import annotations

from reader_support import paragraph
from support_engine import scene_lines

from tui.book.text.parse import parse_text


def stretch(seed: int, paragraphs: int) -> list[str]:
    """A stretch of prose, a paragraph a line (each ending in a space, as an export sets it)."""
    return [paragraph(seed + k, 6 + k % 3) + " " for k in range(paragraphs)]


def headless(stretches: int, paragraphs: int) -> str:
    """Stretches of prose, each after a line holding one space (two before the first)."""
    lines = [" "]
    for k in range(stretches):
        lines += [" ", *stretch(k * 7, paragraphs)]
    return "\n".join(lines) + "\n"


def test_many_chapter_long_stretches_parted_by_space_lines_are_chapters() -> None:
    book = parse_text(headless(stretches=9, paragraphs=30))
    assert len(book.chapters) == 9
    assert all(c.heading is None for c in book.chapters)
    assert [c.title for c in book.chapters] == [f"Chapter {k}" for k in range(1, 10)]
    # (each chapter is one stretch: no scene breaks are left inside)
    assert all(len(c.scenes) == 1 for c in book.chapters)
    assert [lines[0] for lines in scene_lines(book)] == [3 + 31 * k for k in range(9)]


def test_a_few_space_lines_in_a_story_part_scenes() -> None:
    book = parse_text(headless(stretches=4, paragraphs=30))
    assert len(book.chapters) == 1
    assert len(book.chapters[0].scenes) == 4


def test_many_short_stretches_parted_by_space_lines_are_scenes() -> None:
    book = parse_text(headless(stretches=12, paragraphs=5))
    assert len(book.chapters) == 1
    assert len(book.chapters[0].scenes) > 1
