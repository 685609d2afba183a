"""Benchmark: the reader against `less` and a minimal Textual app, on books of three sizes.

The light novel in ../shared/corpus (003, 0.3 MB) is repeated ×1, ×30 and ×270 (84 MB). For
each size and each program, in one run:

* first page: in tmux at 120×40, from starting the program (`respawn-pane`) until a line of
  the first page is on screen (polling `capture-pane`); median of ``--runs`` rounds, each
  starting every program once, with a library that has done its first run but has never
  seen the book;
* page turns: under a pseudo-terminal of our own at 120×40 that counts every byte the
  program writes: Space is pressed ``--turns`` times, each after the screen is quiet; the
  latency is from the key to the last byte of the redraw, the bytes are all bytes of it;
* peak RSS: VmHWM of the process at the end of the page turns.

The minimal Textual app shows the head of the file in a `Static`, one page per Space: the
cost of starting Textual and of a plain Textual page. Goals (issue 3): first page ≤ 1.5× the
minimal app at 0.3 MB and ≤ 3× at 84 MB; page turn ≤ 20 ms; bytes per page turn ≤ 2× less's;
peak RSS ≤ 4× the file size + 60 MiB.

    .venv/bin/python tests/bench/bench_reader.py [--runs 5] [--turns 30] [--sizes 1,30,270]
"""

from __future__ import annotations

import argparse
import fcntl
import os
import pty
import select
import shutil
import signal
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT / "tests")]

from tmux_term import CHAPBOOK, TmuxTerminal  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus" / "003_6a4721831e1dda7c.txt"
COLS, ROWS = 120, 40
MARKER = "Saika Kuozaki was my first love."  # on the first page of 003, in every program
QUIET = 0.12  # seconds of silence that end a redraw

MINIMAL_APP = """
import sys
from textual.app import App
from textual.widgets import Static

class Minimal(App):
    BINDINGS = [("q", "quit"), ("space", "next_page")]

    def __init__(self, path):
        super().__init__()
        with open(path, encoding="utf-8") as handle:
            self.lines = handle.read(400_000).splitlines()
        self.page = 0

    def compose(self):
        yield Static(self.text())

    def text(self):
        return "\\n".join(self.lines[self.page * 38 : (self.page + 1) * 38])

    def action_next_page(self):
        self.page += 1
        self.query_one(Static).update(self.text())

Minimal(sys.argv[1]).run()
"""


@dataclass
class Result:
    first_page: list[float] = field(default_factory=list)
    turn_ms: list[float] = field(default_factory=list)
    turn_bytes: list[int] = field(default_factory=list)
    peak_rss: int = 0  # bytes


def base_env(home: Path) -> dict[str, str]:
    env = {k: os.environ[k] for k in ("PATH", "HOME", "LANG") if k in os.environ}
    env.update(
        # What programs see inside tmux (3.3): 256 colours, no COLORTERM.
        TERM="tmux-256color",
        LANG=env.get("LANG", "C.UTF-8"),
        LC_ALL="C.UTF-8",
        TEXTUAL_ANIMATIONS="none",
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_DATA_HOME=str(home / "data"),
        XDG_STATE_HOME=str(home / "state"),
        XDG_CACHE_HOME=str(home / "cache"),
        LESSHISTFILE="-",
    )
    return env


# -- first page in tmux ------------------------------------------------------------------------
def tmux_first_page(command: list[str], env: dict[str, str], timeout: float = 60.0) -> float:
    """Seconds from starting ``command`` in a 120×40 tmux pane until MARKER is on screen."""
    term = TmuxTerminal(COLS, ROWS, term=env["TERM"])
    pid = 0
    try:
        term.start(["sleep", "600"], env)  # the server and its pane, started before timing
        start = time.perf_counter()
        term.respawn(command, env)
        pid = term.pid or 0
        term.poll_for(MARKER, timeout=timeout, every=0.004)
        return time.perf_counter() - start
    finally:
        term.hang_up()
        _wait_gone(pid)
        term.kill()


