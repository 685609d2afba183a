"""Keys most terminals never send as written (Super, Hyper, Meta, Ctrl+Shift+letter), and the
key to write instead."""

from __future__ import annotations

from tui.settings.key_display import display_key

# What most terminals send for keys held with Super, Hyper or Meta, or with Ctrl and Shift: only
# a terminal speaking the kitty keyboard protocol (which Textual asks for) sends them apart.
KITTY_ONLY = "only terminals with the kitty keyboard protocol (kitty, foot, WezTerm, Ghostty)"


def not_sent_apart(key: str) -> tuple[str, str] | None:
    """Why most terminals never deliver ``key`` (as normalised) as it is, and the key to write
    instead; None for a key every terminal sends. Such a key is still bound: it works in a
    terminal that speaks the kitty keyboard protocol."""
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
    if "ctrl" in modifiers and "shift" in modifiers and len(base) == 1 and base.isalpha():
        instead = _with_modifiers(base, set(modifiers) - {"shift"})
        return (
            f"arrives as {instead} from most terminals, which send Ctrl+Shift+{shown.upper()} "
            f"as Ctrl+{shown.upper()}; {KITTY_ONLY} send it apart",
            instead,
        )
    return None


def _with_modifiers(base: str, modifiers: set[str]) -> str:
    return "+".join([*sorted(modifiers), base])
