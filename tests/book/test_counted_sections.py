"""Sections a chapter counts in bare numbers set as paragraphs (`<p>II</p>`) open scenes.

One opening on a short sentence, and one whose number the printer skipped, open scenes like the
rest.
"""

from __future__ import annotations

from pathlib import Path

from markup_books import gutenberg_page, outline, story

from tui.book.formats import open_book

NUMERALS = ["II", "III", "IV", "V", "VI"]


def chapter(n: int, numbers: list[str], opening: dict[str, str] | None = None) -> str:
    body = f"<h2>CHAPTER {n}</h2><h3>I</h3>" + story(n * 10, 2)
    for numeral in numbers:
        first = (opening or {}).get(numeral, "")
        body += f"<p>{numeral}</p>" + (f"<p>{first}</p>" if first else "") + story(n * 10 + 1, 2)
    return body


def test_a_section_opening_on_a_short_sentence_or_after_a_skipped_number_opens_a_scene(
    tmp_path: Path,
) -> None:
    body = (
        chapter(1, NUMERALS[:2])
        + chapter(2, NUMERALS[:2], {"II": "Mrs. Lane returned in August."})
        + chapter(3, ["II", "III", "IV", "VI"])  # (V skipped in print)
    )
    book = open_book(gutenberg_page(tmp_path / "counted.html", body))
    assert outline(book) == [("CHAPTER 1", 3), ("CHAPTER 2", 3), ("CHAPTER 3", 5)]
