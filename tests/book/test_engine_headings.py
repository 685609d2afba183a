"""Chapter heading lines: every form users write, cleaned for display; prose is not a heading."""

from __future__ import annotations

import pytest

from tui.book.formats import open_book
from tui.book.rules.clean_headings import clean_heading
from tui.book.rules.headings import match_heading
from tui.book.rules.numerals import parse_number


@pytest.mark.parametrize(
    ("line", "shown", "number"),
    [
        ("Chapter 12", "Chapter 12", 12),
        ("Chapter 12: The Long Road", "Chapter 12: The Long Road", 12),
        ("Chapter Twelve", "Chapter Twelve", 12),
        ("CHAPTER XII", "CHAPTER XII", 12),
        ("Chapter twenty-one", "Chapter twenty-one", 21),
        ("Chapter 3 - The Gate", "Chapter 3: The Gate", 3),
        ("Chapter 3 – The Gate", "Chapter 3: The Gate", 3),
        ("Ch. 3", "Ch. 3", 3),
        ("CHAPTER THREE: THE GATE", "CHAPTER THREE: THE GATE", 3),
        ("Chapter 1 image A Creeping Horror image", "Chapter 1: A Creeping Horror", 1),
        ("Chapter 4 The Lighthouse", "Chapter 4: The Lighthouse", 4),
        ("**Chapter 7**", "Chapter 7", 7),
        ("~ Chapter 8 ~", "Chapter 8", 8),
        ("# Chapter 9: Markdown", "Chapter 9: Markdown", 9),
        ("Chapter 10.5", "Chapter 10.5", 10),
        ("Part One", "Part One", 1),
        (
            "STAVE III:  THE SECOND OF THE THREE SPIRITS",
            "STAVE III: THE SECOND OF THE THREE SPIRITS",
            3,
        ),
        ("Book Two", "Book Two", 2),
        ("Part the First", "Part the First", 1),
        ("第十二章", "第十二章", 12),
        ("第3章 雨の日", "第3章 雨の日", 3),
    ],
)
def test_numbered_headings(line: str, shown: str, number: int) -> None:
    heading = match_heading(line)
    assert heading is not None and heading.strong
    assert heading.text == shown
    assert heading.number == number
    assert clean_heading(line) == shown


@pytest.mark.parametrize(
    ("line", "kind", "shown"),
    [
        ("Prologue", "prologue", "Prologue"),
        ("Prologue: The End of Summer", "prologue", "Prologue: The End of Summer"),
        ("Prologue image Paradise image", "prologue", "Prologue: Paradise"),
        ("Epilogue", "epilogue", "Epilogue"),
        ("EPILOGUE - After", "epilogue", "EPILOGUE: After"),
        ("Interlude", "interlude", "Interlude"),
        ("Side Story", "side", "Side Story"),
        ("Side Story: The Cat", "side", "Side Story: The Cat"),
        ("序章", "cjk", "序章"),
    ],
)
def test_named_headings(line: str, kind: str, shown: str) -> None:
    heading = match_heading(line)
    assert heading is not None and heading.kind == kind
    assert heading.text == shown


@pytest.mark.parametrize(
    "line",
    [
        "Chapter Text",  # AO3's landmark
        "Chapter 5 was the one where everything went wrong.",
        "Part of me wanted to stay.",
        "Book two of the series was better, she thought.",
        "Special Agent Smith nodded.",
        "Extra large coffee, please.",
        "Beyond the Throne: When Fate Summons the Godless",
        "“Chapter One,” she read aloud.",
        "Chapter Mix",
        "",
    ],
)
def test_prose_is_not_a_heading(line: str) -> None:
    heading = match_heading(line)
    assert heading is None or not heading.strong


@pytest.mark.parametrize(
    ("line", "number"), [("12", 12), ("XII.", 12), ("- 3 -", 3), ("Seven", 7), ("12. The Boy", 12)]
)
def test_bare_numbers_are_weak_headings(line: str, number: int) -> None:
    heading = match_heading(line)
    assert heading is not None and not heading.strong
    assert heading.number == number


def test_clean_heading_keeps_image_inside_a_title() -> None:
    assert clean_heading("Chapter 2: The Mirror Image") == "Chapter 2: The Mirror Image"
    assert clean_heading("image Afterword image") == "Afterword"


@pytest.mark.parametrize(
    ("token", "value"),
    [
        ("7", 7),
        ("XIV", 14),
        ("xiv", 14),
        ("forty-two", 42),
        ("one hundred and five", 105),
        ("十二", 12),
        ("一百零五", 105),
        ("１２", 12),
        ("MIX", 1009),
        ("Mix", None),
    ],
)
def test_parse_number(token: str, value: int | None) -> None:
    assert parse_number(token) == value


