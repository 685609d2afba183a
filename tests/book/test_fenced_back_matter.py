"""An author's notes after the last chapter, fenced by star rows, are back matter.

The notes an author added to a later edition sit after the last chapter under a title block set
between two star rows like the book's scene breaks: back matter, not the last chapter's scenes.
Texts written for these tests.
"""

from __future__ import annotations

from support_engine import headings, scene_lines, story

from tui.book.model import ParaKind
from tui.book.text.parse import parse_text

ROW = "       *       *       *       *       *"


def _book(block: list[str]) -> str:
    chapters = [
        f"CHAPTER {k}\n\n\n{story(4)}\n\n\n{ROW}\n\n\n{story(4)}" for k in ("I", "II", "III")
    ]
    title = "\n\n".join(f"          {line}" for line in block)
    notes = f"{ROW}\n\n{title}\n\n{ROW}\n\n{story(5)}"
    return "\n\n\n\n".join([*chapters, notes]) + "\n"


def test_a_title_block_between_rules_after_the_last_chapter_opens_back_matter() -> None:
    book = parse_text(_book(["NOTES AND COMMENTS", "to the", "EDITION OF 1901", "(revised)"]))
    assert [title for title, _ in headings(book)] == ["CHAPTER I", "CHAPTER II", "CHAPTER III"]
    assert [len(lines) for lines in scene_lines(book)] == [2, 2, 2]
    end = [book.paragraph(i) for i in range(len(book)) if book.kinds[i] == ParaKind.END]
    assert "NOTES AND COMMENTS" in end


def test_a_single_line_between_rules_is_the_last_chapter_going_on() -> None:
    # (`* * *` / `A YEAR LATER` / `* * *`: a scene of the story's, not a title page's block)
    book = parse_text(_book(["A YEAR LATER"]))
    assert len(scene_lines(book)[-1]) > 2
    assert not any(book.kinds[i] == ParaKind.END for i in range(len(book)))
