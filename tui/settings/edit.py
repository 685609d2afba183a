"""Editing settings interactively: step values, rebind keys, see clashes, then save overrides."""

from __future__ import annotations

import copy
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tui.paths import settings_path
from tui.settings.key_display import as_written, writable_keys
from tui.settings.key_names import KeyNameError, normalise_key, sent_as
from tui.settings.keymap_check import check_key_value
from tui.settings.keymaps import Clash, find_clashes, preset_keys, screen_actions
from tui.settings.schema import SCHEMA, TRUE_OR_FALSE, WITHOUT_QUOTES, sentence
from tui.settings.settings import Problem, Settings, default_settings, reload_settings
from tui.settings.store import changes_between, file_problem, save_changes

# The settings offered on the settings screen, in the order shown, with their labels.
EDITABLE: dict[str, str] = {
    "theme": "Theme",
    "reader.width": "Text width",
    "reader.margin": "Margin",
    "reader.paragraph_style": "Paragraphs",
    "reader.justify": "Justify",
    "reader.words_per_minute": "Words per minute",
    "reader.page_overlap": "Page overlap",
    "reader.scene_ornament": "Scene break",
    "reader.chapter_notes": "Chapter notes",
    "reader.search_regex": "Search as regex",
    "keymap": "Keymap preset",
    "display.borders": "Borders",
    "library.sort": "Library order",
    "library.ask_above": "Ask before adding",
}

# A free-text setting steps through common values on the settings screen, and the one the
# user wrote by hand is kept among them.
TEXT_CHOICES: dict[str, tuple[str, ...]] = {
    "reader.scene_ornament": ("⁂", "* * *", "❦", "§", "~", "—", "#"),
}

_CHOICE_LABELS = {
    "blank": "blank line between",
    "indent": "first-line indent",
    "rounded": "rounded ╭╮",
    "ascii": "ASCII +-+",
    "collapse": "one line each",
    "last_read": "last read",
}


def format_value(name: str, value: Any) -> str:
    """A setting's value as the settings screen shows it."""
    if isinstance(value, bool):
        return "on" if value else "off"
    if name in ("reader.width", "reader.margin"):
        return f"{value} cell" if value == 1 else f"{value} cells"
    if name == "reader.page_overlap":
        return "none" if value == 0 else f"{value} row" if value == 1 else f"{value} rows"
    if name == "library.ask_above":
        return f"more than {value} books"
    return _CHOICE_LABELS.get(str(value), str(value))


def typed_number(name: str, text: str) -> tuple[int | None, str | None]:
    """A number typed for setting ``name`` read as settings.toml would read it after
    `name =`, and checked by the same rule: (the value, None), or (None, the message the
    config file would get, such as `500 is out of range: use 20 to 400.`)."""
    typed = text.strip()
    if not typed:
        return None, sentence(f"type a whole number from {SCHEMA[name].low} to {SCHEMA[name].high}")
    try:
        value = tomllib.loads(f"value = {typed}")["value"]
    except tomllib.TOMLDecodeError:
        value = typed  # words, not a number: checked as the text it is
    wrong = SCHEMA[name].check(value)
    if wrong is not None:
        reason, suggestion = wrong
        # Typed in a box, a number has no quotes to take off.
        reason = reason.removesuffix(WITHOUT_QUOTES).removesuffix(TRUE_OR_FALSE)
        return None, sentence(reason, suggestion)
    return value, None


def typed_text(name: str, text: str) -> tuple[str | None, str | None]:
    """Text typed for setting ``name`` (a scene break), its ends trimmed and checked by the
    rule settings.toml gets: (the value, None), or (None, the message)."""
    value = text.strip()
    wrong = SCHEMA[name].check(value)
    if wrong is not None:
        return None, sentence(*wrong)
    return value, None


def typed_value(name: str, text: str) -> tuple[Any, str | None]:
    """A value typed for setting ``name``, read as its kind is (`typed_number`, `typed_text`)."""
    if SCHEMA[name].kind == "int":
        return typed_number(name, text)
    return typed_text(name, text)


