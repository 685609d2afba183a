"""Chapters cut into numbered sections under titles a contents list or a preface sets apart.

A `PRELUDE` over its title, `Section 2` labels under every chapter, seasons over bare numerals
and the book's title over its editor's `PREFACE`, as old printed books set them.
"""

from __future__ import annotations

from tui.book.model import Book
from tui.book.text.parse import parse_text

PROSE = (
    "The engineers walked out along the dam in the grey morning and counted the sluices one "
    "by one, as they had done every morning since the water first rose behind the wall. "
)
WORDS = ["FIRST", "SECOND", "THIRD"]
TITLES = ["THE OPEN VALLEY", "THE RISING WATER", "THE STONE WALL"]


def _sections(label: str, numbers: list[str]) -> str:
    return "".join(f"{label}{number}\n\n" + (PROSE * 4 + "\n\n") * 2 for number in numbers)


def _section_book(label: str) -> str:
    contents = "CONTENTS\n\nPRELUDE\nTHE FIRST LIGHT\n\n" + "\n\n".join(
        f"CHAPTER THE {word}\n{title}" for word, title in zip(WORDS, TITLES, strict=True)
    )
    text = "THE DAM\n\nBY A. WRITER\n\n\n\n" + contents + "\n\n\n\n"
    text += "PRELUDE\n\nTHE FIRST LIGHT\n\n" + _sections(label, ["I", "2", "3"]) + "\n\n"
    for word, title in zip(WORDS, TITLES, strict=True):
        text += f"CHAPTER THE {word}\n\n{title}\n\n" + _sections(label, ["1", "2", "3"]) + "\n\n"
    return text


def _scene_openings(book: Book) -> list[list[str]]:
    return [[book.paragraph(s.start)[:20] for s in c.scenes] for c in book.chapters]


def test_a_prelude_over_its_listed_title_is_one_chapter_and_its_section_labels_open_scenes() -> (
    None
):
    book = parse_text(_section_book("Section "))
    assert [c.title for c in book.chapters] == [
        "PRELUDE: THE FIRST LIGHT",
        *(f"CHAPTER THE {w}: {t}" for w, t in zip(WORDS, TITLES, strict=True)),
    ]
    # (every section opens a scene under its label, the first with its chapter)
    assert _scene_openings(book) == [[PROSE[:20]] * 3] * 4
    assert [s.title for s in book.chapters[1].scenes] == ["", "Section 2", "Section 3"]


def test_a_plays_scene_headings_under_its_acts_stay_its_scenes_first_lines() -> None:
    acts = "".join(
        f"ACT {n}\n\nA garden.\n\n" + _sections("Scene ", ["1", "2", "3"]) + "\n\n"
        for n in ("I", "II", "III")
    )
    book = parse_text(acts)
    assert [c.title for c in book.chapters] == ["ACT I", "ACT II", "ACT III"]
    assert [book.paragraph(s.start) for s in book.chapters[1].scenes[1:]] == ["Scene 2", "Scene 3"]


SEASONS = ["SPRING", "SUMMER", "AUTUMN"]


def _season_book(*, preface: bool) -> str:
    text = "THE NOTEBOOKS OF A QUIET MAN\n\n"
    if preface:
        text += "\n\n\nPREFACE\n\n\n\n" + (PROSE * 3 + "\n\n") * 3 + "A. B.\n\n\n\n"
    else:
        text += "by A. Writer\n\n\n\n"
    for season in SEASONS:
        text += f"{season}\n\n\n\n"
        text += "".join(
            f"{numeral}\n\n\n" + (PROSE * 3 + "\n\n") * 2 + "\n"
            for numeral in ("I", "II", "III", "IV")
        )
        text += "\n\n"
    return text


def test_seasons_over_bare_numerals_count_their_entries_as_scenes() -> None:
    book = parse_text(_season_book(preface=False))
    # (the numeral under each season is its first entry's number, not the season's title)
    assert [c.title for c in book.chapters] == SEASONS
    assert [len(c.scenes) for c in book.chapters] == [4, 4, 4]


def test_the_books_title_over_its_preface_heads_no_chapter() -> None:
    book = parse_text(_season_book(preface=True))
    assert [c.title for c in book.chapters] == SEASONS
    assert [s.kind for s in book.front_matter][-1] == "preface"
