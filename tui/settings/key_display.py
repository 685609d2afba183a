"""Key names as people see them (`PgDn`, `?`) and as they would write them in settings.toml."""

from __future__ import annotations

from tui.settings.key_names import NAMED_KEYS, SPECIAL_KEYS, character_of, word_keys

_NAMED_DISPLAY = {
    "pagedown": "PgDn",
    "pageup": "PgUp",
    "escape": "Esc",
    "delete": "Del",
    "insert": "Ins",
}


def display_key(key: str) -> str:
    """How a key is shown to people: `question_mark` → `?`, `pagedown` → `PgDn`, `ctrl+p`."""
    if key in SPECIAL_KEYS:
        return SPECIAL_KEYS[key]
    *modifiers, base = key.split("+") if not key.endswith("++") else [*key[:-2].split("+"), "+"]
    if base in _NAMED_DISPLAY:
        shown = _NAMED_DISPLAY[base]
    elif base in NAMED_KEYS:
        shown = base.upper() if base.startswith("f") and base[1:].isdigit() else base.capitalize()
    else:
        shown = character_of(base) or base
    return "+".join([*modifiers, shown])


def as_written(key: str) -> str:
    """A key Textual delivers as a user may write it: a character's name that is not a key name
    (`pound_sign` in `ctrl+pound_sign`, `banana` for 🍌 pasted) becomes the character."""
    *modifiers, base = key.split("+") if not key.endswith("++") else [*key[:-2].split("+"), "+"]
    if len(base) < 2 or base in word_keys():
        return key
    character = character_of(base)
    return "+".join([*modifiers, character]) if character else key


def writable_keys(keys: str) -> str:
    """A key list as a user would write it in settings.toml: `right_curly_bracket` → `}`."""

    def writable(key: str) -> str:
        character = character_of(key) if "+" not in key else None
        if character and character != "," and not character.isspace():
            return character
        return as_written(key)

    return ",".join(writable(key) for key in keys.split(",") if key)


def display_keys(keys: str) -> str:
    """A comma-separated key list for people: `"space,pagedown"` → `Space PgDn`."""
    return " ".join(display_key(key) for key in keys.split(",") if key)
