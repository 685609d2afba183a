"""ctrl+space is one key, whichever way the terminal sends it: as NUL (`ctrl+@`) or by name.

Most terminals (and tmux) send ctrl+space as a NUL byte, which Textual names `ctrl+@`, and
that is the name [keys] binds for it (`tui.settings.key_names`). A terminal speaking the kitty
keyboard protocol, which Textual asks for, names the key itself: Textual reads that as
`ctrl+space`, a key no binding would have. So it is passed on as `ctrl+@` too.
"""

from __future__ import annotations

from textual import events
from textual.driver import Driver
from textual.message import Message

from tui.settings.key_names import NUL_KEY

NAMED_BY_THE_TERMINAL = "ctrl+space"


def as_bound(message: Message) -> Message:
    """``message``, with a ctrl+space the terminal named turned into the key it binds as."""
    if isinstance(message, events.Key) and message.key == NAMED_BY_THE_TERMINAL:
        return events.Key(NUL_KEY, message.character)
    return message


def one_ctrl_space(driver_class: type[Driver]) -> type[Driver]:
    """``driver_class`` passing ctrl+space on as `ctrl+@` however the terminal sent it."""

    class OneCtrlSpaceDriver(driver_class):  # type: ignore[valid-type,misc]
        def process_message(self, message: Message) -> None:
            super().process_message(as_bound(message))

    OneCtrlSpaceDriver.__name__ = f"OneCtrlSpace{driver_class.__name__}"
    OneCtrlSpaceDriver.__qualname__ = OneCtrlSpaceDriver.__name__
    return OneCtrlSpaceDriver
