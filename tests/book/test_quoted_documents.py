"""Letters and telegrams quoted in a hard-wrapped story are no scene breaks.

The wider gap that ends one is no scene break, however the document begins.
"""

from __future__ import annotations

from support_engine import story

from tui.book.text.parse import parse_text


def _chapters(document: str) -> str:
    return (
        f"CHAPTER I.\n\n\n{story(4)}\n\n{document}\n\n\n{story(4)}\n\n\n\n"
        f"CHAPTER II.\n\n\n{story(6)}"
    )


def test_a_gap_after_a_telegram_signed_in_capitals_ends_the_telegram() -> None:
    telegram = (
        "It was addressed to him, and ran thus:\n\n"
        "Please await me. Terrible misfortune. Right wing three-quarter missing,\n"
        "indispensable to-morrow. OVERTON."
    )
    letter = (
        "Holmes drew a note from his pocket, and read aloud:\n\n"
        "Abbey Grange, Marsham, Kent, 3:30 A.M. MY DEAR MR. HOLMES:\n\n"
        "I should be very glad of your immediate assistance in what promises to\n"
        "be a most remarkable case. Yours faithfully, STANLEY HOPKINS."
    )
    for document in (telegram, letter):
        book = parse_text(_chapters(document))
        assert [len(c.scenes) for c in book.chapters] == [1, 1], document


def test_a_gap_after_a_line_in_capitals_that_no_colon_announced_is_a_break() -> None:
    # Story that happens to end on a name in capitals, with nothing announced before it.
    scene_end = "He looked up at the board over the door, which said BAKER & SONS."
    book = parse_text(_chapters(scene_end))
    assert [len(c.scenes) for c in book.chapters] == [2, 1]
