"""Drive the installed `chapbook` in a real terminal: a tmux server of its own per test."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Mapping
from pathlib import Path

CHAPBOOK = str(Path(sys.executable).with_name("chapbook"))


def tmux_available() -> bool:
    return shutil.which("tmux") is not None


class TmuxTerminal:
    """One tmux server (own socket) running one command in a window of a given size."""

    def __init__(self, width: int = 80, height: int = 24, term: str = "xterm-256color") -> None:
        self.socket = f"chapbook-test-{uuid.uuid4().hex[:10]}"
        self.width = width
        self.height = height
        self.term = term
        self.session = "t"

    # -- low level ---------------------------------------------------------------------------
    def tmux(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            ["tmux", "-L", self.socket, *args], capture_output=True, text=True, check=check
        )

    def start(self, command: list[str], env: Mapping[str, str], cwd: Path | None = None) -> None:
        """Start ``command`` in a fresh session with exactly ``env`` (plus PATH/HOME)."""
        base = {k: os.environ[k] for k in ("PATH", "HOME") if k in os.environ}
        full_env = {**base, "TERM": self.term, **env}
        exports = " ".join(f"{k}={shlex.quote(v)}" for k, v in full_env.items())
        # `exec env -i`: the program sees only the environment the test chose, whatever
        # the tmux server's own defaults are.
        shell = f"cd {shlex.quote(str(cwd or Path.cwd()))} && exec env -i {exports} " + " ".join(
            shlex.quote(part) for part in command
        )
        self.tmux(
            "-f",
            "/dev/null",
            "new-session",
            "-d",
            "-s",
            self.session,
            "-x",
            str(self.width),
            "-y",
            str(self.height),
            shell,
        )
        self.tmux("set-option", "-t", self.session, "remain-on-exit", "on")
        self.tmux("set-option", "-t", self.session, "default-terminal", self.term, check=False)

    def send(self, *keys: str) -> None:
        """Send tmux key names (`q`, `Space`, `PageDown`, `C-p`, `Enter` ...)."""
        self.tmux("send-keys", "-t", self.session, *keys)

    def type(self, text: str) -> None:
        """Type literal text."""
        self.tmux("send-keys", "-t", self.session, "-l", text)

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-t", self.session, check=False).stdout

    def resize(self, width: int, height: int) -> None:
        self.tmux("resize-window", "-t", self.session, "-x", str(width), "-y", str(height))

    def pane_pid(self) -> int:
        out = self.tmux("display-message", "-p", "-t", self.session, "#{pane_pid}").stdout
        return int(out.strip())

    def pane_dead(self) -> bool:
        out = self.tmux("display-message", "-p", "-t", self.session, "#{pane_dead}", check=False)
        return out.stdout.strip() == "1"

    def exit_status(self) -> int | None:
        out = self.tmux(
            "display-message", "-p", "-t", self.session, "#{pane_dead_status}", check=False
        ).stdout.strip()
        return int(out) if out.lstrip("-").isdigit() else None

    def kill(self) -> None:
        self.tmux("kill-server", check=False)

    # -- waiting -----------------------------------------------------------------------------
    def wait_for(self, text: str, timeout: float = 15.0) -> str:
        """Wait until ``text`` is on screen; return the screen. Fails with the last screen."""
        deadline = time.monotonic() + timeout
        screen = ""
        while time.monotonic() < deadline:
            screen = self.screen()
            if text in screen:
                return screen
            time.sleep(0.05)
        raise AssertionError(f"{text!r} did not appear within {timeout}s; screen was:\n{screen}")

    def wait_until(self, predicate, timeout: float = 15.0, what: str = "condition") -> str:
        deadline = time.monotonic() + timeout
        screen = ""
        while time.monotonic() < deadline:
            screen = self.screen()
            if predicate(screen):
                return screen
            time.sleep(0.05)
        raise AssertionError(f"{what} not met within {timeout}s; screen was:\n{screen}")

    def wait_exit(self, timeout: float = 10.0) -> int | None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.pane_dead():
                return self.exit_status()
            time.sleep(0.05)
        raise AssertionError(f"the program did not exit within {timeout}s:\n{self.screen()}")

    def __enter__(self) -> TmuxTerminal:
        return self

    def __exit__(self, *exc: object) -> None:
        self.kill()
