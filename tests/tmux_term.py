"""Drive the installed `chapbook` in a real terminal: a tmux server of its own per test."""

from __future__ import annotations

import contextlib
import os
import shlex
import shutil
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Mapping
from pathlib import Path

import pytest

CHAPBOOK = str(Path(sys.executable).with_name("chapbook"))

# Textual reads ESC followed at once by a key as Alt+key, as every terminal program must;
# a person never types that fast, so the harness pauses after a lone Escape.
ESCAPE_GAP = 0.15
# How often the screen is polled while waiting for something to appear.
POLL = 0.05


def tmux_available() -> bool:
    return shutil.which("tmux") is not None


# The marks of a module of tmux tests (`pytestmark = TMUX_TESTS`): skipped where there is none.
TMUX_TESTS = [
    pytest.mark.tmux,
    pytest.mark.skipif(not tmux_available(), reason="tmux is not installed"),
]
# How long chapbook may take to show its first screen. Generous: a loaded 2-core machine can
# take a few seconds to start Python and Textual.
START = 30.0


def chapbook_env(home: Path, **extra: str) -> dict[str, str]:
    """The environment of a fresh user: own XDG directories, a UTF-8 locale, no animation."""
    env = {
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_STATE_HOME": str(home / "state"),
        "XDG_CACHE_HOME": str(home / "cache"),
        "LANG": "C.UTF-8",
        "TEXTUAL_ANIMATIONS": "none",
    }
    env.update(extra)
    return env


def text_rows(screen: str) -> list[str]:
    """The non-blank rows of a screen, right-stripped, the last row (status line) left out."""
    rows = [row.rstrip() for row in screen.splitlines()[:-1]]
    return [row for row in rows if row.strip()]


