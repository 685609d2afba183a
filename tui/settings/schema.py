"""What each setting may hold: its type, range or choices, and the message when it does not."""

from __future__ import annotations

import difflib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from tui.paths import cells
from tui.settings.keymaps import preset_names

# Textual 8's built-in themes (tests compare this with `textual.theme.BUILTIN_THEMES`) and
# chapbook's own (`tui/themes.py`). Kept here so `chapbook config check` needs no Textual.
TEXTUAL_THEMES = (
    "textual-dark",
    "textual-light",
    "nord",
    "gruvbox",
    "catppuccin-mocha",
    "dracula",
    "tokyo-night",
    "monokai",
    "flexoki",
    "catppuccin-latte",
    "catppuccin-frappe",
    "catppuccin-macchiato",
    "solarized-light",
    "solarized-dark",
    "rose-pine",
    "rose-pine-moon",
    "rose-pine-dawn",
    "atom-one-dark",
    "atom-one-light",
    "ansi-dark",
    "ansi-light",
)
CHAPBOOK_THEMES = ("paper", "ansi")


def theme_names() -> tuple[str, ...]:
    return CHAPBOOK_THEMES + TEXTUAL_THEMES


def describe(value: Any) -> str:
    """A TOML value as a user would recognise it: `the text "wide"`, `true`, `7.5`."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return f'the text "{value}"'
    if isinstance(value, float):
        return str(value)
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a table"
    return str(value)


def toml_value(value: Any) -> str:
    """A value written the way it would appear in settings.toml."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return f'"{value}"'
    return str(value)


def sentence(reason: str, suggestion: str | None = None, fallback: Any = None) -> str:
    """`Reason. Did you mean "x"? Using y for now.`: the shape of every settings message."""
    text = reason + "."
    if suggestion:
        text += f' Did you mean "{suggestion}"?'
    if fallback is not None:
        text += f" Using {toml_value(fallback)} for now."
    return text


# The end of a message about an entry chapbook does not use at all (an unknown or misplaced
# setting), as "Using … for now" ends one about a value it replaced.
IGNORED = " It is ignored."
IGNORED_TABLE = " Its entries are ignored."

# The end of a message about a value written in quotes that should not be.
WITHOUT_QUOTES = ": write it without quotes"
# Words meaning yes or no, and what to write instead: TOML's true and false, unquoted.
YES_OR_NO = ("true", "false", "yes", "no", "on", "off")
TRUE_OR_FALSE = ": write true or false, without quotes"


@dataclass(frozen=True)
class Rule:
    """The kind of value a setting takes, and how the settings screen steps through it."""

    kind: str  # "int", "bool", "choice" or "text"
    low: int = 0
    high: int = 0
    step: int = 1
    choices: Callable[[], tuple[str, ...]] | None = None
    max_cells: int = 0

    def options(self) -> tuple[str, ...]:
        return self.choices() if self.choices else ()

    def check(self, value: Any) -> tuple[str, str | None] | None:
        """None when `value` is acceptable, else (what is wrong, a suggested value or None)."""
        if self.kind == "int":
            return self._check_int(value)
        if self.kind == "bool":
            if isinstance(value, bool):
                return None
            hint = ""
            if value in ("true", "false"):
                hint = WITHOUT_QUOTES
            elif isinstance(value, str) and value.lower() in YES_OR_NO:
                hint = TRUE_OR_FALSE  # (`justify = yes`, unquoted, is not TOML at all)
            return f"expected true or false, not {describe(value)}{hint}", None
        if self.kind == "choice":
            return self._check_choice(value)
        return self._check_text(value)

    def _check_int(self, value: Any) -> tuple[str, str | None] | None:
        if isinstance(value, bool) or not isinstance(value, int):
            hint = ""
            if isinstance(value, str) and value.strip().isdigit():
                hint = WITHOUT_QUOTES
            return f"expected a whole number, not {describe(value)}{hint}", None
        if not self.low <= value <= self.high:
            return f"{value} is out of range: use {self.low} to {self.high}", None
        return None

    def _check_choice(self, value: Any) -> tuple[str, str | None] | None:
        options = self.options()
        if not isinstance(value, str):
            return f"expected one of {_quoted(options)}, not {describe(value)}", None
        if value in options:
            return None
        close = difflib.get_close_matches(value.lower(), options, n=1, cutoff=0.6)
        if close:
            return f'"{value}" is not one of the choices', close[0]
        return f'"{value}" is not one of the choices: use {_quoted(options)}', None

    def _check_text(self, value: Any) -> tuple[str, str | None] | None:
        if not isinstance(value, str):
            return f"expected text in quotes, not {describe(value)}", None
        if not value.strip():
            return "must not be empty", None
        if any(not character.isprintable() for character in value):
            return "must not hold control characters", None
        if cells(value) > self.max_cells:
            return (
                f"the text is {cells(value)} cells wide: keep it to {self.max_cells}",
                None,
            )
        return None


def _quoted(options: tuple[str, ...]) -> str:
    if len(options) > 8:
        return ", ".join(f'"{o}"' for o in options[:6]) + " ... (listed in default.toml)"
    return ", ".join(f'"{o}"' for o in options)


# Every setting except the [keys] table, by dotted name. A test checks these names against
# default.toml, and that each range and choice list appears in its comment there.
SCHEMA: dict[str, Rule] = {
    "theme": Rule("choice", choices=theme_names),
    "keymap": Rule("choice", choices=lambda: tuple(preset_names())),
    "reader.width": Rule("int", low=20, high=400, step=2),
    "reader.margin": Rule("int", low=0, high=40),
    "reader.paragraph_style": Rule("choice", choices=lambda: ("blank", "indent")),
    "reader.justify": Rule("bool"),
    "reader.page_overlap": Rule("int", low=0, high=10),
    "reader.words_per_minute": Rule("int", low=50, high=2000, step=10),
    "reader.scene_ornament": Rule("text", max_cells=20),
    "reader.search_regex": Rule("bool"),
    "reader.chapter_notes": Rule("choice", choices=lambda: ("show", "collapse")),
    "library.sort": Rule(
        "choice",
        choices=lambda: ("last_read", "title", "author", "progress", "words", "added"),
    ),
    "library.ask_above": Rule("int", low=10, high=100000, step=50),
    "display.borders": Rule("choice", choices=lambda: ("rounded", "ascii")),
}

# Tables of the user's file that are not settings at all, and what to say about them.
NOT_SETTINGS = {
    "keymaps": "presets cannot be changed here; choose one with keymap = and put keys in [keys]",
    "screens": "this table describes chapbook's screens and is not a setting",
}
