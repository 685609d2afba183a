"""A text box that never holds a control character.

Nothing typed or pasted into it can drive the terminal.
"""

from __future__ import annotations

from rich.cells import cell_len
from textual import events
from textual.geometry import Region
from textual.widgets import Input

from tui.book.loader import neutralise


def fit_paste(text: str, kept: int, longest: int) -> tuple[str, str]:
    """What of a pasted ``text`` fits beside ``kept`` characters in a box that holds at most
    ``longest`` (0: no limit), and a notice when not all of it does ("" when it does)."""
    room = max(0, longest - kept)
    if not longest or len(text) <= room:
        return text, ""
    if not room:
        return "", f"Nothing pasted: the box holds {longest:,} characters at most"
    if room == longest:
        return text[:room], f"Pasted text cut to {room:,} characters"
    return text[:room], f"Pasted text cut to {room:,} characters: the box holds {longest:,}"


# The keys a text box edits with: its own bindings (the arrows along the line, Home, End,
# Backspace, Delete, ctrl+w ...) and Enter, which submits what was typed.
EDITING_KEYS = frozenset(
    {key.strip() for b in Input.BINDINGS for key in getattr(b, "key", "").split(",")} | {"enter"}
)


def typed_or_edited(event: events.Key) -> bool:
    """True for a key a focused text box types (a character) or edits with (`EDITING_KEYS`)."""
    return event.is_printable or event.key in EDITING_KEYS


def interrupts(event: events.Key) -> bool:
    """True for ctrl+c typed in a prompt, which then cancels the prompt as Escape does, as in
    vim and less. The key goes no further: Textual would copy with it, or, with nothing
    selected, say how to quit while the prompt kept the next key."""
    if event.key != "ctrl+c":
        return False
    event.stop()
    event.prevent_default()
    return True


def typed_into_filter(action: str, focused: object) -> bool:
    """True for a list's `filter` action asked by its key while a text box has the focus: in
    the open filter its own key is text (with `search = "s"` the s of `search` went to
    opening the filter it was typed in, and never into it)."""
    return action == "filter" and isinstance(focused, Input)


class SafeInput(Input):
    """An `Input` whose text is shown as typed but never sent raw: a pasted escape sequence or
    other control character becomes its visible symbol (`␛`, `␇`), as in book text. A paste
    longer than the box holds is cut to fit (`fit_paste`), with a notice.

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
        selection = self.selection
        start, end = sorted((selection.start, selection.end))
        # Textual refuses a paste that would make the text longer than `max_length` whole,
        # with no word: the box stayed empty. What fits goes in, and a notice says so.
        text, notice = fit_paste(text, len(self.value) - (end - start), self.max_length or 0)
        if notice:
            self.app.notify(notice, title="Paste", timeout=4)
        if not text:
            return
        if selection.is_empty:
            self.insert_text_at_cursor(text)
        else:
            self.replace(text, *selection)

    def on_resize(self) -> None:
        # Textual scrolls the text to the cursor only when the cursor moves: a box made
        # narrower kept its old scroll, the cursor and the end of the text past its edge.
        self.call_after_refresh(self._cursor_into_view)

    def _cursor_into_view(self) -> None:
        if self.is_mounted:
            before = self.value[: self.cursor_position].expandtabs(4)
            # (at the end, the cursor is the cell after the last character)
            cell = cell_len(before) + (1 if self.cursor_at_end else 0)
            cursor = Region(cell, 0, width=1, height=1)
            self.scroll_to_region(cursor, force=True, animate=False)

    def insert_text_at_cursor(self, text: str) -> None:
        super().insert_text_at_cursor(neutralise(text))

    def insert(self, text: str, index: int) -> None:
        super().insert(neutralise(text), index)

    def replace(self, text: str, start: int, end: int) -> None:
        super().replace(neutralise(text), start, end)
