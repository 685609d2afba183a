"""How a notice fits its lines, and how long it stays.

How wide a notice's lines are, its text shortened to them so no word is broken, and how long it
stays to be read.
"""

from __future__ import annotations

from typing import Any

from textual.app import App

from tui.paths import cells, fitted_words

# Textual's notice (`Toast`) is 60 cells wide at most and half the screen on a narrow one,
# less its padding (a cell each side), its coloured left edge, and the cell its text keeps
# free at the right (measured: at 80 columns a line of a notice holds 36 cells).
NOTICE_WIDTH, NOTICE_SHARE, NOTICE_FRAME = 60, 0.5, 4
# How long a notice takes to read: a glance to find it, then a reading pace slower than a
# book's (it comes unasked, over something else).
GLANCE_SECONDS, WORDS_A_SECOND = 2.0, 4.0


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


def reading_seconds(text: str, least: float = 4, most: float = 8) -> float:
    """How long a notice of ``text`` stays: long enough to read it, kept between ``least`` and
    ``most`` seconds (one that outstays its reading hides what is under it for nothing)."""
    return max(least, min(most, GLANCE_SECONDS + len(text.split()) / WORDS_A_SECOND))
