"""`/` over a dialog's list: a field whose words narrow the list as they are typed."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from textual import events
from textual.screen import Screen
from textual.widgets import Input, OptionList

from tui.ui.widgets.safe_input import interrupts, typed_into_filter

if TYPE_CHECKING:
    _ScreenBase = Screen[Any]
else:  # a mixin: the screen class itself comes later among the bases
    _ScreenBase = object


class FiltersItsList(_ScreenBase):
    """Mix in before `ModalScreen`: the filter of a list dialog (the contents', the bookmarks').

    The search key opens the field (`action_filter`); the rows kept follow what is typed
    (`_keep`), the first found highlighted; ↓ and ↑ choose among them while typing; Enter
    takes the one highlighted (`_take`); Escape, or ctrl+c, clears the filter (every row again,
    the highlighted one kept highlighted), then closes the dialog. The dialog keeps the rows
    shown in ``kept`` (indices of its rows) and refills its list with `_refill`."""

    FILTER_ID: ClassVar[str]  # the field's id
    kept: list[int]
    _query = ""  # what the filter holds, as the rows shown were chosen for

    def _filtered_list(self) -> OptionList:
        raise NotImplementedError

    def _every_row(self) -> list[int]:
        raise NotImplementedError

    def _keep(self, query: str) -> tuple[list[int], int]:
        """The rows holding ``query``, and the place among them of the one to highlight."""
        raise NotImplementedError

    def _refill(self, highlighted: int | None) -> None:
        """Show the rows kept, ``highlighted`` (a place among them) chosen."""
        raise NotImplementedError

    def _take(self, row: int) -> None:
        """Enter on ``row`` (one of the dialog's rows)."""
        raise NotImplementedError

    def _row_unfiltered(self) -> int | None:
        """The row to highlight when the filter is cleared with none highlighted."""
        return None

    def _filter(self) -> Input:
        return self.query_one(f"#{self.FILTER_ID}", Input)

    def filter_is_open(self) -> bool:
        return self._filter().has_class("-open")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if typed_into_filter(action, self.focused):
            return False
        return super().check_action(action, parameters)

    def action_filter(self) -> None:
        """Open the filter over the list (again, with what it holds)."""
        field = self._filter()
        field.add_class("-open")
        self.set_focus(field)  # now: the keys typed next go into it
        self.filter_changed()

    def action_cancel(self) -> None:
        """Escape: a filter open goes first (every row again, the one highlighted kept
        highlighted), then the dialog."""
        field = self._filter()
        if not field.has_class("-open"):
            self.dismiss(None)
            return
        options = self._filtered_list()
        chosen = options.highlighted
        row = self.kept[chosen] if chosen is not None and self.kept else self._row_unfiltered()
        self._query = ""
        self.kept = self._every_row()
        self._refill(row)
        field.value = ""
        field.remove_class("-open")
        options.focus()
        self.filter_changed()

    def filter_changed(self) -> None:
        """The filter opened or closed: a dialog whose hint says what the keys do says it anew."""

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        if event.value == self._query:
            return
        self._query = event.value
        self.kept, first = self._keep(event.value)
        self._refill(first)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter takes the row highlighted, the first found unless ↓ and ↑ chose another."""
        event.stop()
        chosen = self._filtered_list().highlighted
        if not event.value.strip():
            self.action_cancel()
        elif self.kept and chosen is not None:
            self._take(self.kept[chosen])

    def on_key(self, event: events.Key) -> None:
        """While the filter is typed into, ↓ and ↑ choose among the rows it keeps; ctrl+c
        clears it as Escape does."""
        if self.focused is not self._filter():
            return
        if interrupts(event):
            self.action_cancel()
        elif event.key in ("down", "up"):
            event.stop()
            options = self._filtered_list()
            if event.key == "down":
                options.action_cursor_down()
            else:
                options.action_cursor_up()
