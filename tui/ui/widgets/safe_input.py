"""A text box that never holds a control character, so nothing typed or pasted can drive the
terminal."""

from __future__ import annotations

from textual.widgets import Input

from tui.book.loader import neutralise


class SafeInput(Input):
    """An `Input` whose text is shown as typed but never sent raw: a pasted escape sequence or
    other control character becomes its visible symbol (`␛`, `␇`), as in book text.

    Textual's `Input` inserts a paste as it comes, and draws its text as it is, so a pasted
    `ESC [ ? 1049 l` would reach the terminal as a command."""

    def insert_text_at_cursor(self, text: str) -> None:
        super().insert_text_at_cursor(neutralise(text))

    def insert(self, text: str, index: int) -> None:
        super().insert(neutralise(text), index)

    def replace(self, text: str, start: int, end: int) -> None:
        super().replace(neutralise(text), start, end)
