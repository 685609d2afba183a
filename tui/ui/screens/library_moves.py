"""Moving along the library list, with a count before the key as in the reader.

A book, a page, half a page, to either end or to a book by its number; a count typed before the
key repeats the move.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tui.ui.screens.library import LibraryScreen


class ListMoves:
    """The list's moves; the detail lines follow the highlight in the same repaint."""

    def __init__(self, host: LibraryScreen) -> None:
        self.host = host

    def _moved(self) -> None:
        self.host.highlighted(self.host.table.current)

    def move(self, delta: int) -> None:
        host = self.host
        if host.focused is host.filter_box:  # Down or Up in the filter: on into its books
            if not host.table.rows:
                return  # (none found: the words stay where they can be changed)
            host.filtering.browse()
        host.table.move(delta * host.counts.take())
        self._moved()

    def page(self, direction: int) -> None:
        self.host.table.page(direction * self.host.counts.take())
        self._moved()

    def screen(self, direction: int) -> None:
        """less's Space and `b`: a page, or as many books as a count before it says (as
        less scrolls that many lines; a count before vim's page keys is pages)."""
        if self.host.counts.pending:
            self.move(direction)
        else:
            self.page(direction)

    def half_page(self, direction: int) -> None:
        self.host.table.half_page(direction * self.host.counts.take())
        self._moved()

    def edge(self, end: int) -> None:
        """The first or last book; after a count, that row (`5G`, `5g`: the fifth book), as
        a count before them goes to that line in the reader and vim."""
        table = self.host.table
        row = self.host.counts.row()
        if row is not None:
            table.cursor = row - 1  # kept to the list by the table
        else:
            table.cursor = len(table.rows) - 1 if end else 0
        self._moved()

    def go_to_row(self, row: int | None) -> None:
        """To book ``row`` of the list, counted from 1 (`:5`); None: the last (`:$`)."""
        table = self.host.table
        table.cursor = len(table.rows) - 1 if row is None else row - 1
        self._moved()

    def move_by(self, rows: int) -> None:
        """``rows`` books down, or up below 0 (`:+3`, `:-3`)."""
        self.host.table.move(rows)
        self._moved()