def _wait_gone(pid: int, timeout: float = 15.0) -> None:
    """Wait for a measured program to end, so that it cannot slow down the next run."""
    deadline = time.monotonic() + timeout
    while pid and Path(f"/proc/{pid}").exists() and time.monotonic() < deadline:
        time.sleep(0.02)
    if pid and Path(f"/proc/{pid}").exists():
        os.kill(pid, signal.SIGKILL)


# -- page turns under a counting pty -----------------------------------------------------------
class CountingTerminal:
    """A pseudo-terminal of our own: runs a program and counts every byte it writes."""

    def __init__(self, command: list[str], env: dict[str, str]) -> None:
        pid, fd = pty.fork()
        if pid == 0:  # the child: size the terminal, then become the program
            fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLS, 0, 0))
            os.execve(command[0], command, env)
        self.pid, self.fd = pid, fd

    def drain(self, quiet: float, limit: float) -> tuple[int, float]:
        """Read until nothing arrives for ``quiet`` s: (bytes, time of the last byte)."""
        total, last = 0, time.perf_counter()
        deadline = last + limit
        while time.perf_counter() < deadline:
            ready, _, _ = select.select([self.fd], [], [], quiet)
            if not ready:
                break
            try:
                chunk = os.read(self.fd, 65536)
            except OSError:
                break
            if not chunk:
                break
            total += len(chunk)
            last = time.perf_counter()
        return total, last

    def turn(self, key: bytes) -> tuple[float, int]:
        """Press ``key``: (seconds until the redraw ended, bytes of the redraw)."""
        start = time.perf_counter()
        os.write(self.fd, key)
        count, last = self.drain(QUIET, 10.0)
        return max(0.0, last - start), count

    def peak_rss(self) -> int:
        try:
            status = Path(f"/proc/{self.pid}/status").read_text()
        except OSError:
            return 0
        for line in status.splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024
        return 0

    def close(self, quit_key: bytes = b"q") -> None:
        try:
            os.write(self.fd, quit_key)
            deadline = time.monotonic() + 10
            while time.monotonic() < deadline:
                self.drain(0.05, 0.2)
                done, _ = os.waitpid(self.pid, os.WNOHANG)
                if done:
                    break
            else:
                os.kill(self.pid, signal.SIGKILL)
                os.waitpid(self.pid, 0)
        except (OSError, ChildProcessError):
            pass
        os.close(self.fd)


def page_turns(command: list[str], env: dict[str, str], turns: int, result: Result) -> None:
    term = CountingTerminal(command, env)
    try:
        term.drain(2.0, 90.0)  # started, opened, indexed, saved: quiet for 2 s
        for _ in range(turns):
            seconds, count = term.turn(b" ")
            result.turn_ms.append(seconds * 1000)
            result.turn_bytes.append(count)
        result.peak_rss = term.peak_rss()
    finally:
        term.close()


# -- the run -----------------------------------------------------------------------------------
def prepared_home(work: Path) -> Path:
    """Settings and data directories as after chapbook's very first run (its library made,
    the sample story added), but without the book: every measured start opens it anew."""
    home = Path(tempfile.mkdtemp(dir=work))
    subprocess.run([CHAPBOOK, "list"], env=base_env(home), capture_output=True, check=True)
    return home


def fresh_home(work: Path, template: Path) -> Path:
    home = Path(tempfile.mkdtemp(dir=work))
    shutil.copytree(template, home, dirs_exist_ok=True)
    return home


def measure(
    programs: dict[str, list[str]], work: Path, template: Path, runs: int, turns: int
) -> dict[str, Result]:
    """First pages in rounds (each round starts every program once, so that the machine's
    changing load weighs on all of them alike), then each program's page turns."""
    results = {name: Result() for name in programs}
    for command in programs.values():
        # A first start fills the OS file cache and compiles bytecode; it is not counted.
        tmux_first_page(command, base_env(fresh_home(work, template)))
    for _ in range(runs):
        for name, command in programs.items():
            home = fresh_home(work, template)
            results[name].first_page.append(tmux_first_page(command, base_env(home)))
    for name, command in programs.items():
        page_turns(command, base_env(fresh_home(work, template)), turns, results[name])
        print(f"  {name}: done", file=sys.stderr)
    return results


