"""A last chapter titled beside its number closes a count of bare numerals.

A book numbers its chapters bare (`I`, `II` …) and its last one carries a title beside its
number (`VII. CONCLUSION`): that heading is the last chapter's. Texts written for these tests.
"""

from __future__ import annotations

from reader_support import paragraph

from tui.book.text.parse import parse_text

NUMERALS = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII"]


def counted(last: str, *, after: list[str] = ()) -> str:
    """Seven chapters a paragraph a line, headed `I` to `VI` and then ``last``."""
    lines = []
    for k, numeral in enumerate(NUMERALS[:7]):
        lines.append(last if k == 6 else numeral)
        lines += [paragraph(k * 3 + j, 4) for j in range(10)]
    return "\n".join([*lines, *after]) + "\n"


def test_a_titled_heading_numbered_next_closes_a_bare_count() -> None:
    book = parse_text(counted("VII. THE RECKONING"))
    assert [c.title for c in book.chapters][-2:] == ["VI", "VII. THE RECKONING"]
    assert len(book.chapters) == 7


def test_a_titled_heading_in_another_alphabet_closes_a_bare_count() -> None:
    book = parse_text(counted("VII. РАСЧЁТ"))
    assert [c.title for c in book.chapters][-1] == "VII. РАСЧЁТ"


def test_a_titled_heading_numbered_out_of_turn_closes_nothing() -> None:
    book = parse_text(counted("IX. THE RECKONING"))
    assert len(book.chapters) == 6
