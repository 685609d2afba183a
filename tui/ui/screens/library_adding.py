"""Adding books from the library screen.

The path typed at its prompt, the question before a large folder is added, and the book just
added put under the cursor.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.screen import Screen

from tui.library.library import Library
from tui.library.typed_paths import expanded, problem
from tui.paths import unbroken
from tui.ui.dialogs.library import ConfirmAdd
from tui.ui.dialogs.once import ask
from tui.ui.notices import notice_text
from tui.ui.widgets.library_scanner import LibraryScanner


class AddingFlow:
    """What the library screen does with a path typed at its add prompt, until the scan that
    adds it is done."""

    def __init__(self, screen: Screen[Any]) -> None:
        self.screen = screen
        self._adding_file: Path | None = None  # the file added, for the cursor to go to

    @property
    def library(self) -> Library:
        library: Library = getattr(self.screen.app, "library")  # noqa: B009 (the app's)
        return library

    @property
    def scanner(self) -> LibraryScanner:
        return self.screen.query_one(LibraryScanner)

    def submitted(self, typed: str) -> None:
        """A path typed at the prompt: added as `chapbook FOLDER` (and `chapbook add FILE`)
        adds it, in the scan worker, or why it cannot be."""
        typed = typed.strip()
        if not typed:
            return
        wrong = problem(typed, unbroken)
        if wrong:
            self.screen.notify(
                notice_text(self.screen.app, wrong), title="Adding", severity="error", timeout=10
            )
            return
        path = expanded(typed)
        self._adding_file = None if path.is_dir() else path.resolve()
        self.scanner.scan(False, [path], "Adding")

    def ask_to_add(self, message: LibraryScanner.AskToAdd) -> None:
        """Many books at once: added only when the reader agrees."""

        def answered(add: bool | None) -> None:
            if add:
                self.scanner.scan(False, message.paths, "Adding", agreed=True)
            else:
                self.screen.notify("Nothing was added.", title="Adding", timeout=4)

        ask(self.screen, ConfirmAdd(message.plan), answered)

    def added_book(self) -> str | None:
        """The scan is done: the id of the book just added from a file's path, if any, for the
        cursor to go to."""
        added, self._adding_file = self._adding_file, None
        record = self.library.find_by_path(added) if added is not None else None
        return record.id if record is not None else None
