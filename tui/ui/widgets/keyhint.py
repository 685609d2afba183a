"""Show the key a user has for an action, as set in their keymap, in hints and messages."""

from __future__ import annotations

from typing import Any, Protocol, runtime_checkable

from textual import events
from textual.app import App
from textual.binding import Binding

from tui.settings.defaults import default_keys
from tui.settings.settings import Settings


@runtime_checkable
class WithSettings(Protocol):
    """An app that holds chapbook's settings (the user's keymap among them)."""

    settings: Settings


def bound_keys(app: App[Any], action_id: str) -> list[str]:
    """Every key bound to ``action_id`` now (after presets and the user's [keys])."""
    if isinstance(app, WithSettings) and action_id in app.settings.keys:
        keys = app.settings.keys[action_id]
    else:
        try:
            keys = default_keys(action_id)
        except KeyError:
            return []
    if isinstance(keys, list | tuple):
        keys = ",".join(keys)
    return [key.strip() for key in keys.split(",") if key.strip()]


def key_hint(app: App[Any], action_id: str) -> str:
    """The first key bound to ``action_id`` (after presets and the user's [keys]), for display."""
    keys = app.settings.keys.get(action_id, "") if isinstance(app, WithSettings) else ""
    if not keys and isinstance(app, WithSettings) and action_id in app.settings.keys:
        return action_id  # the user gave it no key: its id is what they can look up
    if not keys:
        try:
            keys = default_keys(action_id)
        except KeyError:
            return action_id
    if isinstance(keys, list | tuple):
        keys = ",".join(keys)
    first = keys.split(",")[0].strip()
    return app.get_key_display(Binding(first, "")) if first else action_id


def typed_key(event: events.Key) -> str:
    """A key as a message names it: the character typed (`]`), or the key with its modifier
    (`alt+h`, sent as Escape then h, is not `h`; `ctrl+x`)."""
    if event.is_printable and event.character and "+" not in event.key:
        return event.character
    return event.key
