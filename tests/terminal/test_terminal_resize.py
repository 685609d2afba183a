"""Resizing the terminal never moves the reader's place.

The page model re-wraps around the same character however many sizes it passes through (the unit
behind the tmux resize storm).
"""

from __future__ import annotations

import itertools

from tmux_term import book_text

from tui.book.text.parse import parse_text
from tui.reading.pager import LayoutOptions, Pager

SIZES = [(40, 12), (120, 40), (100, 30), (60, 16), (160, 50), (30, 10), (90, 28), (20, 6)]


def _pager(column: int = 76, height: int = 23) -> Pager:
    return Pager(parse_text(book_text()), LayoutOptions(column=column), height)


def _first_text_row(pager: Pager) -> tuple[int, str]:
    """The paragraph and text of the first row with text (a blank row at the very top may
    go, as a re-wrap puts the next paragraph there)."""
    row = next(row for row in pager.screen() if row.start >= 0 or row.text)
    return row.para, row.text


def test_a_resize_storm_leaves_the_same_line_at_the_top() -> None:
    for rows_down in range(20, 140, 3):  # many places: inside paragraphs, between them
        pager = _pager()
        pager.scroll(rows_down)
        before = (_first_text_row(pager), pager.top_offset())
        for column, height in itertools.islice(itertools.cycle(SIZES), 40):
            pager.relayout(LayoutOptions(column=column - 4), height - 1)
        pager.relayout(LayoutOptions(column=76), 23)
        after = (_first_text_row(pager), pager.top_offset())
        assert after == before, f"{rows_down} rows down"


def test_the_place_saved_after_a_resize_is_the_place_before_it() -> None:
    for rows_down in range(20, 140, 3):
        pager = _pager()
        pager.scroll(rows_down)
        offset = pager.top_offset()
        pager.relayout(LayoutOptions(column=26), 9)  # narrow: the top row may start earlier
        assert pager.top_offset() == offset, f"{rows_down} rows down"


def test_moving_after_a_resize_moves_from_what_is_on_screen() -> None:
    pager = _pager()
    pager.scroll(57)
    pager.relayout(LayoutOptions(column=26), 9)
    shown = pager.offset_of(pager.top)
    assert pager.scroll(1)
    assert pager.top_offset() == pager.offset_of(pager.top) > shown
