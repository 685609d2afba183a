"""The count typed before a move on the library's list (`6j`, `5G`), as in the reader and vim:
kept, shown over the list, taken by the move after it, dropped when unused."""

from __future__ import annotations

from collections.abc import Callable

from textual import events
from textual.screen import Screen
from textual.widgets import Input

from tui.reading.counts import COUNT_LASTS, CountPrefix


class LibraryCounts:
    """The digits typed on the library's list, for the move after them."""

    def __init__(self, screen: Screen[None], show: Callable[[str], None]) -> None:
        self.screen = screen
        self.show = show  # puts the pending digits ("" for none) on the line over the list
        self.typed = CountPrefix()

    @property
    def pending(self) -> str:
        return self.typed.pending

    def key(self, event: events.Key) -> None:
        """Digits typed on the list are a count for the move after them, shown over the list
        until a move uses it; a key that does not use it lets it go a moment later."""
        if isinstance(self.screen.focused, Input):
            return  # typed into the filter box or the add prompt: text
        if self.typed.type(event.character or ""):
            event.stop()
            event.prevent_default()
            self.show(self.typed.pending)
            return
        if not self.typed.pending:
            return
        # The key's own action runs after this and may take the count; one that does not
        # leaves it to be dropped by the next key, or a moment later.
        if self.typed.key_after():
            self.show(self.typed.pending)
        self.screen.set_timer(COUNT_LASTS, self._forget)

    def _forget(self) -> None:
        if self.typed.drop_unused():
            self.show(self.typed.pending)

    def drop(self) -> None:
        if self.typed.clear():
            self.show(self.typed.pending)

    def take(self) -> int:
        """The count typed (1 when none was), taken off the line over the list."""
        count = self.typed.take()
        self.show(self.typed.pending)
        return count

    def row(self) -> int | None:
        """The count typed as a row of the list (`5G`: the fifth book), taken; None when no
        count was typed."""
        row = self.typed.value()
        self.take()
        return row
