"""A text box that never holds a control character, so nothing typed or pasted can drive the
terminal."""

from __future__ import annotations

from textual import events
from textual.widgets import Input

from tui.book.loader import neutralise


class SafeInput(Input):
    """An `Input` whose text is shown as typed but never sent raw: a pasted escape sequence or
    other control character becomes its visible symbol (`␛`, `␇`), as in book text.

    Textual's `Input` inserts a paste as it comes, and draws its text as it is, so a pasted
    `ESC [ ? 1049 l` would reach the terminal as a command."""

    def on_paste(self, event: events.Paste) -> None:
        # Textual keeps a paste's first line only; a passage copied across lines is wanted
        # whole, so its lines are joined with spaces.
        event.prevent_default()
        event.stop()
        text = " ".join(line.strip() for line in event.text.splitlines() if line.strip())
        if not text:
            return
        if self.selection.is_empty:
            self.insert_text_at_cursor(text)
        else:
            self.replace(text, *self.selection)

    def insert_text_at_cursor(self, text: str) -> None:
        super().insert_text_at_cursor(neutralise(text))

    def insert(self, text: str, index: int) -> None:
        super().insert(neutralise(text), index)

    def replace(self, text: str, start: int, end: int) -> None:
        super().replace(neutralise(text), start, end)
