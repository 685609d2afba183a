"""The key a key name chapbook does not take was meant to be.

A slip of the keyboard (`escpae`, `ctlr+f`), another program's name for it (`PgDn`, `Return`,
`<C-f>`, `^F`, `M-x`, `⌃F`), or a modifier run into its key (`ctrlf`, `ctrl f`). A guess never
adds a modifier the user did not write, and is offered only when it is a key chapbook binds.
"""

from __future__ import annotations

import re

from tui.settings.key_names import (
    MODIFIERS,
    NAME_REPLACEMENTS,
    NAMED_KEYS,
    NUL_KEY,
    SPECIAL_KEYS,
    KeyNameError,
    character_of,
    normalise_key,
    word_keys,
)
from tui.settings.spelling import typo_distance

# Names people write for keys that Textual spells differently.
ALIASES = {
    "pgdn": "pagedown",
    "pgdown": "pagedown",
    "pagedn": "pagedown",
    "page_down": "pagedown",
    "pgup": "pageup",
    "page_up": "pageup",
    "esc": "escape",
    "return": "enter",
    "ret": "enter",
    "cr": "enter",
    "del": "delete",
    "ins": "insert",
    "bs": "backspace",
    "bksp": "backspace",
    "spacebar": "space",
    "spc": "space",
    "tabulator": "tab",
    "period": "full_stop",
    "dot": "full_stop",
    "quote": "apostrophe",
    "lt": "less_than_sign",
    "gt": "greater_than_sign",
    "percent": "percent_sign",
    "question": "question_mark",
}

# Names people write for the modifiers (`control`, `Cmd`), as Textual names them.
MODIFIER_WORDS = {
    **{modifier: modifier for modifier in MODIFIERS},
    "control": "ctrl",
    "ctl": "ctrl",
    "option": "alt",
    "opt": "alt",
    "cmd": "super",
    "command": "super",
    "win": "super",
    "windows": "super",
}

# Modifiers as emacs and readline abbreviate them before a "-" (`C-g`, `M-b`, `s-x` is emacs's
# Super, `S-x` its Shift), and as vim does inside <> (`<C-p>`, `<A-x>`, `<D-s>` macOS's Command,
# any letter case). Meta is the Alt key in a terminal: both arrive as ESC and the key.
_EMACS_LETTERS = {
    "C": "ctrl",
    "c": "ctrl",
    "M": "alt",
    "m": "alt",
    "A": "alt",
    "S": "shift",
    "s": "super",
    "H": "hyper",
}
_VIM_LETTERS = {"c": "ctrl", "m": "alt", "a": "alt", "s": "shift", "d": "super"}
# vim's names for keys that Textual names otherwise (`<Bar>`, `<Bslash>`, `<Nul>`).
_VIM_NAMES = {"bar": "vertical_line", "bslash": "backslash", "nul": NUL_KEY, "kenter": "enter"}
# macOS menus write modifiers as symbols run into the key: ⌃F, ⌥⇧P, ⌘Q.
_MAC_SYMBOLS = {"⌃": "ctrl", "⌥": "alt", "⇧": "shift", "⌘": "super"}

# Words around a key's name that are not part of it: `kp_enter`, `left arrow`, `escape key`.
_PREFIXES = ("keypad", "numpad", "arrow", "kp", "key")
_SUFFIXES = ("arrow", "button", "key")
_GLUED = re.compile(
    r"^(" + "|".join(sorted(MODIFIER_WORDS, key=len, reverse=True)) + r")[\s_]*(.+)$",
    re.IGNORECASE,
)


def bindable(candidate: str) -> str | None:
    """``candidate`` when it is a key chapbook binds; else the key its own error suggests
    (`ctrl+pgdn` → `ctrl+pagedown`) when that one is; else None."""
    try:
        normalise_key(candidate)
    except KeyNameError as err:
        if err.suggestion is None or err.suggestion == candidate:
            return None
        try:
            normalise_key(err.suggestion)
        except KeyNameError:
            return None
        return err.suggestion
    return candidate


