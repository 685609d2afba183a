"""The names a scene is labelled by.

Whole names (`McCarthy`), one person named once (`Henry Clerval`, then `Clerval`), and no
places, times or common words (`Christmas`, `New Bedford`).
"""

from __future__ import annotations

import functools
from pathlib import Path

import pytest

from tui.book.formats import open_book
from tui.book.model import Book
from tui.book.rules.character_names import names_in
from tui.book.text.parse import parse_text

REAL = Path(__file__).resolve().parents[1] / "fixtures" / "real"
SHERLOCK = ["pg_sherlock_holmes.txt.gz", "pg_sherlock_holmes.epub", "se_sherlock_holmes.epub"]
FRANKENSTEIN = ["pg_frankenstein.txt.gz", "pg_frankenstein.epub"]
MOBY_DICK = ["idpf_moby_dick.epub", "pg_moby_dick.txt.gz"]


@functools.cache
def real_book(name: str) -> Book:
    return open_book(REAL / name)


def chapter_names(book: Book, title_words: str) -> list[str]:
    """The names that label the first scene of the chapter whose title has ``title_words``."""
    chapter = next(c for c in book.chapters if title_words.lower() in c.full_title.lower())
    return chapter.scenes[0].names[:2]


@pytest.mark.parametrize("name", SHERLOCK)
def test_a_name_with_a_capital_inside_is_shown_whole(name: str) -> None:
    book = real_book(name)
    names = chapter_names(book, "Boscombe Valley")
    assert "McCarthy" in names and "Mc" not in names
    every = {n for c in book.chapters for s in c.scenes for n in s.names}
    assert "Mc" not in every and not any(n.endswith(" Mc") for n in every)


@pytest.mark.parametrize("name", SHERLOCK)
def test_a_holiday_is_no_character(name: str) -> None:
    names = chapter_names(real_book(name), "Blue Carbuncle")
    assert names[0] == "Holmes" and "Christmas" not in names


@pytest.mark.parametrize("name", FRANKENSTEIN)
def test_a_first_name_and_surname_are_one_person(name: str) -> None:
    book = real_book(name)
    # Chapter 5: `Henry Clerval` arrives; the book calls him `Clerval` most.
    names = chapter_names(book, "Chapter 5")
    assert "Clerval" in names and "Henry" not in names
    for chapter in book.chapters:
        for scene in chapter.scenes:
            assert not {"Henry", "Henry Clerval"} & set(scene.names), scene.label()


@pytest.mark.parametrize("name", MOBY_DICK)
def test_places_and_common_words_are_no_characters(name: str) -> None:
    names = chapter_names(real_book(name), "The Chapel")
    assert not {"Memory", "New Bedford", "New", "Bedford", "Patagonia", "Japan"} & set(names)
    assert "Queequeg" in names


def test_names_in_a_small_book_are_judged_by_the_whole_of_it() -> None:
    scenes = [
        "Young McCarthy came in from the farm, and O’Brien followed him. “Where?” said\n"
        "McCarthy. O’Brien shrugged, and McCarthy laughed at O’Brien.",
        "Henry Clerval arrived at Christmas. Clerval had come from Geneva; Clerval was tired,\n"
        "and Clerval slept. Henry Clerval woke, and Clerval spoke of Geneva.",
        "At Christmas the snow lay on Geneva. We spent Christmas in Geneva, and Clerval sang.\n"
        "“Come,” said Clerval, and Henry laughed; Clerval went out into Geneva at Christmas.",
    ]
    book = parse_text("Chapter 1\n\n" + "\n\n* * *\n\n".join(scenes))
    names = [scene.names for scene in book.chapters[0].scenes]
    assert names[0] == ["McCarthy", "O’Brien"]
    # `Henry Clerval` and `Clerval` are one person, called what the book calls him most.
    assert names[1] == ["Clerval"]
    # After `in`, `at`, `from`, `into`: a place and a time, never said to speak.
    assert names[2] == ["Clerval"]
    assert book.chapters[0].scenes[1].label().startswith("Ch 1 · Scene 2 — Clerval — ")


def test_a_name_with_a_contraction_is_the_name() -> None:
    text = "“Anna Held'll be late,” said Leeson. Anna Held came at nine. Anna Held'd waited."
    assert names_in(text) == ["Anna Held", "Leeson"]


def test_a_thing_someone_has_is_no_character() -> None:
    # `Mina Murray’s Journal` over each entry: the journal is hers, not a person in the scene.
    entries = [
        f"Mina Murray’s Journal.\n\n{day} July.--Lucy met me at the station, and Lucy laughed. "
        f"Mina Murray’s Journal lay open; Lucy read it, and Mina smiled at Lucy."
        for day in (24, 25, 26, 27)
    ]
    book = parse_text("Chapter 1\n\n" + "\n\n* * *\n\n".join(entries))
    for scene in book.chapters[0].scenes:
        assert "Journal" not in scene.names
        assert "Lucy" in scene.names


def test_a_month_shortened_in_a_dateline_is_no_character() -> None:
    text = "On Oct. 19 Crawley met me on deck; by Nov. 2 Crawley was bored, and Crawley said so."
    assert names_in(text) == ["Crawley"]


def test_a_word_with_a_letter_beyond_latin_1_is_no_name_cut_short() -> None:
    # `Phœnician` once read as the name `Ph` (œ was no letter to the pattern).
    text = " ".join(["Weena took the lamp. The old Phœnician idols stood there, Weena said."] * 4)
    names = names_in(text, 3)
    assert "Ph" not in names and "Weena" in names
    assert "Ph" not in {
        n for s in real_book("pg_time_machine.txt.gz").all_scenes() for n in s.names
    }


def test_a_number_written_in_capitals_is_no_name() -> None:
    # `the year Eight Hundred and Two Thousand Seven Hundred and One` labelled a scene
    # `Weena, Eight Hundred`.
    names = {n for s in real_book("pg_time_machine.txt.gz").all_scenes() for n in s.names}
    assert not any(word in n for n in names for word in ("Hundred", "Thousand"))


def test_the_start_of_a_places_name_and_a_word_shortened_in_speech_are_no_characters() -> None:
    # `at Robin Hood’s Bay`, `to Robin Hood’s Bay`: a place; `But, Lor’ love yer ’art`: the
    # word Lord as said. Neither labels a scene, and the people beside them do.
    book = real_book("pg_dracula.txt.gz")
    every = {name for c in book.chapters for s in c.scenes for name in s.names}
    assert not {"Robin Hood", "Robin", "Hood", "Lor"} & every
    whitby = book.chapters[6].scenes[0]
    assert whitby.names[0] == "Mina Murray"
    assert book.chapters[16].scenes[2].description().startswith("Carter Paterson, Renfield — ")


def test_a_name_said_shortened_within_a_name_stays_a_name() -> None:
    # Nostromo's `Gian’ Battista`: shortened, but before the rest of his name.
    book = real_book("se_nostromo.epub")
    every = {name for c in book.chapters for s in c.scenes for name in s.names}
    assert any(name.startswith("Gian") for name in every)
