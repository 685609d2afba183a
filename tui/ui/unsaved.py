"""Telling the reader, once, that the library (their place, their bookmarks) is not being saved."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tui.ui.notices import notice_text

if TYPE_CHECKING:
    from tui.ui.app import ChapbookApp

# Seconds between looks at how the last save went (a save runs in a worker: its failure is
# read here, on the interface thread).
LOOK_EVERY = 2.0
TITLE = "Not saved"


class UnsavedWatch:
    """Looks at the library's last save now and then and says, once a reason, that nothing is
    being saved (a read-only data folder, a full disk): the place read to was lost without a
    word, the failure kept only in a list no screen showed while reading."""

    def __init__(self, app: ChapbookApp) -> None:
        self.app = app
        # (a data folder that is a file was said as chapbook started)
        self.told = app.library.unsaveable

    def start(self) -> None:
        self.app.set_interval(LOOK_EVERY, self.look, name="unsaved")

    def look(self) -> None:
        reason = self.app.library.not_saved
        if reason is None or reason == self.told:
            if reason is None:
                self.told = None  # (saved again: a new failure is said again)
            return
        self.told = reason
        text = f"Your place and bookmarks are not being saved: {reason}"
        self.app.notify(notice_text(self.app, text), title=TITLE, severity="error", timeout=15)
