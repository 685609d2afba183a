"""Counts printed wrong, and a journal kept inside a letter.

A part whose first chapter lost its numeral, sections numbered twice alike or changing from
roman to arabic; and a journal kept inside a letter, its entries headed by the day or the hour.
Texts written for these tests.
"""

from __future__ import annotations

import textwrap

from support_engine import headings, scene_lines, story

from tui.book.text.parse import parse_text

ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]


def parts_book(lost_first: bool) -> str:
    """Three parts, `Part First` … `Part Third` over a place and a motto, each with chapters
    numbered by a bare numeral from `I` again; the last part's `I` maybe lost."""
    parts = []
    for p, word in enumerate(("First", "Second", "Third")):
        chapters = []
        for k in range(4):
            numeral = "" if (lost_first and p == 2 and k == 0) else f"{ROMAN[k]}\n\n\n"
            chapters.append(f"{numeral}{story(8)}")
        head = f"                      Part {word}\n\n\n\n                AT THE HARBOUR\n\n\n\n"
        parts.append(head + '  "The sea is wide."\n\n\n\n' + "\n\n\n\n".join(chapters))
    return "THE HARBOUR\n\n\n\n\n" + "\n\n\n\n\n".join(parts) + "\n"


def test_a_part_whose_first_chapter_lost_its_numeral_keeps_its_other_chapters() -> None:
    whole = parse_text(parts_book(lost_first=False))
    lost = parse_text(parts_book(lost_first=True))
    numbered = [title for title, _ in headings(whole) if title in ROMAN]
    assert numbered == ROMAN[:4] * 3
    titles = [title for title, _ in headings(lost)]
    assert [t for t in titles if t in ROMAN] == ROMAN[:4] * 2 + ROMAN[1:4]
    # (the part's title heads its first chapter, the story under the motto)
    assert any(t.startswith("Part Third") for t in titles)


def sectioned_story(numerals: list[str]) -> str:
    return "\n\n\n".join(f"{n}\n\n{story(4)}" for n in numerals)


def test_sections_numbered_wrong_as_printed_still_open_scenes() -> None:
    # a numeral set twice, a count gone from roman to arabic and back, one left out
    stories = {
        "THE QUAY": ["I", "II", "III", "III", "V"],
        "THE TIDE": ["1", "II", "III", "4", "5", "4"],
        "THE STORM": ["I", "2", "3", "4", "II"],
    }
    contents = "CONTENTS\n\n" + "\n".join(stories) + "\n\n\n\n\n"
    body = "\n\n\n\n\n".join(
        f"{title}\n\n\n{sectioned_story(numerals)}" for title, numerals in stories.items()
    )
    book = parse_text(contents + body + "\n")
    assert [title for title, _ in headings(book)] == list(stories)
    assert [len(scenes) for scenes in scene_lines(book)] == [5, 6, 5]


def test_a_count_from_two_after_a_prologue_takes_its_one() -> None:
    stories = {
        "THE QUAY": ["I", "II", "III"],
        "THE TIDE": ["I", "II", "III"],
        "THE STORM": ["", "I", "II", "III", "IV", "IV", "VI"],
    }
    contents = "CONTENTS\n\n" + "\n".join(stories) + "\n\n\n\n\n"
    body = "\n\n\n\n\n".join(
        f"{title}\n\n\n{sectioned_story(numerals)}".replace("\n\n\n\n\n", "\n\n\n")
        for title, numerals in stories.items()
    )
    book = parse_text(contents + body + "\n")
    assert [len(scenes) for scenes in scene_lines(book)] == [3, 3, 7]


DAYS = ["Monday.", "Tuesday morning.", "Past eleven o'clock.", "Wednesday, the third day."]


def journal_letters_book() -> str:
    """Letters headed `LETTER N`; the last is a journal, its entries headed by the day or the
    hour alone after two blank lines, with a letter copied into it (in quotes, dated too)."""
    letters = [f"LETTER {ROMAN[k]}\n\n{story(4)}" for k in range(5)]
    # (a line of story that names the hour opens nothing)
    entries = [
        f"{day}\n\n{story(2)}\n\nIt was about one o'clock. The boats came in." for day in DAYS
    ]
    copied = "\n".join(textwrap.wrap("'Dear Sir, the boats are in and the nets are dry.", 70))
    entries.insert(2, f"{copied}\n\n'Thursday afternoon.'\n\n'Yours ever.'")
    journal = f"LETTER {ROMAN[5]}\n\n{story(3)}\n\n\n" + "\n\n\n".join(entries)
    return "THE HARBOUR LETTERS\n\n\n\n\n" + "\n\n\n\n\n".join([*letters, journal]) + "\n"


def test_a_journal_in_a_letter_opens_an_entry_at_each_day_or_hour() -> None:
    book = parse_text(journal_letters_book())
    assert len(book.chapters) == 6
    last = book.chapters[-1]
    # (the copied letter's own date, in quotes, opens nothing)
    assert [book.paragraph(s.start) for s in last.scenes[1:]] == DAYS
