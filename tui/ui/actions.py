"""Build Textual `Binding`s with default keys from `config/default.toml`, and read them back."""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field

from textual.binding import Binding
from textual.dom import DOMNode
from textual.screen import Screen

from tui.settings.defaults import default_keys
from tui.settings.keymaps import screen_actions

# Screen name ([screens] in default.toml) → action id → the description its binding was
# declared with there. Filled as screen classes are defined.
DESCRIPTIONS: dict[str, dict[str, str]] = {}


def screen_name(class_name: str, keys_screen: str | None = None) -> str:
    """The [screens] entry of a class: `ReaderScreen` → `reader`, `SortMenu` → `sort_menu`."""
    if keys_screen:
        return keys_screen
    name = class_name.removesuffix("Screen") or class_name
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


def _declaring_class() -> str:
    """The name of the class whose body is calling `binding()` (its code object's name)."""
    frame = sys._getframe(2)
    name = frame.f_code.co_name
    keys_screen = frame.f_locals.get("KEYS_SCREEN")
    return screen_name(name, keys_screen if isinstance(keys_screen, str) else None)


def binding(
    action_id: str,
    action: str | None = None,
    description: str = "",
    *,
    show: bool = True,
    priority: bool = False,
    describes: bool = True,
) -> Binding:
    """A `Binding` with ``id=action_id`` and the default keys `default.toml` gives that id.

    The action defaults to the id itself, so `binding("next_chapter", description="Next
    chapter")` runs `action_next_chapter`. User keymaps override it through `App.set_keymap`.
    `describes=False` keeps the description out of `describe_action` (for an id reused with a
    local meaning, such as `line_down` scrolling the help).
    """
    if description and describes:
        DESCRIPTIONS.setdefault(_declaring_class(), {}).setdefault(action_id, description)
    return Binding(
        default_keys(action_id),
        action or action_id,
        description,
        show=show,
        priority=priority,
        id=action_id,
    )


def describe_action(action_id: str) -> str:
    """A readable name for an action: its description on the first screen (in [screens] order)
    that declares one, else any declared description, else the id as words."""
    for screen, actions in screen_actions().items():
        if action_id in actions and action_id in DESCRIPTIONS.get(screen, {}):
            return DESCRIPTIONS[screen][action_id]
    for owner in sorted(DESCRIPTIONS):
        if action_id in DESCRIPTIONS[owner]:
            return DESCRIPTIONS[owner][action_id]
    return action_id.replace("_", " ").capitalize()


@dataclass
class LiveAction:
    """One action as it is bound right now on a screen."""

    action_id: str
    description: str
    keys: list[str] = field(default_factory=list)


def _default_or_empty(action_id: str) -> str:
    try:
        return default_keys(action_id)
    except KeyError:
        return ""


def _nodes(screen: Screen) -> list[DOMNode]:
    return [screen, *screen.walk_children(with_self=False)]


def live_actions(screen: Screen) -> list[LiveAction]:
    """Every action bound on `screen` or its widgets, with the keys the keymap gives them now.

    Read from the live bindings (after `App.set_keymap`), so it cannot drift from what the keys
    really do. Bindings without an id are left out: every chapbook binding has one.
    """
    keymap: dict[str, str] = dict(getattr(screen.app, "_keymap", {}))
    found: dict[str, LiveAction] = {}
    for node in _nodes(screen):
        bindings_map = node._bindings.copy()
        if keymap:
            bindings_map.apply_keymap(keymap)
        for key, bound in bindings_map:
            if bound.id is None:
                continue
            entry = found.get(bound.id)
            if entry is None:
                description = bound.description or describe_action(bound.id)
                entry = found[bound.id] = LiveAction(bound.id, description)
            if key not in entry.keys:
                entry.keys.append(key)
    for entry in found.values():
        # Show keys in the order the keymap (or default.toml) lists them.
        order = (keymap.get(entry.action_id) or _default_or_empty(entry.action_id)).split(",")
        entry.keys.sort(key=lambda k: order.index(k) if k in order else len(order))
    return list(found.values())
