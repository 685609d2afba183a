"""Key clashes in words, for the settings screen.

The settings screen's status sentence and the notes under a row (a clash, or a key the user's
file gave another action).
"""

from __future__ import annotations

from tui.settings.key_display import display_key
from tui.settings.keymaps import Clash
from tui.ui.actions import describe_action

NOTE_INDENT = "    "  # a clash note sits under its row's description, as part of the row


def _names(items: list[str]) -> str:
    """`a`, `a and b`, `a, b and c`."""
    return ", ".join(items[:-1]) + f" and {items[-1]}" if len(items) > 1 else "".join(items)


def clashes_text(clashes: list[Clash]) -> str:
    """Each key's clash once, with every screen it is on: `k is both “Line up” and “Top” on
    the reader and help screens; …`."""
    screens: dict[tuple[str, tuple[str, ...]], list[str]] = {}
    for clash in clashes:
        screens.setdefault((clash.key, clash.actions), []).append(clash.screen.replace("_", " "))
    sentences = []
    for (key, actions), where in screens.items():
        names = " and ".join(f"“{describe_action(a)}”" for a in actions)
        plural = "screens" if len(where) > 1 else "screen"
        sentences.append(f"{display_key(key)} is both {names} on the {_names(where)} {plural}")
    return "; ".join(sentences)


def clash_note(action: str, clashes: list[Clash], width: int) -> list[str]:
    """The lines under an action's row naming what its keys clash with, each at most
    ``width`` cells: `clash: k is also “Line up” and “Previous book”` (the status line below
    the list names the screens)."""
    others: dict[str, list[str]] = {}
    for clash in clashes:
        names = others.setdefault(clash.key, [])
        names += [
            f"“{describe_action(a)}”"
            for a in clash.actions
            if a != action and f"“{describe_action(a)}”" not in names
        ]
    lines = []
    for key, names in others.items():
        start = f"{NOTE_INDENT}clash: {display_key(key)} is also "
        line = start + _names(names)
        if len(line) > width and len(names) > 1:
            line = f"{start}{names[0]} and {len(names) - 1} more (see below)"
        if len(line) > width:
            line = f"{NOTE_INDENT}clash: {display_key(key)} (see below)"
        lines.append(line)
    return lines


def lost_note(lost: dict[str, str], width: int) -> list[str]:
    """The lines under the row of an action that lost keys to the user's file, each at most
    ``width`` cells: `p is “Bookmark this place” now (your settings): Enter gives this another`."""
    lines = []
    for key, taker in lost.items():
        start = f"{NOTE_INDENT}{display_key(key)} is “{describe_action(taker)}” now"
        line = f"{start} (your settings): Enter gives this another"
        if len(line) > width:
            line = f"{start}: Enter gives this another"
        if len(line) > width:
            line = f"{NOTE_INDENT}{display_key(key)} is yours for {taker}"
        lines.append(line)
    return lines
