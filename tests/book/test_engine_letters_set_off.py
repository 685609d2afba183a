"""Which gaps a reader takes for scene breaks around letters, footnotes and short scenes.

Letters, footnotes and short scenes between wider gaps in a hard-wrapped book. Texts written for
these tests.
"""

from __future__ import annotations

import textwrap

from support_engine import scene_lines

from tui.book.text.parse import parse_text

PROSE = (
    "The lamps along the quay were lit one by one as the tide went out, and the men who "
    "mended nets on the steps folded their work away and went up into the town without a "
    "word to one another, for the evening had turned cold and the wind was rising."
)
LETTER = (
    "I write in haste, for the coach leaves within the hour and I would not have you hear "
    "the news from any other hand than mine"
)


def wrapped(text: str) -> str:
    """Hard-wrapped at 70 columns, as printed texts are."""
    return "\n".join(textwrap.wrap(text, 70))


def story(paragraphs: int) -> str:
    return "\n\n".join(wrapped(f"{PROSE} ({k})") for k in range(paragraphs))


def book_of(first_chapter: str) -> list[list[int]]:
    """The scene starts of a two-chapter book whose first chapter is ``first_chapter``."""
    text = f"CHAPTER I.\n\n{first_chapter}\n\n\n\nCHAPTER II.\n\n{story(6)}"
    return scene_lines(parse_text(text))


def test_a_letter_opening_on_its_salutation_is_set_off_not_a_scene() -> None:
    letter = "\n\n".join(
        [
            wrapped(f"DEAR BROTHER SETH--{LETTER}."),
            wrapped(f"“{LETTER}, and so I close."),
            "“DINAH MORRIS.”",
        ]
    )
    intro = wrapped("Adam, meanwhile, was reading the letter by the light of his candle.")
    chapter = f"{story(3)}\n\n{intro}\n\n\n{letter}\n\n\n{story(3)}"
    assert [len(scenes) for scenes in book_of(chapter)] == [1, 1]


def test_a_letter_quoted_whole_over_several_paragraphs_is_set_off() -> None:
    # (each paragraph opens a quotation, only the last closes it: one letter read out)
    letter = "\n\n".join(
        [
            wrapped(f"“{LETTER}."),
            wrapped(f"“I will not add one word of reproach: {PROSE.lower()}"),
            wrapped("“Your cousin is in prison, and will be tried on Friday next.”..."),
        ]
    )
    intro = wrapped("He broke the seal with an agreeable expectation of good news.")
    chapter = f"{story(3)}\n\n{intro}\n\n\n{letter}\n\n\n{story(3)}"
    assert [len(scenes) for scenes in book_of(chapter)] == [1, 1]


def test_the_gap_after_a_letter_read_out_under_its_salutation_is_no_break() -> None:
    letter = wrapped(f"Dear Madam: Your son has caused a painful distress. {LETTER}.")
    chapter = f"{story(3)}\n\n{letter}\n\n\n{story(3)}"
    assert [len(scenes) for scenes in book_of(chapter)] == [1, 1]


def test_speech_that_addresses_someone_dearly_is_no_letter() -> None:
    speech = wrapped(f"“Dear Tom, you must not,” said Eva, and {PROSE}")
    chapter = f"{story(3)}\n\n\n{speech}\n\n{story(3)}"
    assert [len(scenes) for scenes in book_of(chapter)] == [2, 1]


def test_a_short_scene_of_two_paragraphs_between_gaps_is_a_scene() -> None:
    night = wrapped(" ".join([LETTER.replace("I write", "She slept")] * 4) + ".")
    dream = wrapped("She dreamed of a beautiful country, and awoke, and it was no dream.")
    chapter = f"{story(3)}\n\n\n{night}\n\n{dream}\n\n\n{story(3)}"
    assert [len(scenes) for scenes in book_of(chapter)] == [3, 1]


def test_a_paragraph_or_two_in_a_run_of_gaps_is_no_scene() -> None:
    # (questions and answers each set apart: the gaps are the layout, not scenes)
    long_paragraph = wrapped(" ".join([PROSE] * 3))
    run = "\n\n\n".join(f"What did he see? ({k})\n\n{long_paragraph}" for k in range(6))
    chapter = f"{story(3)}\n\n\n{run}"
    assert [len(scenes) for scenes in book_of(chapter)] == [1, 1]


def test_a_footnote_under_the_prose_citing_it_ends_its_section() -> None:
    note = "     * _The Merchant of Venice_, Act 1, scene 2."
    chapter = f"{story(3)}\n\n{note}\n\n\n{story(3)}"
    assert [len(scenes) for scenes in book_of(chapter)] == [2, 1]


def test_a_footnote_set_off_above_by_a_wider_gap_stands_apart() -> None:
    note = "     * _The Merchant of Venice_, Act 1, scene 2."
    chapter = f"{story(3)}\n\n\n{note}\n\n{story(3)}"
    assert [len(scenes) for scenes in book_of(chapter)] == [1, 1]
