"""Layouts of older novels and collections, written for these tests.

A contents list whose entries wrap over lines, chapters opening on a long argument set off by a
gap, a list of pictures naming the same pieces as the contents, rows of spaced dots between
scenes, titles in capitals ending in quotes, and a FanFicFare download whose later chapters
change their heading.
"""

from __future__ import annotations

from support_engine import headings, scene_lines, story

from tui.book.text.parse import parse_text

SHORT = "Showing what kind of a history this is."
# (longer than any heading or title: a paragraph of its own, in the list and in the text)
LONG = (
    "A dialogue between the landlady and Susan the chamber-maid, proper to be read by all "
    "inn-keepers and their servants; with the arrival, and affable behaviour of a beautiful "
    "young lady; which may teach persons of condition how they may acquire the love of the "
    "whole world."
)


def _wrap(text: str, width: int = 68) -> str:
    lines, line = [], ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    return "\n".join([*lines, line])


ROMAN = ["i", "ii", "iii", "iv", "v", "vi", "vii"]


def _novel_in_books(books: int = 4, chapters: int = 6) -> str:
    """Books of chapters numbered from i in each, listed first in a contents list whose
    entries are long and wrap, as an 18th-century novel's are."""
    rows = ["THE HISTORY OF A FOUNDLING", "", "CONTENTS", "", ""]
    body = []
    for b in range(1, books + 1):
        rows += [f"BOOK {'I' * b if b < 4 else 'IV'} -- CONTAINING THE TIME OF A YEAR.", ""]
        body += [f"BOOK {'I' * b if b < 4 else 'IV'}.", "", ""]
        for c in range(chapters):
            argument = LONG if 0 < c < 5 else SHORT
            rows += [_wrap(f"Chapter {ROMAN[c]} -- {argument}"), ""]
            body += [f"Chapter {ROMAN[c]}.", "", _wrap(argument), "", "", story(4), "", "", ""]
        rows.append("")
    return "\n".join(rows) + "\n\n\n" + "\n".join(body)


def test_a_contents_list_of_long_wrapped_entries_is_not_read_as_chapters() -> None:
    book = parse_text(_novel_in_books())
    chapters = [title for title, _ in headings(book) if title.startswith("Chapter")]
    assert len(chapters) == 4 * 6
    first_line = min(line for _, line in headings(book) if line is not None)
    assert first_line > _novel_in_books().count("\n", 0, _novel_in_books().index("BOOK I."))


def test_the_gap_after_each_chapter_s_argument_is_no_scene_break() -> None:
    # (most arguments are longer than a title: the book's habit says what its gap is)
    book = parse_text(_novel_in_books())
    assert all(len(scenes) == 1 for scenes in scene_lines(book))


FABLES = ["THE FOX AND THE GRAPES", "THE CAT AND THE MICE", "THE WOLF AND THE KID"]


def test_a_list_of_pictures_naming_the_contents_pieces_again_is_front_matter() -> None:
    contents = "\n\n".join(FABLES)
    pictures = "\n\n".join(FABLES[::2])
    body = "\n\n\n\n".join(f"{title}\n\n\n{story(3)}" for title in FABLES)
    text = (
        f"FABLES\n\n\n\nCONTENTS\n\n{contents}\n\n\nLIST OF ILLUSTRATIONS\n\n\n{pictures}"
        f"\n\n\n\n\nFABLES\n\n\n\n{body}\n"
    )
    book = parse_text(text)
    titles = [title for title, _ in headings(book)]
    assert titles == FABLES
    assert [book.line_of(c.heading) for c in book.chapters if c.heading is not None] == [
        text[: text.rindex(f"{title}\n\n\n")].count("\n") + 1 for title in FABLES
    ]


def test_rows_of_spaced_dots_part_scenes() -> None:
    row = "    .    .    .    .    .    .    .    .    ."
    text = "\n\n\n\n".join(
        f"CHAPTER {n}\n\n{story(3)}\n\n{row}\n\n{story(3)}" for n in ("I", "II", "III")
    )
    book = parse_text(text)
    assert [len(scenes) for scenes in scene_lines(book)] == [2, 2, 2]


def test_titles_in_capitals_ending_in_a_quote_or_question_are_found_from_the_contents() -> None:
    titles = ["THE CASE FOR THE EPHEMERAL", 'THE "EATANSWILL GAZETTE"', "WHAT IS A HAT?"]
    # (the heading of the second has the full stop its entry lacks)
    heads = [titles[0], titles[1] + ".", titles[2]]
    body = "\n\n\n\n".join(f"{head}\n\n\n{story(4)}" for head in heads)
    text = "ESSAYS\n\n\n\nCONTENTS\n\n" + "\n\n".join(titles) + "\n\n\n\n\n" + body
    assert len(headings(parse_text(text))) == 3


def test_a_fanficfare_text_whose_later_chapters_say_chapter_with_a_tab_keeps_them_all() -> None:
    first = "\n\n\n".join(f"\t{n}. Year 1-Part {n}\n\n{story(4)}" for n in range(1, 4))
    later = "\n\n\n".join(
        f"Chapter\t{n}\n Year 2-Part {n}\n\n**Notes!**\n\n* * *\n\n"
        f"_**Chapter {n} – Part {n}**_\n\n{story(4)}"
        for n in range(4, 9)
    )
    text = f"Story Title\n\nby Someone\n\n\n{first}\n\n\n{later}\n\n\nEnd file.\n"
    book = parse_text(text)
    assert len(book.chapters) == 8
    assert [book.line_of(c.heading) for c in book.chapters][3] == text[
        : text.index("Chapter\t4")
    ].count("\n") + 1
