"""Key names as Textual delivers them: normalising and checking what users write in [keys]."""

from __future__ import annotations

import re
import unicodedata
from functools import cache

# Textual spells modifiers in this order (its kitty-protocol parser sorts them alphabetically,
# and the legacy names such as "ctrl+shift+left" agree).
MODIFIERS = ("alt", "ctrl", "hyper", "meta", "shift", "super")

# Keys with a name of their own (no printable character). These are exactly the base names
# Textual's `Keys` enum and its parser produce; tests compare them with `textual.keys`.
NAMED_KEYS = frozenset(
    {
        "escape",
        "enter",
        "tab",
        "space",
        "backspace",
        "insert",
        "delete",
        "home",
        "end",
        "pageup",
        "pagedown",
        "up",
        "down",
        "left",
        "right",
        *(f"f{n}" for n in range(1, 25)),
    }
)

# Textual renames a few characters' Unicode names (`textual.keys.KEYNAME_REPLACEMENTS`).
NAME_REPLACEMENTS = {
    "solidus": "slash",
    "reverse_solidus": "backslash",
    "commercial_at": "at",
    "hyphen_minus": "minus",
    "plus_sign": "plus",
    "low_line": "underscore",
}
_REPLACED = {short: long for long, short in NAME_REPLACEMENTS.items()}

# Full key strings Textual delivers that do not follow the modifier+name pattern: ctrl+@ is
# NUL, which terminals send for ctrl+space (and ctrl+@); shown as ctrl+Space.
NUL_KEY = "ctrl+@"
SPECIAL_KEYS = {NUL_KEY: "ctrl+Space"}
# Keys written by another name than the one Textual delivers for them.
_SENT_AS_NAMED = {"ctrl+space": NUL_KEY}

# Combinations a terminal sends as another key, so a binding to them would never fire.
_ARRIVES_AS = {
    "ctrl+i": "tab",
    "ctrl+m": "enter",
    "ctrl+h": "backspace",
    "ctrl+left_square_bracket": "escape",
    "shift+space": "space",
    "ctrl+question_mark": "backspace",  # ^? is DEL, the code of the Backspace key
}

# Keys chapbook cannot give to an action: Textual handles them before any screen does.
RESERVED = {
    "ctrl+c": "it copies selected text and, in a terminal, interrupts",
    "ctrl+q": "it is Textual's own quit key",
}


class KeyNameError(ValueError):
    """A key name chapbook cannot bind; ``str(err)`` says why and what to write instead."""

    def __init__(self, written: str, reason: str, suggestion: str | None = None) -> None:
        self.written = written
        self.reason = reason
        self.suggestion = suggestion
        text = f'"{written}" {reason}'
        if suggestion:
            text += f'; did you mean "{suggestion}"?'
        super().__init__(text)


def character_key(character: str) -> str:
    """The key name Textual gives a printable character: `?` → `question_mark`, `G` → `G`."""
    if character.isalnum():
        return character
    try:
        name = unicodedata.name(character).lower().replace("-", "_").replace(" ", "_")
    except ValueError:
        name = character
    return NAME_REPLACEMENTS.get(name, name)


@cache
def _character_names() -> dict[str, str]:
    """Key name → character for the printable symbols of the first Unicode blocks."""
    table: dict[str, str] = {}
    for code in range(0x21, 0x3000):
        character = chr(code)
        if character.isprintable() and not character.isalnum():
            table.setdefault(character_key(character), character)
    return table


@cache
def character_of(name: str) -> str | None:
    """The printable character a key name stands for (`question_mark` → `?`), else None."""
    if len(name) == 1:
        return name if name.isprintable() else None
    character = _character_names().get(name)
    if character is not None:
        return character
    try:
        character = unicodedata.lookup(_REPLACED.get(name, name).replace("_", " "))
    except KeyError:
        return None
    if character.isprintable() and character_key(character) == name:
        return character
    return None


@cache
def word_keys() -> frozenset[str]:
    """The keys that may be written as a word: named keys and the names Textual gives the
    ASCII punctuation (`question_mark`). Any other character is written as itself: the
    Unicode name of one (`banana`, `pound_sign`) is not a key name, though Textual would
    deliver that name for the character typed or pasted."""
    punctuation = {character_key(chr(code)) for code in range(0x21, 0x7F)}
    return frozenset(NAMED_KEYS | {p for p in punctuation if len(p) > 1})


