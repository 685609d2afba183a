"""The small dialog that asks for a setting typed out, checked as settings.toml checks it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar

from textual import events
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label

from tui.ui.actions import binding
from tui.ui.dialogs.once import DismissesOnce
from tui.ui.terminal.resizes import FollowsTheTerminal
from tui.ui.widgets.safe_input import SafeInput, interrupts


class ValueEntryScreen(FollowsTheTerminal, DismissesOnce, ModalScreen[Any], inherit_bindings=False):
    """Asks for a value (a number, a scene break); Enter answers with it once ``check``
    accepts it (a refused one is said under the field, which keeps it to correct), Escape
    cancels with None."""

    BINDINGS: ClassVar[list[BindingType]] = [binding("close", "cancel", "Cancel")]
    DEFAULT_CSS = """
    ValueEntryScreen { align: center middle; }
    ValueEntryScreen > Vertical {
        width: 56; max-width: 100%; height: auto;
        border: round $accent; background: $surface; padding: 0 1;
    }
    ValueEntryScreen Label { width: 1fr; color: $text-muted; }
    ValueEntryScreen #entry-problem { color: $error; display: none; }
    ValueEntryScreen #entry-problem.-shown { display: block; }
    """

    def __init__(
        self,
        prompt: str,
        current: str,
        longest: int,
        check: Callable[[str], tuple[Any, str | None]],
    ) -> None:
        super().__init__()
        self.prompt = prompt
        self.current = current
        self.longest = longest
        self.check = check

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(self.prompt, markup=False)
            # The value now, selected: typing replaces it.
            yield SafeInput(self.current, max_length=self.longest, select_on_focus=True)
            yield Label("", id="entry-problem", markup=False)
            yield Label("Enter sets it (not saved yet), Escape cancels.")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        value, problem = self.check(event.value)
        if value is None:
            shown = self.query_one("#entry-problem", Label)
            shown.update(problem or "")
            shown.add_class("-shown")
            # Selected, so that typing the right value replaces the wrong one.
            self.query_one(SafeInput).select_all()
            return
        self.dismiss(value)

    def on_key(self, event: events.Key) -> None:
        if interrupts(event):
            self.action_cancel()

    def action_cancel(self) -> None:
        self.dismiss(None)
