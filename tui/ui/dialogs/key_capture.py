"""The dialog that waits for one key press, for the settings screen to bind to an action."""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.screen import ModalScreen
from textual.widgets import Static

from tui.settings.key_display import display_keys
from tui.ui.dialogs.once import DismissesOnce
from tui.ui.terminal.alt_keys import EscapeThenKey
from tui.ui.terminal.resizes import FollowsTheTerminal


class KeyCaptureScreen(
    FollowsTheTerminal, DismissesOnce, ModalScreen[str | None], inherit_bindings=False
):
    """Waits for one key press and returns its Textual name; Escape cancels."""

    # An alt key is a key to bind (Escape then a key typed fast, one the user can say again).
    ESCAPE_THEN_KEY: EscapeThenKey = "never"

    DEFAULT_CSS = """
    KeyCaptureScreen { align: center middle; }
    KeyCaptureScreen > Static {
        width: 56; max-width: 100%; height: auto; padding: 1 2;
        border: round $accent; background: $surface;
    }
    """

    def __init__(self, description: str, current: str, *, add: bool = False) -> None:
        super().__init__()
        self.description = description
        self.current = current
        self.add = add

    def compose(self) -> ComposeResult:
        asked = "one more key" if self.add else "the new key"
        yield Static(
            f"Press {asked} for “{self.description}”.\n"
            f"Now: {display_keys(self.current) or 'none'}.  Esc cancels.",
            markup=False,
        )

    def on_key(self, event: events.Key) -> None:
        event.stop()
        event.prevent_default()
        self.dismiss(None if event.key == "escape" else event.key)