@pytest.mark.parametrize(
    ("line", "shown", "number", "minor"),
    [
        ("1.03", "1.03", 1, 3),
        ("2.1 - The Fall", "2.1: The Fall", 2, 1),
        ("Gestation 1.1", "Gestation 1.1", 1, 1),
        ("12 - The Boy", "12. The Boy", 12, None),
        ("3: Zero", "3. Zero", 3, None),
    ],
)
def test_serial_numbers_are_weak_headings(line: str, shown: str, number: int, minor) -> None:
    heading = match_heading(line)
    assert heading is not None and not heading.strong
    assert (heading.text, heading.number, heading.minor) == (shown, number, minor)


@pytest.mark.parametrize(
    ("line", "kind", "shown"),
    [
        ("Chapter 10 (Part 1)", "chapter", "Chapter 10 (Part 1)"),
        ("Arc 1 (Kindling)", "part", "Arc 1 (Kindling)"),
        ("~ Chapter 5 ~", "chapter", "Chapter 5"),
        ("第一卷 风起青萍", "part", "第一卷 风起青萍"),
        ("第一章　見習い", "cjk", "第一章 見習い"),
    ],
)
def test_brackets_that_belong_to_the_heading_are_kept(line: str, kind: str, shown: str) -> None:
    heading = match_heading(line)
    assert heading is not None and heading.kind == kind
    assert heading.text == shown


@pytest.mark.parametrize("line", ["3.5 million people came", "1.5 cups of flour, sifted."])
def test_decimals_in_prose_are_not_headings(line: str) -> None:
    assert match_heading(line) is None


def test_a_numeral_with_a_full_stop_over_its_title_reads_as_one_title(tmp_path) -> None:
    # Carmilla's `I.` over `An Early Fright`: the contents show `I: An Early Fright`.
    names = ["An Early Fright", "A Guest", "We Compare Notes", "Her Habits"]
    prose = "\n\n".join(["It was night, and the house was still. " * 6] * 5)
    chapters = [
        f"{numeral}.\n\n{name}\n\n{prose}"
        for numeral, name in zip(["I", "II", "III", "IV"], names, strict=True)
    ]
    path = tmp_path / "tale.txt"
    path.write_text("A Tale\n\n\n" + "\n\n\n".join(chapters) + "\n", encoding="utf-8")
    titles = [chapter.title for chapter in open_book(path).chapters]
    assert titles == [
        "I: An Early Fright",
        "II: A Guest",
        "III: We Compare Notes",
        "IV: Her Habits",
    ]


def test_a_title_in_capitals_with_an_emphasised_word_joins_its_heading(tmp_path) -> None:
    # Dracula's `CHAPTER XIII` over `DR. SEWARD’S DIARY--_continued_.`
    names = ["DR. SEWARD’S DIARY", "DR. SEWARD’S DIARY--_continued_.", "MINA’S JOURNAL"]
    prose = "\n\n".join(["It was night, and the house was still. " * 6] * 5)
    chapters = [
        f"CHAPTER {numeral}\n\n{name}\n\n{prose}"
        for numeral, name in zip(["I", "II", "III"], names, strict=True)
    ]
    path = tmp_path / "diary.txt"
    path.write_text("A Diary\n\n\n" + "\n\n\n".join(chapters) + "\n", encoding="utf-8")
    titles = [chapter.title for chapter in open_book(path).chapters]
    assert titles[1] == "CHAPTER II: DR. SEWARD’S DIARY--continued."


@pytest.mark.parametrize(
    "line",
    [
        "3. Author's Note (Important)",
        "Chapter 5: Day Two (Part One)",
        "Chapter 2: The Vault [Redux]",
    ],
)
def test_a_bracket_that_closes_one_in_the_title_stays(line: str) -> None:
    heading = match_heading(line)
    assert heading is not None and heading.text == line


def test_heading_patterns_are_compiled_when_first_needed() -> None:
    """Importing the heading rules compiles none of their patterns (12 ms at a cold start,
    before the first page); a `Chapter 3` line compiles only the keyword pattern it needs."""
    import subprocess
    import sys

    script = (
        "from tui.book.rules import headings\n"
        "compiled = lambda: sorted(name for name in dir(headings) if name.isupper() and "
        "callable(getattr(headings, name)) and getattr(headings, name).cache_info().currsize)\n"
        "print(compiled())\n"
        "headings.match_heading('Chapter 3: The Gate')\n"
        "print(compiled())\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout == "[]\n['_KEYWORD_HEADING']\n"
