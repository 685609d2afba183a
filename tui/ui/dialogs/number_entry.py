"""The small dialog that asks for a number setting's value, checked as settings.toml checks it."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

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

LONGEST_NUMBER = 12  # more digits than any setting's range holds


class NumberEntryScreen(
    FollowsTheTerminal, DismissesOnce, ModalScreen[int | None], inherit_bindings=False
):
    """Asks for a whole number; Enter answers with it once ``check`` accepts it (a refused one
    is said under the field, which keeps it to correct), Escape cancels with None."""

    BINDINGS: ClassVar[list[BindingType]] = [binding("close", "cancel", "Cancel")]
    DEFAULT_CSS = """
    NumberEntryScreen { align: center middle; }
    NumberEntryScreen > Vertical {
        width: 56; max-width: 100%; height: auto;
        border: round $accent; background: $surface; padding: 0 1;
    }
    NumberEntryScreen Label { width: 1fr; color: $text-muted; }
    NumberEntryScreen #number-problem { color: $error; display: none; }
    NumberEntryScreen #number-problem.-shown { display: block; }
    """

    def __init__(
        self,
        label: str,
        current: int,
        low: int,
        high: int,
        check: Callable[[str], tuple[int | None, str | None]],
    ) -> None:
        super().__init__()
        self.label = label
        self.current = current
        self.low = low
        self.high = high
        self.check = check

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(
                f"{self.label}: a whole number from {self.low} to {self.high}", markup=False
            )
            # The value now, selected: typing replaces it.
            yield SafeInput(str(self.current), max_length=LONGEST_NUMBER, select_on_focus=True)
            yield Label("", id="number-problem", markup=False)
            yield Label("Enter sets it (not saved yet), Escape cancels.")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        value, problem = self.check(event.value)
        if value is None:
            shown = self.query_one("#number-problem", Label)
            shown.update(problem or "")
            shown.add_class("-shown")
            # Selected, so that typing the right number replaces the wrong one.
            self.query_one(SafeInput).select_all()
            return
        self.dismiss(value)

    def on_key(self, event: events.Key) -> None:
        if interrupts(event):
            self.action_cancel()

    def action_cancel(self) -> None:
        self.dismiss(None)
