"""The soak's verdicts on chapbook: died, showed a traceback, wrote a crash log, stopped answering.

After the storm the help must open, and the screen beneath must show something once it closes.

And how busy its process is (from /proc): `settle` waits until it has worked through what was
sent, `drain` times how long it stays busy after the storm, `busy` and `stacks` say what a hung
chapbook is doing.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
import tomllib
from pathlib import Path

from tmux_term import TmuxTerminal

# After the storm chapbook may be busy for a while with what was sent faster than anyone
# types (2,000 events in a few seconds); it is given this long to work through them ...
DRAIN_LIMIT = 600.0
QUIET_SECONDS = 3  # in a row, for chapbook to count as done with it
# ... and must then answer Escape and F1 within this many seconds.
ANSWER_WITHIN = 20.0


def broken(term: TmuxTerminal, state: Path) -> str:
    """What is wrong, if chapbook died, showed a traceback or wrote a crash log."""
    screen = term.screen()
    if term.pane_dead():
        time.sleep(0.2)
        last = " / ".join(line for line in term.screen().splitlines() if line.strip())[-300:]
        logs = sorted(state.glob("crash-*.log")) if state.is_dir() else []
        log = f"; {logs[0].name}: {logs[0].read_text(errors='replace')[-3000:]}" if logs else ""
        return f"chapbook exited (status {term.exit_status()}): {last}{log}"
    if "Traceback" in screen:
        return "a traceback on screen"
    logs = sorted(state.glob("crash-*.log")) if state.is_dir() else []
    if logs:
        return f"crash log {logs[0].name}: {logs[0].read_text(errors='replace')[-3000:]}"
    return ""


def not_answering(
    term: TmuxTerminal, state: Path, ways_out: tuple[str, ...] = ("Escape",), help: str = "F1"
) -> str:
    """Escape (the ``ways_out`` keys) out of whatever is open, then F1 (``help``) must bring
    up the help."""
    term.resize(100, 30)
    for _ in range(6):
        term.send(*ways_out)
    time.sleep(0.5)
    term.send(help)
    deadline = time.monotonic() + ANSWER_WITHIN
    while time.monotonic() < deadline:
        if "Keys ·" in term.screen():
            return broken(term, state) or blank_after_help(term, ways_out)
        failure = broken(term, state)
        if failure:
            return failure
        time.sleep(0.1)
    rows = "\n    ".join(line.rstrip()[:100] for line in term.screen().splitlines())
    saved = state.parent.parent / "config" / "chapbook" / "settings.toml"
    if saved.exists():  # the storm saved settings: F1 may no longer be the help key
        rows += "\n  settings saved by the storm:\n    " + saved.read_text().replace("\n", "\n    ")
    keys = ", ".join((*ways_out, help))
    return f"stopped answering ({busy(term)}): no help after {keys}; screen:\n    {rows}" + stacks(
        term
    )


def blank_after_help(term: TmuxTerminal, ways_out: tuple[str, ...]) -> str:
    """Once the help is closed, the screen beneath must show something: a blank one (a
    screen painted over with nothing, a terminal handed over and never taken back) is a
    failure even though chapbook answered."""
    term.send(ways_out[0])
    deadline = time.monotonic() + ANSWER_WITHIN
    while time.monotonic() < deadline:
        screen = term.screen()
        if "Keys ·" not in screen and len(screen.split()) > 3:
            return ""
        time.sleep(0.1)
    rows = "\n    ".join(line.rstrip()[:100] for line in term.screen().splitlines())
    return f"a blank screen (or the help still open) after closing the help:\n    {rows}"


def unreadable_files(home: Path) -> str:
    """The files chapbook keeps (library, places, settings, histories) that no longer read as
    TOML: a state file written half or garbled by the storm."""
    bad = []
    for folder in ("config", "data", "state"):
        for path in sorted((home / folder).rglob("*.toml")):
            try:
                tomllib.loads(path.read_text(encoding="utf-8"))
            except (tomllib.TOMLDecodeError, UnicodeDecodeError) as err:
                bad.append(f"{path.relative_to(home)}: {err}")
    return "state files unreadable: " + "; ".join(bad) if bad else ""


def stacks(term: TmuxTerminal) -> str:
    """What chapbook's threads are doing, when py-spy is at hand (it is not a dependency)."""
    spy = shutil.which("py-spy") or shutil.which("py-spy", path=str(Path(sys.executable).parent))
    if spy is None or term.pid is None:
        return ""
    dump = subprocess.run(
        [spy, "dump", "--pid", str(term.pid)], capture_output=True, text=True, check=False
    )
    return "\n  threads (py-spy):\n    " + "\n    ".join((dump.stdout + dump.stderr).splitlines())


def _stat(term: TmuxTerminal) -> list[str]:
    try:
        return Path(f"/proc/{term.pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return []


def cpu_seconds(term: TmuxTerminal) -> float:
    """Processor time chapbook has used so far."""
    fields = _stat(term)
    return (int(fields[11]) + int(fields[12])) / 100 if fields else 0.0


def busy(term: TmuxTerminal) -> str:
    """How much of a core chapbook is using: hung busy, or waiting for something."""
    before = cpu_seconds(term)
    time.sleep(2)
    state = (_stat(term) or ["?"])[0]
    return f"{(cpu_seconds(term) - before) / 2:.0%} of a core, process state {state}"


def drain(term: TmuxTerminal) -> float:
    """Seconds until chapbook has worked through the storm (under a tenth of a core for
    `QUIET_SECONDS` seconds in a row), at most `DRAIN_LIMIT`."""
    started = time.monotonic()
    before, quiet = cpu_seconds(term), 0
    while time.monotonic() - started < DRAIN_LIMIT:
        time.sleep(1)
        now = cpu_seconds(term)
        quiet = quiet + 1 if now - before < 0.1 else 0
        before = now
        if quiet >= QUIET_SECONDS:
            return time.monotonic() - started - quiet
    return time.monotonic() - started


def settle(term: TmuxTerminal, limit: float = 10.0) -> None:
    """Wait (at most ``limit`` seconds) until chapbook has used under a tenth of a core for
    a quarter of a second: done with the keys sent so far."""
    started = time.monotonic()
    before = cpu_seconds(term)
    while time.monotonic() - started < limit:
        time.sleep(0.25)
        now = cpu_seconds(term)
        if now - before < 0.025:
            return
        before = now
