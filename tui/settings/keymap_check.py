"""Checking the user's [keys] table: action ids, key names, reserved keys and clashes."""

from __future__ import annotations

import difflib
from collections.abc import Callable
from typing import Any

from tui.settings.key_names import RESERVED, KeyNameError, character_of, writable_keys
from tui.settings.keymaps import find_clashes, parse_key_list, screen_actions
from tui.settings.schema import describe, sentence

Report = Callable[[str, str], None]

# Screens whose focus is a text box: a printable key there is typed, not run as an action.
TYPING_SCREENS = {"finder": "the finder's search box", "bookmark_label": "the bookmark name box"}


def types_text(key: str) -> bool:
    """True for a key that types into a text box: a printable character or space."""
    return key == "space" or ("+" not in key and character_of(key) is not None)


def check_key_value(action: str, value: Any) -> tuple[str, str | None] | str:
    """The normalised keys for one [keys] entry, or (what is wrong, suggestion)."""
    if isinstance(value, list) and all(isinstance(item, str) for item in value) and value:
        written: str | list[str] = value
    elif isinstance(value, str) and value.strip():
        written = value
    elif isinstance(value, str) or (isinstance(value, list) and not value):
        return "names no key: give at least one", None
    else:
        return f'expected keys in quotes, like "x" or "ctrl+f", not {describe(value)}', None
    try:
        keys = parse_key_list(written)
    except KeyNameError as err:
        return f'"{err.written}" {err.reason}', err.suggestion
    for key in keys.split(","):
        if key in RESERVED:
            return f'"{key}" cannot be bound: {RESERVED[key]}', None
    boxes = [box for s, box in TYPING_SCREENS.items() if action in screen_actions().get(s, ())]
    for key in keys.split(","):
        if boxes and types_text(key):
            return (
                f'"{key}" would be typed into {boxes[0]} instead: '
                "use a key with ctrl or alt, or an arrow key",
                None,
            )
    return keys


def check_keys(table: dict[str, Any], preset: dict[str, str], report: Report) -> dict[str, str]:
    """The effective keys: `preset` with the valid, clash-free entries of `table` laid over."""
    chosen: dict[str, str] = {}
    for action, value in table.items():
        if action not in preset:
            close = difflib.get_close_matches(action, list(preset), n=1, cutoff=0.6)
            report(f"keys.{action}", sentence("unknown action", close[0] if close else None, None))
            continue
        checked = check_key_value(action, value)
        if isinstance(checked, tuple):
            reason, suggestion = checked
            report(f"keys.{action}", sentence(reason, suggestion, writable_keys(preset[action])))
            continue
        chosen[action] = checked
    return _drop_clashes(chosen, preset, report)


def _drop_clashes(chosen: dict[str, str], preset: dict[str, str], report: Report) -> dict[str, str]:
    """Fall back to the preset's keys for user entries that clash; report each once."""
    reported: set[str] = set()
    while True:
        keys = {**preset, **chosen}
        clashes = [c for c in find_clashes(keys) if any(a in chosen for a in c.actions)]
        if not clashes:
            return keys
        for clash in clashes:
            mine = [a for a in clash.actions if a in chosen]
            for action in mine:
                others = [a for a in clash.actions if a != action]
                owners = " and ".join(f"{other}'s" for other in others)
                if any(other in mine for other in others):
                    fix = "give one of them another key"
                else:
                    fix = f"choose another key, or give {' and '.join(others)} another key too"
                reason = f'"{clash.key}" is also {owners} key on the {clash.screen} screen: {fix}'
                if action not in reported:
                    report(f"keys.{action}", sentence(reason, None, writable_keys(preset[action])))
                    reported.add(action)
            for action in mine:
                chosen.pop(action, None)
