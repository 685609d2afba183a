"""Letters headed by a bare date, slips in a count of numerals, and scenes ending before a gap.

Books told in letters headed by a bare date, a count of bare numerals that writes one number
twice or titles one chapter beside its number, and scenes that end on one short sentence before
a wider gap. Texts written for these tests.
"""

from __future__ import annotations

import textwrap

from support_engine import headings, scene_lines, story

from tui.book.text.parse import parse_text

DATES = ["March 2nd", "March 9th", "March 9th", "April 1st", "April 20th", "May 5th."]
DATES += ["June 11th.", "June 30th.", "July 4th.", "August 8th."]
SALUTATIONS = ["MY DEAR COUSIN", "DEAREST FRIEND AND NEIGHBOUR"]


def letter(salutation: str, k: int) -> str:
    first, _, rest = story(3).partition("\n")
    return f"{salutation},--{first}\n{rest}\n\nYOUR COUSIN {k}."


def letters_book(dates: list[str], undated_after: int | None = None) -> str:
    parts = []
    for k, date in enumerate(dates):
        parts.append(f"{date}\n\n{letter(SALUTATIONS[k % 2], k)}")
        if k == undated_after:
            parts.append(letter(SALUTATIONS[0], 99))
    return "THE COUSINS\n\nBy A. Writer\n\n\n\n\n" + "\n\n\n\n\n".join(parts) + "\n"


def test_letters_headed_by_dates_rising_through_the_year_have_them_for_chapters() -> None:
    book = parse_text(letters_book(DATES, undated_after=4))
    found = headings(book)
    assert [title for title, line in found if line is not None] == DATES
    # (the letter with no date among them is a chapter of its own, with no heading line)
    undated = [title for title, line in found if line is None]
    assert undated == ["MY DEAR COUSIN"]
    assert len(book.chapters) == len(DATES) + 1
    assert all(len(c.scenes) == 1 for c in book.chapters)


def test_dates_out_of_order_head_no_chapters() -> None:
    shuffled = [DATES[k] for k in (5, 0, 8, 2, 9, 1, 6, 3, 7, 4)]
    book = parse_text(letters_book(shuffled))
    assert all(line is None for _, line in headings(book))


def test_dates_under_an_address_line_head_no_chapters() -> None:
    text = letters_book(DATES).replace("\n\n\n\n\nMarch", "\n\n\n\n\nTHE GRANGE,\n\nMarch")
    text = text.replace("\n\n\n\n\nApril", "\n\n\n\n\nTHE GRANGE,\n\nApril")
    for month in ("May", "June", "July", "August"):
        text = text.replace(f"\n\n\n\n\n{month}", f"\n\n\n\n\nTHE GRANGE,\n\n{month}")
    book = parse_text(text)
    assert all(line is None for _, line in headings(book))


def numerals_book(numerals: list[str]) -> str:
    body = "\n\n\n\n\n".join(f"{n}\n\n\n{story(4)}" for n in numerals)
    return f"THE HARBOUR\n\n\n\n\n{body}\n"


def test_a_numeral_written_twice_in_a_row_heads_two_chapters() -> None:
    numerals = ["I", "II", "III", "IV", "IV", "V", "VI", "VII"]
    book = parse_text(numerals_book(numerals))
    assert [title for title, _ in headings(book)] == numerals


def test_the_one_numeral_with_a_title_in_capitals_beside_it_heads_its_chapter() -> None:
    numerals = ["I", "II", "III", "IV", "V THE STORM", "VI", "VII"]
    book = parse_text(numerals_book(numerals))
    assert len(book.chapters) == 7
    assert "STORM" in book.chapters[4].title


WORDS = (
    "Der Kaufmann ging am Morgen über den Markt und sah die Boote im Hafen liegen, "
    "und die Fischer grüßten ihn nicht, denn der Wind war kalt und die Stadt noch still. "
)


NUMERALS = ("I", "II", "III", "IV", "V", "VI")


def gapped_book(first_scene: str) -> str:
    """Six chapters of three scenes parted by three blank lines; the first scene is given."""
    prose = "\n".join(textwrap.wrap(WORDS * 3, 72))
    # (every wrapped line opening with a capital, as nouns do in German)
    capitals = "\n".join(line[:1].upper() + line[1:] for line in prose.split("\n"))
    chapters = []
    for k, n in enumerate(NUMERALS):
        scenes = [first_scene if k == 0 else f"{prose}\n\n{prose}\n\n{prose}"]
        scenes += [f"{prose}\n\n{prose}\n\n{capitals}", f"{prose}\n\n{prose}\n\n{prose}"]
        chapters.append(f"{' ' * 35}{n}.\n\n\n" + "\n\n\n\n".join(scenes))
    return "\n\n\n\n\n\n".join(chapters) + "\n"


def test_a_scene_ending_on_one_short_sentence_still_breaks_at_the_gap() -> None:
    prose = "\n".join(textwrap.wrap(WORDS * 3, 72))
    book = parse_text(
        gapped_book(f"{prose}\n\n{prose}\n\nDann ging er langsam wieder nach Hause zurück.")
    )
    assert len(book.chapters) == 6
    assert all(len(lines) == 3 for lines in scene_lines(book))


def test_a_quoted_line_the_sentence_above_runs_into_is_no_scenes_last_line() -> None:
    prose = "\n".join(textwrap.wrap(WORDS * 3, 72))
    sung = f"{prose}\n\n{prose} und sang noch einmal\n\n„Am Wasser liegen still die Boote.“"
    book = parse_text(gapped_book(sung))
    assert [len(lines) for lines in scene_lines(book)] == [2, 3, 3, 3, 3, 3]


def test_in_a_book_seldom_parted_by_gaps_a_short_sentence_before_one_parts_nothing() -> None:
    prose = "\n".join(textwrap.wrap(WORDS * 3, 72))
    scenes = f"{prose}\n\n{prose}\n\nDann ging er langsam wieder nach Hause zurück.\n\n\n\n{prose}"
    chapters = [f"{' ' * 35}{n}.\n\n\n{scenes}" for n in NUMERALS]
    book = parse_text("\n\n\n\n\n\n".join(chapters) + "\n")
    assert all(len(lines) == 1 for lines in scene_lines(book))
