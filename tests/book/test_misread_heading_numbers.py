"""Chapter headings whose number was typed with letters that look like digits (`Chapter ll`).

Books written for these tests.
"""

from __future__ import annotations

from pathlib import Path

from shape_support import MORE, OTHER, PROSE, page, written

from tui.book.formats import open_book
from tui.book.rules.misread_numbers import look_alike_heading


def numbered_chapters(numbers: list[str]) -> str:
    body = "".join(
        f"<h2>Chapter {n}</h2><p>{PROSE}</p><p>{OTHER}</p><p>{MORE}</p>" for n in numbers
    )
    return page(body)


def test_a_chapter_number_typed_with_letter_ls_is_read_inside_its_sequence(
    tmp_path: Path,
) -> None:
    numbers = ["I", "2", "3", "4", "5", "6", "7", "8", "9", "10", "ll", "12", "13"]
    book = open_book(written(tmp_path, "book.html", numbered_chapters(numbers)))
    assert [c.title for c in book.chapters] == [f"Chapter {n}" for n in numbers]
    assert all(len(c.scenes) == 1 for c in book.chapters)


def test_look_alike_letters_that_break_the_sequence_stay_text(tmp_path: Path) -> None:
    # `Chapter lO` would be chapter 10, but 10 is not what follows 3 here.
    numbers = ["1", "2", "3", "lO", "5"]
    book = open_book(written(tmp_path, "book.html", numbered_chapters(numbers)))
    assert "Chapter lO" not in [c.title for c in book.chapters]


def test_look_alike_heading_reads_letters_as_digits() -> None:
    mended = look_alike_heading("Chapter ll")
    assert mended is not None and mended.number == 11
    assert look_alike_heading("Chapter 1O").number == 10  # type: ignore[union-attr]
    assert look_alike_heading("Chapter 12") is None  # (nothing mistyped)
    assert look_alike_heading("The old mill") is None
