"""Benchmark of the finder: latency per keystroke, index build time and memory.

Not a test: run it by hand and copy the table into the README.

    .venv/bin/python tests/bench/bench_finder.py            # 0.3 MB and 84 MB
    .venv/bin/python tests/bench/bench_finder.py --quick    # 0.3 MB and 8 MB

Books: corpus text 003 once (0.3 MB) and repeated 270 times (84 MB, about 750k paragraphs),
opened with the real engine. Each query of the corpus query set is typed one character at a
time, and every prefix is searched as the overlay searches it (all kinds: chapters, scenes,
bookmarks, passages), so the word caches warm up the way they do while typing. Measured in
the same run for comparison: rapidfuzz `process.extract` (WRatio) over every paragraph, the
naive way to fuzzy-find text, and for the index build the plain way to build a word index
(a regex per paragraph, a set of its words, a list of paragraphs per word). Builds are
repeated, alternating the two, and the medians are shown.
"""

from __future__ import annotations

import argparse
import gc
import re
import statistics
import sys
import tempfile
import time
import tomllib
from pathlib import Path

from rapidfuzz import fuzz, process

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT.parent / "shared" / "corpus"
SOURCE = CORPUS / "003_6a4721831e1dda7c.txt"
QUERIES = ROOT / "tests" / "finder_queries.toml"
sys.path.insert(0, str(ROOT))

from tui.book.formats import open_book  # noqa: E402
from tui.finder.book_finder import BookFinder  # noqa: E402
from tui.finder.build import build_index  # noqa: E402
from tui.finder.index import BookIndex  # noqa: E402


def rss_mib() -> float:
    """Resident memory of this process now, in MiB (Linux)."""
    with open("/proc/self/statm") as handle:
        pages = int(handle.read().split()[1])
    return pages * 4096 / 2**20


def queries() -> list[str]:
    found = tomllib.loads(QUERIES.read_text(encoding="utf-8"))["query"]
    return [q["query"] for q in found if q["book"] == SOURCE.name]


_WORD = re.compile(r"[^\W_]+")


def naive_index(book) -> dict[str, list[int]]:
    """The plain way: every paragraph's words found by a regex, appended word by word."""
    postings: dict[str, list[int]] = {}
    for number in range(len(book)):
        for word in set(_WORD.findall(book.paragraph(number).casefold())):
            postings.setdefault(word, []).append(number)
    return postings


def build_times(book, builds: int) -> tuple[BookIndex, list[float], list[float], float]:
    """The finder's index; seconds per build of it and of the naive one, alternating; and
    the memory the finder's index holds, in MiB (measured on the first build)."""
    ours, naive = [], []
    index, index_mib = None, 0.0
    for number in range(builds):
        index = None
        gc.collect()
        before = rss_mib()
        start = time.perf_counter()
        index = build_index(book)
        ours.append(time.perf_counter() - start)
        if number == 0:
            gc.collect()
            index_mib = rss_mib() - before
        start = time.perf_counter()
        naive_index(book)
        naive.append(time.perf_counter() - start)
    assert index is not None
    return index, ours, naive, index_mib


def keystroke_latencies(finder: BookFinder, typed: list[str]) -> list[float]:
    """Milliseconds per keystroke: each prefix of each query, searched in turn."""
    times = []
    for query in typed:
        for end in range(1, len(query) + 1):
            start = time.perf_counter()
            finder.search(query[:end], limit=60)
            times.append((time.perf_counter() - start) * 1000)
    return times


def naive_latencies(finder: BookFinder, typed: list[str], count: int) -> list[float]:
    """Milliseconds per query for rapidfuzz WRatio over every paragraph (the baseline)."""
    book = finder.book
    paragraphs = [book.paragraph(i) for i in range(len(book))]
    times = []
    for query in typed[:count]:
        start = time.perf_counter()
        process.extract(query, paragraphs, scorer=fuzz.WRatio, limit=10)
        times.append((time.perf_counter() - start) * 1000)
    return times


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def measure(copies: int, typed: list[str], naive_count: int, builds: int) -> dict[str, float]:
    text = SOURCE.read_text(encoding="utf-8")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"003x{copies}.txt"
        with path.open("w", encoding="utf-8") as handle:
            for _ in range(copies):
                handle.write(text)
                handle.write("\n\n\n")
        size_mb = path.stat().st_size / 1e6
        gc.collect()
        start = time.perf_counter()
        book = open_book(path)
        opened = time.perf_counter() - start
    index, ours, naive_builds, index_mib = build_times(book, builds)
    finder = BookFinder(book)
    finder.index = index
    gc.collect()  # the naive builds' garbage is not the finder's
    keys = keystroke_latencies(finder, typed)
    naive = naive_latencies(finder, typed, naive_count)
    return {
        "size_mb": size_mb,
        "paragraphs": len(book),
        "scenes": len(finder.scenes),
        "open_s": opened,
        "index_s": statistics.median(ours),
        "naive_index_s": statistics.median(naive_builds),
        "builds": builds,
        "index_mib": index_mib,
        "key_median": statistics.median(keys),
        "key_p90": percentile(keys, 0.9),
        "key_max": max(keys),
        "keystrokes": len(keys),
        "naive_median": statistics.median(naive),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="8 MB instead of 84 MB")
    args = parser.parse_args()
    if not SOURCE.is_file():
        print(f"needs {SOURCE}", file=sys.stderr)
        return 2
    typed = queries()
    sizes = [(1, 30.0, 7), (27 if args.quick else 270, 150.0, 3)]
    rows = []
    for copies, goal, builds in sizes:
        print(f"measuring 003 x{copies} ...", file=sys.stderr, flush=True)
        naive_count = len(typed) if copies == 1 else 3
        result = measure(copies, typed, naive_count=naive_count, builds=builds)
        rows.append((copies, goal, result))
    print()
    print(
        "| book | paragraphs | scenes | builds | index build (median) | naive index build "
        "| naive ÷ finder | index memory |"
    )
    print("|---|---|---|---|---|---|---|---|")
    for copies, _, r in rows:
        print(
            f"| 003 ×{copies} ({r['size_mb']:.1f} MB) | {r['paragraphs']:,} | {r['scenes']:,} "
            f"| {r['builds']} | {r['index_s']:.2f} s | {r['naive_index_s']:.2f} s "
            f"| {r['naive_index_s'] / r['index_s']:.1f}× | {r['index_mib']:.0f} MiB |"
        )
    print()
    print(
        "| book | keystrokes | median | p90 | max | goal "
        "| naive rapidfuzz (median/query) | naive ÷ finder |"
    )
    print("|---|---|---|---|---|---|---|---|")
    for copies, goal, r in rows:
        print(
            f"| 003 ×{copies} ({r['size_mb']:.1f} MB) | {r['keystrokes']} "
            f"| {r['key_median']:.1f} ms | {r['key_p90']:.1f} ms | {r['key_max']:.0f} ms "
            f"| ≤ {goal:.0f} ms | {r['naive_median']:.0f} ms "
            f"| {r['naive_median'] / r['key_median']:.0f}× |"
        )
    print()
    opened = ", ".join(f"{result['open_s']:.2f} s" for _, _, result in rows)
    print(f"(opening the books with the engine, not counted above: {opened})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
