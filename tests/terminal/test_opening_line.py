"""`chapbook FILE` says `opening FILE…` before anything else, and takes it away as it ends."""

from __future__ import annotations

import contextlib
import fcntl
import os
import pty
import select
import shutil
import signal
import struct
import termios
import time
from pathlib import Path

from tmux_term import CHAPBOOK, START, chapbook_env

SAMPLE = Path(__file__).resolve().parents[2] / "tui" / "data" / "sample.txt"


def _run_in_a_terminal(command: list[str], env: dict[str, str], until: bytes) -> bytes:
    """Everything ``command`` writes to a pseudo-terminal of 80×24, `q` sent once ``until``
    has been written."""
    pid, fd = pty.fork()
    if pid == 0:  # (the child)
        os.execve(command[0], command, env)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    out = b""
    deadline = time.monotonic() + START
    sent = False
    try:
        while time.monotonic() < deadline:
            ready, _, _ = select.select([fd], [], [], 0.1)
            if ready:
                try:
                    chunk = os.read(fd, 65536)
                except OSError:
                    break
                if not chunk:
                    break
                out += chunk
            if not sent and until in out:
                time.sleep(0.3)
                os.write(fd, b"q")
                sent = True
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        os.close(fd)
    return out


def test_the_opening_line_comes_first_and_is_gone_at_the_end(tmp_path: Path) -> None:
    book = tmp_path / "tide.txt"
    shutil.copy(SAMPLE, book)
    env = {**os.environ, **chapbook_env(tmp_path), "TERM": "xterm-256color"}
    out = _run_in_a_terminal([CHAPBOOK, str(book)], env, until=b"Kell Rock")
    # The first thing on the terminal, before the interface's code is even in.
    assert out.startswith("chapbook: opening tide.txt…".encode()), out[:80]
    # Left on the shell's screen once the interface gave it back, and taken away there.
    assert b"Kell Rock" in out and b"\x1b[?1049l" in out
    assert out.rstrip().endswith(b"\r\x1b[K") or out.endswith(b"\r\x1b[K"), out[-80:]
