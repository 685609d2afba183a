"""Show the key a user has for an action, as set in their keymap, in hints and messages."""

from __future__ import annotations

from typing import Any

from textual.app import App
from textual.binding import Binding

from tui.settings.defaults import default_keys
from tui.ui.app import ChapbookApp


def key_hint(app: App[Any], action_id: str) -> str:
    """The first key bound to ``action_id`` (after presets and the user's [keys]), for display."""
    keys = app.settings.keys.get(action_id, "") if isinstance(app, ChapbookApp) else ""
    if not keys:
        try:
            keys = default_keys(action_id)
        except KeyError:
            return action_id
    if isinstance(keys, list | tuple):
        keys = ",".join(keys)
    first = keys.split(",")[0].strip()
    return app.get_key_display(Binding(first, "")) if first else action_id