# Characters a number box takes: more digits than any setting's range holds.
LONGEST_NUMBER = 12


def value_prompt(name: str) -> tuple[str, int]:
    """What the box for typing setting ``name`` says it wants, and how many characters it
    takes."""
    rule = SCHEMA[name]
    if rule.kind == "int":
        return f"{EDITABLE[name]}: a whole number from {rule.low} to {rule.high}", LONGEST_NUMBER
    return f"{EDITABLE[name]}: any text up to {rule.max_cells} cells wide", rule.max_cells


def is_typed(name: str | None) -> bool:
    """Whether setting ``name`` can be typed out on the settings screen (numbers, text)."""
    return name is not None and name in SCHEMA and SCHEMA[name].kind in ("int", "text")


@dataclass(frozen=True)
class Rebound:
    """The result of pressing a new key for an action."""

    key: str | None  # the normalised key, None when refused
    error: str | None  # why it was refused
    clashes: list[Clash]  # what the new key now clashes with (shown before saving)


class SettingsDraft:
    """Settings being edited. `settings` always holds the draft; nothing is written until save."""

    def __init__(self, settings: Settings) -> None:
        # Values of the user's own typed on the screen, kept in their setting's cycle too.
        self.typed: dict[str, Any] = {}
        self.path: Path = settings.path or settings_path()
        # What is wrong in the file as saved last (`reader.width: 5 is out of range …`).
        self.problems: list[Problem] = []
        # The values the screen opened with: one the user wrote by hand that is not among a
        # setting's choices (`scene_ornament = "~ * ~"`) stays in that setting's cycle (and
        # so does one in the file as last saved, `saved`).
        self.opened_with = copy.deepcopy(settings)
        self._start_from(settings)

    def _start_from(self, settings: Settings) -> None:
        """Edit ``settings``, as saved last."""
        self.saved = copy.deepcopy(settings)
        self.settings = copy.deepcopy(settings)
        self.user_keys: dict[str, str] = settings.user_keys()
        # Why the user's file could not be read (`is not valid TOML (line 4: …)`): these
        # settings are then the defaults, and saving replaces that file.
        self.file_problem: str | None = file_problem(self.path)

    # -- plain settings -------------------------------------------------------------------
    def value(self, name: str) -> Any:
        return self.settings.get(name)

    def set_value(self, name: str, value: Any) -> None:
        if SCHEMA[name].check(value) is not None:
            raise ValueError(f"{name}: {value!r} is not allowed")
        owner, _, leaf = name.rpartition(".")
        setattr(self.settings.get(owner) if owner else self.settings, leaf, value)
        if value not in TEXT_CHOICES.get(name, (value,)):
            self.typed[name] = value
        if name == "keymap":
            self._recompute_keys()

    def step(self, name: str, direction: int) -> Any:
        """Move a setting to its next (+1) or previous (-1) value; choices wrap around, and
        a value of the user's own that is not a choice is kept first among them."""
        rule = SCHEMA[name]
        current = self.value(name)
        if rule.kind == "bool":
            new: Any = not current
        elif rule.kind == "int":
            new = min(rule.high, max(rule.low, current + direction * rule.step))
        elif rule.kind == "choice" or name in TEXT_CHOICES:
            options = list(TEXT_CHOICES.get(name) or rule.options())
            mine = (self.typed.get(name), self.saved.get(name), self.opened_with.get(name))
            for own in (current, *mine):
                if own is not None and own not in options:
                    options.insert(0, own)
            new = options[(options.index(current) + direction) % len(options)]
        else:
            return current
        self.set_value(name, new)
        return new

    def reset(self, name: str) -> None:
        """Put a setting (dotted name) or an action's keys (`keys.<id>`) back to the default."""
        if name.startswith("keys."):
            self.user_keys.pop(name.removeprefix("keys."), None)
            self._recompute_keys()
        else:
            self.set_value(name, default_settings().get(name))

    # -- keys -----------------------------------------------------------------------------
    def _recompute_keys(self) -> None:
        preset = preset_keys(self.settings.keymap)
        # An override equal to the preset's own keys is no override at all.
        self.user_keys = {a: k for a, k in self.user_keys.items() if preset.get(a) != k}
        self.settings.keys = {**preset, **self.user_keys}

    def rebind(self, action: str, pressed: str, *, add: bool = False) -> Rebound:
        """Give `action` the key just pressed: in place of its keys, or with ``add`` beside
        them. Clashes are allowed here but reported, and `save` refuses while any remain."""
        try:
            # (Textual names a character pressed by its Unicode name: `pound_sign` for £)
            key = normalise_key(as_written(pressed))
        except KeyNameError as err:
            if sent_as(pressed) is None:
                return Rebound(None, str(err), [])
            # ctrl+i pressed in a terminal that tells it from tab: the check below says why
            # it cannot be bound, and whether tab is free.
            key = pressed
        value = key
        if add:
            kept = [k for k in self.settings.keys.get(action, "").split(",") if k and k != key]
            value = ",".join([*kept, key])
        # (checked as the file will hold it: a symbol's name, `pound_sign`, is written as £)
        checked = check_key_value(action, writable_keys(value), self.settings.keys)
        if isinstance(checked, tuple):
            reason, suggestion = checked
            instead = f"; press {suggestion} instead" if suggestion else ""
            return Rebound(None, reason + instead, [])
        self.user_keys[action] = checked
        self._recompute_keys()
        given = key if add else checked
        mine = [c for c in self.clashes() if action in c.actions and c.key == given]
        return Rebound(given, None, mine)

    def clashes(self) -> list[Clash]:
        return find_clashes(self.settings.keys)

    def lost_keys(self, action: str) -> dict[str, str]:
        """The keys of its own that ``action`` lost to an entry of the user's file (a default
        key given since to another action), each → the action that runs it now; only while
        both still stand as the file left them."""
        if self.settings.keys.get(action) != self.saved.keys.get(action):
            return {}
        return {
            key: taker
            for key, taker in self.saved.taken.get(action, {}).items()
            if key in self.settings.keys.get(taker, "").split(",")
        }

    def actions_by_screen(self) -> dict[str, tuple[str, ...]]:
        return screen_actions()

    # -- saving ---------------------------------------------------------------------------
    @property
    def dirty(self) -> bool:
        return bool(changes_between(self.saved, self.settings))

    def save(self, *, replace_broken: bool = False, tidy: bool = True) -> str | None:
        """Write the changes as overrides into settings.toml, then edit what it holds now
        (`saved`, with what is wrong in it in `problems`); returns a notice, if any.

        Raises ValueError while keys clash, BrokenSettingsFile when settings.toml is not valid
        TOML (unless ``replace_broken``: then it is moved aside), and SettingsWriteError when
        writing fails. Without ``tidy`` the entries chapbook cannot use are left as written,
        not commented out.
        """
        clashes = self.clashes()
        if clashes:
            listed = "; ".join(
                f"{c.key} is {' and '.join(c.actions)} on the {c.screen} screen" for c in clashes
            )
            raise ValueError(f"keys clash, so nothing was saved: {listed}")
        notice = save_changes(
            self.path, self.saved, self.settings, replace_broken=replace_broken, tidy=tidy
        )
        # The changes were merged with the file as it was on disk (edited by hand since the
        # screen opened, say): what is in force now is what the file holds, read as at
        # start-up, not the draft.
        saved, self.problems = reload_settings(self.path)
        self._start_from(saved)
        return notice

    def discard(self) -> Settings:
        """Forget unsaved changes; returns the settings as last saved."""
        self.settings = copy.deepcopy(self.saved)
        self.user_keys = self.saved.user_keys()
        return self.settings
