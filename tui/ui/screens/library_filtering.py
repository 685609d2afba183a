"""The library's `/` filter, which narrows the list as words are typed.

The box that narrows the list, the best match it highlights for Enter, and the ways out of it
(on into the list, or the whole list again).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from textual import events
from textual.widgets import Input

from tui.library.catalog import BookFilter
from tui.library.records import BookRecord
from tui.ui.widgets.library_filter import LibraryFilter

if TYPE_CHECKING:
    from tui.ui.screens.library import LibraryScreen


class FilterFlow:
    """The words typed in the filter box and what they keep of the list, in its order."""

    def __init__(self, host: LibraryScreen) -> None:
        self.host = host
        self.text = ""  # the words typed, stripped ("": no filter)
        self.matcher = BookFilter()
        self._best: BookRecord | None = None  # the best match the highlight last went to

    @property
    def box(self) -> LibraryFilter:
        return self.host.query_one(LibraryFilter)

    def rows(self, shelf: Sequence[BookRecord]) -> list[BookRecord]:
        """The books of ``shelf`` the words keep, in the shelf's order."""
        return self.matcher.apply(shelf, self.text) if self.text else list(shelf)

    def new_best(self, rows: list[BookRecord], changed: bool) -> BookRecord | None:
        """The book to highlight after a letter typed: the best match, when the list or its
        best match changed with that letter (as fzf's cursor goes to the best match); None
        to leave the highlight where it is."""
        best = self.matcher.best(rows, self.text) if self.text else None
        moved = changed or best is not self._best
        self._best = best
        return best if moved else None

    # -- the box ------------------------------------------------------------------------
    def open(self) -> None:
        """`/`: the box, with the focus (letters typed next are the filter's)."""
        host = self.host
        host.counts.drop()  # digits typed next are the filter's
        self.box.open()
        host.refresh_bindings()
        self.matcher.prepare(host.shelf)  # now, not on the first character typed

    def focus_given(self, event: events.DescendantFocus) -> None:
        # The filter box takes the focus only when shown (`/`): focus given to it unseen
        # (first on the screen, or given back after a dialog) goes to the list. Keys typed
        # into a hidden box, with Escape and the help key refused while it had the focus,
        # left the library seeming deaf.
        box = self.box
        if event.widget is box and not box.shown:
            self.host.set_focus(self.host.table)

    def changed(self, value: str) -> None:
        # Called as the box's value changes (not via its Changed message, a loop later), so
        # the narrowed list is drawn in the same repaint as the typed character.
        box = self.box
        before = (bool(self.text), box.found)
        self.text = value.strip()
        self.host.show_rows(filtered=True)
        box.found = bool(self.text) and self.host.table.current is not None
        if (bool(self.text), box.found) != before:  # Enter and Escape do other things now:
            self.host.refresh_bindings()  # the footer says so

    def submitted(self, event: Input.Submitted) -> None:
        host = self.host
        if host.focused is not event.input:
            # A second Enter typed before the first one moved the focus (both keys reached
            # the box): after an empty box it was meant for the list; after words, the first
            # Enter opened what they found already.
            if not self.text:
                host.action_open_book()
            return
        self.browse()
        if self.text:
            # One Enter opens what the filter found, as in fzf: the best match, highlighted.
            host.action_open_book()

    def browse(self) -> None:
        """From the box to the list it narrowed, the filter kept (an empty box goes)."""
        self.box.hide_if_empty()
        # At once, not after a refresh: a key typed right after this one is the list's.
        self.host.set_focus(self.host.table)
        self.host.refresh_bindings()

    def clear(self) -> None:
        """The whole list again, the box gone (the highlighted book stays highlighted)."""
        self.box.close()  # `changed` shows the whole list again
        self.host.table.focus()
        self.host.refresh_bindings()

    def filter_for(self, words: str) -> None:
        """The list filtered by ``words`` (`:/words`, as `/` and the words typed)."""
        self.open()
        self.box.value = words
        self.browse()

    # -- what its keys do now -------------------------------------------------------------
    def takes_escape(self) -> bool:
        """Escape clears the filter's words or closes its box, rather than leaving the list."""
        return bool(self.offers("clear_filter") or self.offers("close_filter"))

    def offers(self, action: str) -> bool | None:
        """Whether the filter's own ``action`` is on now (None: not one of the filter's)."""
        box = self.box
        if action == "clear_filter":  # words to clear, shown or not
            return bool(box.value.strip())
        if action == "close_filter":  # the box shown, empty: Escape only hides it
            return box.shown and not box.value.strip()
        if action == "browse_matches":  # (nothing found: no list to go on into)
            return self.host.focused is box and bool(self.host.table.rows)
        return None
