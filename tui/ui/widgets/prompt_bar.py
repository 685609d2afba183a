"""A one-line prompt at the bottom of the reader.

Search text (`/`, `?`), a percentage (`%`) or a command (`:`, Tab completing the path of
`:e FILE`).
"""

from __future__ import annotations

from typing import ClassVar

from textual import events
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal
from textual.message import Message
from textual.widgets import Input, Label

from tui.book.loader import neutralise
from tui.library.typed_paths import complete
from tui.reading.commands import file_typed
from tui.reading.history import Recall
from tui.reading.pending import PendingKind
from tui.reading.wrapping import measure
from tui.ui.actions import binding
from tui.ui.widgets.keyhint import WithSettings
from tui.ui.widgets.safe_input import SafeInput, interrupts

# The longest text a prompt or query box takes. A search or a label is never near it; a paste
# of a whole chapter into one is cut to this (with a notice, `fit_paste`) instead of making
# every later key wait while the box measures megabytes of text.
LONGEST_ENTRY = 1000
HINT_SEPARATOR = " · "
# What a percentage prompt takes: digits, a decimal point or comma, a sign, the `%` sign.
PERCENT_TYPED = r"[0-9.,%\s-]*"
# The prompts that ask for a search (the search keys pressed there search again).
SEARCH_KINDS: tuple[PendingKind, ...] = ("search", "search_back", "search_chapter")


def fitted_placeholder(placeholder: str, room: int) -> str:
    """The leading `·`-separated parts of ``placeholder`` that fit in ``room`` cells: a hint
    is left short rather than cut mid-word at the field's edge."""
    parts = placeholder.split(HINT_SEPARATOR)
    while len(parts) > 1 and measure(HINT_SEPARATOR.join(parts)) > room:
        parts.pop()
    return HINT_SEPARATOR.join(parts)


def search_key(app: object, event: events.Key) -> PendingKind | None:
    """The search whose key ``event`` is, when that key types nothing (emacs's ctrl+s and
    ctrl+r; `/` and `?` are typed into the prompt). Looked up here rather than bound: a
    binding whose default key the text box takes (`?`) never gets the user's keys."""
    if event.is_printable or not isinstance(app, WithSettings):
        return None
    keys = app.settings.keys
    for kind in ("search", "search_back"):
        if event.key in keys.get(kind, "").split(","):
            return kind
    return None


