"""Printed books numbered in their own ways: ordinals, short parts, sections, French part titles.

German ordinals past twelve (one misspelt), parts of one or two chapters, an essay's numbered
sections, epigraphs set off by a gap, letters' salutations, and French part titles in capitals
under a contents list of bare numerals.
"""

from __future__ import annotations

import textwrap

import pytest
from reader_support import paragraph

from tui.book.model import Book
from tui.book.rules.headings import match_heading
from tui.book.rules.number_words import word_value
from tui.book.text.parse import parse_text

ROMAN = [
    "I",
    "II",
    "III",
    "IV",
    "V",
    "VI",
    "VII",
    "VIII",
    "IX",
    "X",
    "XI",
    "XII",
    "XIII",
    "XIV",
    "XV",
]
GERMAN = [
    "Erstes",
    "Zweites",
    "Drittes",
    "Viertes",
    "Fünftes",
    "Sechstes",
    "Siebentes",
    "Achtes",
    "Neuntes",
    "Zehntes",
    "Elftes",
    "Zwölftes",
    "Dreizehntes",
    "Vierzehntes",
    "Fünfzehntes",
    "Sechzehntes",
    "Siebzehntes",
    "Achtzehntes",
    "Neunzehntes",
    "Zwanzigstes",
    "Einundzwanzigstes",
    "Zweiundzwanzigstes",
    "Dreiundzwanzigstes",
]


def prose(seed: int, paragraphs: int = 4) -> list[str]:
    return [textwrap.fill(paragraph(seed * 5 + k, 4), 68) for k in range(paragraphs)]


def book(blocks: list[str], gap: str = "\n\n\n\n") -> Book:
    return parse_text(gap.join(blocks) + "\n", path="/books/printed.txt")


def lines_of(book_: Book) -> list[str]:
    return [book_.paragraph(c.heading) for c in book_.chapters if c.heading is not None]


@pytest.mark.parametrize(
    ("word", "value"),
    [
        ("Einundzwanzigstes", 21),
        ("Dreißigstes", 30),
        ("Dreissigster", 30),
        ("Siebentes", 7),
        ("siebzehnte", 17),
        ("Neunundneunzigsten", 99),
        ("vierunddreißig", 34),
    ],
)
def test_german_numbers_past_twelve_are_read_from_their_parts(word: str, value: int) -> None:
    assert word_value(word) == value


def test_a_german_keyword_heading_numbered_past_twenty() -> None:
    heading = match_heading("Zweiundzwanzigstes Kapitel")
    assert heading is not None and heading.strong and heading.number == 22
    heading = match_heading("Kapitel vierzig")
    assert heading is not None and heading.number == 40


def test_german_ordinal_chapters_count_on_past_twenty() -> None:
    blocks = ["Der Garten", "von Hanne Quell"]
    for k, word in enumerate(GERMAN):
        blocks += [f"{word} Kapitel", "\n\n".join(prose(k))]
    found = book(blocks)
    assert lines_of(found) == [f"{word} Kapitel" for word in GERMAN]


def test_a_misspelt_ordinal_where_the_sequence_expects_it_is_still_a_chapter() -> None:
    words = [*GERMAN[:12], "Dreizentes", *GERMAN[13:16]]  # (thirteenth, misspelt)
    blocks = ["Der Garten"]
    for k, word in enumerate(words):
        blocks += [f"{word} Kapitel", "\n\n".join(prose(k))]
    found = book(blocks)
    assert lines_of(found) == [f"{word} Kapitel" for word in words]


def test_a_line_shaped_like_a_heading_where_no_number_is_missing_is_no_chapter() -> None:
    blocks = ["Der Garten"]
    for k, word in enumerate(GERMAN[:6]):
        blocks += [f"{word} Kapitel", "\n\n".join(prose(k))]
        if k == 3:
            blocks += ["Anderes Kapitel", "\n\n".join(prose(40))]
    found = book(blocks)
    assert "Anderes Kapitel" not in lines_of(found)
    assert len(found.chapters) == 6


def test_a_part_of_two_chapters_among_longer_parts_keeps_them() -> None:
    """Bare numerals starting over in each part, one blank line over most of them (as between
    paragraphs): the part holding only `I` and `II` has its chapters too."""
    blocks = ["THE QUIET HARBOUR", "By Tessaly Brook"]
    sizes = [5, 2, 4]
    seed = 0
    for p, size in enumerate(sizes):
        blocks.append(f"PART {ROMAN[p]}\n\n{ROMAN[0]}\n\n" + "\n\n".join(prose(seed, 6)))
        seed += 1
        for c in range(1, size):
            blocks.append(f"{ROMAN[c]}\n\n" + "\n\n".join(prose(seed, 6)))
            seed += 1
    found = book(blocks, gap="\n\n")
    assert len(found.chapters) == sum(sizes)
    assert [c.part for c in found.chapters][5:7] == ["PART II", "PART II"]


