"""Title pages of translated and printed books.

Chapters numbered the Finnish way (`I luku`, the number before the word for chapter) under a
translator's title page, and a publisher's list of the author's other books
(`BY THE SAME AUTHOR`) before the title page. Texts written for these tests.
"""

from __future__ import annotations

import pytest
from support_engine import headings, story

from tui.book.rules.headings import match_heading
from tui.book.text.parse import parse_text


@pytest.mark.parametrize(
    ("line", "shown", "number"),
    [
        ("I luku", "I luku", 1),
        ("XXVI luku", "XXVI luku", 26),
        ("3. luku", "3. luku", 3),
        ("II. fejezet", "II. fejezet", 2),
        ("IV LUKU: Satama", "IV LUKU: Satama", 4),
    ],
)
def test_a_number_before_the_word_for_chapter_is_a_chapter_heading(
    line: str, shown: str, number: int
) -> None:
    heading = match_heading(line)
    assert heading is not None and heading.strong
    assert (heading.text, heading.number) == (shown, number)


@pytest.mark.parametrize("line", ["Luku", "I lukua", "Luku I kertoo", "I luku oli suuri."])
def test_the_word_for_chapter_alone_or_in_a_sentence_is_no_heading(line: str) -> None:
    heading = match_heading(line)
    assert heading is None or not heading.strong


def test_chapters_numbered_before_their_word_leave_the_translator_s_title_page_alone() -> None:
    title_page = (
        "SATAMAN LYHDYT\n\nKirj.\n\nAda Marsh\n\n\nEnglanninkielestä Suomentanut\n\n"
        "Eino Laine\n\n\n\n\n\nPorvoossa,\nWerner Söderström Osakeyhtiö,\n1926.\n\n\n\n\n"
    )
    titles = ["VERKONKUTOJAT", "PITKÄ LAITURI", "NOUSUVESI", "LAURA"]
    numerals = ["I", "II", "III", "IV"]
    body = "\n\n\n\n\n".join(
        f"{numeral} luku\n\n{title}\n\n\n{story(12)}"
        for numeral, title in zip(numerals, titles, strict=True)
    )
    book = parse_text(title_page + body)
    assert [title for title, _ in headings(book)] == [
        f"{numeral} luku: {title}" for numeral, title in zip(numerals, titles, strict=True)
    ]


def test_a_list_of_the_author_s_other_books_does_not_sign_the_book() -> None:
    front = (
        "\nTHE HARBOUR LAMPS\n\n\n\n\n  BY THE SAME AUTHOR\n\n  THE NET MENDERS\n\n"
        "  THE LONG QUAY\n\n  THE BODLEY HEAD\n\n\n\n\n  THE HARBOUR LAMPS\n\n"
        "  BY ADA MARSH\n\n\n\n\n  LONDON\n\n  JOHN LANE THE BODLEY HEAD LIMITED\n\n\n\n\n"
    )
    body = "\n\n\n\n".join(f"CHAPTER {n}\n\n{story(8)}" for n in ("I", "II", "III"))
    book = parse_text(front + body)
    assert book.author == "Ada Marsh"
    assert len(book.chapters) == 3


@pytest.mark.parametrize(
    "line", ["BY THE SAME AUTHOR", "By the Author of “The Net Menders”", "by the same writer"]
)
def test_a_by_line_that_names_nobody_is_no_byline(line: str) -> None:
    from tui.book.text.lines import classify_line

    info = classify_line(line)
    assert info is None or info.kind != "by"


@pytest.mark.parametrize("byline", ["A novel by Ada Marsh", "A Tale by Ada Marsh", "by Ada Marsh"])
def test_a_byline_naming_the_kind_of_work_signs_the_book(byline: str) -> None:
    front = (
        f"\n\n                The Harbour Lamps\n\n   {byline}\n\n   Copyright (c) Ada Marsh\n\n"
    )
    body = "\n\n\n\n".join(f"CHAPTER {n}\n\n{story(8)}" for n in ("I", "II", "III"))
    book = parse_text(front + body)
    assert (book.title, book.author) == ("The Harbour Lamps", "Ada Marsh")
