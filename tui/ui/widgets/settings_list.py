"""The settings screen's list of settings and actions.

It is moved with chapbook's own keys and a count before them, as the library's list is, and
stops at its ends.
"""

from __future__ import annotations

from typing import ClassVar

from textual.binding import BindingType

from tui.ui.actions import option_list_moves
from tui.ui.widgets.counted_list import CountedOptionList


class SettingsList(CountedOptionList, inherit_bindings=False):
    """The list of settings and actions; moves with chapbook's own (rebindable) keys."""

    BINDINGS: ClassVar[list[BindingType]] = option_list_moves()
