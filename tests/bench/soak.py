"""Soak: the installed `chapbook` in a real terminal (tmux) under a storm of random input.

For each seed, chapbook starts on BOOK with a fresh home (its own XDG folders), then gets
``--events`` random events (or as many as fit in ``--duration`` seconds): keys and bursts of
keys (every key `config/default.toml` binds, letters, digits, named and modified keys), pastes
(bracketed, through tmux's paste buffer: empty, huge, control characters, escape sequences),
resizes from 10×3 to 250×80, and mouse clicks and scrolls (SGR mouse reports). Every
``VISIT_EVERY`` events it goes to one screen or dialog on purpose, in turn (see
`soak_screens.py`: each seed's home has a shelf to add and, for odd seeds, a settings file with a
problem); each run prints the screens it saw, and the seed fails when a visit never reached its
screen.

A seed fails when chapbook died, printed a traceback, wrote a crash log, or stopped answering.
The storm is sent faster than anyone types, so chapbook is first given up to 10 minutes to work
through it (the time it stays busy is printed); then Escape (a few times), then F1 must bring
up the help within 20 s. Each failure prints its seed and the command that replays it, with
what chapbook's threads were doing when py-spy is installed. `q`, ctrl+c and ctrl+q
(quitting) and ctrl+s (saving settings: the probe's keys must stay the defaults) are left
out, also from what is pasted (tmux brackets a paste only while chapbook asks for it), and the
hand-off to
`$PAGER` runs `true`, which hands the terminal straight back; the Pilot storm in
tests/ui/test_storm.py does save settings.

    .venv/bin/python tests/bench/soak.py BOOK [--seed 1] [--seeds 20] [--events 2000]
        [--duration SECONDS] [--jobs 2]
"""

from __future__ import annotations

import argparse
import random
import shutil
import subprocess
import sys
import tempfile
import time
import tomllib
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT / "tests")]

from soak_screens import Visit, prepare_home, screens_on, take_away, visits  # noqa: E402
from storm_support import pastes, vocabulary  # noqa: E402
from tmux_term import CHAPBOOK, START, TmuxTerminal, chapbook_env  # noqa: E402

LEFT_OUT = {"q", "ctrl+q", "ctrl+c", "ctrl+s"}
# The same keys as the control characters a paste may hold: taken out of what is pasted.
QUITTING_CONTROLS = str.maketrans("", "", "\x03\x11\x13")
# Textual key names as tmux's send-keys spells them.
NAMED = {
    "enter": "Enter", "escape": "Escape", "tab": "Tab", "shift+tab": "BTab",
    "backspace": "BSpace", "delete": "DC", "insert": "IC", "space": "Space", "home": "Home",
    "end": "End", "pageup": "PPage", "pagedown": "NPage", "up": "Up", "down": "Down",
    "left": "Left", "right": "Right",
    **{f"f{n}": f"F{n}" for n in range(1, 13)},
}  # fmt: skip
CHARACTERS = {
    "comma": ",", "full_stop": ".", "slash": "/", "question_mark": "?", "apostrophe": "'",
    "percent_sign": "%", "left_square_bracket": "[", "right_square_bracket": "]",
    "left_curly_bracket": "{", "right_curly_bracket": "}", "less_than_sign": "<",
    "greater_than_sign": ">", "grave_accent": "`", "plus": "+", "minus": "-",
    "number_sign": "#", "asterisk": "*", "colon": ":", "exclamation_mark": "!",
}  # fmt: skip
MODIFIERS = {"ctrl": "C-", "alt": "M-", "shift": "S-"}
# What else a terminal (or a line with noise on it) sends, outside a paste: sequences cut short
# or out of range, answers to queries, focus reports, keys in other protocols, bytes that are
# not UTF-8, old-style mouse reports.
RAW = [
    b"\x1b[", b"\x1b[1;", b"\x1bO", b"\x1b[999999999~", b"\x1b[1;5A\x1b[1;3B",
    b"\x1b[97;5u", b"\x1b[27;5;106~", b"\x1b[I", b"\x1b[O", b"\x1b[?62;c",
    b"\x1b[8;24;80t", b"\x1b]11;rgb:0000/0000/0000\x1b\\", b"\x1b[<0;9999;9999M",
    b"\x1b[<64;0;0M", b"\x1b[M #!", b"\xff\xfe\xc3", b"\xe2\x82", b"\x00\x00",
    b"\x1b\x1b\x1b", b"\x1b[201~", b"\x1bP1$r0m\x1b\\",
    b"\x1b[2;2R", b"\x1b[?2026;2$y", b"\x1b[15;2~\x1b[24;5~", b"\x1bOP\x1bOQ\x1bOR",
]  # fmt: skip
CHECK_EVERY = 100  # events between checks that chapbook is still there
VISIT_EVERY = 60  # events between visits to a given screen
VISIT_SETTLE = 3.0  # seconds a visited screen is given to show
# Sizes a resize picks from, down to a few cells: chapbook must live through them and come back.
WIDTHS = (10, 20, 40, 80, 120, 250)
HEIGHTS = (3, 5, 6, 12, 24, 40, 80)
# After the storm chapbook may be busy for a while with what was sent faster than anyone
# types (2,000 events in a few seconds); it is given this long to work through them ...
DRAIN_LIMIT = 600.0
QUIET_SECONDS = 3  # in a row, for chapbook to count as done with it
# ... and must then answer Escape and F1 within this many seconds.
ANSWER_WITHIN = 20.0