def _normalise_modifier(written: str, modifier: str) -> str:
    lowered = modifier.strip().lower()
    if lowered in MODIFIERS:
        return lowered
    from tui.settings.key_guesses import bindable, guess_base, guess_modifier

    if not lowered:
        raise KeyNameError(
            written,
            'has a "+" with no modifier before it',
            bindable("+".join(part for part in written.split("+") if part.strip())),
        )
    if lowered == "fn":
        # Fn changes what the keyboard sends (F1, PgDn) and is never sent itself.
        rest = "+".join(part for part in written.split("+") if part.strip().lower() != "fn")
        raise KeyNameError(
            written, 'holds "fn", which the keyboard keeps to itself', bindable(rest)
        )
    guess = guess_modifier(lowered)
    if guess is not None:
        suggestion = bindable(written.replace(modifier, guess, 1))
    else:  # not a modifier at all: a "+" typed into a name (`spa+ce`)?
        suggestion = guess_base(written.replace("+", ""))
    reason = f'has an unknown modifier "{modifier}"'
    if guess == "super" and lowered not in ("super",):
        reason += " (Super is the Command or Windows key)"
    raise KeyNameError(written, reason, suggestion)


def normalise_key(written: str) -> str:
    """Turn one key as a user writes it into the name Textual delivers, or raise KeyNameError.

    Accepts Textual key names (`pagedown`, `ctrl+p`, `question_mark`) in any letter case, and
    single printable characters (`?` → `question_mark`, `G` stays `G`). `shift+g` becomes `G`,
    because that is what a terminal sends for Shift+G.
    """
    if written and not written.strip():
        # A space typed as itself reads as no key at all in the file: ask for its name.
        name = "tab" if "\t" in written else "space"
        shown = written.replace("\t", "\\t")  # as it is written in the TOML file
        raise KeyNameError(shown, f'is not a key name: write "{name}"')
    text = written if len(written) == 1 else written.strip()
    if not text:
        raise KeyNameError(written, "is empty")
    if re.search(r"\+ +$", written) and not text.endswith("++"):
        # `ctrl+ `: the space bar typed as itself after its modifiers
        raise KeyNameError(written, 'ends with a space, which is written "space"', text + "space")
    _refuse_sequence(written, text)
    if len(text) == 1:
        if not text.isprintable():
            raise KeyNameError(written, "is not a printable character or a key name")
        return character_key(text)
    if text.lower() in SPECIAL_KEYS:
        return text.lower()
    # "ctrl++" binds ctrl with the plus key (and so does "ctrl + +").
    text = re.sub(r"\s*\+\s*", "+", text)
    if text == "++":
        raise KeyNameError(written, "is not a key name", "plus")
    parts = [*text[:-2].split("+"), "+"] if text.endswith("++") else text.split("+")
    *modifier_parts, base = (part.strip() for part in parts)
    if not base:
        raise _ends_with_plus(written, modifier_parts)
    modifiers = [_normalise_modifier(written, m) for m in modifier_parts]
    if len(set(modifiers)) != len(modifiers):
        raise KeyNameError(
            written, "repeats a modifier", "+".join([*dict.fromkeys(modifiers), base])
        )
    base = _normalise_base(written, base, modifiers)
    if modifiers == ["shift"] and len(base) == 1 and base.islower():
        return base.upper()
    key = "+".join([*sorted(modifiers), base])
    if key in _ARRIVES_AS:
        raise KeyNameError(written, sent_as_words(key), _ARRIVES_AS[key])
    return _SENT_AS_NAMED.get(key, key)


def _ends_with_plus(written: str, modifier_parts: list[str]) -> KeyNameError:
    """`ctrl+` is ctrl with the plus key, written `ctrl+plus`; `f+` has a "+" too many."""
    if modifier_parts and all(part.lower() in MODIFIERS for part in modifier_parts):
        return KeyNameError(written, "ends with a +", "+".join([*modifier_parts, "plus"]))
    rest = "+".join(modifier_parts)
    return KeyNameError(
        written,
        'ends with a +: a "+" joins a modifier to its key, as in ctrl+x, and the plus key is '
        '"plus"',
        rest if rest and _binds(rest) else None,
    )


def sent_as(key: str) -> str | None:
    """The key most terminals send for ``key`` (`ctrl+i` → `tab`), when it is one of those."""
    return _ARRIVES_AS.get(key)


def sent_as_words(key: str) -> str:
    """Why ``key`` (`ctrl+i`) cannot be bound, worded after its name."""
    return (
        f"is sent as {_ARRIVES_AS[key]} by most terminals, so chapbook cannot bind it apart "
        f"from {_ARRIVES_AS[key]}"
    )


SEQUENCE = (
    "is a sequence of keys, which chapbook does not bind: a key is one key with optional "
    'modifiers, like "g" or "ctrl+g"'
)


