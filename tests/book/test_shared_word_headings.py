"""Chapter headings named by a word of the book's own, shared by a series of short lines."""

from __future__ import annotations

from tui.book.text.parse import parse_text

PROSE = (
    "Vara tulen ostra mekel dan, kovi sarel ta munder pash olvo, ent dami roska fel tuvo "
    "marrin sen dolta. Ketra vona silme pardo, ut rell asta vinner ko maddo fey tarsel, "
    "ommo vask terrin dolla sarel."
)
# Made-up counting words: what the engine can know of them is only that they differ.
COUNTS = ("Ulvan", "Teska", "Morin", "Palvas", "Keddri", "Sotva", "Irrel")


def story(headings: list[str], prose: int = 5) -> str:
    parts = []
    for line in headings:
        parts += [line, *(f"{PROSE} ({k})" for k in range(prose))]
    return "\n\n".join(parts) + "\n"


def titles(text: str) -> list[str]:
    return [c.title for c in parse_text(text, path="/books/story.txt").chapters]


def test_lines_ending_on_one_rare_word_head_the_chapters():
    text = story([f"{count} pelto." for count in COUNTS])
    assert titles(text) == [f"{count} pelto" for count in COUNTS]


def test_the_series_in_capitals_heads_the_chapters():
    text = story([f"{count.upper()} PELTO" for count in COUNTS])
    assert titles(text) == [f"{count.upper()} PELTO" for count in COUNTS]


def test_a_common_word_ending_short_lines_heads_nothing():
    # (`Ulvan sarel.` ... : the word ends the book's prose sentences as often)
    text = story([f"{count} sarel." for count in COUNTS])
    assert len(titles(text)) <= 1


def test_a_name_ending_short_lines_heads_nothing():
    text = story([f"{count} Pelto." for count in COUNTS])
    assert len(titles(text)) <= 1


def test_too_few_lines_are_no_series():
    text = story([f"{count} pelto." for count in COUNTS[:3]])
    assert len(titles(text)) <= 1
