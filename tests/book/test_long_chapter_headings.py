"""Chapter headings whose titles run longer than a heading line's are found as chapters.

Titles of about 150 characters, on one line or hard-wrapped over a few, are chapters where the
book's headings of that shape count up one by one. Texts written for these tests.
"""

from __future__ import annotations

import textwrap

from support_engine import headings, story

from tui.book.text.parse import parse_text

LONG = (
    "{label} {n}. The Exceedingly Long and Winding Chapter Title in Which Our Hero, Having Lost"
    " His Boots at the Inn, Sets Out for the Harbour at Dawn (Part {n})"
)


def book(numbers: list[int], *, wrapped: bool = False, label: str = "CHAPTER") -> str:
    """A book of chapters headed by long numbered titles, each over four paragraphs."""
    parts = ["THE HARBOUR BOOK\n\nby A. N. Writer"]
    for n in numbers:
        heading = LONG.format(label=label, n=n)
        parts.append(textwrap.fill(heading, 70) if wrapped else heading)
        parts.append(story(4))
    return "\n\n\n".join(parts) + "\n"


def test_long_numbered_headings_on_one_line_are_chapters() -> None:
    found = parse_text(book([1, 2, 3]))
    assert [title for title, _ in headings(found)] == [
        LONG.format(label="CHAPTER", n=n).replace(f"CHAPTER {n}.", f"CHAPTER {n}:")
        for n in (1, 2, 3)
    ]


def test_long_numbered_headings_wrapped_over_lines_are_chapters_with_their_whole_titles() -> None:
    found = parse_text(book([1, 2, 3, 4], wrapped=True))
    titles = [title for title, _ in headings(found)]
    assert len(titles) == 4
    assert titles[3] == LONG.format(label="CHAPTER", n=4).replace("CHAPTER 4.", "CHAPTER 4:")


def test_a_long_heading_under_the_heading_word_is_read_as_a_short_one_is() -> None:
    # Out of order, or only two, as a heading with a short title is (`CHAPTER 3. The Storm`).
    assert len(parse_text(book([1, 3, 2])).chapters) == 3
    assert len(parse_text(book([1, 2])).chapters) == 2
    # A long numbered line under another word is no heading, counting up or not.
    assert len(parse_text(book([1, 2, 3], label="Item")).chapters) == 1
    assert len(parse_text(book([1, 3, 2], label="Item")).chapters) == 1


def test_long_headings_under_keywords_sharing_a_first_letter_keep_their_own_keyword() -> None:
    # (the keywords are tried by their first letter: `Ch.`, `Chap.` and `Chapter` still each
    # head their own book, in any case)
    for label in ("Ch.", "Chap.", "CHAPTER", "chapitre", "Capitolo"):
        found = parse_text(book([1, 2, 3], label=label))
        assert len(found.chapters) == 3, label
        assert all(c.title.startswith(label) for c in found.chapters), label
