"""Giving the terminal away (ctrl+z, `$PAGER`) and taking it back, without losing chapbook.

While chapbook is away the terminal is in its usual modes: a ctrl+c or ctrl+\\ typed or pasted
there is turned into a signal for the whole foreground group, chapbook included; pastes come
unmarked, so that their text would reach chapbook as keys (a pasted ctrl+q quits it). And a
ctrl+z handled while Textual is itself switching modes would start a second switch inside
the first one, which waits on itself for ever.
"""

from __future__ import annotations

import contextlib
import os
import select
import signal
import sys
import termios
import time
from collections.abc import Callable, Iterator
from types import FrameType
from typing import Any

from tui.ui.terminal.pastes import PASTE_END, paste_state

# Signals the terminal makes from keys, which while chapbook is away are meant for others.
PASSED = (signal.SIGINT, signal.SIGQUIT)
# Dropping what was typed ahead stops after this long without input ...
QUIET = 0.02
# ... or after this long in all (never inside a paste, unless the paste takes longer).
LONGEST = 2.0
READ_SIZE = 65536


class Handover:
    """What chapbook's driver does around Textual's own suspend and resume."""

    def __init__(self, terminal: Callable[[], int | None] = lambda: _stdin_fd()) -> None:
        self.terminal = terminal
        self.turning = False  # between the terminal's two sets of modes, either way
        self._before: dict[int, Any] = {}

    def guard_stops(self) -> None:
        """Have the SIGTSTP handler in place now (Textual's) ignore a ctrl+z that comes
        while the terminal is being switched; at any other time it acts as before."""
        handler = signal.getsignal(signal.SIGTSTP)
        if not callable(handler) or getattr(handler, "guarded", False):
            return

        def guarded(signum: int, frame: FrameType | None) -> None:
            if not self.turning:
                handler(signum, frame)

        guarded.guarded = True  # type: ignore[attr-defined]
        _set_handler(signal.SIGTSTP, guarded)

    @contextlib.contextmanager
    def leaving(self) -> Iterator[None]:
        """Around giving the terminal away: from here until it is back, interrupts pass."""
        self.turning = True
        try:
            if not self._before:
                self._before = {
                    signum: previous
                    for signum in PASSED
                    if (previous := _set_handler(signum, _let_pass)) is not None
                }
            yield
        finally:
            self.turning = False

    @contextlib.contextmanager
    def returning(self) -> Iterator[None]:
        """Around taking the terminal back: what was typed for the other program and not
        read by it is dropped first, then interrupts are chapbook's again."""
        self.turning = True
        try:
            fd = self.terminal()
            if fd is not None:
                drop_typed_ahead(fd)
            yield
        finally:
            for signum, previous in self._before.items():
                _set_handler(signum, previous)
            self._before = {}
            self.turning = False


def shell_to_return_to() -> bool:
    """Whether a shell with job control is there to take the terminal when chapbook stops
    itself (ctrl+z) and to give it back (`fg`): its parent runs in another process group of
    the same session. Started straight by tmux, ssh or a terminal, none is: tmux would wake it
    at once, and elsewhere it would stay stopped, with no way back but `kill`."""
    try:
        parent = os.getppid()
        return os.getpgid(parent) != os.getpgrp() and os.getsid(parent) == os.getsid(0)
    except OSError:
        return False


def drop_typed_ahead(fd: int, quiet: float = QUIET, longest: float = LONGEST) -> int:
    """Read and drop what is waiting on terminal ``fd`` until it has been quiet a moment;
    returns how many bytes were dropped. A paste is dropped whole: stopping inside it would
    leave its end to be read as typed keys. (Flushing the terminal's queue instead cuts
    wherever the queue happens to end, and a paste cut after its opening code never ends.)"""
    try:
        modes = termios.tcgetattr(fd)
    except (termios.error, OSError, ValueError):
        return 0
    unbuffered = [*modes[:6], list(modes[6])]
    unbuffered[3] &= ~(termios.ICANON | termios.ECHO)  # every byte at once, none shown
    unbuffered[6][termios.VMIN] = 0
    unbuffered[6][termios.VTIME] = 0
    dropped = 0
    pasting = False
    seen = ""
    try:
        termios.tcsetattr(fd, termios.TCSANOW, unbuffered)
        deadline = time.monotonic() + longest
        # A paste still coming in at the deadline is read to its end, within reason.
        while (left := deadline - time.monotonic()) > 0 or (pasting and left > -3 * longest):
            wait = quiet if not pasting else max(0.05, min(left, 0.5))
            ready, _, _ = select.select([fd], [], [], wait)
            if not ready:
                if pasting and left > 0:
                    continue
                break
            data = os.read(fd, READ_SIZE)
            if not data:
                break
            dropped += len(data)
            text = data.decode("latin-1")  # the codes looked for are ASCII
            pasting = paste_state(seen + text, pasting)
            seen = (seen + text)[-(len(PASTE_END) - 1) :]
    except (termios.error, OSError, ValueError):
        pass
    finally:
        with contextlib.suppress(termios.error, OSError, ValueError):
            termios.tcsetattr(fd, termios.TCSANOW, modes)
    return dropped


def _let_pass(signum: int, frame: FrameType | None) -> None:
    """A ctrl+c or ctrl+\\ meant for the program that has the terminal, not for chapbook."""


def _set_handler(signum: int, handler: Any) -> Any:
    """Install ``handler``; the one before it, or None when signals cannot be set here."""
    try:
        return signal.signal(signum, handler)
    except (ValueError, OSError):  # not the main thread, or not a real process
        return None


def _stdin_fd() -> int | None:
    stream = sys.__stdin__
    try:
        return stream.fileno() if stream is not None and stream.isatty() else None
    except (OSError, ValueError):
        return None
