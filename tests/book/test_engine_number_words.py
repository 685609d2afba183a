"""Headings numbered in words of other languages: `Chapitre un`, `Kapitel eins`, `Un : Kiba`."""

from __future__ import annotations

import pytest

from tui.book.rules.headings import match_heading
from tui.book.text.parse import parse_text

PROSE = "The rain went on all night, and nobody in the house could sleep for the noise of it."


def story(*lines: str, prose: int = 6) -> str:
    """Heading lines, each followed by ``prose`` paragraphs."""
    parts = []
    for line in lines:
        parts.append(line)
        parts.extend(f"({k}) {PROSE}" for k in range(prose))
    return "\n\n".join(parts) + "\n"


def chapters(text: str) -> list[str]:
    return [c.title for c in parse_text(text, path="/books/story.txt").chapters]


@pytest.mark.parametrize(
    ("line", "shown", "number"),
    [
        ("Chapitre un", "Chapitre un", 1),
        ("Chapitre dix-sept : Le retour", "Chapitre dix-sept: Le retour", 17),
        ("Chapitre premier", "Chapitre premier", 1),
        ("CHAPITRE DIX", "CHAPITRE DIX", 10),
        ("Capítulo uno", "Capítulo uno", 1),
        ("Capitulo dieciseis", "Capitulo dieciseis", 16),
        ("Capítulo once: La fiesta", "Capítulo once: La fiesta", 11),
        ("Capítulo primero", "Capítulo primero", 1),
        ("Capítulo três", "Capítulo três", 3),
        ("Kapitel eins", "Kapitel eins", 1),
        ("Kapitel zwölf - Heimkehr", "Kapitel zwölf: Heimkehr", 12),
        ("Erstes Kapitel", "Erstes Kapitel", 1),
        ("Capitolo venti", "Capitolo venti", 20),
        ("Capitolo primo", "Capitolo primo", 1),
        ("Eerste hoofdstuk", "Eerste hoofdstuk", 1),
        ("TWINTIGSTE HOOFDSTUK", "TWINTIGSTE HOOFDSTUK", 20),
        ("VYFDE HOOFDSTUK", "VYFDE HOOFDSTUK", 5),
    ],
)
def test_keyword_headings_numbered_in_words(line: str, shown: str, number: int) -> None:
    heading = match_heading(line)
    assert heading is not None and heading.strong
    assert (heading.text, heading.number) == (shown, number)


@pytest.mark.parametrize(
    ("line", "shown", "number"),
    [
        ("Un : Kiba", "Un: Kiba", 1),
        ("Un\u00a0: Kiba", "Un: Kiba", 1),
        ("Uno: La casa", "Uno: La casa", 1),
        ("Zwei - Der Wald", "Zwei: Der Wald", 2),
        ("One: The Storm", "One: The Storm", 1),
    ],
)
def test_a_number_word_and_a_title_is_a_weak_heading(line: str, shown: str, number: int) -> None:
    heading = match_heading(line)
    assert heading is not None and not heading.strong
    assert (heading.text, heading.number) == (shown, number)


@pytest.mark.parametrize(
    "line",
    [
        "Chapter Once Upon a Time",  # `once` is eleven only after a Spanish keyword
        "Kapitel once",
        "Une fois, il partit.",
        "Uno: la casa estaba vacía.",
        "Once: upon a time",
    ],
)
def test_prose_and_mixed_languages_are_no_headings(line: str) -> None:
    heading = match_heading(line)
    assert heading is None or (heading.title == "" and not heading.strong)


def test_french_chapters_numbered_in_words() -> None:
    text = story("Chapitre un", "Chapitre deux", "Chapitre trois : La fin")
    assert chapters(text) == ["Chapitre un", "Chapitre deux", "Chapitre trois: La fin"]


def test_bare_number_words_in_sequence_are_chapters() -> None:
    assert chapters(story("Uno", "Dos", "Tres")) == ["Uno", "Dos", "Tres"]
    assert chapters(story("Un", "Deux", "Trois", "Quatre")) == ["Un", "Deux", "Trois", "Quatre"]


def test_number_words_of_different_languages_are_no_sequence() -> None:
    # `Um` (Portuguese one, and what English speakers say) does not start `Two`, `Three`
    assert chapters(story("Um", "Two", "Three")) == ["story"]
    assert chapters(story("One", "Two", "Three")) == ["One", "Two", "Three"]


def test_a_one_chapter_story_opening_with_a_titled_number() -> None:
    """A fanfictions.fr download: an author's note, the title alone, `Un : Kiba`, the story."""
    text = "Note : Merci à tous\n\n\n\nCrise \t\n\n" + story("Un\u00a0: Kiba", prose=8)
    book = parse_text(text, path="/books/683_story.txt")
    assert book.title == "Crise"
    assert [(c.title, c.heading) for c in book.chapters] == [("Un: Kiba", 2)]


def test_a_lone_titled_number_is_taken_only_at_the_start_as_number_one() -> None:
    # `Two: ...` opens no count; `One: ...` in the middle of a story is a line of it
    assert chapters("Crise\n\n" + story("Two: Kiba", prose=8)) == ["Crise"]
    middle = story("", prose=20).lstrip() + "\n" + story("One: Kiba", prose=8)
    assert chapters(middle) == ["story"]


@pytest.mark.parametrize(
    ("line", "kind", "number"),
    [
        ("FIRST ACT", "part", 1),
        ("The Seventy-seventh Chapter.", "chapter", 77),
        ("SECOND BOOK: The Return", "part", 2),
        ("Twentieth Chapter", "chapter", 20),
    ],
)
def test_an_english_ordinal_before_its_keyword_heads_a_chapter(
    line: str, kind: str, number: int
) -> None:
    found = match_heading(line)
    assert found is not None and found.strong
    assert (found.kind, found.number) == (kind, number)


def test_a_sentence_starting_with_an_ordinal_is_no_heading() -> None:
    assert match_heading("First chapter of the day was long") is None
    assert match_heading("The first act of kindness") is None


def test_acts_headed_first_act_second_act_are_the_plays_chapters() -> None:
    text = story("FIRST ACT", "SECOND ACT", "THIRD ACT")
    assert chapters(text) == ["FIRST ACT", "SECOND ACT", "THIRD ACT"]


def test_a_cjk_number_written_digit_by_digit_is_read() -> None:
    # (`第一○○回`, a circle for zero, in Romance of the Three Kingdoms)
    for line, number in (("第一○○回：漢兵劫寨", 100), ("第一〇一回", 101), ("第九十回", 90)):
        found = match_heading(line)
        assert found is not None and found.number == number


def test_a_note_mark_glued_to_a_heading_is_no_part_of_it() -> None:
    for line, label in (
        ("CHAPTER 3[12]", "CHAPTER 3"),
        ("TWEEDE HOOFDSTUK[4]", "TWEEDE HOOFDSTUK"),
    ):
        heading = match_heading(line)
        assert heading is not None and heading.strong
        assert (heading.text, heading.title) == (label, "")


def test_dutch_chapters_counted_in_ordinals_after_a_long_front() -> None:
    # (what stands before the chapter numbered one is the book's front, however long)
    front = "DE NETTEN\n\nEEN VERHAAL\n\n" + story("VOORWOORD", prose=12)
    body = story("EERSTE HOOFDSTUK[1]", "TWEEDE HOOFDSTUK", "DERDE HOOFDSTUK[2]")
    assert chapters(front + "\n\n" + body) == [
        "EERSTE HOOFDSTUK",
        "TWEEDE HOOFDSTUK",
        "DERDE HOOFDSTUK",
    ]