def test_an_essays_numbered_sections_are_scenes_of_its_chapter() -> None:
    """The first essay of a collection in four sections, the first unnumbered, the others
    headed `II` and `III. - TITLE`: scene breaks at the first line of each section's prose."""
    blocks = ["QUIET ESSAYS", "CHAPTER I - THE HARBOUR"]
    blocks += ["\n\n".join(prose(1, 12)), "II", "\n\n".join(prose(2, 12))]
    blocks += ["III. - ON LANTERNS", "\n\n".join(prose(3, 12))]
    blocks += ["IV. - THE LEDGER OF TIDES", "\n\n".join(prose(4, 12))]
    for k, title in enumerate(["THE QUAY", "SALT FLATS"], start=2):
        blocks += [f"CHAPTER {ROMAN[k - 1]} - {title}", "\n\n".join(prose(k + 5, 5))]
    found = book(blocks, gap="\n\n\n")
    assert len(found.chapters) == 3
    opening = [found.paragraph(s.start)[:12] for s in found.chapters[0].scenes[1:]]
    assert opening == [p[:12] for p in (prose(2)[0], prose(3)[0], prose(4)[0])]


def test_a_songs_numbered_stanzas_inside_a_chapter_are_no_sections() -> None:
    """`I.`, `II.`, `III.` over the stanzas of a song quoted in a chapter, a paragraph or two
    apart: a count of the song's verses, not sections of the chapter."""
    blocks = ["QUIET ESSAYS"]
    for k, title in enumerate(["THE HARBOUR", "THE QUAY", "SALT FLATS"]):
        blocks += [f"CHAPTER {ROMAN[k]} - {title}", "\n\n".join(prose(k, 8))]
        if k == 1:
            for n in range(4):
                blocks += [f"    {ROMAN[n]}.", "    Lanterns low along the quay,\n    Tide go out"]
            blocks += ["\n\n".join(prose(k + 10, 8))]
    found = book(blocks, gap="\n\n")
    assert [len(c.scenes) for c in found.chapters] == [1, 1, 1]


def test_epigraphs_set_off_over_chapters_open_no_scene() -> None:
    """Quoted epigraphs (one long) over several chapters, two blank lines under them where
    paragraphs stand one apart: the chapter's opening, not a scene break."""
    quote = '"' + textwrap.fill(paragraph(9, 6), 60) + '" - AN OLD LETTER.'
    blocks = []
    for k in range(4):
        epigraph = quote if k == 1 else f'"{paragraph(k + 20, 1)}"'
        body = "\n\n".join(prose(k, 5))
        blocks.append(f"CHAPTER {ROMAN[k]} - ESSAY {k + 1}\n\n\n{epigraph}\n\n\n{body}")
    found = book(blocks)
    assert len(found.chapters) == 4
    assert [len(c.scenes) for c in found.chapters] == [1, 1, 1, 1]


def test_a_salutation_ending_in_dashes_heads_no_letter() -> None:
    """Letters headed by a numeral with a title in capitals under it, then a date and
    `DEAR MRS. QUELL,--`: the salutation opens the letter, it is no chapter of its own."""
    blocks = ["LETTERS FROM THE FLATS"]
    months = ["April", "May", "June", "July", "August", "September", "October", "November"]
    for k, month in enumerate(months):
        greeting = "MY DEAR FRIEND,--" if k == 3 else "DEAR MRS. QUELL,--"
        blocks.append(
            f"{ROMAN[k]}\n\nA LETTER ABOUT {month.upper()}\n\n\n     _{month} 3, 1911._\n\n"
            f"{greeting}\n\n" + "\n\n".join(prose(k, 5)) + "\n\n      Your friend,\n"
            "        MARA QUAY."
        )
    found = book(blocks)
    assert [c.title for c in found.chapters] == [
        f"{ROMAN[k]}: A LETTER ABOUT {m.upper()}" for k, m in enumerate(months)
    ]


def test_french_parts_in_capitals_under_a_contents_list_of_bare_numerals() -> None:
    """`Table des matières` lists the parts and their numerals one a line, exactly as the
    headings are set; the book's parts are in capitals and number their chapters from `I`."""
    sizes = [3, 5, 4]
    names = ["PREMIÈRE PARTIE", "DEUXIÈME PARTIE", "TROISIÈME PARTIE"]
    listing = ["Table des matières", ""]
    for name, size in zip(names, sizes, strict=True):
        listing += [name, *ROMAN[:size]]
    blocks = ["Hanne Quell\nLE PORT", "\n".join(listing)]
    seed = 0
    for name, size in zip(names, sizes, strict=True):
        blocks.append(name)
        for c in range(size):
            blocks.append(f"{ROMAN[c]}\n\n" + "\n\n".join(prose(seed, 10)))
            seed += 1
    found = book(blocks, gap="\n\n\n")
    assert len(found.chapters) == sum(sizes)
    assert found.line_of(found.chapters[0].heading) > len(listing) + 4
    assert [c.part for c in found.chapters][3] == "DEUXIÈME PARTIE"
