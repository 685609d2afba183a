"""Paragraph styles, offsets and source lines: blank-line, one-per-line, hard-wrapped, indented."""

from __future__ import annotations

import dataclasses
import textwrap
from array import array

from tui.book.text.blank_counts import blank_lines_each
from tui.book.text.paragraphs import blank_lines_before
from tui.book.text.parse import parse_text

PROSE = [
    "The rain had not stopped for three days, and the river beneath the old mill had risen "
    "until it licked the lowest stones of the wheel house. Ellis stood in the doorway and "
    "watched it come.",
    "Behind her, in the kitchen, her brother was pretending to read. He had been pretending for "
    "an hour, turning a page now and then so that she would not ask him what was wrong.",
    "When the knock came at last it was soft, almost polite, the knock of someone who expected "
    "to be let in and did not want to seem impatient about it. Ellis did not move.",
    "They waited together, listening to the water, until the knock came again and a voice she "
    "had not heard in eleven years called her name through the wood.",
]


def wrap(paragraph: str, indent: str = "") -> list[str]:
    lines = textwrap.wrap(paragraph, width=72)
    lines[0] = indent + lines[0]
    return lines


def texts(book) -> list[str]:
    return [book.paragraph(i) for i in range(len(book))]


def test_blank_line_separated_paragraphs() -> None:
    book = parse_text("\n\n".join(PROSE) + "\n")
    assert book.style == "blank"
    assert texts(book) == PROSE
    assert list(book.lines) == [1, 3, 5, 7]


def test_one_paragraph_per_line_without_blank_lines() -> None:
    book = parse_text("\n".join(PROSE * 3))
    assert book.style == "line"
    assert texts(book) == PROSE * 3
    assert list(book.lines) == list(range(1, 13))


def test_hard_wrapped_with_blank_lines_is_rejoined() -> None:
    text = "\n\n".join("\n".join(wrap(p)) for p in PROSE * 2) + "\n"
    book = parse_text(text)
    assert book.style == "wrapped" and book.rejoin
    assert texts(book) == PROSE * 2
    # The span keeps the original line breaks; the line is where the paragraph starts.
    assert "\n" in book.raw(0)
    second = text.count("\n", 0, text.index(PROSE[1][:20])) + 1
    assert book.lines[1] == second


def test_hard_wrapped_with_indented_paragraphs_is_rejoined() -> None:
    text = "\n".join(line for p in PROSE * 2 for line in wrap(p, "    ")) + "\n"
    book = parse_text(text)
    assert book.style == "indented"
    assert texts(book) == PROSE * 2


def test_title_block_in_wrapped_text_stays_separate_lines() -> None:
    text = "THE MILL AT EVENING\nby R. Halloway\n\n" + "\n\n".join(
        "\n".join(wrap(p)) for p in PROSE * 2
    )
    book = parse_text(text)
    assert book.paragraph(0) == "THE MILL AT EVENING"
    assert book.paragraph(1) == "by R. Halloway"
    assert book.title == "THE MILL AT EVENING" and book.author == "R. Halloway"


def test_offsets_and_lines_map_both_ways() -> None:
    text = "Title\n\n\n" + "\n\n".join(PROSE) + "\n"
    book = parse_text(text)
    for i in range(len(book)):
        start = book.starts[i]
        assert book.para_at(start) == i
        assert book.para_at(start + 5) == i
        assert book.para_of_line(book.lines[i]) == i
        assert text.count("\n", 0, start) + 1 == book.lines[i]
    for chapter in book.chapters:
        for scene in chapter.scenes:
            assert book.scene_at(scene.start) is scene


def test_blank_lines_with_spaces_count_as_blank() -> None:
    book = parse_text("One.\n   \n\t\nTwo.\n \nThree.\n")
    assert texts(book) == ["One.", "Two.", "Three."]
    assert list(book.lines) == [1, 4, 6]


def test_a_twenty_megabyte_single_line() -> None:
    book = parse_text("word " * 4_000_000)
    assert len(book) == 1
    assert abs(book.word_count - 4_000_000) < 40_000  # estimated from spaces at this size
    assert len(book.chapters) == 1 and book.chapters[0].scenes[0].first_words


def test_a_200000_character_word() -> None:
    word = "x" * 200_000
    book = parse_text(f"Chapter 1\n\n{word}\n\nThe end of it all came quietly.\n")
    assert [c.title for c in book.chapters] == ["Chapter 1"]
    assert book.paragraph(1) == word


def test_mixed_line_endings_keep_line_numbers(tmp_path) -> None:
    from tui.book.formats import open_book

    path = tmp_path / "mixed.txt"
    path.write_bytes(b"Chapter 1\r\n\r\nOne.\rTwo.\n\nThree.\r\n")
    book = open_book(path)
    assert texts(book) == ["Chapter 1", "One.", "Two.", "Three."]
    assert list(book.lines) == [1, 3, 4, 6]


def test_heading_directly_above_wrapped_text_stays_its_own_paragraph() -> None:
    body = "\n".join(wrap(PROSE[0]))
    text = f"CHAPTER I\n{body}\n\n{body}\n\nCHAPTER II\nThe Visitor\n{body}\n\n{body}\n"
    book = parse_text(text)
    assert book.style == "wrapped"
    assert [(c.title, book.line_of(c.heading)) for c in book.chapters] == [
        ("CHAPTER I", 1),
        ("CHAPTER II: The Visitor", 2 * len(wrap(PROSE[0])) + 4),
    ]
    assert book.paragraph(1) == PROSE[0]


def test_source_lines_counted_over_blank_lines_that_hold_spaces() -> None:
    # (a file with no tab or glued rule is scanned in one go; one with a tab line by line:
    # both count the blank lines, spaces or not, the same way)
    text = "\n\n".join(PROSE[:2]) + "\n   \n\n  \n" + "\n\n".join(PROSE[2:]) + "\n"
    book = parse_text(text)
    assert texts(book) == PROSE
    assert list(book.lines) == [1, 3, 7, 9]
    tabbed = parse_text(text.replace("Ellis did not move.", "Ellis did not\tmove."))
    assert list(tabbed.lines) == list(book.lines)
    assert list(tabbed.starts) == list(book.starts) and list(tabbed.ends) == list(book.ends)


def test_blank_lines_before_each_paragraph_counted_once_as_one_by_one() -> None:
    # (a gap wider than a byte holds, blank lines with spaces, paragraphs cut on one line)
    text = PROSE[0] + "\n\n  \n" + PROSE[1] + "\n" * 300 + PROSE[2] + "\n" + PROSE[3] + "\n"
    book = parse_text(text)
    each = [blank_lines_before(book.text, book.starts, book.ends, i) for i in range(len(book))]
    assert list(blank_lines_each(book)) == each == [0, 2, 299, 0]
    joined = parse_text("\n\n".join(PROSE) + "\n")
    cut = dataclasses.replace(joined, starts=array("q", [0, 10]), ends=array("q", [9, 50]))
    assert list(blank_lines_each(cut)) == [0, 0]
