"""The narrators' names a book sets alone over its sections, told from words of its prose."""

from __future__ import annotations

from pathlib import Path

from shape_support import MORE, OTHER, PROSE, written

from tui.book.formats import open_book

SECTION = "\n\n".join([PROSE + " " + OTHER + " " + MORE] * 4)


def _book_of_names(narrators: list[str], prose: str = "") -> str:
    text = ""
    for k, title in enumerate(["The Recital", "Food Fights", "Apologies", "Hope", "Breathing"]):
        text += f"\n\n\n\n{title}\n\n\n\n{SECTION}\n"
        for j, name in enumerate(narrators[k % 2 : k % 2 + 4]):
            text += f"\n\n{name}\n\n{SECTION} {prose if j == 0 else ''}\n"
    return text


def test_names_a_book_sets_alone_open_its_sections(tmp_path: Path) -> None:
    book = open_book(written(tmp_path, "work.txt", _book_of_names(["Laura", "Grace"] * 3)))
    assert [len(c.scenes) for c in book.chapters] == [5] * 5


def test_a_label_the_prose_writes_in_small_letters_as_often_is_a_word(tmp_path: Path) -> None:
    # (`Will` alone where OCR split a paragraph: the prose says `will` between its spaces more
    # often than the book sets it alone, so it heads no section, and `Grace` alone is no family)
    prose = "They will go and we will see. " * 3
    text = _book_of_names(["Will", "Grace"] * 3, prose)
    book = open_book(written(tmp_path, "work.txt", text))
    assert [len(c.scenes) for c in book.chapters] == [1] * 5


def test_names_too_few_to_be_labels_are_neither_titles_removed_nor_openers(
    tmp_path: Path,
) -> None:
    # (twelve names set apart: no family of labels, so the lines set apart stay the titles)
    text = ""
    for name in ["Laura", "Grace"] * 6:
        text += f"\n\n\n\n{name}\n\n\n\n{SECTION}\n\n{SECTION}\n"
    book = open_book(written(tmp_path, "work.txt", text))
    assert [c.title for c in book.chapters] == ["Laura", "Grace"] * 6


def _book_with_a_gap(blank_lines: int) -> str:
    """Five chapters of narrators' sections, each name two blank lines under its story and one
    over its section; ``blank_lines`` part the paragraphs in the middle of each chapter's
    second section."""
    half = "\n\n".join([PROSE + " " + OTHER + " " + MORE] * 2)
    parted = half + "\n" * (blank_lines + 1) + half
    text = ""
    for title in ["The Recital", "Food Fights", "Apologies", "Hope", "Breathing"]:
        text += f"\n\n\n\n{title}\n\n\n\n{SECTION}\n"
        for j, name in enumerate(["Laura", "Grace", "Laura", "Grace"]):
            text += f"\n\n{name}\n\n{parted if j == 0 else SECTION}\n"
    return text


def test_a_gap_wider_than_the_space_around_the_names_is_a_scene_break(tmp_path: Path) -> None:
    book = open_book(written(tmp_path, "work.txt", _book_with_a_gap(4)))
    assert [len(c.scenes) for c in book.chapters] == [6] * 5


def test_a_gap_as_wide_as_the_space_around_the_names_is_that_space(tmp_path: Path) -> None:
    book = open_book(written(tmp_path, "work.txt", _book_with_a_gap(2)))
    assert [len(c.scenes) for c in book.chapters] == [5] * 5


def test_names_of_any_script_with_stops_and_apostrophes_open_their_sections(
    tmp_path: Path,
) -> None:
    # (a name's words open with a capital of any script and hold stops and apostrophes)
    names = ["Лаура", "O'Brien", "Mrs. Karnstein", "  Élodie  "]
    book = open_book(written(tmp_path, "work.txt", _book_of_names(names * 2)))
    assert [len(c.scenes) for c in book.chapters] == [5] * 5
