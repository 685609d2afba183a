"""The shortcuts that keep a long book's outline quick find what the long way finds.

A search led by a rare character, the stars of emphasis found a star at a time, a line's repeat
looked up before it is read as a heading, the names judged once a book.
"""

from __future__ import annotations

import re

import pytest

import tui.book.rules.patterns as patterns
from tui.book.model import Book
from tui.book.rules.character_names import book_evidence, names_in
from tui.book.rules.emphasis import toggles_marks
from tui.book.rules.patterns import matches_led_by
from tui.book.rules.repeated_openings import opening_key, past_repeats

BRACKETED = re.compile(r"\[\s*note\b[^\]\n]*\]", re.IGNORECASE)
TEXTS = [
    "",
    "no brackets at all",
    "[note one] and [Note two]\n[ NOTE three ] [not a note] [[note four]",
    "[" * 50 + "note]" + " [note five] " * 30,
]


@pytest.mark.parametrize("text", TEXTS)
@pytest.mark.parametrize("looks", [patterns.LEAD_LOOKS, 3, 0])
def test_a_search_led_by_a_rare_character_finds_what_the_engine_finds(
    text: str, looks: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    # (with few looks allowed, the engine's own search takes over part of the way)
    monkeypatch.setattr(patterns, "LEAD_LOOKS", looks)
    for lo, hi in ((0, None), (3, len(text) - 2)):
        expected = [m.span() for m in BRACKETED.finditer(text, lo, len(text) if hi is None else hi)]
        assert [m.span() for m in matches_led_by(BRACKETED, "[", text, lo, hi)] == expected


def book_of(paragraphs: list[str]) -> Book:
    text = "\n\n".join(paragraphs)
    spans = [m.span() for m in re.finditer(r"[^\n]+", text)]
    return Book(
        text,
        [a for a, _ in spans],
        [b for _, b in spans],
        bytearray(len(spans)),
        list(range(1, 2 * len(spans), 2)),
    )


def test_marks_turning_bold_on_and_off_are_found_past_lone_stars() -> None:
    # (each pair of stars comes after lone ones, `* * *` and `5 * 3`, which are no marks)
    toggled = ["* * *", "Five * three is fifteen, * said Mara.", "Written for **Toy Leaf **jam."]
    assert toggles_marks(book_of(toggled * 3))
    assert not toggles_marks(book_of(toggled[:2] * 3))


LINES = [
    "Lanterns",
    "**Lanterns**",
    "Chapter 12",
    "CHAPTER 3: The Fall",
    "Mara counted the lanterns.",
    "A line long enough to be no title at all, going on and on past any heading's length, "
    "and then some more words after those to be sure of it, and more.",
    "",
]


@pytest.mark.parametrize("line", LINES)
@pytest.mark.parametrize(
    "passed",
    [
        frozenset({"lanterns"}),
        frozenset({"chapter #"}),
        frozenset({"lanterns", ""}),  # (a title whose key is "" passes every sentence)
        frozenset({"mara counted the lanterns."}),
    ],
)
def test_a_repeated_line_is_passed_over_as_its_key_says(line: str, passed: frozenset[str]) -> None:
    story = [f"Mara counted the lanterns {n} times over, and then once more." for n in range(4)]
    book = book_of([line or "*", *story])
    # (a scene's words start past at most three lines at its head whose keys are passed)
    repeats = 0
    while repeats < 3 and opening_key(book.paragraph(repeats)) in passed:
        repeats += 1
    assert past_repeats(book, 0, len(book), passed) == repeats


def test_names_judged_once_a_book_are_the_names_judged_each_time() -> None:
    scenes = [
        "Mara lit the lanterns. Then Mara and Tobin Reed walked to the Garden, where Tobin "
        "waited. The Garden was dark; Mara said nothing to Tobin.",
        "Tobin Reed came back at dawn. Mara met Tobin by the Garden gate, and Reed smiled.",
    ]
    book = book_of(scenes * 20)
    fresh = [names_in(scene, 3, book_evidence(book)) for scene in scenes]
    evidence = book_evidence(book)
    kept = [names_in(scene, 3, evidence) for scene in scenes * 2]
    assert kept == fresh * 2
    assert fresh[0][:2] == ["Mara", "Tobin"]
