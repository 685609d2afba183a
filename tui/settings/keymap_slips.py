"""The keymap preset written where it is not read, and where its line goes.

`preset = "vim"` under [keys]: the line that sets it, at the place it goes.
"""

from __future__ import annotations

import difflib
from typing import Any

from tui.settings.keymaps import action_ids, preset_names
from tui.settings.schema import SCHEMA
from tui.settings.spelling import name_words
from tui.settings.toml_words import header_name, locate

# Names people give the preset setting, their words run together (`key_map`, `KeymapPreset`).
_PRESET_NAMES = frozenset(
    {
        "preset",
        "presets",
        "keymap",
        "keymaps",
        "keymappreset",
        "keyspreset",
        "keypreset",
        "keybindings",
        "bindings",
        "keybinds",
        "keyset",
        "keyscheme",
        "keymode",
        "keysmode",
    }
)


def preset_meant(leaf: str, value: Any) -> str | None:
    """The preset an entry other than the top-level `keymap` setting was meant to choose:
    `preset = "vim"`, `bindings = "Less"`, `mode = "emacs"`, `vim = true`, `keymap = "vim"`
    under [keys]; "" when its name says it is the preset but its value names none (`preset =
    "nano"`); None when it is no preset."""
    others = [name.rpartition(".")[2] for name in SCHEMA if name != "keymap"]
    if leaf in action_ids() or leaf in others:
        return None  # (a setting or an action of its own: told as misplaced, if it is)
    presets = preset_names()
    words = name_words(leaf)
    if isinstance(value, str):
        named = "".join(words) in _PRESET_NAMES
        close = difflib.get_close_matches(value.strip().casefold(), presets, n=1, cutoff=0.6)
        if value.strip().casefold() in presets or (named and close):
            return close[0] if close else value.strip().casefold()
        return "" if named else None
    if value is True:  # `vim = true`, `emacs_keys = true`
        return next((word for word in words if word in presets), None)
    return None


def keymap_words(meant: str, table: str, data: dict[str, Any], lines: list[str]) -> str:
    """What to say of an entry under ``table`` ("" at the top of the file) meant to choose the
    preset ``meant`` ("" when its value names none): the setting it is, and the exact line
    that sets it, where it goes."""
    write = f'keymap = "{meant}"' if meant else 'keymap = "vim" (or "default", "less", "emacs")'
    setting = "the keymap preset is the setting keymap"
    chosen = data.get("keymap")
    at = _top_level_line(lines, "keymap")
    if isinstance(chosen, str) and at is not None:
        if chosen == meant:
            return f'{setting}, which line {at} sets to "{meant}" already: remove this line'
        return (
            f'{setting}, which line {at} sets to "{chosen}": write {write} there, and remove '
            "this line"
        )
    if not table:
        return f"{setting}: write {write} in place of this line"
    first = next(
        ((n, name) for n, line in enumerate(lines, 1) if (name := header_name(line))), None
    )
    where = f", before [{first[1]}] on line {first[0]}, the first table" if first else ""
    return (
        f"{setting}, not an entry of [{table}]: write {write} at the top of the file{where}, "
        "and remove this line"
    )


def _top_level_line(lines: list[str], name: str) -> int | None:
    """The line of a top-level entry ``name``, above every table; None when it has none."""
    line = locate(lines, name)
    if line is None:
        return None
    above = lines[: line - 1]
    return None if any(header_name(written) for written in above) else line


__all__ = ["keymap_words", "preset_meant"]
