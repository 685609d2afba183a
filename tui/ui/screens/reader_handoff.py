"""The reader hands the terminal over: to the shell (ctrl+z) or to `$PAGER` / `$EDITOR`."""

from __future__ import annotations

import contextlib
import os
import shlex
import signal
import subprocess
import sys
import termios
from collections.abc import Callable, Iterator, Mapping

from textual.app import SuspendNotSupported

from tui.book.loader import safe_name
from tui.ui.screens.reader_host import ReaderHost

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
            # A ctrl+z arriving while Textual hands the terminal over or takes it back would
            # run its suspend handler inside its own output lock, and hang: it waits until the
            # program has the terminal (or chapbook has it again), and is handled there.
            with (
                interrupts_passed(),
                stops_held(),
                host.app.suspend(),
                stops_held(release=True),
            ):
                run_in_foreground(command)
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


def run_in_foreground(command: list[str]) -> None:
    """Run ``command`` on the terminal until it ends, then drop what was typed for it."""
    try:
        subprocess.run(command, check=False)
    finally:
        drop_typed_ahead()


@contextlib.contextmanager
def interrupts_passed() -> Iterator[None]:
    """While another program has the terminal (and the terminal its usual modes), a ctrl+c
    typed there (to stop a search in `less`), or a ctrl+\\, goes to the whole foreground
    group, chapbook too: chapbook lets it pass, while the program gets it as usual (a
    handler, unlike an ignored signal, is reset by exec)."""
    passed = (signal.SIGINT, signal.SIGQUIT)
    before = {signum: signal.signal(signum, _let_pass) for signum in passed}
    try:
        yield
    finally:
        for signum, handler in before.items():
            signal.signal(signum, handler)


@contextlib.contextmanager
def stops_held(release: bool = False) -> Iterator[None]:
    """Hold back SIGTSTP (ctrl+z) until the block ends, or with ``release`` let it through
    within a block that holds it back."""
    how = signal.SIG_UNBLOCK if release else signal.SIG_BLOCK
    before = signal.pthread_sigmask(how, {signal.SIGTSTP})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, before)


def drop_typed_ahead() -> None:
    """Drop what was typed or pasted for the program that has just ended and that it did not
    read: chapbook would take it as keys (no longer marked as a paste), a pasted ctrl+q would
    quit it."""
    with contextlib.suppress(OSError, termios.error, ValueError):
        termios.tcflush(sys.stdin.fileno(), termios.TCIFLUSH)


def _let_pass(signum: int, frame: object) -> None:
    """A ctrl+c or ctrl+\\ meant for the program chapbook handed the terminal to."""
