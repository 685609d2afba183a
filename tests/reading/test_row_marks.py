"""What a screen row shows as styled: matches, the current match and the selection."""

from __future__ import annotations

import re

from reader_support import make_book

from tui.reading.pager import LayoutOptions, Pager, Pos
from tui.reading.row_marks import row_marks

TEXT = "Chapter 1\n\nThe lamp was lit at dusk, and the lamp stayed lit.\n\nThe tide came in."


def _rows():
    book = make_book(TEXT)
    pager = Pager(book, LayoutOptions(column=60), height=10)
    rows = [r for r in pager.rows(Pos(0), 10) if "lamp" in r.text]
    return book, pager, rows[0]


def test_every_match_on_a_row_is_marked_and_the_current_one_again() -> None:
    book, pager, row = _rows()
    current = book.text.index("lamp")
    marks = row_marks(
        row,
        pager,
        selected=None,
        pattern=re.compile("lamp"),
        current=(current, current + 4),
        matches={},
    )
    cells = [row.text[a:b] for a, b, name in marks if name == "match"]
    assert cells == ["lamp", "lamp"]
    assert [row.text[a:b] for a, b, name in marks if name == "current"] == ["lamp"]


def test_a_selected_paragraph_is_marked_whole_and_no_search_marks_nothing() -> None:
    _, pager, row = _rows()
    whole = row_marks(
        row, pager, selected=(row.para, row.para), pattern=None, current=None, matches={}
    )
    assert whole == ((0, len(row.text), "selected"),)
    assert row_marks(row, pager, selected=None, pattern=None, current=None, matches={}) == ()
