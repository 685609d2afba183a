"""Show the key a user has for an action, as set in their keymap, in hints and messages."""

from __future__ import annotations

from textual.app import App
from textual.binding import Binding

from tui.settings.defaults import default_keys


def key_hint(app: App, action_id: str) -> str:
    """The first key bound to ``action_id`` (after presets and the user's [keys]), for display."""
    keys = ""
    settings = getattr(app, "settings", None)
    if settings is not None:
        keys = settings.keys.get(action_id, "")
    if not keys:
        try:
            keys = default_keys(action_id)
        except KeyError:
            return action_id
    if isinstance(keys, list | tuple):
        keys = ",".join(keys)
    first = keys.split(",")[0].strip()
    return app.get_key_display(Binding(first, "")) if first else action_id
