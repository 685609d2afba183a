"""Lines of a command's output cut to the terminal's width with `…`, when the output is one."""

from __future__ import annotations

import shutil
from typing import TextIO

from tui.paths import ELLIPSIS, cells


def terminal_width(stream: TextIO) -> int | None:
    """The width of the terminal ``stream`` writes to, or None when it is a pipe or a file:
    output read by a script is never cut."""
    try:
        if not stream.isatty():
            return None
    except (AttributeError, ValueError):
        return None
    return max(shutil.get_terminal_size().columns, 20)


def cut_end(text: str, width: int) -> str:
    """``text`` in at most ``width`` cells, its end left out for `…` when it is too long."""
    if cells(text) <= width:
        return text
    kept, used = [], 0
    for char in text:
        used += cells(char)
        if used > width - 1:
            break
        kept.append(char)
    return "".join(kept) + ELLIPSIS


def fitted(head: str, tail: str, width: int | None) -> str:
    """``head`` then ``tail`` on one line of at most ``width`` cells (None: as they are): the
    head is cut, so that what the tail says (`(line 120)`, where to find it) stays whole."""
    if width is None or cells(head + tail) <= width:
        return head + tail
    room = width - cells(tail)
    if room < 2:  # (a tail wider than the terminal: the line is cut at its end)
        return cut_end(head + tail, width)
    return cut_end(head, room) + tail