def _refuse_sequence(written: str, text: str) -> None:
    """Raise for vim-style sequences (`g g`, `gg`, `ctrl+x ctrl+s`, `<Leader>f`), suggesting
    the one key when the sequence repeats it; a name written in words (`page down`) is left
    alone."""
    if len(text) > 1 and len(set(text)) == 1 and text.isprintable() and text[0] not in " +":
        raise KeyNameError(written, SEQUENCE, text[0])
    if text.lower().startswith("<leader>"):
        rest = text[len("<leader>") :].strip()
        raise KeyNameError(
            written,
            "uses vim's <Leader>, a key pressed before another, which chapbook does not bind: "
            'a key is one key with optional modifiers, like "g" or "ctrl+g"',
            rest if rest and _binds(rest) else None,
        )
    words = re.sub(r"\s*\+\s*", "+", text).split()
    if len(words) < 2:
        return
    try:
        keys = [normalise_key(word) for word in words]
    except KeyNameError:
        return  # not keys in a row: the name is looked up as written
    from tui.settings.key_guesses import guess_base

    if guess_base("".join(words)) is not None:
        return  # a name written in words (`page down`): suggested as one name
    if len(set(keys)) == 1:
        suggestion: str | None = words[0]
    else:  # keys without modifiers in a row (`j k`) may be a list missing its commas
        suggestion = None if any("+" in word for word in words) else ",".join(words)
    raise KeyNameError(written, SEQUENCE, suggestion)


def _normalise_base(written: str, base: str, modifiers: list[str]) -> str:
    if len(base) == 1:
        if not base.isprintable():
            raise KeyNameError(written, "is not a printable character or a key name")
        if base.isalpha() and base.isupper() and modifiers:
            # Terminals send Ctrl+P and Ctrl+Shift+P alike, so "ctrl+P" means ctrl+p; with
            # alt, Shift does count, and Textual writes it as alt+shift+<lower case>.
            if "ctrl" not in modifiers and "shift" not in modifiers:
                modifiers.append("shift")
            return base.lower()
        if modifiers == ["shift"] and not base.isalpha():
            raise KeyNameError(
                written,
                "cannot be typed: Shift turns that key into another character",
                "+".join([m for m in modifiers if m != "shift"] + [character_key(base)]),
            )
        return character_key(base)
    lowered = base.lower()
    if lowered in word_keys():
        if modifiers == ["shift"] and lowered not in NAMED_KEYS:
            raise KeyNameError(
                written,
                "cannot be typed: Shift turns that key into another character",
                "+".join([m for m in modifiers if m != "shift"] + [lowered]),
            )
        return lowered
    from tui.settings.key_guesses import (
        MODIFIER_WORDS,
        bindable,
        from_other_notation,
        glued_modifier,
        guess_base,
    )

    if lowered in MODIFIERS or lowered in MODIFIER_WORDS:
        raise KeyNameError(written, "is only a modifier: add the key it goes with, as in ctrl+x")
    if re.fullmatch(r"f\d+", lowered):
        raise KeyNameError(written, "is no key: the function keys are f1 to f24")
    named = character_of(lowered)
    if named is not None:
        raise _character_name(written, base, named, modifiers)
    if len(set(lowered)) == 1 and lowered.isprintable():
        # `ctrl+ff`: the key written twice (a sequence, or a slip), meant once
        raise KeyNameError(written, "is not a key name", bindable("+".join([*modifiers, base[0]])))
    if not modifiers:
        meant = from_other_notation(base) or glued_modifier(base)
        if meant is not None:
            # (NUL as the user writes it, the way config/default.toml spells it)
            shown = "ctrl+space" if meant == NUL_KEY else meant
            raise KeyNameError(written, "is not a key name", shown)
    guess = guess_base(base)
    suggestion = bindable("+".join([*modifiers, guess])) if guess else None
    raise KeyNameError(written, "is not a key name", suggestion)


def _binds(written: str) -> bool:
    """True when ``written`` is a key chapbook binds as it is written."""
    try:
        normalise_key(written)
    except KeyNameError:
        return False
    return True


def _character_name(written: str, base: str, character: str, modifiers: list[str]) -> KeyNameError:
    """Why a character's Unicode name (`pound_sign`, `banana`) is no key name: a symbol a
    keyboard may have is written as itself; a picture (🍌) is no key at all."""
    named = f'"{base}" is' if modifiers else "it is"
    if character in _character_names().values():
        return KeyNameError(
            written,
            f"is not a key name: {named} the name of the character {character}, "
            "which is written as itself",
            "+".join([*modifiers, character]),
        )
    from tui.settings.key_guesses import guess_base

    guess = guess_base(base)
    return KeyNameError(
        written,
        f"is not a key name: {named} the Unicode name of {character}, which no key types",
        "+".join([*modifiers, guess]) if guess else None,
    )


def split_keys(value: str | list[str]) -> list[str]:
    """The separate keys of a [keys] value: `"space,pagedown"`, `","` or a TOML array."""
    if isinstance(value, list):
        return list(value)
    if value.strip() == ",":
        return [","]
    return value.split(",")
