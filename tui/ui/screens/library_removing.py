"""Removing books from the library screen, after asking, with a way back.

The books removed can be brought back while the list has stayed on screen (a slip of the remove
key costs no place or bookmark).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tui.library.book_table import Removal
from tui.ui.dialogs.library import ConfirmRemove
from tui.ui.dialogs.once import ask
from tui.ui.widgets.keyhint import key_hint

if TYPE_CHECKING:
    from tui.ui.screens.library import LibraryScreen

# Long enough to read the notice and reach for the key it names.
REMOVED_NOTICE_SECONDS = 8
REMOVED = "Removed"  # the notice's title


class RemovingFlow:
    """The remove key's question, and the books it removed, to bring back the last first."""

    def __init__(self, host: LibraryScreen) -> None:
        self.host = host
        self.removed: list[Removal] = []

    def ask(self) -> None:
        """Remove the highlighted book, once the reader says yes."""
        host = self.host
        record = host.table.current
        if record is None:
            return

        def answered(remove: bool | None) -> None:
            if not remove:
                return
            row = host.table.cursor
            removal = host.library.remove(record.id)
            if removal is None:  # (gone meanwhile: another chapbook removed it)
                host.reload()
                return
            self.removed.append(removal)
            host.reload()
            host.table.cursor = row  # the next book takes its row (the last stays last)
            host.highlighted(host.table.current)
            back = key_hint(host.app, "restore_book")
            host.app.notify(
                f"“{record.display_title}” (the file is untouched): {back} brings it back.",
                title=REMOVED,
                timeout=REMOVED_NOTICE_SECONDS,
                markup=False,
                replacing=True,
            )
            host.refresh_bindings()  # the footer offers the way back
            host.save()

        ask(host, ConfirmRemove(record), answered)

    def undo(self) -> None:
        """The book removed last back in the list, under the cursor, with its place,
        bookmarks and reading time."""
        host = self.host
        if not self.removed:
            return
        removal = self.removed.pop()
        title = removal.record.display_title
        host.app.notice_board.withdraw_titled(REMOVED)  # its key is used: it is done with
        if host.library.restore(removal):
            host.follow(removal.record.id)
            host.reload()
            host.notify(f"“{title}” is back in the library.", timeout=4, markup=False)
            host.save()
        else:
            host.notify(
                f"“{title}” was added again meanwhile, so it is in the library already.",
                timeout=6,
                markup=False,
            )
        host.refresh_bindings()

    def left(self) -> None:
        """The list was left for a book or another screen: the books removed stay removed."""
        if self.removed:
            self.removed.clear()
            self.host.refresh_bindings()
