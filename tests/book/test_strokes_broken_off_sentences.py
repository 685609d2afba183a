"""A lone `—` or `.` broken off the sentence above it is that sentence's, no scene break.

Hard-wrapped text with no blank lines, where a conversion broke the stroke off its line. Texts
written for these tests.
"""

from __future__ import annotations

import textwrap

from reader_support import paragraph

from tui.book.text.parse import parse_text


def hard_wrapped(paragraphs: list[str]) -> list[str]:
    """Paragraphs wrapped at 80 columns, each line ending in a space, no blank lines; each
    paragraph's last line cut well short of the width."""
    lines = []
    for text in paragraphs:
        wrap = textwrap.wrap(text, 80)
        wrap[-1] = wrap[-1][:30].rsplit(" ", 1)[0] + " It rained."
        lines += [line + " " for line in wrap]
    return lines


def test_a_stroke_or_stop_broken_off_its_sentence_in_wrapped_text_is_no_break() -> None:
    lines = hard_wrapped([paragraph(k, 5) for k in range(8)])
    # (an italic title, then its sentence's stop; a speech's dash under the line that says
    # who speaks, then the speech)
    lines[9:9] = ["the old book they call De Imitatione", ". "]
    lines[18:18] = ["and the prior answered them: ", "—", "Rest in peace! "]
    book = parse_text("\n".join(lines) + "\n")
    assert book.style == "wrapped"
    assert [len(c.scenes) for c in book.chapters] == [1]
