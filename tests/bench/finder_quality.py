"""Benchmark of the finder's ranking quality: is the scene a reader means found first?

Not a test: run it by hand and copy the table into the README.

    .venv/bin/python tests/bench/finder_quality.py                  # old 150, work, held
    .venv/bin/python tests/bench/finder_quality.py --sets old work  # leave the held set alone
    .venv/bin/python tests/bench/finder_quality.py --sets work --misses   # what the finder missed

Query sets: `old` is `tests/finder_queries.toml` (150 queries, rounds 1-3); `work` and `held`
are the two halves of `tests/finder_queries_blind.toml`, over the corpus texts; `fresh` and
`fresh-held` the two halves of `tests/finder_queries_fresh.toml`, over three books of the real
corpus (their scenes as chapbook divides them, each query's scene checked by a quoted anchor);
`unseen` is `tests/finder_queries_unseen.toml`, written the same way over three more books,
after the last change to the ranking, and scored once; `novels` and `novels-held` the two halves of
`tests/finder_queries_novels.toml`, written the same way over eight long novels (four each), the
second scored only before and after the changes made while looking at the first; `late` to
`late8`, `tests/finder_queries_late*.toml`, written the same way over four more books each, one
round after another. The held sets (`held`, `fresh-held`, `unseen`, `novels-held`, `late2` to
`late8`) are only ever scored as a whole: `--misses` refuses to list them.

A query counts at rank N when the Nth hit is where Enter lands inside the intended scene, as
`tests/finder/test_finder_queries.py` judges it. Each method ranks the same scenes, those of the
expected outline (`*.expected.json`) for the corpus texts, chapbook's for the real books:
- finder: `BookFinder.search` as the overlay runs it (the query typed, then a space);
- rapidfuzz: `fuzz.token_set_ratio(query, scene text)` after rapidfuzz's default processing;
- fzf: `fzf --filter QUERY` over one line per scene (its text joined), in fzf's order.
Shown per method: first (share of queries with the scene first), top 5, MRR (mean of 1/rank
over the first ten, 0 beyond).
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import time
import tomllib
from dataclasses import dataclass
from pathlib import Path

from rapidfuzz import fuzz, process
from rapidfuzz.utils import default_process

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from finder_support import CORPUS, scene_spans  # noqa: E402

from tui.book.formats import open_book  # noqa: E402
from tui.book.model import Book  # noqa: E402
from tui.finder.book_finder import BookFinder  # noqa: E402

OLD = ROOT / "tests" / "finder_queries.toml"
BLIND = ROOT / "tests" / "finder_queries_blind.toml"
FRESH = ROOT / "tests" / "finder_queries_fresh.toml"
UNSEEN = ROOT / "tests" / "finder_queries_unseen.toml"
LATE = ROOT / "tests" / "finder_queries_late.toml"
LATE2 = ROOT / "tests" / "finder_queries_late2.toml"
LATE3 = ROOT / "tests" / "finder_queries_late3.toml"
LATE4 = ROOT / "tests" / "finder_queries_late4.toml"
LATE5 = ROOT / "tests" / "finder_queries_late5.toml"
LATE6 = ROOT / "tests" / "finder_queries_late6.toml"
LATE7 = ROOT / "tests" / "finder_queries_late7.toml"
LATE8 = ROOT / "tests" / "finder_queries_late8.toml"
NOVELS = ROOT / "tests" / "finder_queries_novels.toml"
REAL = ROOT / "tests" / "fixtures"
HELD = {
    "held",
    "fresh-held",
    "unseen",
    "novels-held",
    "late2",
    "late3",
    "late4",
    "late5",
    "late6",
    "late7",
    "late8",
}
# The sets that name a scene of a real book as `chC sS`, and their files.
BY_SCENE = {
    "fresh": FRESH,
    "fresh-held": FRESH,
    "unseen": UNSEEN,
    "novels": NOVELS,
    "novels-held": NOVELS,
    "late": LATE,
    "late2": LATE2,
    "late3": LATE3,
    "late4": LATE4,
    "late5": LATE5,
    "late6": LATE6,
    "late7": LATE7,
    "late8": LATE8,
}
DEPTH = 10  # ranks looked at; a scene further down counts as not found


@dataclass
class Query:
    book: str
    text: str
    kind: str
    line: int = 0  # corpus sets: the line where the intended scene starts
    scene: str = ""  # real books: `chC sS`
    anchor: str = ""


def load(set_name: str) -> list[Query]:
    if set_name in BY_SCENE:
        path = BY_SCENE[set_name]
        found = tomllib.loads(path.read_text(encoding="utf-8"))["query"]
        return [
            Query(q["book"], q["query"], q["kind"], scene=q["scene"], anchor=q["anchor"])
            for q in found
            if q["set"] == set_name
        ]
    path = OLD if set_name == "old" else BLIND
    found = tomllib.loads(path.read_text(encoding="utf-8"))["query"]
    if set_name != "old":
        found = [q for q in found if q["set"] == set_name]
    return [Query(q["book"], q["query"], q.get("kind", ""), line=q["line"]) for q in found]


def open_any(name: str) -> Book:
    return open_book(CORPUS / name if name.endswith(".txt") else REAL / name)


class Scenes:
    """One book's scenes, as paragraph ranges [first, end), and their texts: for a corpus text
    as its expected outline draws them, for a real book as chapbook divides it."""

    def __init__(self, name: str, book: Book) -> None:
        self.book = book
        self.spans: list[tuple[int, int]] = []
        self.by_line: dict[int, int] = {}  # corpus texts: scene start line -> scene number
        if name.endswith(".txt"):
            for start, (first, end) in sorted(scene_spans(name).items()):
                self.by_line[start] = len(self.spans)
                self.spans.append((book.para_of_line(first), book.para_of_line(end)))
        else:
            for chapter in book.chapters:
                for number, scene in enumerate(chapter.scenes):
                    first = chapter.start if number == 0 else scene.start
                    self.spans.append((first, scene.end))
        self.texts = [
            " ".join(book.paragraph(p) for p in range(first, end)) for first, end in self.spans
        ]
        self.processed = [default_process(t) for t in self.texts]

    def target(self, query: Query) -> int:
        """The number of the scene ``query`` means."""
        if query.line:
            return self.by_line[query.line]
        chapter, scene = map(int, re.fullmatch(r"ch(\d+) s(\d+)", query.scene).groups())
        chapters = self.book.chapters
        number = sum(len(c.scenes) for c in chapters[: chapter - 1]) + scene - 1
        first, end = self.spans[number]
        text = " ".join(self.book.paragraph(p) for p in range(first, end))
        if " ".join(query.anchor.split()) not in " ".join(text.split()):
            raise SystemExit(f"{query.book}: anchor of {query.text!r} is not in {query.scene}")
        return number

    def scene_of(self, para: int) -> int | None:
        for number, (first, end) in enumerate(self.spans):
            if first <= para < end:
                return number
        return None


def rank_of(ranked: list[int | None], target: int) -> int | None:
    for number, scene in enumerate(ranked[:DEPTH], 1):
        if scene == target:
            return number
    return None


class FinderMethod:
    name = "finder"

    def __init__(self, scenes: dict[str, Scenes]) -> None:
        self.scenes = scenes
        self.finders: dict[str, BookFinder] = {}
        self.times: list[float] = []

    def rank(self, query: Query, target: int) -> int | None:
        scenes = self.scenes[query.book]
        if query.book not in self.finders:
            finder = BookFinder(scenes.book)
            finder.build()
            self.finders[query.book] = finder
        finder = self.finders[query.book]
        start = time.perf_counter()
        hits = finder.search(query.text, limit=DEPTH, typing=False)
        self.times.append(time.perf_counter() - start)
        book = scenes.book
        landed = [
            scenes.scene_of(book.para_at(h.offset)) if h.offset is not None else None for h in hits
        ]
        return rank_of(landed, target)


class RapidfuzzMethod:
    name = "rapidfuzz token_set_ratio"

    def __init__(self, scenes: dict[str, Scenes]) -> None:
        self.scenes = scenes

    def rank(self, query: Query, target: int) -> int | None:
        scenes = self.scenes[query.book]
        found = process.extract(
            default_process(query.text),
            scenes.processed,
            scorer=fuzz.token_set_ratio,
            processor=None,
            limit=DEPTH,
        )
        return rank_of([i for _, _, i in found], target)


class FzfMethod:
    name = "fzf --filter"

    def __init__(self, scenes: dict[str, Scenes], binary: str) -> None:
        self.scenes = scenes
        self.binary = binary

    def rank(self, query: Query, target: int) -> int | None:
        scenes = self.scenes[query.book]
        lines = "\n".join(f"{number}\t{text}" for number, text in enumerate(scenes.texts))
        out = subprocess.run(
            [self.binary, "--filter", query.text, "--nth", "2..", "--delimiter", "\t"],
            input=lines,
            capture_output=True,
            text=True,
            check=False,
        ).stdout
        ranked = [int(line.split("\t", 1)[0]) for line in out.splitlines() if line]
        return rank_of(ranked, target)


@dataclass
class Score:
    ranks: list[int | None]

    def share(self, top: int) -> float:
        return sum(r is not None and r <= top for r in self.ranks) / max(len(self.ranks), 1)

    @property
    def mrr(self) -> float:
        return sum(1 / r for r in self.ranks if r is not None) / max(len(self.ranks), 1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sets", nargs="+", default=["old", "work", "held"])
    parser.add_argument("--misses", action="store_true", help="list the finder's misses")
    parser.add_argument("--finder-only", action="store_true", help="skip rapidfuzz and fzf")
    parser.add_argument(
        "--kinds", action="store_true", help="the finder's figures by kind of query, all sets"
    )
    args = parser.parse_args()
    if args.misses and HELD & set(args.sets):
        parser.error("the held sets are scored only as a whole: leave them out of --misses")
    sets = {name: load(name) for name in args.sets}
    names = sorted({q.book for queries in sets.values() for q in queries})
    scenes = {name: Scenes(name, open_any(name)) for name in names}
    finder = FinderMethod(scenes)
    methods: list = [finder]
    if not args.finder_only:
        methods.append(RapidfuzzMethod(scenes))
        binary = shutil.which("fzf")
        if binary:
            methods.append(FzfMethod(scenes, binary))
        else:
            print("fzf is not installed (apt-get install -y fzf): its row is left out\n")
    rows = []
    by_kind: dict[str, list[int | None]] = {}
    for set_name, queries in sets.items():
        for method in methods:
            ranks = [method.rank(q, scenes[q.book].target(q)) for q in queries]
            rows.append((set_name, len(queries), method.name, Score(ranks)))
            if method is finder:
                for q, r in zip(queries, ranks, strict=True):
                    by_kind.setdefault(q.kind or "unmarked", []).append(r)
            if args.misses and method is finder:
                for q, r in zip(queries, ranks, strict=True):
                    if r != 1:
                        print(
                            f"  {set_name} {q.book[-22:]} {q.kind:10} {q.text!r} "
                            f"{q.scene or q.line}: {r}"
                        )
    print("\n| set | queries | method | first | top 5 | MRR |")
    print("|---|---|---|---|---|---|")
    for set_name, count, method_name, score in rows:
        print(
            f"| {set_name} | {count} | {method_name} | {score.share(1):.1%} "
            f"| {score.share(5):.1%} | {score.mrr:.3f} |"
        )
    if args.kinds:
        print("\n| kind | queries | finder: first | top 5 | MRR |")
        print("|---|---|---|---|---|")
        for kind, ranks in sorted(by_kind.items()):
            score = Score(ranks)
            print(
                f"| {kind} | {len(ranks)} | {score.share(1):.1%} "
                f"| {score.share(5):.1%} | {score.mrr:.3f} |"
            )
    if finder.times:
        times = sorted(finder.times)
        print(f"\nfinder: median {1000 * times[len(times) // 2]:.1f} ms per finished query")


if __name__ == "__main__":
    main()
