"""Old printed layouts: title pages, split headings, numbered contents, dated letters.

A Gutenberg header and title page over titles set off by space, a heading split over lines, a
contents list of numbered entries, a book of dated letters. Texts written for these tests.
"""

from __future__ import annotations

from support_engine import headings, scene_lines, story

from tui.book.text.parse import parse_text

HEADER = (
    "The Project Gutenberg eBook, The Harbour Lamps, by Ada Marsh\n\n\n"
    "This eBook is for the use of anyone anywhere at no cost.\n\n\n\n\n"
    "Title: The Harbour Lamps\n\n\nAuthor: Ada Marsh\n\n\n\n"
    "Release Date: May 2, 2011  [eBook #999]\n\nLanguage: English\n\n"
    "Character set encoding: UTF-8\n\n\n"
    "***START OF THE PROJECT GUTENBERG EBOOK THE HARBOUR LAMPS***\n\n\n\n\n"
)
LICENCE = "\n\n\n\n***END OF THE PROJECT GUTENBERG EBOOK THE HARBOUR LAMPS***\n\n" + story(2)


def test_header_lines_and_a_centred_title_page_are_not_stories_set_off_by_space() -> None:
    title_page = (
        "                              THE HARBOUR\n"
        "                                 LAMPS\n\n\n"
        "                          By ADA MARSH\n\n"
        "                   LONDON: JOHN LANE THE BODLEY HEAD\n"
        "                    TORONTO: BELL & COCKBURN  MCMXIV\n\n\n\n\n"
    )
    titles = ["THE NET MENDERS", "“DOWN OARS”", "THE LONG QUAY", "LAURA"]
    stories = "\n\n\n\n\n".join(f"{title}\n\n\n{story(12)}" for title in titles)
    book = parse_text(HEADER + title_page + stories + LICENCE)
    assert [title for title, _ in headings(book)] == titles


def test_a_heading_split_over_lines_where_the_sequence_lacks_it_is_that_chapter() -> None:
    numerals = ["I", "II", "III", "IV", "V"]
    chapters = [
        f"CHAPTER\n\n{numeral}\n\nTHE TIDE TURNS"
        if numeral == "IV"
        else f"CHAPTER {numeral}\n\nTHE TIDE TURNS"
        for numeral in numerals
    ]
    body = "\n\n\n\n".join(f"{heading}\n\n{story(4)}" for heading in chapters)
    book = parse_text(body)
    assert [title for title, _ in headings(book)] == [
        f"CHAPTER {numeral}: THE TIDE TURNS" for numeral in numerals
    ]


def test_a_prologue_listed_over_numbered_entries_is_not_a_chapter() -> None:
    listed = "Prologue\nI      The Tide Turns.\nII     The Net Menders\nIII    The Long Quay, Ltd."
    chapters = "\n\n\n\n".join(
        f"CHAPTER {numeral}\n\n{title.upper()}\n\n{story(4)}"
        for numeral, title in [
            ("I", "The Tide Turns."),
            ("II", "The Net Menders"),
            ("III", "The Long Quay, Ltd."),
        ]
    )
    book = parse_text(f"CONTENTS\n\n{listed}\n\n\n\nPROLOGUE\n\n{story(3)}\n\n\n\n{chapters}")
    assert headings(book)[0][0] == "PROLOGUE"
    assert len(book.chapters) == 4


def test_each_dated_letter_of_a_book_of_letters_is_a_scene() -> None:
    dates = ["MAY 4.", "MAY 10.", "MAY 12.", "JUNE 1.", "JUNE 16.", "JULY 1.", "JULY 8, 1772."]
    dates += ["AUGUST 2.", "AUGUST 9"]
    letters = "\n\n".join(f"{date}\n\n{story(2)}" for date in dates)
    book = parse_text(f"BOOK I\n\n{letters}\n\n\n\nBOOK II.\n\n{letters}")
    assert [title for title, _ in headings(book)] == ["BOOK I", "BOOK II"]
    assert [len(chapter.scenes) for chapter in book.chapters] == [len(dates), len(dates)]
    assert book.paragraph(book.chapters[0].scenes[1].start) == "MAY 10."


def test_a_few_dated_letters_in_a_story_are_not_its_scenes() -> None:
    body = f"CHAPTER I\n\n{story(3)}\n\nMAY 4.\n\n{story(2)}\n\nMAY 10.\n\n{story(2)}"
    book = parse_text(f"{body}\n\n\n\nCHAPTER II\n\n{story(4)}")
    assert [len(s) for s in scene_lines(book)] == [1, 1]


def test_a_rule_inside_an_indented_quoted_notice_is_no_scene_break() -> None:
    notice = (
        "     THE HARBOUR GAZETTE.\n\n"
        "     Weekly news of the quay and\n     the boats that use it.\n"
        "     ----------------------------------------------\n\n"
        "     HAVE YOU A COLD IN THE HEAD? IT IS THE WIND THAT\n     BLOWS OFF THE SEA.\n"
        "     ----------------------------------------------\n\n"
        "     CONTENTS.\n\n     The Tides.\n     The Nets.\n"
    )
    chapter_two = f"{story(3)}\n\nThe wrapper ran:--\n\n{notice}\n{story(3)}"
    body = "\n\n\n\n".join(
        f"CHAPTER {numeral}\n\n{text}"
        for numeral, text in [("I", story(4)), ("II", chapter_two), ("III", story(4))]
    )
    book = parse_text(body)
    assert [len(s) for s in scene_lines(book)] == [1, 1, 1]


def test_a_quoted_contents_line_deep_in_the_book_leaves_its_parts_alone() -> None:
    def book_of(ordinal: str) -> str:
        chapters = "\n\n\n\n".join(
            f"CHAPTER THE {chapter}\n\nTHE TIDE TURNS\n\n{story(60)}"
            for chapter in ("FIRST", "SECOND")
        )
        return f"BOOK THE {ordinal}\n\nTHE HARBOUR YEARS\n\n\n\n{chapters}"

    quoted = f"\n\nThe wrapper ran:--\n\n     CONTENTS.\n\n     The Tides.\n\n{story(2)}"
    body = "\n\n\n\n".join(book_of(o) for o in ("FIRST", "SECOND", "THIRD")) + quoted
    book = parse_text(body)
    assert [c.part for c in book.chapters] == [
        f"BOOK THE {ordinal}" for ordinal in ("FIRST", "SECOND", "THIRD") for _ in range(2)
    ]


def test_a_letter_of_the_same_evening_is_a_scene_and_the_editors_narrative_a_chapter() -> None:
    dates = ["MAY 4.", "MAY 10.", "THE SAME EVENING.", "JUNE 1.", "JUNE 16.", "JULY 1."]
    dates += ["JULY 8, 1772.", "AUGUST 2.", "AUGUST 9.", "AUGUST 12."]
    letters = "\n\n".join(f"{date}\n\n{story(2)}" for date in dates)
    editor = f"THE EDITOR TO THE READER.\n\n{story(6)}"
    book = parse_text(f"BOOK I\n\n{letters}\n\n\n\nBOOK II.\n\n{letters}\n\n{editor}")
    assert [title for title, _ in headings(book)] == [
        "BOOK I",
        "BOOK II",
        "THE EDITOR TO THE READER",
    ]
    assert [len(chapter.scenes) for chapter in book.chapters] == [len(dates), len(dates), 1]
