"""The reader hands the terminal over: to the shell (ctrl+z) or to `$PAGER` / `$EDITOR`."""

from __future__ import annotations

import os
import shlex
import subprocess
from collections.abc import Callable, Mapping

from textual.app import SuspendNotSupported

from tui.book.loader import safe_name
from tui.ui.screens.reader_host import ReaderHost
from tui.ui.terminal.handover import shell_to_return_to

# What opens the file when neither $PAGER nor $EDITOR is set.
FALLBACK_PAGER = "less"


def external_command(environ: Mapping[str, str], path: str, line: int) -> list[str]:
    """`$PAGER +LINE FILE` (or `$EDITOR`, or less): both take `+N` for the line to start at."""
    program = environ.get("PAGER") or environ.get("EDITOR") or FALLBACK_PAGER
    return [*shlex.split(program), f"+{max(1, line)}", path]


class HandoffFlow:
    """Suspends to the shell and comes back at the same place (the place is saved first, in
    case the shell never gives it back), or opens the file in a pager or an editor at the
    line on top, and reopens it at the same place afterwards (reread if it was changed)."""

    def __init__(self, host: ReaderHost, save_now: Callable[[], None]) -> None:
        self.host = host
        self.save_now = save_now

    def suspend(self) -> None:
        self.save_now()
        app = self.host.app
        driver = app._driver
        if driver is None or not driver.can_suspend:
            self.host.notify("This terminal cannot suspend chapbook", timeout=3)
            return
        if not shell_to_return_to():
            self.host.notify("No shell to suspend to: chapbook was not started from one", timeout=4)
            return
        app.action_suspend_process()

    def open_external(self) -> None:
        host, session = self.host, self.host.session
        pager = host.view.pager
        if session.book is None or pager is None:
            host.notify("Still opening the book…", timeout=2)
            return
        self.save_now()
        line = session.book.line_of(pager.top_para()) or 1
        command = external_command(os.environ, str(session.path), line)
        before = _changed_at(str(session.path))
        try:
            # The driver hands the terminal over with care (`tui.ui.terminal.handover`):
            # interrupts typed at the program pass, and what it left unread is dropped.
            with host.app.suspend():
                subprocess.run(command, check=False)
        except SuspendNotSupported:
            host.notify("This terminal cannot hand over to another program", timeout=3)
            return
        except OSError as err:
            name = safe_name(command[0])
            host.notify(f"Cannot run {name}: {err.strerror or err}; set $PAGER", timeout=5)
            return
        if _changed_at(str(session.path)) != before:
            # Changed in the editor: read it again, at the place saved (the nearest one).
            host.app.switch_screen(host.app.screens.reader(session.path))


def _changed_at(path: str) -> float | None:
    try:
        return os.stat(path).st_mtime
    except OSError:
        return None
