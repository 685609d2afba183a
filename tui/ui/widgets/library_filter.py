"""The library's filter box: hidden until the filter key shows it, and hidden again when it is
cleared or left empty."""

from __future__ import annotations

from tui.ui.widgets.prompt_bar import LONGEST_ENTRY
from tui.ui.widgets.safe_input import SafeInput


class LibraryFilter(SafeInput):
    """One line above the list; the screen narrows the list as its value changes."""

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

    @property
    def shown(self) -> bool:
        return self.has_class("-shown")

    @property
    def filtering(self) -> bool:
        """Shown, or holding words that narrow the list."""
        return self.shown or bool(self.value)

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
            self.remove_class("-shown")