def tmux_key(key: str) -> str | None:
    """``key`` (a Textual key name) as a tmux key name, or None when tmux cannot send it."""
    *mods, base = key.split("+")
    if base in NAMED:
        name = NAMED[base]
    elif base in CHARACTERS:
        name = CHARACTERS[base]
    elif len(base) == 1 and base != ";":
        name = base
    else:
        return None
    if "shift" in mods and len(name) == 1:
        return None  # tmux types `S-a` and `C-S-p` out as text: it has no such keys
    if "+".join([*mods, base]) in NAMED:
        return NAMED[key]
    return "".join(MODIFIERS[m] for m in mods if m in MODIFIERS) + name


@dataclass
class Outcome:
    book: str
    seed: int
    events: int
    seconds: float
    failure: str = ""
    drained: float = 0.0  # seconds chapbook stayed busy after the storm
    seen: frozenset[str] = frozenset()  # the screens seen on the way


def soak_one(book: Path, seed: int, events: int, duration: float | None) -> Outcome:
    """One seed: chapbook in tmux under ``events`` random events; what became of it."""
    rng = random.Random(seed)
    keys = [k for k in (tmux_key(k) for k in vocabulary() if k not in LEFT_OUT) if k]
    with tempfile.TemporaryDirectory(prefix=f"soak-{seed}-") as tmp:
        home = Path(tmp)
        shelf = prepare_home(home, seed)
        tour = visits(shelf)
        seen: set[str] = set()
        missed: set[str] = set()
        last_miss: dict[str, str] = {}  # what was on screen when a visit missed
        paste_file = home / "paste.txt"
        state = home / "state" / "chapbook"
        started = time.monotonic()
        sent = done_visits = done_checks = 0

        def outcome(failure: str = "", drained: float = 0.0) -> Outcome:
            if not failure and missed - seen:
                failure = f"visits never reached {sorted(missed - seen)}" + "".join(
                    f"\n  {name}, the last time:\n    " + last_miss[name].replace("\n", "\n    ")
                    for name in sorted(missed - seen)
                )
            took = time.monotonic() - started
            return Outcome(book.name, seed, sent, took, failure, drained, frozenset(seen))

        with TmuxTerminal(80, 24) as term:
            # The hand-off to $PAGER (`o`) runs a pager that returns at once: the storm's
            # keys are for chapbook, and a real `less` would take them (and ignore F1).
            term.start([CHAPBOOK, str(book)], chapbook_env(home, PAGER="true"), cwd=home)
            try:
                term.wait_until(lambda s: len(s.strip()) > 40, timeout=START, what="a screen")
            except AssertionError as err:
                return outcome(f"did not start: {str(err)[:200]}")
            while sent < events and (duration is None or time.monotonic() - started < duration):
                roll = rng.random()
                if roll < 0.80:
                    burst = [rng.choice(keys) for _ in range(rng.choice((1, 1, 1, 2, 3, 5)))]
                    term.tmux("send-keys", "-t", term.session, *burst, check=False)
                    sent += len(burst)
                elif roll < 0.87:
                    if term.pane_dead():  # tmux 3.3 crashes pasting into a dead pane
                        return outcome(broken(term, state))
                    # tmux brackets a paste only while chapbook asks for bracketed pastes; in a
                    # moment it does not (between screens, the `o` hand-off) the text arrives
                    # as typed keys, and a ctrl+c or ctrl+q in it quits, as `LEFT_OUT` does.
                    text = pastes(rng).translate(QUITTING_CONTROLS)
                    if text:
                        paste_file.write_text(text, encoding="utf-8", errors="replace")
                        term.tmux("load-buffer", "-b", "soak", str(paste_file), check=False)
                        paste = ("paste-buffer", "-p", "-d", "-b", "soak", "-t", term.session)
                        term.tmux(*paste, check=False)
                    else:  # tmux has no empty buffer: the bracketed paste markers alone
                        send_bytes(term, b"\x1b[200~\x1b[201~")
                    sent += 1
                elif roll < 0.93:
                    width = rng.choice((*WIDTHS, rng.randint(10, 250)))
                    height = rng.choice((*HEIGHTS, rng.randint(3, 80)))
                    resized = term.tmux(
                        "resize-window",
                        "-t",
                        term.session,
                        "-x",
                        str(width),
                        "-y",
                        str(height),
                        check=False,
                    )
                    if resized.returncode:
                        return outcome(f"tmux could not resize: {resized.stderr.strip()}")
                    term.width, term.height = width, height
                    sent += 1
                elif roll < 0.96:
                    send_mouse(term, rng, scroll=roll >= 0.95)
                    sent += 1
                else:
                    send_bytes(term, rng.choice(RAW))
                    sent += 1
                if sent // VISIT_EVERY > done_visits:
                    if term.pane_dead():
                        return outcome(broken(term, state))
                    visit = tour[done_visits % len(tour)]
                    done_visits += 1
                    reached = go_to(term, visit)
                    seen |= reached
                    if visit.expect is not None:
                        missed.add(visit.expect)
                        if visit.expect not in reached:
                            last_miss[visit.expect] = term.screen()
                    if visit.expect == "confirm add":
                        term.send("y")
                        time.sleep(1.0)
                        take_away(shelf)
                if sent // CHECK_EVERY > done_checks:
                    done_checks += 1
                    seen |= screens_on(term.screen())
                    failure = broken(term, state)
                    if failure:
                        return outcome(failure)
            failure, drained = broken(term, state), 0.0
            if not failure:
                drained = drain(term)
                failure = not_answering(term, state) or unreadable_files(home)
            return outcome(failure, drained)