def process_gone(pid: int) -> bool:
    """True when ``pid`` has ended (a zombie waiting to be reaped counts as ended)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return True
    return fields[0] in ("Z", "X")


class TmuxTerminal:
    """One tmux server (own socket) running one command in a window of a given size."""

    def __init__(self, width: int = 80, height: int = 24, term: str = "xterm-256color") -> None:
        self.socket = f"chapbook-test-{uuid.uuid4().hex[:10]}"
        self.width = width
        self.height = height
        self.term = term
        self.session = "t"
        self.pid: int | None = None
        self.socket_path = ""

    # -- low level ---------------------------------------------------------------------------
    def tmux(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        # The tmux server and its client always run with a UTF-8 locale (`-u`, LC_CTYPE):
        # they stand for the user's terminal, which decodes UTF-8 whatever locale the
        # program inside the pane is given.
        env = {**os.environ, "LC_CTYPE": "C.UTF-8"}
        env.pop("LC_ALL", None)
        env.pop("TMUX", None)  # the tests may themselves run inside someone's tmux
        return subprocess.run(
            ["tmux", "-u", "-L", self.socket, *args],
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="replace",
            check=check,
            env=env,
        )

    def _shell(self, command: list[str], env: Mapping[str, str], cwd: Path | None) -> str:
        """The shell line that runs ``command`` with exactly ``env`` (plus PATH, and HOME
        unless ``env`` gives one) in ``cwd``, as the pane's process."""
        base = {k: os.environ[k] for k in ("PATH", "HOME") if k in os.environ}
        full_env = {**base, "TERM": self.term, **env}
        exports = " ".join(f"{k}={shlex.quote(v)}" for k, v in full_env.items())
        # `exec env -i`: the program sees only the environment the test chose, whatever
        # the tmux server's own defaults are.
        return f"cd {shlex.quote(str(cwd or Path.cwd()))} && exec env -i {exports} " + " ".join(
            shlex.quote(part) for part in command
        )

    def start(self, command: list[str], env: Mapping[str, str], cwd: Path | None = None) -> None:
        """Start ``command`` in a fresh session with exactly ``env`` (plus PATH, and HOME
        unless ``env`` gives one); the command is the pane's process (`pane_pid`)."""
        shell = self._shell(command, env, cwd)
        # One command list, so the options hold before the program can start or exit:
        # a dead pane stays (with its exit status) instead of taking the server with it.
        self.tmux(
            "-f",
            "/dev/null",
            "set-option",
            "-g",
            "remain-on-exit",
            "on",
            ";",
            "set-option",
            "-g",
            "default-terminal",
            self.term,
            ";",
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
        self.pid = self.pane_pid()
        self.socket_path = self.tmux("display-message", "-p", "#{socket_path}").stdout.strip()

    def respawn(self, command: list[str], env: Mapping[str, str], cwd: Path | None = None) -> None:
        """Replace the pane's program with ``command`` (as `start` runs it), in the running
        server: a start timed from here leaves out the server's own start-up."""
        self.tmux("respawn-pane", "-k", "-t", self.session, self._shell(command, env, cwd))
        self.pid = self.pane_pid()

    def send(self, *keys: str) -> None:
        """Send tmux key names (`q`, `Space`, `PageDown`, `C-p`, `Enter`, `Escape` ...)."""
        for key in keys:
            self.tmux("send-keys", "-t", self.session, key)
            if key in ("Escape", "Esc", "C-["):
                time.sleep(ESCAPE_GAP)

    def type(self, text: str) -> None:
        """Type literal text."""
        self.tmux("send-keys", "-t", self.session, "-l", text)

    def burst(self, *keys: str) -> None:
        """Send several tmux key names in one go, so the program reads them together: what a
        fast typist, a paste or a laggy SSH link delivers."""
        self.tmux("send-keys", "-t", self.session, *keys)

    def screen(self, *, escapes: bool = False) -> str:
        """The visible screen as text; with ``escapes``, with its colours and attributes."""
        args = ["capture-pane", "-p", "-t", self.session]
        if escapes:
            args.append("-e")
        return self.tmux(*args, check=False).stdout

    def resize(self, width: int, height: int) -> None:
        self.tmux("resize-window", "-t", self.session, "-x", str(width), "-y", str(height))
        self.width, self.height = width, height

    def pane_pid(self) -> int:
        out = self.tmux("display-message", "-p", "-t", self.session, "#{pane_pid}").stdout
        return int(out.strip())

    def pane_dead(self) -> bool:
        out = self.tmux("display-message", "-p", "-t", self.session, "#{pane_dead}", check=False)
        return out.stdout.strip() == "1"

    def alive(self) -> bool:
        """The program is still running in its pane."""
        return self.pid is not None and not self.pane_dead() and not process_gone(self.pid)

    def exit_status(self) -> int | None:
        """The dead pane's exit status: a number, minus the signal that killed it, or None
        while the program runs. (tmux 3.3 leaves `pane_dead_status` empty for status 0, and
        can mark a pane dead a moment before it fills the status in: an empty one is read
        again for a second before it counts as 0.)"""
        deadline = time.monotonic() + 1.0
        while True:
            out = self.tmux(
                "display-message",
                "-p",
                "-t",
                self.session,
                "#{pane_dead}|#{pane_dead_status}|#{pane_dead_signal}",
                check=False,
            ).stdout.strip()
            dead, _, rest = out.partition("|")
            if dead != "1":
                return None
            status, _, signum = rest.partition("|")
            if status.isdigit():
                return int(status)
            if signum.isdigit():
                return -int(signum)
            if time.monotonic() >= deadline:
                return 0
            time.sleep(0.05)

    def signal(self, signum: signal.Signals) -> None:
        """Send ``signum`` to the program (the pane's process)."""
        assert self.pid is not None, "nothing started"
        os.kill(self.pid, signum)

    def hang_up(self) -> None:
        """Close the terminal under the program, as a dropped SSH connection does: tmux
        kills the session, the pty goes away and the program gets SIGHUP."""
        self.tmux("kill-session", "-t", self.session, check=False)

    def kill(self) -> None:
        self.tmux("kill-server", check=False)
        if self.socket_path:  # tmux leaves its socket file behind
            with contextlib.suppress(OSError):
                os.unlink(self.socket_path)
        # A program that ignored the hang-up must not outlive its test.
        if self.pid is not None and not process_gone(self.pid):
            with contextlib.suppress(ProcessLookupError):
                os.kill(self.pid, signal.SIGKILL)

    # -- waiting -----------------------------------------------------------------------------
    def wait_for(self, text: str, timeout: float = 15.0) -> str:
        """Wait until ``text`` is on screen; return the screen. Fails with the last screen."""
        return self.wait_until(lambda screen: text in screen, timeout, what=repr(text))

    def wait_until(
        self,
        predicate: Callable[[str], bool],
        timeout: float = 15.0,
        what: str = "condition",
        *,
        escapes: bool = False,
    ) -> str:
        """Wait until ``predicate(screen)`` holds (the screen with its colours if
        ``escapes``); return the screen. Fails with the last screen, and says so at once if
        the program died meanwhile."""
        deadline = time.monotonic() + timeout
        screen = ""
        while time.monotonic() < deadline:
            screen = self.screen(escapes=escapes)
            if predicate(screen):
                return screen
            if self.pane_dead():
                raise AssertionError(
                    f"the program exited (status {self.exit_status()}) while waiting for "
                    f"{what}; screen was:\n{screen}"
                )
            time.sleep(POLL)
        raise AssertionError(f"{what} not seen within {timeout}s; screen was:\n{screen}")

    def poll_for(self, text: str, timeout: float = 30.0, every: float = 0.002) -> str:
        """Wait until ``text`` is on screen, polling only the screen as fast as tmux answers:
        for benchmarks that time how soon something appears. Returns the screen."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            screen = self.screen()
            if text in screen:
                return screen
            time.sleep(every)
        raise RuntimeError(f"{text!r} not seen within {timeout}s; screen was:\n{self.screen()}")

    def wait_steady(self, quiet: float = 0.3, timeout: float = 10.0) -> str:
        """Wait until the screen has not changed for ``quiet`` seconds; return it."""
        deadline = time.monotonic() + timeout
        last = self.screen()
        since = time.monotonic()
        while time.monotonic() < deadline:
            time.sleep(POLL)
            now = self.screen()
            if now != last:
                last, since = now, time.monotonic()
            elif time.monotonic() - since >= quiet:
                return now
        raise AssertionError(f"the screen kept changing for {timeout}s; last:\n{last}")

    def wait_exit(self, timeout: float = 10.0) -> int | None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.pane_dead():
                return self.exit_status()
            time.sleep(POLL)
        raise AssertionError(f"the program did not exit within {timeout}s:\n{self.screen()}")

    def wait_gone(self, timeout: float = 10.0) -> None:
        """Wait until the program's process has ended (after a hang-up, with no pane left)."""
        assert self.pid is not None, "nothing started"
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if process_gone(self.pid):
                return
            time.sleep(POLL)
        raise AssertionError(f"process {self.pid} still running {timeout}s after the hang-up")

    def __enter__(self) -> TmuxTerminal:
        return self

    def __exit__(self, *exc: object) -> None:
        self.kill()


# -- a book for the terminal tests ------------------------------------------------------------
# Written for these tests: plain prose with curly quotes, accents, dashes and a few CJK
# characters, so a terminal that mangles UTF-8 shows it at once.
BOOK_TITLE = "The Orrery at Gull Point"
SENTENCES = [
    "The keeper’s café opened at six, whatever the weather said.",
    "“Wind from the east,” said Oona, “means letters from the west.”",
    "Nobody knew who had wound the orrery — only that it kept better time than the church.",
    "A naïve gull stole half a bun and regretted it for the rest of the afternoon.",
    "The ferry’s bell rang twice, then once, which meant fog.",
    "Rain ran down the harbour steps in thin silver ropes.",
    "She wrote the tide times on the back of her hand in blue ink.",
    "Old Teodor swore the lighthouse had been painted by someone who hated stripes.",
    "The shop sign said 灯台 in one corner, for the sailors from the far ports.",
    "Somewhere under the pier a radio was playing a waltz to nobody.",
    "The marmalade jar had been empty since Tuesday and nobody would admit it.",
]
# Words found once each, in a known place: a search target and a finder query.
SEARCH_WORD = "quinquereme"  # in chapter 3, scene 2
SEARCH_PARA = "Mark 3.2.3"
FINDER_WORDS = "brass astrolabe smuggler"  # chapter 4, scene 3


def book_text(
    chapters: int = 4, scenes: int = 3, paras: int = 6, *, title: str = BOOK_TITLE
) -> str:
    """The test book: each paragraph opens with a marker (`Mark 2.3.1` = chapter 2, scene 3,
    paragraph 1), so a test can tell which page is on screen."""
    parts = [title, "by Wren Halloran", "", "Summary: A harbour, an orrery, a missing key."]
    for c in range(1, chapters + 1):
        parts.append(f"Chapter {c}: {['The Ferry', 'Fog', 'The Quay', 'The Orrery'][(c - 1) % 4]}")
        for s in range(1, scenes + 1):
            for p in range(1, paras + 1):
                count = 2 + (c + s + p) % 3
                body = " ".join(
                    SENTENCES[(c * 7 + s * 3 + p * 5 + n) % len(SENTENCES)] for n in range(count)
                )
                if (c, s, p) == (3, 2, 3):
                    body += f" The model {SEARCH_WORD} on the mantel had lost an oar."
                if (c, s, p) == (4, 3, 1):
                    body += " The brass astrolabe went to the smuggler in exchange for silence."
                parts.append(f"Mark {c}.{s}.{p}. {body}")
            if s < scenes:
                parts.append("* * *")
    return "\n\n".join(parts) + "\n"


def write_book(path: Path, title: str = BOOK_TITLE) -> Path:
    path.write_text(book_text(title=title), encoding="utf-8")
    return path
