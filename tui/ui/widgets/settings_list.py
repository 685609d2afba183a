"""The settings screen's list of settings and actions, moved with chapbook's own keys; it stops
at its ends."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import BindingType

from tui.ui.actions import option_list_moves
from tui.ui.widgets.selection import ReversibleOptionList


class SettingsList(ReversibleOptionList, inherit_bindings=False):
    """The list of settings and actions; moves with chapbook's own (rebindable) keys."""

    BINDINGS: ClassVar[list[BindingType]] = option_list_moves()

    # The list stops at its first and last rows, as less and vim do: a `j` past the end
    # (after G, say) wrapping round to the top would lose the user's place.
    def action_cursor_down(self) -> None:
        if self.highlighted is None or self._has_enabled(
            range(self.highlighted + 1, self.option_count)
        ):
            super().action_cursor_down()

    def action_cursor_up(self) -> None:
        if self.highlighted is None or self._has_enabled(range(self.highlighted)):
            super().action_cursor_up()
        else:
            self.scroll_home(animate=False)  # the heading above the first row in sight too

    def action_first(self) -> None:
        super().action_first()
        self.scroll_home(animate=False)

    def _has_enabled(self, indexes: range) -> bool:
        """Whether any row at ``indexes`` can be highlighted (headings cannot)."""
        return any(not self.get_option_at_index(index).disabled for index in indexes)

    # With no room to draw a row (a terminal a few rows high), Textual's OptionList has not
    # laid its rows out and a page move fails on the missing layout: move one row instead.
    def action_page_down(self) -> None:
        if self.scrollable_content_region:
            super().action_page_down()
        else:
            self.action_cursor_down()

    def action_page_up(self) -> None:
        if self.scrollable_content_region:
            super().action_page_up()
        else:
            self.action_cursor_up()
