"""A look every few seconds at settings.toml, so a file saved elsewhere is used.

While the reader or the library shows, a file saved in another window is used without a key.
"""

from __future__ import annotations

from textual.screen import Screen
from textual.widgets import Input

from tui.ui.app import ChapbookApp, FollowsSettings

# Seconds between looks (one stat) at the settings file. The terminal's focus coming back
# picks an edit up too, but tmux reports no focus by default (`focus-events off`): a width
# changed in a pane beside the book was used only once a dialog or another screen had closed.
SETTINGS_LOOKED_AT_EVERY = 3.0


def watch_settings_file(screen: Screen[None]) -> None:
    """Look at the settings file every `SETTINGS_LOOKED_AT_EVERY` seconds while ``screen``
    (a `FollowsSettings`) is the one on top, and use it there when it changed."""
    screen.set_interval(SETTINGS_LOOKED_AT_EVERY, lambda: _look(screen))


def _look(screen: Screen[None]) -> None:
    """Not under a dialog or another screen (they pick it up as they close), nor while a box
    of the screen is being typed in."""
    app = screen.app
    if app.screen is not screen or isinstance(screen.focused, Input):
        return
    if not isinstance(app, ChapbookApp) or not isinstance(screen, FollowsSettings):
        return
    if app.pick_up_settings_file():
        screen.follow_settings()
