"""The library's filter box, shown only while it is in use.

Hidden until the filter key shows it, and hidden again when it is cleared or left empty.
"""

from __future__ import annotations

from typing import ClassVar

from textual import events
from textual.binding import Binding, BindingType

from tui.settings.key_names import NAMED_KEYS
from tui.ui.actions import binding
from tui.ui.widgets.keyhint import bound_keys
from tui.ui.widgets.prompt_bar import LONGEST_ENTRY
from tui.ui.widgets.safe_input import SafeInput


class LibraryFilter(SafeInput):
    """One line above the list; the screen narrows the list as its value changes."""

    # Enter submits the box, as in any text box (`on_key`): with words typed that opens the
    # best match (the screen's `submitted`), without them it only goes back to the list. The
    # open key is bound here too, so that the footer says so while there are words to open by;
    # and Enter is bound to submitting, unshown, so that it offers the list's Open no sooner.
    BINDINGS: ClassVar[list[BindingType]] = [
        binding("open_book", "open_match", "Open"),
        Binding("enter", "submit", show=False),
    ]

    DEFAULT_CSS = """
    LibraryFilter {
        display: none;
        height: 1;
        padding: 0 1;
        &, &:focus, &.-invalid, &.-invalid:focus { border: none; }
        &.-shown { display: block; }
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(
            placeholder="filter by title, author, fandom, tags", id=id, max_length=LONGEST_ENTRY
        )
        self.found = False  # words typed, and a book they keep: Enter opens it

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "open_match":
            # (an open key that is a letter types it here: the footer does not offer it)
            return self.found and not any(
                types_text(key) for key in bound_keys(self.app, "open_book")
            )
        return super().check_action(action, parameters)

    async def action_open_match(self) -> None:
        await self.action_submit()

    async def on_key(self, event: events.Key) -> None:
        # Enter is the box's own, whatever keys open a book. Not a binding: Textual's keymap,
        # giving open_book other keys, takes its old key from every binding of the widget,
        # and with `open_book = "space"` Enter here did nothing at all.
        if event.key == "enter":
            event.stop()
            event.prevent_default()
            await self.action_submit()

    @property
    def shown(self) -> bool:
        return self.has_class("-shown")

    def open(self) -> None:
        """Show the box and give it the focus at once: letters typed right after the filter
        key belong in it."""
        self.add_class("-shown")
        self.screen.set_focus(self)

    def close(self) -> None:
        """Empty the box (the list is whole again) and hide it."""
        if self.value:
            self.value = ""
        self.remove_class("-shown")

    def hide_if_empty(self) -> None:
        if not self.value.strip():
            self.value = ""  # (spaces alone: nothing to keep for the next `/`)
            self.remove_class("-shown")


def types_text(key: str) -> bool:
    """Whether ``key`` types a character into a text box (`o`, `slash`, `space`) rather than
    being a key of its own (`enter`, `ctrl+o`, `f2`)."""
    return "+" not in key and (key == "space" or key not in NAMED_KEYS)