def guess_modifier(modifier: str) -> str | None:
    """The modifier ``modifier`` was meant to be (`ctlr`, `contrl`, `Cmd` → ctrl, ctrl,
    super), or None when it is spelt like none (`l`, `spa`)."""
    lowered = modifier.strip().lower()
    if lowered in MODIFIER_WORDS:
        return MODIFIER_WORDS[lowered]
    if len(lowered) < 3:
        return None
    best: tuple[int, str] | None = None
    for word, modifier_meant in MODIFIER_WORDS.items():
        distance = typo_distance(lowered, word)
        if distance is not None and (best is None or distance < best[0]):
            best = (distance, modifier_meant)
    return best[1] if best else None


def _compact_names() -> dict[str, str]:
    """Each key name and alias without `_`, `-` or spaces (`questionmark`) → the key name."""
    names = {alias: key for alias, key in ALIASES.items()}
    names.update((name.replace("_", ""), name) for name in word_keys())
    return {compact.replace("_", ""): key for compact, key in names.items()}


# Letters as they are said or spelt out, for a key written so (`bookmarks = "Bee"`): the
# letter, in the case of the word's first letter ("Bee" is B, "bee" b).
LETTER_NAMES = {
    **dict.fromkeys(("ay",), "a"),
    **dict.fromkeys(("bee",), "b"),
    **dict.fromkeys(("cee", "see", "sea"), "c"),
    **dict.fromkeys(("dee",), "d"),
    **dict.fromkeys(("ef", "eff"), "f"),
    **dict.fromkeys(("gee",), "g"),
    **dict.fromkeys(("aitch", "haitch"), "h"),
    **dict.fromkeys(("jay",), "j"),
    **dict.fromkeys(("kay",), "k"),
    **dict.fromkeys(("el", "ell"), "l"),
    **dict.fromkeys(("em",), "m"),
    **dict.fromkeys(("en",), "n"),
    **dict.fromkeys(("pee",), "p"),
    **dict.fromkeys(("cue", "queue"), "q"),
    **dict.fromkeys(("ar",), "r"),
    **dict.fromkeys(("ess",), "s"),
    **dict.fromkeys(("tee",), "t"),
    **dict.fromkeys(("vee",), "v"),
    **dict.fromkeys(("doubleu", "doubleyou"), "w"),
    **dict.fromkeys(("ex",), "x"),
    **dict.fromkeys(("wye", "why"), "y"),
    **dict.fromkeys(("zed", "zee"), "z"),
}


def guess_base(base: str) -> str | None:
    """The key name a key without modifiers was meant to be: another program's name for it
    (`PgDn`, `Return`), its name with words around it (`left arrow`, `kp_enter`), or a slip
    of one or two letters in a name of three or more (`escpae`, `retrun`); None otherwise."""
    lowered = base.strip().lower()
    if lowered in ALIASES:
        return ALIASES[lowered]
    if lowered in NAME_REPLACEMENTS:
        return NAME_REPLACEMENTS[lowered]
    compact = re.sub(r"[\s_\-]+", "", lowered)
    whole = compact
    if whole in LETTER_NAMES:  # (`Bee`: the letter B as it is said)
        letter = LETTER_NAMES[whole]
        return letter.upper() if base.strip()[:1].isupper() else letter
    for prefix in _PREFIXES:
        if compact.startswith(prefix) and len(compact) > len(prefix):
            compact = compact.removeprefix(prefix)
            break
    for suffix in _SUFFIXES:
        if compact.endswith(suffix) and len(compact) > len(suffix):
            compact = compact.removesuffix(suffix)
            break
    stripped = compact != whole  # (words around the name: `kp_up`, `KeyF`)
    if len(compact) == 1 and stripped and compact.isprintable():
        return compact  # (`numpad1`, `KeyF`: the key itself)
    names = _compact_names()
    function_key = re.fullmatch(r"f\d+", compact) is not None
    if compact in names and (len(compact) >= 3 or stripped or function_key):
        return names[compact]
    if len(compact) < 3 or function_key:
        return None  # (`a-t` is no `at`, `F25` no `f5`: too short, or no such key, to guess)
    best: tuple[int, str] | None = None
    for name, key in sorted(names.items()):
        distance = typo_distance(compact, name)
        if distance is not None and (best is None or distance < best[0]):
            best = (distance, key)
    return best[1] if best else None


