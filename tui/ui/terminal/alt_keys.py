"""Escape and a key typed fast, which a terminal sends as it sends alt and that key (Esc+G is
alt+G): split again into the two, where the screen has no binding for the alt key but has one
for the key alone."""

from __future__ import annotations

from collections.abc import Container

from textual import events
from textual.keys import key_to_character

ALT = "alt+"
SHIFT = "shift+"


def escape_then_key(key: events.Key, bound: Container[str]) -> tuple[events.Key, events.Key] | None:
    """Escape and the key, for an alt ``key`` none of whose names is ``bound`` (an alt binding
    the user made wins) when the key without alt is; None for any other key."""
    if not key.key.startswith(ALT) or any(name in bound for name in key.aliases):
        return None
    name = key.key.removeprefix(ALT)
    letter = name.removeprefix(SHIFT)
    if name.startswith(SHIFT) and len(letter) == 1 and letter.isalpha():
        name = letter.upper()  # (alt+shift+g: the key is G)
    if name.startswith(ALT) or name not in bound:
        return None
    return events.Key("escape", "\x1b"), events.Key(name, key_to_character(name))