class PromptBar(Horizontal):
    """Hidden until `ask()`; Enter posts `Submitted`, the `close` key posts `Cancelled`."""

    BINDINGS: ClassVar[list[BindingType]] = [
        binding("close", "cancel", "Cancel", show=False),
        # ↑ and ↓ (the keys of line_up and line_down) recall earlier and later entries.
        binding("line_up", "history_prev", "An earlier entry", show=False),
        binding("line_down", "history_next", "A later entry", show=False),
        # ctrl+p (the finder's key) recalls an earlier entry, as vim's and the shell's
        # command lines do; ctrl+n, a key of line_down, the later one. Not a priority binding,
        # as the finder's is elsewhere: it comes after the box, so that a key the box types
        # or edits with stays the box's whatever the user gave the finder (`find = "enter"`
        # left Enter recalling entries, and the prompt could not be answered).
        binding("find", "history_prev", "An earlier entry", show=False, priority=False),
    ]
    DEFAULT_CSS = """
    PromptBar {
        dock: bottom;
        height: 1;
        display: none;
        background: $panel;
    }
    PromptBar.-open { display: block; }
    PromptBar > Label { width: auto; padding: 0 0 0 1; color: $accent; text-style: bold; }
    PromptBar > Input {
        width: 1fr; height: 1; border: none; padding: 0 1; background: $panel;
    }
    PromptBar > Input:focus { border: none; }
    """

    class Submitted(Message):
        """The user pressed Enter: ``kind`` says what was asked, ``value`` what they typed;
        ``by_search_key``: a search key (emacs's ctrl+s) answered it, not Enter."""

        def __init__(self, kind: PendingKind, value: str, by_search_key: bool = False) -> None:
            super().__init__()
            self.kind = kind
            self.value = value
            self.by_search_key = by_search_key

    class Cancelled(Message):
        def __init__(self, kind: PendingKind) -> None:
            super().__init__()
            self.kind = kind

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.kind: PendingKind = "search"
        self.recall = Recall([])
        self._placeholder = ""

    def compose(self) -> ComposeResult:
        yield Label("")
        yield SafeInput(max_length=LONGEST_ENTRY)

    @property
    def is_open(self) -> bool:
        return self.has_class("-open")

    def ask(
        self,
        kind: PendingKind,
        prompt: str,
        value: str = "",
        placeholder: str = "",
        history: list[str] | None = None,
    ) -> None:
        """Open the prompt and focus its input; ↑ and ↓ walk through ``history``."""
        self.kind = kind
        self.recall = Recall(list(history or []), value)
        self.query_one(Label).update(prompt)
        field = self.query_one(Input)
        self._placeholder = placeholder
        field.placeholder = fitted_placeholder(placeholder, self._room(prompt))
        field.restrict = PERCENT_TYPED if kind == "percent" else None
        field.value = value
        field.cursor_position = len(value)
        self.add_class("-open")
        # Focus now, not on the next loop turn (`focus()` defers): keys typed straight after
        # the one that opened the prompt, as a laggy link delivers them, must land in it.
        self.screen.set_focus(field)

    def _room(self, prompt: str) -> int:
        """The cells the field has for its hint: the width less the prompt and the padding."""
        return self.app.size.width - measure(prompt) - 4

    def on_resize(self, event: events.Resize) -> None:
        label = str(self.query_one(Label).content)
        self.query_one(Input).placeholder = fitted_placeholder(self._placeholder, self._room(label))

    def _show(self, value: str) -> None:
        field = self.query_one(Input)
        field.value = value
        field.cursor_position = len(value)

    def action_history_prev(self) -> None:
        self._show(self.recall.older(self.query_one(Input).value))

    def action_history_next(self) -> None:
        self._show(self.recall.newer())

    def close(self) -> None:
        self.remove_class("-open")

    def on_descendant_blur(self, event: events.DescendantBlur) -> None:
        # A click on the page or the list took the focus from the box: the prompt goes, as
        # Escape would. Left open, it stayed on screen taking no keys, and Escape went past
        # it to the page. (Not when the terminal window lost the focus: Textual takes it
        # from every widget then, and gives it back with the window.)
        if self.is_open and self.app.app_focus and self.screen is self.app.screen:
            self.action_cancel()

    def action_again(self, direction: PendingKind) -> None:
        """A search key (ctrl+s, ctrl+r) pressed in a search's prompt, as in emacs's isearch:
        searches for what is typed, or in an empty prompt for the last search again (to its
        next match); the other direction's key turns the search around. Elsewhere (a
        percentage, a command) it does nothing."""
        if self.kind not in SEARCH_KINDS:
            return
        forward = self.kind != "search_back"
        kind = self.kind if forward == (direction == "search") else direction
        value = self.query_one(Input).value
        self.close()
        self.screen.post_message(self.Submitted(kind, value, by_search_key=True))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.close()
        # Straight to the screen, ahead of the note that ends Enter's turn (keys are handled
        # in order): a key typed right after Enter finds the answer given and the box left.
        self.screen.post_message(self.Submitted(self.kind, event.value))

    def on_key(self, event: events.Key) -> None:
        # (Backspace in an empty prompt leaves it be: closing it, as vim does, would let the
        # next Backspace typed to clear a longer entry jump back in the reader, its other key.)
        if self.is_open and interrupts(event):
            self.action_cancel()
            return
        if self.is_open and event.key == "tab" and self.kind == "command":
            event.stop()
            event.prevent_default()
            self._complete_path()
            return
        direction = self._search_key(event)
        if self.is_open and direction is not None:
            event.stop()
            event.prevent_default()
            self.action_again(direction)

    def _search_key(self, event: events.Key) -> PendingKind | None:
        return search_key(self.app, event)

    def _complete_path(self) -> None:
        """Tab after `:e `: the path's last name completed, as a shell and vim complete it;
        when several names fit, they are listed in a notice (the prompt is one line)."""
        field = self.query_one(Input)
        typed = file_typed(field.value)
        if typed is None:
            return
        command, path = typed
        done = complete(path)
        self._show(command + done.text)
        if len(done.choices) > 1:
            from tui.ui.notices import notice_width
            from tui.ui.widgets.path_prompt import choices_lines  # (the add prompt's list)

            width = notice_width(self.app.size.width)
            rows = choices_lines([neutralise(c) for c in done.choices], width)
            self.app.notify("\n".join(rows), title="Tab completes to", timeout=6, markup=False)

    def action_cancel(self) -> None:
        self.close()
        self.screen.post_message(self.Cancelled(self.kind))
