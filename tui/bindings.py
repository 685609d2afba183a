"""Build Textual `Binding`s whose default keys come from `config/default.toml`."""

from __future__ import annotations

from textual.binding import Binding

from tui.core.defaults import default_keys


def binding(
    action_id: str,
    action: str | None = None,
    description: str = "",
    *,
    show: bool = True,
    priority: bool = False,
) -> Binding:
    """A `Binding` with ``id=action_id`` and the default keys `default.toml` gives that id.

    The action defaults to the id itself, so `binding("next_chapter", description="Next
    chapter")` runs `action_next_chapter`. User keymaps override it through `App.set_keymap`.
    """
    return Binding(
        default_keys(action_id),
        action or action_id,
        description,
        show=show,
        priority=priority,
        id=action_id,
    )
