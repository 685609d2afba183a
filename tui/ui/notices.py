"""How wide a notice's lines are, and its text shortened to them so no word is broken."""

from __future__ import annotations

from typing import Any

from textual.app import App

from tui.paths import cells, fitted_words

# Textual's notice (`Toast`) is 60 cells wide at most and half the screen on a narrow one,
# less its padding (a cell each side), its coloured left edge, and the cell its text keeps
# free at the right (measured: at 80 columns a line of a notice holds 36 cells).
NOTICE_WIDTH, NOTICE_SHARE, NOTICE_FRAME = 60, 0.5, 4


def notice_width(screen_width: int) -> int:
    """How many cells a line of a notice holds on a screen ``screen_width`` cells wide."""
    return max(8, min(NOTICE_WIDTH, int(screen_width * NOTICE_SHARE)) - NOTICE_FRAME)


def notice_text(app: App[Any], text: str) -> str:
    """``text`` for a notice in ``app``: each path or other word too long for a line of
    it shortened (`fitted_words`), so the notice never breaks a word."""
    return fitted_words(text, notice_width(app.size.width))


def longer_than_a_line(app: App[Any], text: str) -> bool:
    """Whether a word of ``text`` (a path, most often) is too long for a line of a notice."""
    width = notice_width(app.size.width)
    return any(cells(word) > width for word in text.split())
