"""Keys typed on the library's list beyond its bindings: counts, and keys it does not have.

As in the reader and vim: the count before a move (`6j`, `5G`), kept, shown over the list,
taken by the move after it, dropped when unused; and a word for a key the library does not
have.
"""

from __future__ import annotations

from collections.abc import Callable

from textual import events
from textual.screen import Screen
from textual.widgets import Input

from tui.reading.counts import COUNT_LASTS, CountPrefix
from tui.ui.widgets.keyhint import key_hint, typed_key


class LibraryCounts:
    """The digits typed on the library's list, for the move after them, and the keys it does
    not have."""

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
        board = getattr(self.screen.app, "notice_board", None)
        if board is not None:  # (a settings problem shown at start stands over the detail lines)
            board.startup_seen()
        self._not_a_key(event)
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
        drop = self.typed.dropper()
        self.screen.set_timer(COUNT_LASTS, lambda: self._forget(drop))

    def _not_a_key(self, event: events.Key) -> None:
        """A letter the library has no binding for says so, as the reader does, rather than
        do nothing."""
        typed = event.character or ""
        if (
            event.is_printable
            and event.key not in self.screen.active_bindings
            and not typed.isdigit()
        ):
            help_key, quit_key = (
                key_hint(self.screen.app, "help"),
                key_hint(self.screen.app, "quit"),
            )
            self.screen.notify(
                f"{typed_key(event)} is not a library key: {help_key} lists them, {quit_key} quits",
                timeout=3,
                markup=False,
            )

    def _forget(self, drop: Callable[[], bool]) -> None:
        if drop():
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
