"""The settings screen's list of settings and actions, moved with chapbook's own keys."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import BindingType

from tui.ui.actions import option_list_moves
from tui.ui.widgets.selection import ReversibleOptionList


class SettingsList(ReversibleOptionList, inherit_bindings=False):
    """The list of settings and actions; moves with chapbook's own (rebindable) keys."""

    BINDINGS: ClassVar[list[BindingType]] = option_list_moves()

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
