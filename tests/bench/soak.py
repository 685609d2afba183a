"""Soak: the installed `chapbook` in a real terminal (tmux) under a storm of random input.

For each seed, chapbook starts on a copy of BOOK with a fresh home (its own XDG folders), in a
terminal of ``--size`` (80x24), then gets ``--events`` random events (or as many as fit in
``--duration`` seconds; see `soak_events.py`): keys and bursts of keys (every key
`config/default.toml` binds, letters, digits, named and modified keys), pastes (bracketed,
through tmux's paste buffer: empty, huge, control characters, escape sequences, right-to-left
marks), resizes from 10×3 to 250×80, mouse clicks, scrolls and drags (SGR mouse reports) and
stray terminal codes. Every ``VISIT_EVERY`` events it goes to one screen or dialog on purpose,
in turn, with the keys the settings bind, and pastes 10,000 odd characters into each box (see
`soak_screens.py`); each run prints the screens it saw, and the seed fails when a visit never
reached its screen. Each seed's home has a shelf to add (`soak_files.py`), for odd seeds a
settings file with a problem, and the ``--keymap`` preset and ``--keys`` (lines of a [keys]
table) when given, and ``--library N`` puts N more books in its library before it starts;
half way through, the book goes, is cut short, emptied or written over with binary data or
another story (by the seed), and comes back at three quarters.

A seed fails when chapbook died, printed a traceback, wrote a crash log, or stopped answering.
The storm is sent faster than anyone types, so chapbook is first given up to 10 minutes to work
through it (the time it stays busy is printed); then its close keys (a few times), then its help
key must bring up the help within 20 s. Each failure prints its seed, the last events sent and
the command that replays it, with what chapbook's threads were doing when py-spy is installed.
The keys that quit (`q`, `Q`, `Z` as in ZZ, ctrl+c and ctrl+q, and the keys the settings give
quit: `storm_support.quitting`) and the settings' save key (the probe's keys must stay as the
settings say) are left out, also from what is pasted (tmux brackets a paste only while chapbook
asks for it), and the hand-off to `$PAGER` runs `true`, which hands the terminal straight back;
the Pilot storm in tests/ui/test_storm.py does save settings.

    .venv/bin/python tests/bench/soak.py BOOK [--seed 1] [--seeds 20] [--events 2000]
        [--duration SECONDS] [--jobs 2] [--size 80x24] [--keymap vim] [--keys 'help = "f5"']
        [--library 200]
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT / "tests")]

from soak_checks import broken, drain, not_answering, unreadable_files  # noqa: E402
from soak_events import TerminalStorm  # noqa: E402
from soak_files import BookChanges, fill_library, prepare_home, reading_copy, take_away  # noqa: E402
from soak_screens import KeyBook, go_to, screens_on, visits  # noqa: E402
from storm_support import odd_text  # noqa: E402
from tmux_term import CHAPBOOK, START, TmuxTerminal, chapbook_env  # noqa: E402

from tui.settings.settings import load_settings  # noqa: E402

CHECK_EVERY = 100  # events between checks that chapbook is still there
VISIT_EVERY = 60  # events between visits to a given screen


@dataclass
class Outcome:
    book: str
    seed: int
    events: int
    seconds: float
    failure: str = ""
    drained: float = 0.0  # seconds chapbook stayed busy after the storm
    seen: frozenset[str] = frozenset()  # the screens seen on the way


def soak_one(
    book: Path,
    seed: int,
    events: int,
    duration: float | None,
    size: tuple[int, int] = (80, 24),
    keymap: str = "",
    user_keys: str = "",
    library: int = 0,
) -> Outcome:
    """One seed: chapbook in tmux (``size`` at first, the ``keymap`` preset and ``user_keys``
    in its settings, ``library`` books added before it starts) under ``events`` random events;
    what became of it."""
    rng = random.Random(seed)
    with tempfile.TemporaryDirectory(prefix=f"soak-{seed}-") as tmp:
        home = Path(tmp)
        shelf = prepare_home(home, seed, keymap, user_keys)
        if library:
            fill_library(home, library)
        keys = load_settings(home / "config" / "chapbook" / "settings.toml")[0].keys
        key_book = KeyBook(keys)
        reading = reading_copy(book, home)
        changes = BookChanges(reading, seed, events)
        tour = visits(shelf)
        seen: set[str] = set()
        missed: set[str] = set()
        last_miss: dict[str, str] = {}  # what was on screen when a visit missed
        state = home / "state" / "chapbook"
        started = time.monotonic()
        sent = done_visits = done_checks = 0

        with TmuxTerminal(*size) as term:
            storm = TerminalStorm(term, rng, home / "paste.txt", keys)

            def outcome(failure: str = "", drained: float = 0.0) -> Outcome:
                if not failure and missed - seen:
                    failure = f"visits never reached {sorted(missed - seen)}" + "".join(
                        f"\n  {name}, the last time:\n    "
                        + last_miss[name].replace("\n", "\n    ")
                        for name in sorted(missed - seen)
                    )
                if failure:
                    failure += "\n  the last events sent:\n    " + "\n    ".join(storm.trail)
                took = time.monotonic() - started
                return Outcome(book.name, seed, sent, took, failure, drained, frozenset(seen))

            # The hand-off to $PAGER (`o`) runs a pager that returns at once: the storm's
            # keys are for chapbook, and a real `less` would take them (and ignore F1).
            term.start([CHAPBOOK, str(reading)], chapbook_env(home, PAGER="true"), cwd=home)
            try:
                term.wait_until(
                    # (not the `chapbook: opening …` line said before the interface
                    # starts: keys sent then reach a terminal still in cooked mode)
                    lambda s: (
                        bool(screens_on(s))
                        or (len(s.strip()) > 40 and "chapbook: opening" not in s)
                    ),
                    timeout=START,
                    what="a screen",
                )
            except AssertionError as err:
                return outcome(f"did not start: {str(err)[:200]}")
            while sent < events and (duration is None or time.monotonic() - started < duration):
                if term.pane_dead():  # (tmux 3.3 crashes pasting into a dead pane)
                    return outcome(broken(term, state))
                before = sent
                try:
                    sent += storm.step()
                except RuntimeError as err:  # tmux could not resize
                    return outcome(str(err))
                change = changes.due(before, sent)
                if change:
                    storm.trail.append(f"the book {change}")
                if sent // VISIT_EVERY > done_visits:
                    if term.pane_dead():
                        return outcome(broken(term, state))
                    visit = tour[done_visits % len(tour)]
                    done_visits += 1
                    pasted = "" if not visit.paste else odd_text(rng)
                    storm.trail.append(f"visit {visit.expect or visit.keys}")
                    steps: list[str] = []
                    reached = go_to(term, key_book, visit, partial(storm.paste, pasted), steps)
                    seen |= reached
                    if visit.expect is not None:
                        missed.add(visit.expect)
                        if visit.expect not in reached:
                            last_miss[visit.expect] = "\n".join([*steps, term.screen()])
                    if visit.expect == "confirm add":
                        key_book.send(term, "confirm")
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
                ways_out, help_key = tuple(key_book.ways_out()), key_book.of("help") or "F1"
                failure = not_answering(term, state, ways_out, help_key) or unreadable_files(home)
            return outcome(failure, drained)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("books", nargs="+", type=Path, help="the books to read")
    parser.add_argument("--seed", type=int, default=1, help="the first seed")
    parser.add_argument("--seeds", type=int, default=1, help="how many seeds, from --seed")
    parser.add_argument("--events", type=int, default=2000, help="events per seed")
    parser.add_argument("--duration", type=float, help="at most this many seconds per seed")
    parser.add_argument("--jobs", type=int, default=1, help="seeds run side by side")
    parser.add_argument("--size", default="80x24", help="the terminal's size at start, WxH")
    parser.add_argument("--keymap", default="", help="the keymap preset the settings choose")
    parser.add_argument("--keys", default="", help="lines of a [keys] table for the settings")
    parser.add_argument("--library", type=int, default=0, help="books in the library at start")
    args = parser.parse_args()
    width, height = (int(n) for n in args.size.split("x"))
    runs = [
        (book.resolve(), seed)
        for book in args.books
        for seed in range(args.seed, args.seed + args.seeds)
    ]
    outcomes: list[Outcome] = []
    with ThreadPoolExecutor(max_workers=args.jobs) as pool:
        futures = [
            pool.submit(
                soak_one,
                b,
                s,
                args.events,
                args.duration,
                (width, height),
                args.keymap,
                args.keys,
                args.library,
            )
            for b, s in runs
        ]
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
                    f"--events {args.events} --size {args.size}"
                    + (f" --keymap {args.keymap}" if args.keymap else "")
                    + (f" --keys {args.keys!r}" if args.keys else "")
                    + (f" --library {args.library}" if args.library else ""),
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
