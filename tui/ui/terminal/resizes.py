"""Resizes to a size the terminal has already left are not drawn.

Textual draws the whole screen again at each new size, and merges resizes only when nothing
else came between them. Keys typed while a terminal window is dragged (or a storm of both)
come between, and chapbook drew every size the window passed through, each in full, long
after the window had stopped: a few hundred of them kept it busy for minutes. Each size
change sends its own signal, read with the size at that moment; so when the terminal's size
now is not the one a resize carries, the resize for the size now is already queued behind it.
`FollowsTheTerminal` is a base class, not a part the screen owns, because Textual sends each
resize through the screen's own `post_message`, which only the screen's class can refuse.
"""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING, Any

from textual import events
from textual.geometry import Size
from textual.message import Message
from textual.screen import Screen

if TYPE_CHECKING:
    _ScreenBase = Screen[Any]
else:  # a mixin: the screen class itself comes later among the bases
    _ScreenBase = object

# Set by the user to force a size: the terminal's own size is then not what Textual uses.
SIZE_VARIABLES = ("COLUMNS", "LINES")


def terminal_size() -> tuple[int, int] | None:
    """The terminal's size now (columns, rows), or None when there is no terminal to ask."""
    if any(os.environ.get(name) for name in SIZE_VARIABLES):
        return None
    stream = sys.__stdout__
    try:
        if stream is None or not stream.isatty():
            return None
        size = os.get_terminal_size(stream.fileno())
    except (OSError, ValueError):
        return None
    return size.columns, size.lines


def outdated(event: events.Resize) -> bool:
    """Whether the terminal has already changed size again since ``event``."""
    now = terminal_size()
    return now is not None and now != (event.size.width, event.size.height)


class FollowsTheTerminal(_ScreenBase):
    """Mix in before `Screen`/`ModalScreen`: a screen takes resizes only to the app's size.

    A screen under others keeps the size it last had; when something on it changes (a notice
    expires), Textual lays it out again at that old size and sends it a resize to it, and a
    screen handling a resize lays out the screens showing under the top one at that size
    too. Two screens then sent each other their sizes for ever (seen in the soak: a library
    finder over the library over the reader, at full load for ten minutes). A screen takes the
    app's size when it comes back on top, so a resize to any other size is not even queued.
    """

    def post_message(self, message: Message) -> bool:
        if isinstance(message, events.Resize):
            size = _app_size(self)
            if size is not None and message.size != size:
                return False
        return super().post_message(message)


def _app_size(screen: Screen[Any]) -> Size | None:
    """The app's size: that of the terminal, as of the last resize the app took."""
    try:
        return screen.app.size
    except Exception:  # no app yet (or any more): nothing to compare with
        return None
