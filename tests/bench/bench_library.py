"""Benchmark: a library of 10,000 books — adding them, starting chapbook, typing in the filter.

Makes ``--books`` AO3-style text files (sizes spread from 2 KB to 120 KB), then measures in one
run, each figure a median of ``--runs``:

* `chapbook add FOLDER` for all of them (a fresh library), against only reading and hashing
  the same files (the floor any scan pays);
* opening the index (`Library.open`, in a fresh interpreter, its imports included): the parse
  memos in use, and with the memos deleted so that every TOML shard goes through tomllib;
* the time from starting `chapbook` in tmux to the library list on screen (polling
  capture-pane), against a minimal Textual app started the same way, with and without memos;
* the latency of a filter keystroke, from tmux send-keys to the narrowed list on screen,
  against a keystroke echoed by a minimal Textual app's Input; and the fuzzy filter alone;
* saving one reading position (what the reader does every second while it moves), against
  only serialising the whole index as one TOML file.

    .venv/bin/python tests/bench/bench_library.py [--books 10000] [--runs 5] [--dir DIR]
"""

from __future__ import annotations

import argparse
import hashlib
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

import library_support  # noqa: E402
from tmux_term import CHAPBOOK, TmuxTerminal  # noqa: E402

# The test library's words, fandoms and tags, with a few more for 10,000 books.
WORDS = ["the", "a", *library_support.WORDS, "she", "he", "they", "said", "looked", "quiet"]
WORDS += ["night", "morning", "sea", "light", "keeper", "boat", "rain", "wind", "slowly"]
WORDS += ["never", "always", "home"]
FANDOMS = [*library_support.FANDOMS, "Ninefold"]
TAGS = [*library_support.TAGS, "Fix-It"]
MINIMAL_APP = """
from textual.app import App
from textual.widgets import Input, Static

class Minimal(App):
    def compose(self):
        yield Static("minimal app ready")
        yield Input()

Minimal().run()
"""


# -- making the books -----------------------------------------------------------------------


