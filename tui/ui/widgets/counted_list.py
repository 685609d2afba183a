"""Option lists that take a count before a move, and stop at their ends.

A count such as `3j`, `5G`, `2 PgDn`, as the library's list and the reader take it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar

from textual import events
from textual.binding import BindingType

from tui.reading.counts import COUNT_LASTS, CountPrefix
from tui.ui.widgets.selection import ReversibleOptionList


class CountedOptionList(ReversibleOptionList, inherit_bindings=False):
    """A list whose moves take a count typed before them; rows that are disabled (headings)
    are never highlighted. Subclasses bind the moves (`option_list_moves`)."""

    BINDINGS: ClassVar[list[BindingType]] = []  # subclasses declare their own, with ids

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        # Before the options are added: adding them highlights the first (`action_first`).
        self.counts = CountPrefix()  # `18j`, `3 PgDn`, `5G`: as in the library and the reader
        super().__init__(*args, **kwargs)

    def on_key(self, event: events.Key) -> None:
        """Digits are a count for the move after them; a key that does not use it lets it
        go a moment later."""
        if self.counts.type(event.character or ""):
            event.stop()
            event.prevent_default()
            return
        if self.counts.pending and not self.counts.key_after():
            self.set_timer(COUNT_LASTS, self.counts.dropper())

    # The list stops at its first and last rows, as less and vim do: a `j` past the end
    # (after G, say) wrapping round to the top would lose the user's place.
    def action_cursor_down(self) -> None:
        self._repeat(self._row_down)

    def action_cursor_up(self) -> None:
        self._repeat(self._row_up)

    def _repeat(self, move: Callable[[], None]) -> None:
        """``move`` as many times as the count says, until it moves no more."""
        for _ in range(self.counts.take()):
            before = self.highlighted
            move()
            if self.highlighted == before:
                break

    def _row_down(self) -> None:
        if self.highlighted is None or self._has_enabled(
            range(self.highlighted + 1, self.option_count)
        ):
            super().action_cursor_down()

    def _row_up(self) -> None:
        if self.highlighted is None or self._has_enabled(range(self.highlighted)):
            super().action_cursor_up()
        else:
            self.scroll_home(animate=False)  # the heading above the first row in sight too

    def action_first(self) -> None:
        row = self.counts.value()
        if row is not None:
            self._go_to_row(row)
            return
        super().action_first()
        self.scroll_home(animate=False)

    def action_last(self) -> None:
        row = self.counts.value()
        if row is not None:
            self._go_to_row(row)
            return
        super().action_last()

    def numbered_rows(self) -> list[int] | None:
        """The rows a count numbers, in order (None: every row, as the library's list has)."""
        return None

    def _go_to_row(self, row: int) -> None:
        """After a count, `G` and `g` go to that row (`5G`: the fifth), as in the library: the
        first setting under it when it is a heading."""
        self.counts.take()
        numbered = self.numbered_rows()
        if numbered:
            self.highlighted = numbered[max(0, min(row, len(numbered)) - 1)]
            return
        index = max(0, min(row - 1, self.option_count - 1))
        enabled = [i for i in range(self.option_count) if self._has_enabled(range(i, i + 1))]
        later = [i for i in enabled if i >= index]
        if enabled:
            self.highlighted = later[0] if later else enabled[-1]

    def _has_enabled(self, indexes: range) -> bool:
        """Whether any row at ``indexes`` can be highlighted (headings cannot)."""
        return any(not self.get_option_at_index(index).disabled for index in indexes)

    # With no room to draw a row (a terminal a few rows high), Textual's OptionList has not
    # laid its rows out and a page move fails on the missing layout: move one row instead.
    def action_page_down(self) -> None:
        self._repeat(self._page_down)

    def action_page_up(self) -> None:
        self._repeat(self._page_up)

    def action_screen_down(self) -> None:
        """less's Space: a page, or the rows a count before it gives (as less's lines)."""
        self._repeat(self._row_down if self.counts.value() else self._page_down)

    def action_screen_up(self) -> None:
        self._repeat(self._row_up if self.counts.value() else self._page_up)

    def _page_down(self) -> None:
        if self.scrollable_content_region:
            super().action_page_down()
        else:
            self._row_down()

    def _page_up(self) -> None:
        if self.scrollable_content_region:
            super().action_page_up()
        else:
            self._row_up()