def go_to(term: TmuxTerminal, visit: Visit) -> set[str]:
    """Out of whatever is open, to the visit's base screen, then its keys; what showed. The
    storm before it is worked through first, so that the visit's keys meet the screen they
    were meant for."""
    seen: set[str] = set()
    settle(term)
    if term.width < 60 or term.height < 20:
        term.resize(80, 24)
    for _ in range(4):
        term.send("Escape")
    settle(term)
    screen = term.screen()
    seen |= screens_on(screen)
    on_library = "library" in screens_on(screen)
    if visit.base == "library" and not on_library:
        term.send("L")
    elif visit.base == "reader" and on_library:
        term.send("Escape")  # back to the book it came from
        settle(term)
        if "library" in screens_on(term.screen()):
            term.send("Enter")  # none: the book under the cursor
    settle(term)
    seen |= screens_on(term.screen())
    for key in visit.keys:
        term.send(key)
        time.sleep(0.1)
    if visit.text:
        settle(term)
        term.type(visit.text)
    for key in visit.after:
        settle(term)
        term.send(key)
    deadline = time.monotonic() + VISIT_SETTLE
    while True:
        now = screens_on(term.screen())
        if visit.expect in now or time.monotonic() > deadline:
            return seen | now
        time.sleep(0.1)


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


