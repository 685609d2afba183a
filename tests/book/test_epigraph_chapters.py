"""Chapters headed only by an epigraph, set off by the book's widest gap.

The chapters have no number or title, only an epigraph (a quotation over its source); the gaps
between their scenes are narrower. Texts written for these tests.
"""

from __future__ import annotations

from reader_support import paragraph
from support_engine import headings, scene_lines

from tui.book.text.parse import parse_text

SOURCES = ["—Idris Vane", "— The Ferry Almanac", "—Mara of the Quay", "—Copper Street Saying"]


def scene(seed: int) -> list[str]:
    return [paragraph(seed + k, 4) for k in range(6)]


def epigraphed(chapters: int, *, sources: bool = True) -> str:
    """A prologue under its heading, then chapters opened by an epigraph (three blank lines
    before it, five after), each of two scenes three blank lines apart."""
    blocks = ["Prologue", *scene(0)]
    for k in range(chapters):
        quote = f'"The tide keeps no ledger, and the ledger keeps no tide, number {k}."'
        source = SOURCES[k % len(SOURCES)] if sources else "So it was written on the wall."
        blocks += ["\n\n" + quote, source + "\n\n\n\n", *scene(10 * k), "\n\n" + paragraph(k, 5)]
        blocks += scene(10 * k + 5)
    return "\n\n".join(blocks) + "\n"


def test_epigraphs_set_off_by_the_widest_gap_head_the_chapters() -> None:
    book = parse_text(epigraphed(5))
    found = headings(book)
    assert len(found) == 6
    assert found[0] == ("Prologue", 1)
    assert all(title.startswith('"The tide keeps no ledger') for title, _ in found[1:])
    # (the narrower gap inside each chapter parts its two scenes; the wider one under each
    # epigraph parts none)
    assert [len(lines) for lines in scene_lines(book)] == [1] + [2] * 5


def test_quotations_with_no_source_head_no_chapters() -> None:
    book = parse_text(epigraphed(5, sources=False))
    assert len(headings(book)) == 1


def test_a_few_epigraphs_head_no_chapters() -> None:
    book = parse_text(epigraphed(2))
    assert len(headings(book)) == 1
