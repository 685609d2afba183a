"""A chapter's title wrapped over two or more lines under its heading.

An eighteenth-century novel sets it so (`CHAPTER I.` over `_Of writing lives in general, …_`);
it is joined to the heading where the book sets its titles so under most headings. Texts written
for these tests.
"""

from __future__ import annotations

from support_engine import headings, story

from tui.book.model import ParaKind
from tui.book.text.parse import parse_text

TITLES = [
    "_Of the harbour at dawn, and of the mender who kept its nets; with a word by\n"
    "the bye concerning the weather._",
    "_What happened on the quay._",
    "_In which the lamps are lit, the boats come home late, and a stranger asks\n"
    "for a bed at the inn, to the great alarm of the landlady and her\ncat._",
    "_Of the tide, and the many things it brought in with it_.",
]


def chapters(titles: list[str]) -> str:
    """A hard-wrapped book of chapters headed `CHAPTER I.` and so on, each title under its
    heading after a blank line, two blank lines before the story."""
    numerals = ["I", "II", "III", "IV", "V"]
    body = "\n\n\n\n".join(
        f"CHAPTER {numerals[k]}.\n\n{title}\n\n\n{story(3)}" for k, title in enumerate(titles)
    )
    return f"THE QUAY\n\nby A. N. Writer\n\n\n\n{body}\n"


def test_titles_wrapped_over_lines_under_their_headings_are_joined_to_them() -> None:
    book = parse_text(chapters(TITLES))
    assert [title for title, _ in headings(book)] == [
        "CHAPTER I: Of the harbour at dawn, and of the mender who kept its nets; with a word"
        " by the bye concerning the weather",
        "CHAPTER II: What happened on the quay",
        "CHAPTER III: In which the lamps are lit, the boats come home late, and a stranger"
        " asks for a bed at the inn, to the great alarm of the landlady and her cat",
        "CHAPTER IV: Of the tide, and the many things it brought in with it",
    ]
    # (the page sets the title with its heading, not as the chapter's first paragraph)
    first = book.chapters[0]
    assert book.kind(first.start + 1) == ParaKind.HEADING
    assert book.kind(first.start + 2) == ParaKind.TEXT


def test_one_emphasised_paragraph_under_a_heading_is_no_title_where_the_book_has_none() -> None:
    plain = ["It was a fine morning on the quay.", *TITLES[1:2], "Nothing.", "Nothing again."]
    book = parse_text(chapters(plain))
    titles = [title for title, _ in headings(book)]
    assert (titles[0], titles[2]) == ("CHAPTER I", "CHAPTER III")


def test_a_long_opening_paragraph_in_emphasis_is_story_not_a_title() -> None:
    long = "_" + " ".join(["The mender sat on the wall and looked at the sea."] * 12) + "_"
    book = parse_text(chapters([long] * 4))
    assert [title for title, _ in headings(book)] == [
        "CHAPTER I",
        "CHAPTER II",
        "CHAPTER III",
        "CHAPTER IV",
    ]
