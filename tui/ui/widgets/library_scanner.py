"""The library's scan line: checks, adds and rescans in a worker, with a progress bar.

It also watches the index for changes other chapbook processes save.
"""

from __future__ import annotations

import time
from pathlib import Path

from textual import work
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.message import Message
from textual.widgets import Label, ProgressBar
from textual.worker import get_current_worker

from tui.book.model import BookError
from tui.library.folders import AddResult, before_adding, count_added, plan_text
from tui.library.library import Library
from tui.library.sync import ScanChanges

PROGRESS_EVERY = 0.1  # seconds between progress messages from a scan
WATCH_EVERY = 2.0  # seconds between looks (a stat per index file) for other processes' saves
SCANNING = "-scanning"  # the screen's class while this line shows a scan's progress


class ScanCancelled(Exception):
    """A newer scan replaced this one."""


class LibraryScanner(Horizontal):
    """Runs the library's scans off the UI thread and shows their progress (one line, shown
    only while a scan runs). Its messages go to the library screen."""

    DEFAULT_CSS = """
    LibraryScanner { display: none; height: 1; padding: 0 1; background: $panel; }
    LibraryScanner.-shown { display: block; }
    LibraryScanner #library-scan-label { width: auto; margin-right: 2; }
    """

    class Progress(Message):
        def __init__(self, done: int, total: int, label: str) -> None:
            super().__init__()
            self.done, self.total, self.label = done, total, label

        def can_replace(self, message: Message) -> bool:
            # Only the latest count matters: a burst of progress makes one message.
            return isinstance(message, LibraryScanner.Progress)

    class Done(Message):
        """A scan ended. ``rescan``: it looked for new books in the folders (the user's `r`)
        rather than adding named paths; ``label`` is only what the progress line said."""

        def __init__(
            self,
            label: str,
            error: str = "",
            *,
            rescan: bool,
            added: AddResult | None = None,
            checked: ScanChanges | None = None,
        ) -> None:
            super().__init__()
            self.label, self.error = label, error
            self.rescan = rescan
            self.added = added  # what adding the named paths did
            self.checked = checked or ScanChanges()  # what the check of the files found

    class AskToAdd(Message):
        """Adding ``paths`` would bring in more files than `library.ask_above`."""

        def __init__(self, paths: list[Path], plan: str) -> None:
            super().__init__()
            self.paths, self.plan = paths, plan

    class OthersSaved(Message):
        """Another chapbook process saved books, places or folders: the list must be redrawn."""

    def __init__(self, library: Library, *, ask_above: int, id: str | None = None) -> None:
        super().__init__(id=id)
        self.library = library
        self.ask_above = ask_above

    def compose(self) -> ComposeResult:
        yield Label(id="library-scan-label")
        yield ProgressBar(id="library-scan-bar", show_eta=False)

    def on_mount(self) -> None:
        self.set_interval(WATCH_EVERY, self._look_for_other_saves)

    # -- scans ---------------------------------------------------------------------------------
    @work(thread=True, exclusive=True, group="scan")
    def scan(
        self,
        add_new: bool,
        paths: list[Path] | None = None,
        label: str = "",
        *,
        agreed: bool = False,
    ) -> None:
        """Check every book's file (and with ``add_new`` add new ones in the folders; add
        ``paths`` first, asking when they hold many new files unless ``agreed``)."""
        worker = get_current_worker()
        last = 0.0
        rescan = add_new and not paths

        def progress(done: int, total: int) -> None:
            nonlocal last
            if worker.is_cancelled:
                raise ScanCancelled
            now = time.monotonic()
            if now - last >= PROGRESS_EVERY or done >= total:
                last = now
                self.post_message(self.Progress(done, total, label))

        error, added = "", None
        checked = ScanChanges()
        try:
            self.library.reload()  # what other chapbook processes added meanwhile
            if paths and not agreed:
                files = self.library.files_to_add(paths)
                if len(files) > self.ask_above:
                    roots = [str(p.expanduser().resolve()) for p in paths if p.is_dir()]
                    self.post_message(self.AskToAdd(paths, plan_text(files, roots)))
                    paths = None  # only the check now; the adding waits for the answer
            # One worker thread: a process pool cannot start inside the running app.
            if paths:
                known = before_adding(self.library.records())
                skipped = len(self.library.skipped)
                records = self.library.add_paths(paths, progress, workers=1)
                counts = count_added(known, records, len(self.library.left_out))
                newly_skipped = len(self.library.skipped) - skipped
                added = AddResult(paths, counts, newly_skipped, list(self.library.unkept))
            checked = self.library.check(progress, add_new=add_new, workers=1)
            self.library.save()
        except ScanCancelled:
            return
        except (BookError, OSError) as err:
            error = str(err)
        self.post_message(self.Done(label, error, rescan=rescan, added=added, checked=checked))

    def on_library_scanner_progress(self, message: Progress) -> None:
        message.stop()
        if message.total < 1:
            return
        self.add_class("-shown")
        self.screen.add_class(SCANNING)  # (notices stand above this line too)
        files = "file" if message.total == 1 else "files"
        self.query_one("#library-scan-label", Label).update(
            f"{message.label} {message.done:,} of {message.total:,} {files}"
        )
        self.query_one("#library-scan-bar", ProgressBar).update(
            total=message.total, progress=message.done
        )

    def on_library_scanner_done(self, message: Done) -> None:
        self.remove_class("-shown")  # the message goes on to the screen
        self.screen.remove_class(SCANNING)

    # -- other processes -------------------------------------------------------------------
    def _look_for_other_saves(self) -> None:
        if not any(w.group == "scan" and w.is_running for w in self.workers):
            self._take_other_saves()

    @work(thread=True, exclusive=True, group="watch", exit_on_error=False)
    def _take_other_saves(self) -> None:
        """A stat per index file; only when one changed is anything read."""
        if self.library.changed_on_disk() and self.library.reload():
            self.post_message(self.OthersSaved())
