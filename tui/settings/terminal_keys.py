"""Keys most terminals never send as written, and the key to write instead.

Such keys are Super, Hyper, Meta and Ctrl+Shift+letter.
"""

from __future__ import annotations

from tui.settings.key_display import display_key
from tui.settings.key_names import character_key, character_of, sent_as

# What most terminals send for keys held with Super, Hyper or Meta, or with Ctrl and Shift: only
# a terminal speaking the kitty keyboard protocol (which Textual asks for) sends them apart.
KITTY_ONLY = "only terminals with the kitty keyboard protocol (kitty, foot, WezTerm, Ghostty)"


def not_sent_apart(key: str) -> tuple[str, str] | None:
    """Why most terminals never deliver ``key`` (as normalised) as it is, and the key to write
    instead ("" when none is near: `ctrl+1`); None for a key every terminal sends. Such a key
    is still bound: it works in a terminal that speaks the kitty keyboard protocol."""
    *modifiers, base = key.split("+") if not key.endswith("++") else [*key[:-2].split("+"), "+"]
    if not modifiers:
        return None
    shown = display_key(base)
    if "meta" in modifiers:
        instead = _with_modifiers(base, {*modifiers} - {"meta"} | {"alt"})
        return (
            f"arrives as {instead} from most terminals: they send Meta as Alt (Escape, then "
            f"the key), and {KITTY_ONLY} tell the two apart",
            instead,
        )
    held = [m for m in modifiers if m in ("super", "hyper")]
    if held:
        bare = _with_modifiers(base, set(modifiers) - set(held))
        instead = _with_modifiers(base, set(modifiers) - set(held) | {"alt"})
        which = " and ".join(m.capitalize() for m in held)
        if held == ["super"]:
            which += " (the Windows or Command key)"
        return (
            f"never arrives from most terminals: the desktop or the terminal keeps {which} "
            f"for itself, or sends {bare} without it; {KITTY_ONLY} send it",
            instead,
        )
    shifted = _SHIFTED.get(character_of(base) or "") if "shift" in modifiers else None
    if "ctrl" in modifiers and shifted is not None:
        return _ctrl_shift_symbol(shown, shifted, set(modifiers))
    if ctrl_makes_no_key(key):
        # (no key is offered: Textual reads Alt with a digit as macOS's Option character,
        # alt+1 as ¡, and Alt with a sign as the sign alone)
        return (
            f"never arrives as such from most terminals, which send {shown} alone, another key "
            "or nothing for it: Ctrl makes a key of its own only with a letter, @ \\ ] ^ _ or "
            f"Space; {KITTY_ONLY} send it",
            "",
        )
    if "ctrl" in modifiers and "shift" in modifiers and len(base) == 1 and base.isalpha():
        instead = _with_modifiers(base, set(modifiers) - {"shift"})
        return (
            f"arrives as {instead} from most terminals, which send Ctrl+Shift+{shown.upper()} "
            f"as Ctrl+{shown.upper()}; {KITTY_ONLY} send it apart",
            instead,
        )
    return None


# The signs Ctrl turns into a control code of their own in every terminal (`ctrl+@` is NUL, as
# `ctrl+space` is; `[` and `?` are Escape and Backspace, refused as keys).
_CONTROL_SIGNS = set("@\\]^_")


def ctrl_makes_no_key(key: str) -> bool:
    """Whether ``key`` is Ctrl with a digit or an ASCII sign that has no control code
    (`ctrl+1`, `ctrl+;`): most terminals send the digit alone (or another key, or nothing), so
    the key bound never arrives from them; nothing was said of it. (Ctrl with `£` or `€` comes
    only by the kitty protocol too, but such a key is one a user pressed to bind it.)"""
    *modifiers, base = key.split("+") if not key.endswith("++") else [*key[:-2].split("+"), "+"]
    if "ctrl" not in modifiers or not set(modifiers) <= {"ctrl", "alt"}:
        return False
    shown = display_key(base)
    return (
        len(shown) == 1 and shown.isascii() and not shown.isalpha() and shown not in _CONTROL_SIGNS
    )


# The character Shift makes of each key that is no letter, on a US keyboard: Ctrl+Shift+/ is
# Ctrl+?, which terminals send as Backspace.
_SHIFTED = dict(zip("`1234567890-=[]\\;',./", '~!@#$%^&*()_+{}|:"<>?', strict=True))


def _ctrl_shift_symbol(shown: str, shifted: str, modifiers: set[str]) -> tuple[str, str]:
    """What most terminals send for Ctrl and Shift with a key that is no letter (`ctrl+shift+/`):
    Ctrl with the character Shift makes of it (Ctrl+?), which is another key when it is one of
    the few control codes (Backspace), and nothing at all otherwise."""
    ctrl = "+".join([*sorted(modifiers - {"shift"}), character_key(shifted)])
    arrives = sent_as(ctrl) or _CONTROL_CODES.get(ctrl, "")
    how = f"Ctrl+Shift+{shown} as Ctrl+{shifted}"
    if arrives:
        return (
            f"arrives as {arrives} from most terminals, which send {how}; {KITTY_ONLY} send it "
            "apart",
            arrives,
        )
    return (
        f"never arrives from most terminals: Shift makes {shown} a {shifted}, and they send no "
        f"key for Ctrl+{shifted}; {KITTY_ONLY} send it",
        "",
    )


# Ctrl with a character that terminals send as a control code of its own, a key of its own
# (Ctrl+@ is NUL, which Textual names ctrl+@).
_CONTROL_CODES = {
    "ctrl+underscore": "ctrl+underscore",
    "ctrl+circumflex_accent": "ctrl+circumflex_accent",
    "ctrl+at": "ctrl+@",
}


def _with_modifiers(base: str, modifiers: set[str]) -> str:
    return "+".join([*sorted(modifiers), base])
