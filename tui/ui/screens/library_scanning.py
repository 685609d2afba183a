"""Keeping the library screen true to the files.

The check on start and every so often while the list shows, the adding a start goes on with,
and the list after a scan (what came in in view).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tui.library.folders import AddResult
from tui.ui.screens.library_scan_reports import LOOKED_AGAIN, ScanReports
from tui.ui.widgets.library_scanner import LibraryScanner

if TYPE_CHECKING:
    from tui.ui.screens.library import LibraryScreen

# Seconds between looks at the books' files while the list is showing (a stat of each, in a
# worker): a story a downloader updated beside it shows `updated +1` without a key.
FILES_LOOKED_AT_EVERY = 20.0


class ScanFlow:
    """When the library's scanner runs, and what the list does when it is done."""

    def __init__(self, host: LibraryScreen) -> None:
        self.host = host
        # Made on mount: the library's warnings from before it were shown by the app.
        self.reports: ScanReports | None = None

    @property
    def scanner(self) -> LibraryScanner:
        return self.host.query_one(LibraryScanner)

    def start(self) -> None:
        """On mount: the check of every file, or the adding the command line or the last
        run left, after the first paint (it must not hold the list back from the screen);
        then a look every `FILES_LOOKED_AT_EVERY` seconds while the list shows."""
        host = self.host
        library = host.library
        self.reports = ScanReports(host, library)
        queued, library.queued = list(library.queued), []
        label = "Adding" if queued else "Checking"
        # An adding cut short last time was agreed to then: it goes on without asking again.
        resumed = bool(queued) and all(str(p) in library.unfinished for p in queued)
        host.call_after_refresh(self.scanner.scan, False, queued, label, agreed=resumed)
        host.set_interval(FILES_LOOKED_AT_EVERY, self._check_while_shown)

    def check_files(self, *, tell: bool = True) -> None:
        """Look again at the books' files, as on start, for those changed while another screen
        was up or while the list was showing (a chapter posted to a story): a stat of each, in
        a worker, and only a file whose size or time changed is read again, so its chapters
        and `updated +N` are true. Not while a scan or an adding goes on: that checks them
        itself, and is not cut short (one just started, not yet running, neither: a look in
        its place would cancel it). ``tell``: what it finds changed is said."""
        scanner = self.scanner
        if not any(w.group == "scan" and not w.is_finished for w in scanner.workers):
            scanner.scan(False, label=LOOKED_AGAIN if tell else "Checking")

    def _check_while_shown(self) -> None:
        if self.host.app.screen is self.host:
            self.check_files()

    def rescan(self) -> None:
        self.scanner.scan(add_new=True, label="Rescanning")

    def done(self, message: LibraryScanner.Done) -> None:
        """A scan ended: the list as the library is now, the book a file's path added under
        the cursor, what came in in view, and a report of it."""
        host = self.host
        added = host.adding.added_book()
        if added is not None:  # the book just added, under the cursor
            host.follow(added)
        if message.label != LOOKED_AGAIN or message.checked.total:
            host.reload()  # (a look that found nothing changed leaves the list as it is)
        cleared = self._show_what_came_in(message.added, added)
        if self.reports is not None:
            self.reports.report(message, cleared)

    def _show_what_came_in(self, result: AddResult | None, added: str | None) -> str:
        """Clear a filter that hides books an add just brought in (or the book named, under
        the cursor), so the list shows what came in; the words cleared, or "" when none were."""
        host = self.host
        words = host.filtering.text
        if result is None or not words:
            return ""
        shown = {record.id for record in host.table.rows}
        wanted = [*result.counts.came_in, *([added] if added is not None else [])]
        if all(book in shown for book in wanted):
            return ""
        if added is not None:
            host.follow(added)
        host.filtering.clear()
        return words
