"""What the library screen says when a scan ends.

Books added or changed, files skipped, and the library's own warnings.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.screen import Screen

from tui.library.folders import AddCounts
from tui.library.library import Library
from tui.library.scan import skipped_text
from tui.library.sync import ScanChanges
from tui.paths import fitted_path, fitted_words, shown_path
from tui.reading.progress import fit
from tui.ui.notices import notice_width, reading_seconds
from tui.ui.widgets.library_scanner import LibraryScanner

FILTER_SHOWN = 30  # cells of the filter's words a notice names


FOLDERS_NAMED = 2  # library folders a rescan that found nothing names
# The label of the looks at the books' files made while the list is showing (on coming back
# to it, and every little while): what they find changed is said.
LOOKED_AGAIN = "Looking again at"


def changes_text(checked: ScanChanges) -> str:
    """`1 book missing, 2 updated`; "" when the check found nothing changed."""
    kinds = [
        (checked.went_missing, "missing"),
        (checked.found, "found at a new path"),
        (checked.updated, "updated"),
        (checked.linked, "read from a newer copy"),
        (checked.added, "added"),
    ]
    parts = [f"{count} {what}" for count, what in kinds if count]
    if parts:
        count = next(count for count, _ in kinds if count)
        parts[0] = parts[0].replace(" ", f" book{'s' if count != 1 else ''} ", 1)
    return ", ".join(parts)


def rescan_text(checked: ScanChanges, folders: list[str]) -> str:
    """`1 book missing, 2 updated`, `Nothing changed in ~/fics`; without library folders,
    where new books would have been looked for."""
    has_folders = bool(folders)
    changed = changes_text(checked)
    text = changed or "Nothing changed"
    if not changed and has_folders:  # (where it looked: a moved book is only found there)
        named = [shown_path(folder) for folder in folders[:FOLDERS_NAMED]]
        more = len(folders) - len(named)
        text += " in " + (", " if more else " and ").join(named)
        if more:
            text += f" and {more} more folder{'s' if more != 1 else ''}"
    if not has_folders:
        text += ". New books are looked for in the folders added with `chapbook FOLDER`"
        text += " or `chapbook add FOLDER`; there are none yet."
    return text


def added_title(counts: AddCounts) -> str:
    """The title of the notice of a finished add: what it did, in a word or two."""
    if counts.added:
        return "Added"
    return "Updated" if counts.moved or counts.changed or counts.newer else "Nothing new"


class ScanReports:
    """Notifies, on ``screen``, how each scan ended, and each of the library's warnings once
    (those already there were shown by the app as it started)."""

    def __init__(self, screen: Screen[Any], library: Library) -> None:
        self.screen = screen
        self.library = library
        self.notices_shown = len(library.notices)

    def report(self, message: LibraryScanner.Done, cleared: str = "") -> None:
        """Say how the scan ended; ``cleared``: the filter words cleared to show what it
        added."""
        screen = self.screen
        width = notice_width(screen.app.size.width)

        def notify(text: str, **how: Any) -> None:
            screen.notify(fitted_words(text, width), **how)

        def show(path: Path | str) -> str:
            return fitted_path(path, width)

        if message.error:
            notify(message.error, title=message.label, severity="error", timeout=10)
        elif message.added is not None:
            text = message.added.text(show)
            if cleared:
                text += f"; the filter “{fit(cleared, FILTER_SHOWN)}” was cleared"
            # Titled as done, not as the progress line was (`Adding`), and gone once read.
            notify(text, title=added_title(message.added.counts), timeout=reading_seconds(text))
        elif message.rescan:
            notify(
                rescan_text(message.checked, list(self.library.folders)), title="Rescan", timeout=6
            )
        elif (
            message.label == LOOKED_AGAIN
            and screen.app.screen is screen
            and (changed := changes_text(message.checked))
        ):
            # A look while the list is showing: a row that changed under the cursor is said,
            # so that a rescan after it finding nothing new is not a surprise (not over a book
            # opened meanwhile: the rows show it when the list is back).
            notify(changed, title="Library", timeout=reading_seconds(changed))
        skipped, self.library.skipped = self.library.skipped, []
        if skipped:
            notify(
                skipped_text(skipped, show=show),
                title="Skipped",
                severity="warning",
                timeout=10,
            )
        for notice in self.library.notices[self.notices_shown :]:
            notify(notice, title="Library", severity="warning", timeout=15)
        self.notices_shown = len(self.library.notices)