def median(values: list[float] | list[int]) -> float:
    return float(statistics.median(values)) if values else float("nan")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="cold starts per program and size")
    parser.add_argument("--turns", type=int, default=30, help="page turns per program and size")
    parser.add_argument("--sizes", default="1,30,270", help="copies of the 0.3 MB text")
    args = parser.parse_args()
    if not CORPUS.is_file():
        print(f"needs {CORPUS}", file=sys.stderr)
        return 2
    for tool in ("tmux", "less"):
        if shutil.which(tool) is None:
            print(f"needs {tool}", file=sys.stderr)
            return 2
    data = CORPUS.read_bytes()
    less = shutil.which("less") or "less"
    with tempfile.TemporaryDirectory(prefix="bench-reader-") as tmp:
        work = Path(tmp)
        minimal = work / "minimal_app.py"
        minimal.write_text(MINIMAL_APP, encoding="utf-8")
        template = prepared_home(work)
        rows = []
        for copies in (int(n) for n in args.sizes.split(",")):
            book = work / f"serial_x{copies}.txt"
            book.write_bytes(data * copies)
            size = book.stat().st_size
            print(f"{copies}× ({size / 1e6:.1f} MB)", file=sys.stderr)
            programs = {
                "chapbook": [CHAPBOOK, str(book)],
                "less": [less, str(book)],
                "minimal Textual": [sys.executable, str(minimal), str(book)],
            }
            results = measure(programs, work, template, args.runs, args.turns)
            rows.append((copies, size, results))
    report(rows, args)
    return 0


def report(rows: list, args: argparse.Namespace) -> None:
    print(
        f"\nReader benchmark: tmux/pty at {COLS}×{ROWS}, medians of {args.runs} cold starts "
        f"and {args.turns} page turns (Space)\n"
    )
    print(
        "| book | program | first page ms | page turn ms (median / max) | bytes per turn |"
        " peak RSS MiB |"
    )
    print("|---|---|---|---|---|---|")
    for copies, size, results in rows:
        book = f"{copies}× ({size / 1e6:.1f} MB)"
        for name, r in results.items():
            first = median(r.first_page) * 1000
            turn = f"{median(r.turn_ms):.1f} / {max(r.turn_ms):.0f}"
            print(
                f"| {book} | {name} | {first:.0f} | {turn} | {median(r.turn_bytes):.0f} "
                f"| {r.peak_rss / 2**20:.0f} |"
            )
    print("\nchapbook against the goals:\n")
    print("| book | first page ÷ minimal Textual | page turn ms | bytes ÷ less | peak RSS |")
    print("|---|---|---|---|---|")
    for copies, size, results in rows:
        me, less, minimal = results["chapbook"], results["less"], results["minimal Textual"]
        first = median(me.first_page) / median(minimal.first_page)
        goal = 1.5 if size < 1e6 else 3.0
        less_bytes = max(1.0, median(less.turn_bytes))
        plain = median(minimal.turn_bytes) / less_bytes
        limit = 4 * size + 60 * 2**20
        print(
            f"| {copies}× ({size / 1e6:.1f} MB) | {first:.2f} (goal ≤ {goal}) "
            f"| {median(me.turn_ms):.1f} (goal ≤ 20) "
            f"| {median(me.turn_bytes) / less_bytes:.2f} (goal ≤ 2; plain Textual {plain:.1f}) "
            f"| {me.peak_rss / 2**20:.0f} MiB (goal ≤ {limit / 2**20:.0f}) |"
        )


if __name__ == "__main__":
    raise SystemExit(main())
