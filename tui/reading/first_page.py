"""A book's first page prepared by a child process on another core while the interface starts."""

from __future__ import annotations

import os
import pickle
import select
import signal
import stat
import threading
import time
from collections.abc import Callable
from pathlib import Path

from tui.book.anchor import Anchor
from tui.reading.stages import WHOLE_FIRST, Stage, StartAt, cheap_first_stage, open_stages

# How long (seconds) the interface waits for the child before reading the book itself, and
# how often meanwhile it checks whether the book is still wanted.
CHILD_TIMEOUT = 5.0
WATCH_EVERY = 0.05


def _spare_cores() -> bool:
    try:
        cores = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        cores = os.cpu_count() or 1
    return cores > 1


class FirstStageChild:
    """A forked child computing the first `Stage` of opening a book.

    Starting chapbook is mostly importing Textual; reading a book's first page is mostly
    importing and running the text engine. In one process both hold the interpreter in turn;
    in two they run side by side, and the page is ready when the screen is. The child only
    reads the file: it writes nothing but its result, to a pipe only this process reads.
    """

    def __init__(self, pid: int, fd: int) -> None:
        self.pid = pid
        self.fd = fd

    @classmethod
    def start(
        cls, path: Path, anchor: Anchor | None = None, start: StartAt | None = None
    ) -> FirstStageChild | None:
        """Fork the child; None where that cannot help or cannot be done safely: no fork
        (Windows), one core, other threads already running, not a regular file, or a first
        stage that needs the whole of a big book (the child's work would be done twice)."""
        if not hasattr(os, "fork") or not _spare_cores() or threading.active_count() > 1:
            return None
        try:
            if not stat.S_ISREG(os.stat(path).st_mode):
                return None
            if not cheap_first_stage(path, anchor, start):
                return None
            read_end, write_end = os.pipe()
        except OSError:
            return None
        try:
            pid = os.fork()
        except OSError:
            os.close(read_end)
            os.close(write_end)
            return None
        if pid == 0:  # the child: never returns
            os.close(read_end)
            _child_main(write_end, path, anchor, start)
        os.close(write_end)
        return cls(pid, read_end)

    def take(
        self, timeout: float = CHILD_TIMEOUT, cancelled: Callable[[], bool] = lambda: False
    ) -> Stage | None:
        """The child's stage, or None if it failed, sent nothing, took too long or was no
        longer wanted (``cancelled``): the caller then reads the book itself, and reports any
        error from its own attempt. The child is ended and reaped either way."""
        chunks: list[bytes] = []
        deadline = time.monotonic() + timeout
        finished = False
        try:
            while not cancelled():
                left = deadline - time.monotonic()
                if left <= 0:
                    break
                if not select.select([self.fd], [], [], min(left, WATCH_EVERY))[0]:
                    continue
                chunk = os.read(self.fd, 1 << 20)
                if not chunk:
                    finished = True
                    break
                chunks.append(chunk)
        except OSError:
            finished = False
        finally:
            os.close(self.fd)
            succeeded = self._reap(kill=not finished)
        if not (finished and succeeded and chunks):
            return None
        try:
            stage = pickle.loads(b"".join(chunks))
        except Exception:
            return None
        return stage if isinstance(stage, Stage) else None

    def _reap(self, kill: bool) -> bool:
        """End (if ``kill``) and reap the child; True if it exited cleanly."""
        try:
            if kill:
                os.kill(self.pid, signal.SIGKILL)
            _, status = os.waitpid(self.pid, 0)
        except OSError:
            return False
        return os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0


def _child_main(fd: int, path: Path, anchor: Anchor | None, start: StartAt | None) -> None:
    code = 1
    try:
        # Nothing of the child's may reach the terminal the interface is about to take.
        null = os.open(os.devnull, os.O_RDWR)
        for target in (0, 1, 2):
            os.dup2(null, target)
        stage = next(iter(open_stages(path, anchor, start)))
        # Never a huge text: copying it between processes costs more than reading it again.
        if isinstance(stage, Stage) and len(stage.book.text) <= WHOLE_FIRST:
            data = memoryview(pickle.dumps(stage, protocol=pickle.HIGHEST_PROTOCOL))
            while data:
                data = data[os.write(fd, data) :]
            code = 0
    except BaseException:  # the parent reads the book itself, and reports what went wrong
        pass
    finally:
        os._exit(code)
