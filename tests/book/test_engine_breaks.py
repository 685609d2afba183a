"""Scene-break lines, spacer lines, lone dialogue punctuation and set-off lines."""

from __future__ import annotations

import pytest

from tui.book.rules.breaks import (
    is_break_line,
    is_lone_punctuation,
    is_pause_line,
    is_setoff_line,
    is_spacer_line,
)

GLYPHS = [
    "* * *", "***", "~~~", "---", "###", "#", "oOo", "xXx", "-x-x-", "❖", "§", "~*~",
    "            * * *", "\t~~~\t", "=====", "+ + +", "◇◇◇", "◆　◆　◆", "⁂", "Line Break",
    "-Scene Break-", "OoOoO", "XXX", "*", "~o~o~", "-o-", ".     .     .     .",
]  # fmt: skip


@pytest.mark.parametrize("line", GLYPHS)
def test_glyph_break_lines(line: str) -> None:
    assert is_break_line(line)
    assert not is_lone_punctuation(line)


@pytest.mark.parametrize(
    "line",
    ["!”", "…”", "?!”", "“…”", "“—!”", "?", "…", "...", "—", "-", "!!", "“—, —, —.”", "?!"],
)
def test_lone_dialogue_punctuation_is_never_a_break(line: str) -> None:
    assert not is_break_line(line)
    assert is_lone_punctuation(line)


@pytest.mark.parametrize(
    "line",
    ["Hello", "XII", "IX", "X.", "VI.", "x", "I", "<3", "The End", "]", "(", "O!", "—O!", "—O"],
)
def test_words_and_numerals_are_not_breaks(line: str) -> None:
    # (`—O!`: one letter said, in a book that sets its dialogue with dashes)
    assert not is_break_line(line)


def test_spacer_lines_of_non_breaking_spaces() -> None:
    assert is_spacer_line("\u00a0\u00a0\u00a0")
    assert is_spacer_line("\u00a0 \u00a0 \u00a0 ")
    assert is_spacer_line("\u3000")
    assert not is_spacer_line("   ")  # plain spaces are a blank line
    assert not is_spacer_line("\u00a0text")
    assert not is_break_line("\u00a0\u00a0\u00a0")


@pytest.mark.parametrize(
    "line",
    [
        "March 6th, 2024", "6 March 2024", "Six Hours Ago", "Three years later...",
        "Later that night", "The next morning", "Meanwhile, in London", "Harry's POV",
        "Draco POV", "POV: Sakura", "12:30 PM", "Monday", "Location: The Docks", "Present day",
    ],
)  # fmt: skip
def test_set_off_lines(line: str) -> None:
    assert is_setoff_line(line)


@pytest.mark.parametrize(
    "line",
    ["Saika Kuozaki was my first love.", "“Later,” she said.", "He left.", "Nowhere to go"],
)
def test_prose_is_not_a_set_off_line(line: str) -> None:
    assert not is_setoff_line(line)


@pytest.mark.parametrize("line", ["…", "...", ". . .", "……", "—", "――", "--", "  …  "])
def test_pause_lines_are_weighed_not_breaks_by_themselves(line: str) -> None:
    assert is_pause_line(line)
    assert not is_break_line(line)


@pytest.mark.parametrize("line", ["“…”", "…”", "-", "—!", "...and then", "* * *"])
def test_other_lines_are_not_pause_lines(line: str) -> None:
    assert not is_pause_line(line)
