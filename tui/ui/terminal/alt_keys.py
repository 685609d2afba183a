"""Escape and a key typed fast, split again into the two keys.

A terminal sends them as it sends alt and that key (Esc+G is alt+G); they are split again where
the screen has no binding for the alt key.
"""

from __future__ import annotations

from collections.abc import Container
from typing import Literal

from textual import events
from textual.keys import key_to_character

ALT = "alt+"
SHIFT = "shift+"
# When a screen reads an alt key it has no binding for as Escape then the key (its
# `ESCAPE_THEN_KEY`): where the key alone is bound (the reader and the library: a stray alt
# chord there says it is no key, rather than clear the page's search highlights first),
# always (a dialog: the Escape closes it, and the key goes on to the screen beneath), or never
# (a dialog capturing a key for the settings).
EscapeThenKey = Literal["bound", "always", "never"]


def escape_then_key(
    key: events.Key, bound: Container[str], when: EscapeThenKey = "bound"
) -> tuple[events.Key, events.Key] | None:
    """Escape and the key, for an alt ``key`` none of whose names is ``bound`` (an alt binding
    the user made wins), as ``when`` says; None for any other key."""
    if when == "never" or not key.key.startswith(ALT):
        return None
    if any(name in bound for name in key.aliases):
        return None
    name = key.key.removeprefix(ALT)
    letter = name.removeprefix(SHIFT)
    if name.startswith(SHIFT) and len(letter) == 1 and letter.isalpha():
        name = letter.upper()  # (alt+shift+g: the key is G)
    # (a digit is bound where counts are typed: the reader's and the library's `3` of `3j`)
    counted = len(name) == 1 and name.isdigit()
    if name.startswith(ALT) or (when == "bound" and name not in bound and not counted):
        return None
    # The key's own character where it came with one (`/` of alt+slash: Textual names no
    # character for `slash`), so that a box the Escape leaves focused still types it.
    character = key.character
    if character is None or len(character) != 1 or not character.isprintable():
        character = key_to_character(name)
    elif name != key.key.removeprefix(ALT):  # (alt+shift+g: G)
        character = name
    return events.Key("escape", "\x1b"), events.Key(name, character)
