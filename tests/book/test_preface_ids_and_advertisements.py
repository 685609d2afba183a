"""Gutenberg HTML shapes: a preface with the id `preface` in a book that is no AO3 download.

A book's own preface set in an element with the id `preface` leaves it a book, not an AO3
download, so its numbered headings are its chapters.
"""

from __future__ import annotations

from pathlib import Path

from markup_books import gutenberg_page, outline, story

from tui.book.formats import open_book


def test_a_preface_with_the_id_preface_is_no_ao3_download(tmp_path: Path) -> None:
    preface = f'<div class="chapter" id="preface"><h2>To the Reader.</h2>{story(1, 3)}</div>'
    days = "".join(
        f'<div class="chapter" id="ch{n}"><h2>{n}. {word} Day.</h2><h3>{title}</h3>'
        f"{story(n + 1, 5)}</div>"
        for n, (word, title) in enumerate(
            [("First", "The Well."), ("Second", "The Gate."), ("Third", "The Lamp.")], 1
        )
    )
    book = open_book(gutenberg_page(tmp_path / "days.html", preface + days))
    assert [title for title, _ in outline(book)] == [
        "1. First Day.",
        "2. Second Day.",
        "3. Third Day.",
    ]
