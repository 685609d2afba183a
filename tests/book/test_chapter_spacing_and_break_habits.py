"""Scene breaks judged by the book's habits: spacing, lone dashes, dates, spacer lines, kisses.

A blank line in a single-spaced chapter of a double-spaced download, a lone `—` the book uses as
its break even between lines of dialogue, dates written as the book writes them whatever names
the month, spacer lines that pad a book's rules, and the kisses closing a letter.
"""

from __future__ import annotations

from pathlib import Path

from shape_support import MORE, OTHER, PROSE, scene_firsts, written

LINES = [PROSE + " " + OTHER, MORE, OTHER + " " + MORE + " " + PROSE, "“No,” she said."]


def test_a_blank_line_in_a_single_spaced_chapter_of_a_double_spaced_book(
    tmp_path: Path,
) -> None:
    single = "\n".join(LINES * 4)
    spaced = "\n\n".join(LINES * 6)
    text = ""
    for k in range(1, 5):
        text += f"Chapter {k}\n\n{spaced}\n\n{spaced}\n\n\n"
    # One chapter pasted line by line: its one blank line is a pause between two scenes.
    text += f"Chapter 5\n{single}\n\n{single}\n\n\n"
    path = written(tmp_path, "work.txt", text)
    assert [len(c) for c in scene_firsts(path)] == [1, 1, 1, 1, 2]


def test_a_lone_dash_the_book_breaks_with_is_a_break_between_dialogue(tmp_path: Path) -> None:
    scene = "\n".join(LINES * 2)
    said = "“Then go,” she said.\n—\n“I will,” he said.\n"
    text = ""
    for k in range(1, 13):
        text += f"Chapter {k}\n{scene}\n—\n{scene}\n"
    text += f"Chapter 13\n{scene}\n{said}{scene}\n"
    path = written(tmp_path, "work.txt", text)
    assert [len(c) for c in scene_firsts(path)] == [2] * 13


def test_a_lone_dash_between_dialogue_in_a_book_without_the_habit_is_a_pause(
    tmp_path: Path,
) -> None:
    scene = "\n".join(LINES * 2)
    said = "“Then go,” she said.\n—\n“I will,” he said.\n"
    text = ""
    for k in range(1, 4):
        text += f"Chapter {k}\n{scene}\n{said}{scene}\n"
    path = written(tmp_path, "work.txt", text)
    assert [len(c) for c in scene_firsts(path)] == [1, 1, 1]


def test_dates_written_as_the_book_writes_them_open_scenes(tmp_path: Path) -> None:
    scene = "\n".join(LINES * 2)
    months = ["September", "October", "November", "December", "January", "February"]
    text = ""
    for k, month in enumerate(months * 2, start=1):
        text += (
            f"Chapter {k}\n{month} {k}th 1976\n{scene}\n* * *\n{month} {k + 1}th 1976\n{scene}\n"
        )
    # A month the reader does not know (a misspelling, another language's), no rule before it.
    text += f"Chapter 13\n{scene}\nSeptembre 3rd 1977\n{scene}\n"
    path = written(tmp_path, "work.txt", text)
    assert [len(c) for c in scene_firsts(path)] == [2] * 13


def test_spacer_lines_padding_a_books_rules_and_one_before_a_letter(tmp_path: Path) -> None:
    nbsp = "\u00a0"
    scene = "\n".join(LINES * 2)
    text = ""
    for k in range(1, 13):
        text += f"Chapter {k}\n{scene}\n{nbsp}\n***\n{nbsp}\n{scene}\n"
    # Away from any rule, a spacer sets off a letter's salutation, and two a list lost.
    text += (
        f"Chapter 13\n{scene}\n{nbsp}\n Dear Mary, \n{scene}\nAll this:\n{nbsp}\n{nbsp}\n{MORE}\n"
    )
    path = written(tmp_path, "work.txt", text)
    assert [len(c) for c in scene_firsts(path)] == [2] * 12 + [1]


def test_kisses_over_a_signature_close_a_letter(tmp_path: Path) -> None:
    scene = "\n".join(LINES * 2)
    text = ""
    for k in range(1, 13):
        text += f"Chapter {k}\n{scene}\n__\n{scene}\n"
    text += f"Chapter 13\nDear Lily,\n{scene}\nxoxo\nMary Macdonald\n{scene}\n"
    path = written(tmp_path, "work.txt", text)
    assert [len(c) for c in scene_firsts(path)] == [2] * 12 + [1]
