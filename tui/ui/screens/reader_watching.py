"""The reader's look at its files every few seconds.

The book's, read again at a quiet moment, and the library's, for the bookmarks and marks
another window made.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Protocol

from textual.widget import Widget
from textual.worker import Worker

from tui.ui.screens.reader_host import ReaderHost

# Seconds between looks (a stat) at the book's file while it is on screen: a chapter posted
# meanwhile is read in, with the place kept, without leaving the book first. The bookmarks
# and marks another window on the book saved are taken in at the same look.
FILE_LOOKED_AT_EVERY = 5.0


class WatchingHost(ReaderHost, Protocol):
    """What watching the file needs of the screen beyond what every flow does."""

    @property
    def focused(self) -> Widget | None: ...

    @property
    def workers(self) -> Iterable[Worker[object]]: ...

    def set_interval(self, interval: float, callback: Callable[[], object]) -> object: ...


class WatchingFlow:
    """Looks at the book's file while it is on screen and, when it was written again (a
    downloader fetched the new chapter), has it read again by ``read_again_if_changed`` (the
    `KeepingFlow`'s), as when the reader comes back to it: the place kept, the new chapters
    offered. At the same look, takes in what another window (another chapbook) on the book
    saved of its bookmarks and marks, and of the marks naming places in other books."""

    def __init__(self, host: WatchingHost, read_again_if_changed: Callable[[], bool]) -> None:
        self.host = host
        self._read_again_if_changed = read_again_if_changed

    def start(self) -> None:
        """Look every `FILE_LOOKED_AT_EVERY` seconds from now on (the screen is mounted)."""
        self.host.set_interval(FILE_LOOKED_AT_EVERY, self.look)

    def look(self) -> None:
        """Only at a quiet moment: not under a prompt, a dialog or the finder, nor while a
        search or a count runs, a selection is made, or a count or a mark's letter is being
        typed, all of which the book opened again would lose. The stat is made in a worker (a
        file on a network mount may be slow to answer)."""
        if self._quiet() and not self._working("file"):
            self.host.run_worker(
                self._files_changed, thread=True, group="file", exit_on_error=False
            )

    def _quiet(self) -> bool:
        host = self.host
        session = host.session
        return (
            host.app.screen is host
            and host.focused is host.view
            and session.selection is None
            and not session.count.pending
            and session.mark_pending is None
            and not self._working("search", "count", "open")
        )

    def _working(self, *groups: str) -> bool:
        return any(w.group in groups and not w.is_finished for w in self.host.workers)

    def _files_changed(self) -> None:
        session, library = self.host.session, self.host.app.library
        # (merged under the library's lock: what this window has not saved yet stays)
        if session.book_id is not None:
            library.take_in_details(session.book_id)
        if library.changed_on_disk():  # (a capital mark set in another book)
            library.reload()
        if session.final and session.file_changed():
            self.host.app.call_from_thread(self._read_again)

    def _read_again(self) -> None:
        if self._quiet():
            self._read_again_if_changed()