def send_mouse(term: TmuxTerminal, rng: random.Random, *, scroll: bool) -> None:
    """A click (press and release) or a wheel step, as an SGR mouse report."""
    x, y = rng.randint(1, term.width), rng.randint(1, term.height)
    if scroll:
        reports = [f"\x1b[<{rng.choice((64, 65))};{x};{y}M"]
    else:
        button = rng.choice((0, 0, 1, 2))
        reports = [f"\x1b[<{button};{x};{y}M", f"\x1b[<{button};{x};{y}m"]
    send_bytes(term, "".join(reports).encode())


def send_bytes(term: TmuxTerminal, data: bytes) -> None:
    """``data`` as the terminal would send it to chapbook."""
    term.tmux("send-keys", "-t", term.session, "-H", *(f"{b:02x}" for b in data), check=False)


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


def not_answering(term: TmuxTerminal, state: Path) -> str:
    """Escape out of whatever is open, then F1 must bring up the help."""
    term.resize(100, 30)
    for _ in range(6):
        term.send("Escape")
    time.sleep(0.5)
    term.send("F1")
    deadline = time.monotonic() + ANSWER_WITHIN
    while time.monotonic() < deadline:
        if "Keys ·" in term.screen():
            return broken(term, state)
        failure = broken(term, state)
        if failure:
            return failure
        time.sleep(0.1)
    rows = "\n    ".join(line.rstrip()[:100] for line in term.screen().splitlines())
    saved = state.parent.parent / "config" / "chapbook" / "settings.toml"
    if saved.exists():  # the storm saved settings: F1 may no longer be the help key
        rows += "\n  settings saved by the storm:\n    " + saved.read_text().replace("\n", "\n    ")
    return (
        f"stopped answering ({busy(term)}): no help after Escape, F1; screen:\n    {rows}"
        + stacks(term)
    )


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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("books", nargs="+", type=Path, help="the books to read")
    parser.add_argument("--seed", type=int, default=1, help="the first seed")
    parser.add_argument("--seeds", type=int, default=1, help="how many seeds, from --seed")
    parser.add_argument("--events", type=int, default=2000, help="events per seed")
    parser.add_argument("--duration", type=float, help="at most this many seconds per seed")
    parser.add_argument("--jobs", type=int, default=1, help="seeds run side by side")
    args = parser.parse_args()
    runs = [
        (book.resolve(), seed)
        for book in args.books
        for seed in range(args.seed, args.seed + args.seeds)
    ]
    outcomes: list[Outcome] = []
    with ThreadPoolExecutor(max_workers=args.jobs) as pool:
        futures = [pool.submit(soak_one, b, s, args.events, args.duration) for b, s in runs]
        for future in futures:
            result = future.result()
            outcomes.append(result)
            verdict = f"FAILED: {result.failure}" if result.failure else "ok"
            print(
                f"{result.book} seed {result.seed}: {result.events} events in "
                f"{result.seconds:.0f} s, busy {result.drained:.0f} s after: {verdict}\n"
                f"  saw {len(result.seen)} screens: {', '.join(sorted(result.seen))}",
                flush=True,
            )
            if result.failure:
                print(
                    f"  replay: {sys.executable} {Path(__file__).relative_to(ROOT)} "
                    f"{args.books[0] if len(args.books) == 1 else '<book>'} --seed {result.seed} "
                    f"--events {args.events}",
                    flush=True,
                )
    failed = [o for o in outcomes if o.failure]
    total = sum(o.events for o in outcomes)
    seconds = sum(o.seconds for o in outcomes)
    drains = sorted(o.drained for o in outcomes)
    middle, longest = drains[len(drains) // 2], drains[-1]
    print(f"\nbusy after the storm: median {middle:.0f} s, longest {longest:.0f} s")
    print(
        f"\n{len(outcomes)} runs, {total} events, {seconds:.0f} s of soak: "
        f"{len(failed)} failed" + (f" (seeds {sorted({o.seed for o in failed})})" if failed else "")
    )
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
