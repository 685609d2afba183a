"""Layouts written for these tests: volumes, word numbers, wide spacing, fences, Markdown.

A contents list of volumes that each count their books from one, books numbered past the twelfth
in words, a book that spaces ordinary paragraphs two blank lines apart all through, AsciiDoc
quote fences and a pandoc div around a drawing, Markdown chapters numbered in Roman with
sections counted from one under each, and a Markdown title over a one-chapter story.
"""

from __future__ import annotations

from support_engine import headings, scene_lines, story

from tui.book.rules.headings import match_heading
from tui.book.text.parse import parse_text

VOLUMES = ["THE FIRST", "THE SECOND"]
BOOKS = ["A MEETING", "A JOURNEY", "A RETURN"]
CHAPTERS = ["THE HOUSE", "THE ROAD", "THE RIVER", "THE TOWN"]


def _volumes_with_contents() -> str:
    """A preface and two volumes, each of three books counted from BOOK FIRST, each of four
    chapters counted from CHAPTER I, all listed first in a contents list indented by a
    space."""
    ordinals = ["FIRST", "SECOND", "THIRD"]
    numerals = ["I", "II", "III", "IV"]
    rows = ["A LONG NOVEL", "", "Contents", "", " PREFACE", "", ""]
    body: list[str] = ["PREFACE", "", "", story(2)]
    for v, volume in enumerate(VOLUMES):
        rows += [f" VOLUME {'I' * (v + 1)}—{volume}", "", ""]
        body += ["", "", "", f"VOLUME {'I' * (v + 1)}", volume, "", "", ""]
        for b, name in enumerate(BOOKS):
            title = f"{name} {v + 1}"
            rows += [f" BOOK {ordinals[b]}—{title}", ""]
            body += [f"BOOK {ordinals[b]}—{title}", "", "", ""]
            for c, chapter in enumerate(CHAPTERS):
                name_c = f"{chapter} {v + 1}{b + 1}"
                rows += [f" CHAPTER {numerals[c]}—{name_c}", ""]
                body += [f"CHAPTER {numerals[c]}—{name_c}", "", "", story(8), "", "", ""]
            rows.append("")
    return "\n".join(rows) + "\n\n\n" + "\n".join(body)


def test_a_contents_list_of_volumes_counting_their_books_again_is_not_chapters() -> None:
    text = _volumes_with_contents()
    book = parse_text(text)
    found = headings(book)
    assert len(found) == len(VOLUMES) * len(BOOKS) * len(CHAPTERS)
    body = text.count("\n", 0, text.index("\nVOLUME I\n")) + 1
    assert all(line is not None and line > body for _, line in found)


def test_a_book_numbered_past_the_twelfth_in_words_is_a_part() -> None:
    for word, number in (("THIRTEENTH", 13), ("FOURTEENTH", 14), ("TWENTY-FIRST", 21)):
        heading = match_heading(f"BOOK {word}—THE GRANDEUR OF IT")
        assert heading is not None and (heading.kind, heading.number) == ("part", number)


def _spaced_now_and_then(chapters: int = 6) -> str:
    """Chapters whose paragraphs stand one or two blank lines apart, a few at a time by
    turns, all through."""
    out = []
    for c in range(1, chapters + 1):
        paragraphs = story(20).split("\n\n")
        gaps = ["\n\n\n" if 0 < k % 10 < 4 else "\n\n" for k in range(len(paragraphs))]
        body = paragraphs[0] + "".join(g + p for g, p in zip(gaps, paragraphs[1:], strict=False))
        out.append(f"CHAPTER {c}\n\n\n{body}")
    return "\n\n\n\n".join(out) + "\n"


def test_two_blank_lines_between_paragraphs_all_through_the_book_are_no_breaks() -> None:
    book = parse_text(_spaced_now_and_then())
    assert len(book.chapters) == 6
    assert all(len(scenes) == 1 for scenes in scene_lines(book))


def test_asciidoc_quote_fences_around_headlines_are_no_breaks() -> None:
    headline = '[verse]\n____\n"A MESSAGE RECEIVED FROM AFAR."\n____'
    chapter = f"{story(3)}\n\n{headline}\n\n{story(3)}\n\n{headline}\n\n{story(2)}"
    text = "\n\n".join(f"=== Chapter {n}\n\n{chapter}" for n in ("One", "Two", "Three"))
    book = parse_text(text + "\n")
    assert len(book.chapters) == 3
    assert all(len(scenes) == 1 for scenes in scene_lines(book))


def test_a_row_of_dots_drawn_inside_a_pandoc_div_is_no_break() -> None:
    drawing = "::: signal\n\n    ●●●●● ●  ●  ●   ●    ●     ●\n\n:::"
    text = f"# The Signal\n\n{story(4)}\n\n{drawing}\n\n{story(4)}\n"
    book = parse_text(text)
    assert [len(scenes) for scenes in scene_lines(book)] == [1]


def _flat(paragraphs: int) -> str:
    """Paragraphs of prose a line each, as a Markdown library keeps them."""
    return "\n\n".join(" ".join(p.split()) for p in story(paragraphs).split("\n\n"))


def _roman_chapters_with_sections() -> str:
    """`## I - Title` chapters, each cut into sections `### 1`, `### 2` … (the last into more
    sections than the book has chapters), and in each section a paragraph two blank lines
    below the one before."""
    out = ["# Title: A Case", "", "## Author: Somebody", ""]
    chapters = (("I", "A Result", 2), ("II", "An Antecedent", 3), ("III", "A Search", 6))
    for numeral, title, sections in chapters:
        out += [f"## {numeral} - {title}", ""]
        for section in range(1, sections + 1):
            out += [f"### {section}", "", _flat(3), "", "", _flat(2), ""]
    return "\n".join(out)


def test_roman_chapters_are_chapters_and_their_counted_sections_their_scenes() -> None:
    text = _roman_chapters_with_sections()
    book = parse_text(text)
    lines = text.split("\n")
    want = [k + 1 for k, line in enumerate(lines) if line.startswith("## ") and " - " in line]
    assert [line for _, line in headings(book)] == want
    sections = [k + 3 for k, line in enumerate(lines) if line.startswith("### ")]
    breaks = [line for scenes in scene_lines(book) for line in scenes[1:]]
    assert breaks == [line for line in sections if lines[line - 3] not in ("### 1",)]


def test_a_markdown_title_over_a_one_chapter_story_heads_it() -> None:
    book = parse_text(f"# The Island\n\n{story(8)}\n")
    assert headings(book) == [("The Island", 1)]
