"""The real books of tests/fixtures/real against their truth: chapters, scene breaks, title.

Run:  .venv/bin/python tests/bench/real_corpus.py [--markdown] [NAME ...]

For each book: chapters expected/found with precision and recall, scene breaks expected/found
with precision, recall and F1, whether title and author are right, and the time to open and
outline it in this process (wall and processor time); then one summary line. Scoring follows
shared/tools/score_real.py (imported), so the figures agree with it.
"""

from __future__ import annotations

import argparse
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from real_books import Score, score_book, scorer, truth


def _row(s: Score, markdown: bool) -> str:
    cp, sp = s.chapter_prf, s.scene_prf
    ok = "exact" if s.chapters_exact else "CHAPTERS"
    names = f"{'✓' if s.title_ok else '✗'}/{'✓' if s.author_ok else '✗'}"
    cells = [
        s.name,
        s.kind,
        f"{s.chapters_want}/{s.chapters_found}",
        f"{cp[0]:.2f}/{cp[1]:.2f}",
        f"{s.breaks_want}/{s.breaks_found}",
        f"{sp[0]:.2f}/{sp[1]:.2f}/{sp[2]:.2f}",
        names,
        f"{s.seconds:.2f}s",
        f"{s.cpu_seconds:.2f}s",
        ok,
    ]
    if markdown:
        return "| " + " | ".join(f"`{c}`" if k == 0 else c for k, c in enumerate(cells)) + " |"
    return (
        f"{cells[0]:38} {cells[1]:5} {cells[2]:>8} {cells[3]:>10} {cells[4]:>8} {cells[5]:>15} "
        f"{cells[6]:>4} {cells[7]:>6} {cells[8]:>6}  {cells[9]}"
    )


HEADER = [
    "book",
    "kind",
    "ch exp/got",
    "ch P/R",
    "br exp/got",
    "scene P/R/F1",
    "title/author",
    "time",
    "cpu",
]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*", help="only these books")
    parser.add_argument("--markdown", action="store_true", help="a Markdown table")
    args = parser.parse_args()
    module = scorer()
    if module is None:
        print("shared/tools/score_real.py not found", file=sys.stderr)
        return 2
    books = truth()
    names = [n for n in books if not args.names or n in args.names]
    if args.markdown:
        print("| " + " | ".join([*HEADER, "chapters"]) + " |")
        print("|" + "---|" * (len(HEADER) + 1))
    else:
        print(
            f"{'book':38} {'kind':5} {'ch e/g':>8} {'ch P/R':>10} {'br e/g':>8} "
            f"{'scene P/R/F1':>15} {'t/a':>4} {'time':>6} {'cpu':>6}  chapters"
        )
    scores = []
    for name in names:
        score = score_book(name, books[name], module)
        scores.append(score)
        print(_row(score, args.markdown))
    for label, group in (
        ("plain texts", [s for s in scores if s.kind == "text"]),
        ("EPUB/HTML", [s for s in scores if s.kind != "text"]),
    ):
        if not group:
            continue
        marked = [s.scene_prf[2] for s in group if s.breaks_want]
        clean = [s for s in group if not s.breaks_want]
        print(
            f"{label}: {sum(s.chapters_exact for s in group)} of {len(group)} with chapters "
            f"exact; mean scene F1 {statistics.mean(s.scene_prf[2] for s in group):.3f} "
            f"({statistics.mean(marked) if marked else 1.0:.3f} over the {len(marked)} that mark "
            f"breaks; {sum(s.breaks_found == 0 for s in clean)} of {len(clean)} without breaks "
            f"left without); title {sum(s.title_ok for s in group)}/{len(group)}, author "
            f"{sum(s.author_ok for s in group)}/{len(group)}; slowest "
            f"{max(s.seconds for s in group):.2f}s ({max(s.cpu_seconds for s in group):.2f}s cpu)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
