"""The library's add prompt at the bottom: a file or folder path, Tab completing its names."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Input, Label, Static

from tui.book.loader import neutralise
from tui.library.typed_paths import complete, problem
from tui.paths import cut_middle, fitted_words, unbroken
from tui.reading.wrapping import measure
from tui.ui.actions import binding
from tui.ui.widgets.prompt_bar import LONGEST_ENTRY, fitted_placeholder
from tui.ui.widgets.safe_input import SafeInput, interrupts

ADD_PROMPT = "Add a file or folder:"
ADD_HINT = "~ is home · Tab completes · Esc cancels"
# The most lines the names Tab could complete to take above the prompt: a home folder can hold
# thousands of names, and the list of books must stay in sight.
CHOICES_LINES = 5
GAP = "  "


def choices_lines(choices: list[str], width: int, lines: int = CHOICES_LINES) -> list[str]:
    """The names Tab could complete to, two spaces apart in lines of ``width`` cells, as a
    shell lists them; past ``lines`` lines the last says how many more there are. A name
    wider than a line is cut in its middle."""
    rows: list[str] = []
    for at, name in enumerate(choices):
        name = cut_middle(name, width)
        if rows and measure(rows[-1] + GAP + name) <= width:
            rows[-1] += GAP + name
            continue
        if len(rows) == lines:
            more = f"… and {len(choices) - at:,} more"
            while rows[-1] and measure(rows[-1] + GAP + more) > width:
                rows[-1] = rows[-1].rpartition(GAP)[0]
                at -= 1
                more = f"… and {len(choices) - at:,} more"
            rows[-1] = f"{rows[-1]}{GAP}{more}" if rows[-1] else more
            break
        rows.append(name)
    return rows


class PathInput(SafeInput):
    """The prompt's text box: Tab completes the path instead of moving the focus."""

    class CompletionWanted(Message):
        """Tab was pressed in the box."""

    def on_key(self, event: events.Key) -> None:
        # Tab belongs to the path, as in a shell; the screen would move the focus with it.
        if event.key == "tab":
            event.stop()
            event.prevent_default()
            self.post_message(self.CompletionWanted())


class PathPrompt(Vertical):
    """Hidden until `ask()`; Enter posts `Submitted` with the path typed, the `close` key
    (or ctrl+c) posts `Cancelled`. Tab completes, listing the choices above when several fit."""

    BINDINGS: ClassVar[list[BindingType]] = [binding("close", "cancel", "Cancel", show=False)]
    DEFAULT_CSS = """
    PathPrompt {
        dock: bottom;
        height: auto;
        display: none;
        background: $panel;
    }
    PathPrompt.-open { display: block; }
    PathPrompt > #path-choices { display: none; padding: 0 1; color: $text-muted; }
    PathPrompt > #path-choices.-shown { display: block; }
    PathPrompt > Horizontal { height: 1; }
    PathPrompt Label { width: auto; padding: 0 0 0 1; color: $accent; text-style: bold; }
    PathPrompt Input { width: 1fr; height: 1; border: none; padding: 0 1; background: $panel; }
    PathPrompt Input:focus { border: none; }
    """

    class Submitted(Message):
        """Enter: ``value`` is the path as typed."""

        def __init__(self, value: str) -> None:
            super().__init__()
            self.value = value

    class Cancelled(Message):
        """The prompt was closed without a path."""

    def compose(self) -> ComposeResult:
        yield Static("", id="path-choices")
        with Horizontal():
            yield Label(ADD_PROMPT)
            yield PathInput(max_length=LONGEST_ENTRY, id="path-input")

    @property
    def is_open(self) -> bool:
        return self.has_class("-open")

    @property
    def field(self) -> Input:
        return self.query_one("#path-input", Input)

    def ask(self) -> None:
        """Open the prompt, empty, with the focus in it."""
        self._show_choices([])
        field = self.field
        field.value = ""
        field.placeholder = fitted_placeholder(ADD_HINT, self._room())
        self.add_class("-open")
        # Focus now, not on the next loop turn: keys typed right after the one that opened
        # the prompt must land in it.
        self.screen.set_focus(field)

    def _room(self) -> int:
        """The cells the box has for its hint: the width less the prompt and the padding."""
        return self.app.size.width - measure(ADD_PROMPT) - 4

    def on_resize(self, event: events.Resize) -> None:
        self.field.placeholder = fitted_placeholder(ADD_HINT, self._room())

    def _show_choices(self, choices: list[str]) -> None:
        box = self.query_one("#path-choices", Static)
        rows = choices_lines([neutralise(c) for c in choices], self.app.size.width - 2)
        # File names are shown as names, never as markup.
        box.update(Text("\n".join(rows)))
        box.set_class(bool(choices), "-shown")

    def on_path_input_completion_wanted(self, message: PathInput.CompletionWanted) -> None:
        message.stop()
        field = self.field
        done = complete(field.value)
        if done.text == field.value and not done.choices:
            # Tab with nothing to complete says so, rather than nothing at all.
            self._say(problem(field.value, unbroken) or "Nothing more to complete here")
            return
        field.value = done.text
        field.cursor_position = len(done.text)
        self._show_choices(done.choices)

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        wrong = problem(event.value.strip(), unbroken) if event.value.strip() else ""
        if wrong:
            # The prompt stays open with what was typed, the problem said above it
            # (`did you mean ~/fics/worm?`), so a slip is mended, not typed again.
            self._say(wrong)
            return
        self.close()
        self.post_message(self.Submitted(event.value))

    def _say(self, message: str) -> None:
        """A line above the prompt: why the path cannot be added, or cannot be completed (a
        path in it kept whole on its line)."""
        box = self.query_one("#path-choices", Static)
        box.update(Text(neutralise(fitted_words(message, self.app.size.width - 2))))
        box.set_class(True, "-shown")

    def on_key(self, event: events.Key) -> None:
        if self.is_open and interrupts(event):
            self.action_cancel()

    def on_descendant_blur(self, event: events.DescendantBlur) -> None:
        # A click on the list took the focus from the box: the prompt goes, as Escape would
        # (as the reader's prompts do). Left open, it kept the path typed, took no keys, and
        # Escape went past it, back to the book. (Not when the terminal window lost the
        # focus: Textual takes it from every widget then, and gives it back with the window.)
        if self.is_open and self.app.app_focus and self.screen is self.app.screen:
            self.action_cancel()

    def close(self) -> None:
        self.remove_class("-open")
        self._show_choices([])

    def action_cancel(self) -> None:
        self.close()
        self.post_message(self.Cancelled())
