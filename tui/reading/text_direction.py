"""Which way a paragraph's text runs: left to right, or right to left.

Right to left where its first strong letter is Hebrew's, Arabic's or another right-to-left
script's, as the Unicode bidirectional algorithm's rule P2 decides a paragraph's direction.
"""

from __future__ import annotations

import unicodedata

# Bidirectional classes of strong letters that run right to left (Hebrew; Arabic and Syriac).
_RIGHT_TO_LEFT = frozenset(("R", "AL"))
# Marks that open an isolated run (left-to-right, right-to-left, first strong), and the one
# that closes it: rule P2 passes over what they isolate.
_ISOLATE_OPENINGS = frozenset("\u2066\u2067\u2068")
_ISOLATE_CLOSING = "\u2069"


def runs_right_to_left(text: str) -> bool:
    """Whether ``text`` is a right-to-left paragraph: its first strong letter (outside an
    isolated run) is a right-to-left one. A paragraph with no strong letter runs left to right."""
    if text.isascii():
        return False  # (no right-to-left letter in it)
    isolated = 0
    for char in text:
        if char in _ISOLATE_OPENINGS:
            isolated += 1
        elif char == _ISOLATE_CLOSING:
            isolated = max(0, isolated - 1)
        elif not isolated:
            kind = unicodedata.bidirectional(char)
            if kind == "L":
                return False
            if kind in _RIGHT_TO_LEFT:
                return True
    return False
