"""The styled spans of one screen row, in the row's own cells.

Inline emphasis, search matches, the current match and the selection.
"""

from __future__ import annotations

import re

from tui.reading.pager import Pager
from tui.reading.search import spans_in
from tui.reading.wrapping import Row

# (first cell, last cell, style name) of a span in a row.
Mark = tuple[int, int, str]


def row_marks(
    row: Row,
    pager: Pager,
    *,
    selected: tuple[int, int] | None,
    pattern: re.Pattern[str] | None,
    current: tuple[int, int] | None,
    matches: dict[int, list[tuple[int, int]]],
) -> tuple[Mark, ...]:
    """Styled spans of ``row``: visual mode's ``selected`` paragraphs, inline italics and bold,
    every match of ``pattern`` (kept in ``matches`` by paragraph, for the same pattern) and the
    ``current`` hit (book text offsets)."""
    if row.start < 0:
        return ()
    book = pager.book
    marks: list[Mark] = []
    if selected is not None and selected[0] <= row.para <= selected[1] and row.text:
        marks.append((0, len(row.text), "selected"))
    for start, end, name in book.spans.get(row.para, ()):
        _mark(row, start, end, name, marks)
    shown = pager.shown(row.para)
    for start, end in shown.emphasis:
        _mark(row, start, end, "italic", marks)
    for start, end in shown.bold:
        _mark(row, start, end, "bold", marks)
    if pattern is not None:
        spans = matches.get(row.para)
        if spans is None:
            spans = matches[row.para] = spans_in(pattern, shown.text)
        for start, end in spans:
            _mark(row, start, end, "match", marks)
        if current is not None:
            start, end = current
            base = book.starts[row.para]
            if base <= start < book.ends[row.para]:
                first = shown.to_shown(start - base)
                last = max(first + 1, shown.to_shown(end - base))
                _mark(row, first, last, "current", marks)
    return tuple(marks)


def _mark(row: Row, start: int, end: int, name: str, out: list[Mark]) -> None:
    """Add the part of the text span ``start``-``end`` that lies on ``row``, in its cells."""
    if start < row.end and end > row.start:
        first = row.column_of(max(start, row.start))
        last = row.column_of(min(end, row.end))
        if last > first:
            out.append((first, last, name))