def story(rng: random.Random, n: int) -> str:
    size = int(2000 * (60 ** rng.random()))  # 2 KB .. 120 KB, most of them small
    chapters = max(1, min(40, size // 4000))
    title = " ".join(rng.choice(WORDS).capitalize() for _ in range(rng.randint(2, 5)))
    head = [
        f"{title} {n}",
        f"by writer{rng.randint(1, 900)}",
        "",
        "Rating: Teen And Up Audiences",
        f"Fandom: {rng.choice(FANDOMS)}",
        f"Additional Tags: {', '.join(rng.sample(TAGS, 3))}",
        f"Stats: Chapters: {chapters}/{chapters}",
        "",
        "Summary",
        "",
        "A story about the sea.",
        "",
    ]
    per_chapter = size // chapters // 6
    body = []
    for c in range(1, chapters + 1):
        body += [f"Chapter {c}: Part {c}", ""]
        words = [rng.choice(WORDS) for _ in range(per_chapter)]
        for p in range(0, len(words), 60):
            body += [" ".join(words[p : p + 60]).capitalize() + ".", ""]
    return "\n".join(head + body)


def make_books(folder: Path, count: int) -> int:
    rng = random.Random(20250301)
    total = 0
    for n in range(count):
        sub = folder / FANDOMS[n % len(FANDOMS)].replace(" ", "-") / f"{n // 500:02d}"
        sub.mkdir(parents=True, exist_ok=True)
        data = story(rng, n).encode()
        (sub / f"story-{n:05d}.txt").write_bytes(data)
        total += len(data)
    return total


# -- measuring ------------------------------------------------------------------------------


def median(times: list[float]) -> float:
    return statistics.median(times)


def env_for(data_home: Path) -> dict[str, str]:
    return {**os.environ, "XDG_DATA_HOME": str(data_home), "XDG_CONFIG_HOME": str(data_home)}


def time_add(folder: Path, data_home: Path) -> float:
    shutil.rmtree(data_home, ignore_errors=True)
    start = time.perf_counter()
    subprocess.run(
        [CHAPBOOK, "add", str(folder)], env=env_for(data_home), check=True, capture_output=True
    )
    return time.perf_counter() - start


def time_read_and_hash(folder: Path) -> float:
    start = time.perf_counter()
    for path in folder.rglob("*.txt"):
        hashlib.blake2b(path.read_bytes(), digest_size=16).hexdigest()
    return time.perf_counter() - start


def time_open(data_home: Path, runs: int, memo: bool) -> tuple[float, int]:
    """Median seconds to load the index in a fresh interpreter, and how many books it has."""
    code = (
        "import time, pathlib; t = time.perf_counter(); "
        "from tui.library.library import Library; "
        f"lib = Library.open(pathlib.Path({str(data_home / 'chapbook')!r}), sample=False); "
        "print(time.perf_counter() - t, len(lib))"
    )
    times, count = [], 0
    for _ in range(runs):
        if not memo:
            for path in (data_home / "chapbook" / "index").glob("*.memo"):
                path.unlink()
        out = subprocess.run(
            [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
        ).stdout.split()
        times.append(float(out[0]))
        count = int(out[1])
    if not memo:  # leave the memos for the runs after this one
        time_open(data_home, 1, memo=True)
    return median(times), count


def tmux_env(env: dict[str, str]) -> dict[str, str]:
    """What the measured program is given: the data directories, PATH and HOME."""
    return {k: v for k, v in env.items() if k.startswith(("XDG_", "PATH", "HOME"))}


def tmux_startup(command: list[str], env: dict[str, str], expect: str, runs: int) -> float:
    """Median seconds from starting ``command`` in tmux to ``expect`` on the screen."""
    times = []
    for _ in range(runs):
        with TmuxTerminal(120, 40) as term:
            start = time.perf_counter()
            term.start(command, tmux_env(env))
            term.poll_for(expect, timeout=30)
            times.append(time.perf_counter() - start)
        time.sleep(0.3)
    return median(times)


def tmux_typing(
    command: list[str], env: dict[str, str], ready: str, opener: str, text: str, shown
) -> float:
    """Median seconds from sending one character of ``text`` to its effect on the screen.

    ``opener`` is a key sent first (and waited for: the screen then shows ``ready``);
    ``shown(typed)`` is what the screen says once ``typed`` has been taken in.
    """
    times = []
    with TmuxTerminal(120, 40) as term:
        term.start(command, tmux_env(env))
        term.poll_for(ready, timeout=30, every=0.001)
        time.sleep(1.0)  # let the start-up check of every file finish
        if opener:
            term.send(opener)
            time.sleep(0.3)
        for i, char in enumerate(text):
            typed = text[: i + 1]
            start = time.perf_counter()
            term.type(char)
            if char != " ":  # a trailing space changes nothing on screen
                term.poll_for(shown(typed), timeout=30, every=0.001)
                times.append(time.perf_counter() - start)
            time.sleep(0.05)
    return median(times)


def save_position(data_home: Path, runs: int) -> tuple[float, float]:
    """(saving one reading position, dumping the whole index as one TOML file) medians."""
    import tomli_w

    from tui.book.anchor import Anchor
    from tui.library.library import Library

    copy = data_home.parent / "data-copy"
    shutil.rmtree(copy, ignore_errors=True)
    shutil.copytree(data_home, copy)
    library = Library.open(copy / "chapbook", sample=False)
    record = library.records()[len(library) // 2]
    saves, dumps = [], []
    for n in range(max(runs, 10)):
        library.set_position(record.id, Anchor(100 + n, "x", time.time()))
        start = time.perf_counter()
        library.save()
        saves.append(time.perf_counter() - start)
    whole = {"books": {r.id: r.to_toml() for r in library.records()}}
    for _ in range(runs):
        start = time.perf_counter()
        tomli_w.dumps(whole)
        dumps.append(time.perf_counter() - start)
    shutil.rmtree(copy, ignore_errors=True)
    return median(saves), median(dumps)


def filter_alone(data_home: Path) -> float:
    from tui.library.catalog import BookFilter
    from tui.library.library import Library

    records = Library.open(data_home / "chapbook", sample=False).records()
    flt = BookFilter()
    flt.apply(records, "warm")  # builds the lower-cased text of every book once
    times = []
    for query in ("h", "ha", "harb", "harbour", "harbour sl", "harbour slow burn", "lanturn"):
        start = time.perf_counter()
        flt.apply(records, query)
        times.append(time.perf_counter() - start)
    return median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--books", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--dir", type=Path, help="work here (default: a temporary folder)")
    args = parser.parse_args()
    if shutil.which("tmux") is None:
        sys.exit("tmux is needed for the startup figures")
    work = args.dir or Path(tempfile.mkdtemp(prefix="chapbook-bench-"))
    books, data_home = work / "books", work / "data"
    if not books.is_dir():
        print(f"making {args.books:,} books in {books} …", flush=True)
        size = make_books(books, args.books)
    else:
        size = sum(p.stat().st_size for p in books.rglob("*.txt"))
    print(f"{args.books:,} books, {size / 1e6:.0f} MB", flush=True)

    add = time_add(books, data_home)  # once: it is long, and the last one builds the library
    floor = time_read_and_hash(books)
    shard_files = list((data_home / "chapbook" / "index").glob("*.toml"))
    index_bytes, shards = sum(p.stat().st_size for p in shard_files), len(shard_files)
    open_memo, listed = time_open(data_home, args.runs, memo=True)
    open_toml, _ = time_open(data_home, args.runs, memo=False)
    env = env_for(data_home)
    count = f"Library · {listed:,} books"  # the books and the first run's sample story
    minimal = work / "minimal_app.py"
    minimal.write_text(MINIMAL_APP)
    start_min = tmux_startup([sys.executable, str(minimal)], env, "minimal app ready", args.runs)
    start_lib = tmux_startup([CHAPBOOK], env, count, args.runs)
    for path in (data_home / "chapbook" / "index").glob("*.memo"):
        path.unlink()
    start_cold = tmux_startup([CHAPBOOK], env, count, 1)  # the memos are rewritten by this run
    query = "harbour slow burn"
    typed = tmux_typing([CHAPBOOK], env, count, "/", query, lambda t: f"match “{t.strip()}”")
    echoed = tmux_typing(
        [sys.executable, str(minimal)], env, "minimal app ready", "", query, lambda t: t
    )
    os.environ.update(env)
    alone = filter_alone(data_home)
    saved, dumped = save_position(data_home, args.runs)

    rows = [
        ("chapbook add (all files, 1 run)", add, f"{add / args.books * 1000:.2f} ms a book"),
        ("  read + hash the same files", floor, f"add = {add / floor:.1f}× this floor"),
        ("open the index (memos)", open_memo, f"{index_bytes / 1e6:.1f} MB TOML, {shards} shards"),
        ("open the index (tomllib only)", open_toml, f"{open_toml / open_memo:.0f}× the memo"),
        ("start to list on screen (memos)", start_lib, "goal ≤ 1 s"),
        ("  minimal Textual app, same way", start_min, f"chapbook = {start_lib / start_min:.2f}×"),
        ("start to list (no memos, 1 run)", start_cold, "first start after a hand edit"),
        ("filter keystroke to screen (tmux)", typed, "goal ≤ 50 ms"),
        ("  minimal app Input keystroke", echoed, f"filter = {typed / echoed:.2f}× this"),
        ("  fuzzy filter alone (core)", alone, f"{listed:,} books"),
        ("save one reading position", saved, "one shard, fsynced, merged"),
        ("  dump the whole index as one TOML", dumped, f"save = {saved / dumped:.2f}× this"),
    ]
    print(f"\n{'measure':<36} {'median':>10}  note")
    for name, seconds, note in rows:
        shown = f"{seconds * 1000:.0f} ms" if seconds < 10 else f"{seconds:.1f} s"
        print(f"{name:<36} {shown:>10}  {note}")
    if args.dir is None:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