def glued_modifier(text: str) -> str | None:
    """The key meant by a modifier run into its key (`ctrlf`, `Ctrl F`, `ctrl_pagedown`,
    `altf`), written as chapbook writes it (`ctrl+f`); None when ``text`` is not that."""
    found = _GLUED.match(text.strip())
    if found is None or not found[2].strip():
        return None
    modifier, key = MODIFIER_WORDS[found[1].lower()], found[2].strip()
    if modifier == "ctrl":
        key = key.lower()  # (terminals send Ctrl+F and Ctrl+f alike)
    return bindable(f"{modifier}+{key}")


def from_other_notation(text: str) -> str | None:
    """The key chapbook names, for one written as vim, emacs, readline or macOS write keys:
    `<C-p>`, `Ctrl-P`, `C-M-x`, `^G`, `M-b`, `<Esc>`, `<CR>`, `S-Tab`, `⌃F`. None when ``text``
    is not written that way, or names no key that way either."""
    if len(text) == 2 and text[0] == "^":  # caret notation: ^G is ctrl+g, ^? is DEL
        candidate = "backspace" if text[1] == "?" else f"ctrl+{text[1].lower()}"
    elif text[0] in _MAC_SYMBOLS:
        symbols = text.rstrip("".join(c for c in text if c not in _MAC_SYMBOLS))
        key = _key_named(text[len(symbols) :])
        if key is None or len(set(symbols)) != len(symbols):
            return None
        candidate = "+".join([*(_MAC_SYMBOLS[s] for s in symbols), key])
    else:
        angled = len(text) > 2 and text[0] == "<" and text[-1] == ">"
        inner = text[1:-1] if angled else text
        # `C--` is ctrl with the minus key: the last part is the key, even when it is "-".
        parts = [*inner[:-2].split("-"), "-"] if inner.endswith("--") else inner.split("-")
        *modifier_parts, base = parts
        if not base or not (angled or modifier_parts):
            return None
        modifiers = [_modifier_named(part, angled) for part in modifier_parts]
        if None in modifiers:
            return None
        key = _key_named(base)
        if key is None:
            return None
        candidate = "+".join([*(m for m in modifiers if m), key])
    try:
        return normalise_key(candidate)
    except KeyNameError as err:  # ^[ is ctrl+[, which arrives as escape
        return err.suggestion


def _modifier_named(part: str, angled: bool) -> str | None:
    """A modifier as a notation writes it: a letter (emacs's case counts: `s-` is Super,
    `S-` Shift; vim's does not) or a word (`Ctrl`, `Meta`, `Alt`)."""
    if len(part) == 1:
        return _VIM_LETTERS.get(part.lower()) if angled else _EMACS_LETTERS.get(part)
    lowered = part.lower()
    if lowered == "meta":
        return "alt"
    named = MODIFIER_WORDS.get(lowered)
    return named if named in MODIFIERS else None


def _key_named(base: str) -> str | None:
    if len(base) == 1:
        return base if base.isprintable() else None
    lowered = base.lower()
    named = _VIM_NAMES.get(lowered) or ALIASES.get(lowered, lowered)
    if named in NAMED_KEYS or named in SPECIAL_KEYS or character_of(named) is not None:
        return named
    return None


__all__ = [
    "ALIASES",
    "MODIFIER_WORDS",
    "bindable",
    "from_other_notation",
    "glued_modifier",
    "guess_base",
    "guess_modifier",
]
