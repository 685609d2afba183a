"""Benchmark: `chapbook outline` on an ~84 MB book (corpus text 003 repeated 270 times).

Run:  .venv/bin/python tests/bench/bench_outline.py [--runs N] [--copies N]

Measures wall time and peak memory (max RSS of the child process) of `chapbook outline FILE
--json`, and, in the same run for comparison: `wc -l`, a plain Python read + decode, and a naive
Python outline (read, decode, split into lines, a regex over each line). Reports medians.
Goal: at most 2 s and at most 4x the file size.

Also the reader's whole book in-process (`open_stages`, from reading the file to the last
stage, the one with every chapter): opened for the first time (parsed, and the parse kept in a
cache folder of its own for each run) and opened again (the kept parse read back).
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CORPUS_TEXT = ROOT.parent / "shared" / "corpus" / "003_6a4721831e1dda7c.txt"
GOAL_SECONDS = 2.0
GOAL_MEMORY_RATIO = 4.0

# Run a command and print its wall time and the peak RSS of the process it started.
_MEASURE = """
import resource, subprocess, sys, time
start = time.perf_counter()
done = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL)
elapsed = time.perf_counter() - start
peak_kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(elapsed, peak_kib * 1024, done.returncode)
"""

_READ_DECODE = "import sys; text = open(sys.argv[1], 'rb').read().decode('utf-8'); print(len(text))"
_NAIVE = """
import re, sys
text = open(sys.argv[1], 'rb').read().decode('utf-8')
heading = re.compile(r"^(chapter|prologue|epilogue)\\b", re.I)
index = [(n, line) for n, line in enumerate(text.splitlines(), 1) if heading.match(line)]
print(len(index))
"""
_READER = """
import sys
from pathlib import Path
from tui.reading.stages import open_stages
for stage in open_stages(Path(sys.argv[1])):
    pass
"""


def with_cache(folder: Path, command: list[str]) -> list[str]:
    return ["env", f"XDG_CACHE_HOME={folder}", *command]


def measure(command: list[str]) -> tuple[float, int]:
    out = subprocess.run(
        [sys.executable, "-c", _MEASURE, *command], capture_output=True, text=True, check=True
    ).stdout.split()
    if out[2] != "0":
        raise SystemExit(f"command failed: {' '.join(command)}")
    return float(out[0]), int(out[1])


def make_book(directory: Path, copies: int) -> Path:
    data = CORPUS_TEXT.read_bytes()
    path = directory / "serial.txt"
    with path.open("wb") as out:
        for _ in range(copies):
            out.write(data)
            out.write(b"\n\n\n")
    return path


def chapbook_command() -> list[str]:
    exe = Path(sys.executable).with_name("chapbook")
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "tui"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--copies", type=int, default=270)
    args = parser.parse_args()
    if not CORPUS_TEXT.exists():
        print(f"missing {CORPUS_TEXT}", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        book = make_book(Path(tmp), args.copies)
        size = book.stat().st_size
        cases = [("chapbook outline --json", [*chapbook_command(), "outline", str(book), "--json"])]
        if shutil.which("wc"):
            cases.append(("wc -l", ["wc", "-l", str(book)]))
        cases.append(("python read+decode", [sys.executable, "-c", _READ_DECODE, str(book)]))
        cases.append(("naive python outline", [sys.executable, "-c", _NAIVE, str(book)]))
        reader = [sys.executable, "-c", _READER, str(book)]
        warm = Path(tmp) / "warm"
        measure(with_cache(warm, reader))  # (the parse kept, for "opened again")
        cases.append(("reader: opened again", with_cache(warm, reader)))
        results: dict[str, list[tuple[float, int]]] = {name: [] for name, _ in cases}
        results["reader: first open"] = []
        for run in range(args.runs):
            for name, command in cases:  # interleaved, so machine noise hits all alike
                results[name].append(measure(command))
            cold = with_cache(Path(tmp) / f"cold{run}", reader)
            results["reader: first open"].append(measure(cold))
        cases.append(("reader: first open", []))
    print(f"book: {size / 1e6:.1f} MB ({args.copies} copies of corpus 003), {args.runs} runs")
    print(f"{'command':26} {'median s':>9} {'min s':>7} {'peak MB':>8} {'x size':>7}")
    for name, _ in cases:
        times = [t for t, _ in results[name]]
        peak = statistics.median(m for _, m in results[name])
        print(
            f"{name:26} {statistics.median(times):9.2f} {min(times):7.2f} "
            f"{peak / 1e6:8.0f} {peak / size:7.2f}"
        )
    ours = results["chapbook outline --json"]
    median_time = statistics.median(t for t, _ in ours)
    ratio = statistics.median(m for _, m in ours) / size
    naive = statistics.median(t for t, _ in results["naive python outline"])
    print(
        f"chapbook: {median_time:.2f} s (goal {GOAL_SECONDS:.0f} s: "
        f"{'met' if median_time <= GOAL_SECONDS else 'NOT met'}), memory {ratio:.2f}x file size "
        f"(goal {GOAL_MEMORY_RATIO:.0f}x: {'met' if ratio <= GOAL_MEMORY_RATIO else 'NOT met'}), "
        f"{median_time / naive:.1f}x the time of the naive outline (which only finds headings)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
