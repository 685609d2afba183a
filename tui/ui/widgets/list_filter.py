"""The `/` field over a dialog's list: the words typed narrow the list as they are typed."""

from __future__ import annotations

from typing import Protocol

from textual import events
from textual.message import Message
from textual.widgets import Input, OptionList

from tui.ui.widgets.safe_input import SafeInput, interrupts


class FilteredRows(Protocol):
    """A dialog's list as the filter over it sees it: its rows, and those the words keep."""

    kept: list[int]  # the rows shown (indices of the dialog's rows)

    def rows_holding(self, words: str) -> tuple[list[int], int]:
        """The rows holding ``words`` (every row for none), and the place among them of the
        one to highlight."""
        ...

    def row_unfiltered(self) -> int | None:
        """The row to highlight when the filter is cleared with none highlighted."""
        ...

    def show_kept(self, highlighted: int | None) -> None:
        """Show the rows kept, ``highlighted`` (a place among them) chosen."""
        ...

    def row_list(self) -> OptionList:
        """The list the rows are shown in."""
        ...


class ListFilter(SafeInput):
    """The filter of a list dialog (the contents', the bookmarks'), hidden until it is opened.

    The dialog's search key opens it (`open`); the rows kept follow what is typed, the first
    found highlighted; ↓ and ↑ choose among them while typing; Enter takes the one highlighted
    (`Taken`); Escape (the dialog calls `close`), ctrl+c or Enter with no words clears the filter:
    every row again, the highlighted one kept highlighted (`Cleared`)."""

    class Taken(Message):
        """Enter on ``row`` (one of the dialog's rows), highlighted among those kept."""

        def __init__(self, row: int) -> None:
            super().__init__()
            self.row = row

    class Cleared(Message):
        """The filter was emptied and closed: every row is shown again."""

    def __init__(
        self, rows: FilteredRows, *, placeholder: str, max_length: int, id: str | None = None
    ) -> None:
        super().__init__(placeholder=placeholder, max_length=max_length, id=id)
        self.rows = rows
        self.words = ""  # what the filter holds, as the rows shown were chosen for

    @property
    def is_open(self) -> bool:
        return self.has_class("-open")

    def open(self) -> None:
        """Show the field (again, with what it holds) with the focus: the keys typed next go
        into it."""
        self.add_class("-open")
        self.screen.set_focus(self)

    def close(self) -> bool:
        """Every row again, the one highlighted kept highlighted, and the field closed; False
        when it was not open."""
        if not self.is_open:
            return False
        rows = self.rows
        options = rows.row_list()
        chosen = options.highlighted
        row = rows.kept[chosen] if chosen is not None and rows.kept else rows.row_unfiltered()
        self.words = ""
        rows.kept = rows.rows_holding("")[0]
        rows.show_kept(row)
        self.value = ""
        self.remove_class("-open")
        options.focus()
        self.post_message(self.Cleared())
        return True

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        if event.value == self.words:
            return
        self.words = event.value
        rows = self.rows
        rows.kept, first = rows.rows_holding(event.value)
        rows.show_kept(first)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter takes the row highlighted, the first found unless ↓ and ↑ chose another."""
        event.stop()
        chosen = self.rows.row_list().highlighted
        if not event.value.strip():
            self.close()
        elif self.rows.kept and chosen is not None:
            self.post_message(self.Taken(self.rows.kept[chosen]))

    def on_key(self, event: events.Key) -> None:
        """While it is typed into, ↓ and ↑ choose among the rows it keeps; ctrl+c clears it
        as Escape does."""
        if interrupts(event):
            self.close()
        elif event.key in ("down", "up"):
            event.stop()
            options = self.rows.row_list()
            if event.key == "down":
                options.action_cursor_down()
            else:
                options.action_cursor_up()
