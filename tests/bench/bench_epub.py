"""Benchmark: time to the first page of a huge EPUB (a web serial) versus converting all of it.

Builds an EPUB of the light novel in ../shared/corpus (003) repeated ``--copies`` times (270:
84 MB of text) split into ``--chapters`` files (1,600), then measures, in one run:

* preview: `preview_epub` (container, OPF, NCX, the first spine items) plus the first screen
  laid out by the reader's `Pager` — what the reader waits for before it shows a page;
* full: `open_epub`, the whole book converted (what the reader does next, in a worker);
* the same full conversion and the single-file HTML of the same text, for comparison;
* tokenizing every spine document with the standard library's `html.parser` (no conversion
  at all), against the converter's own tokenizer, to justify not using it;
* with ``--tmux``: the installed app launched in tmux until the first page is on screen, for
  this EPUB and for a small one (start-up included).

    .venv/bin/python tests/bench/bench_epub.py [--copies 270] [--chapters 1600] [--runs 5] [--tmux]
"""

from __future__ import annotations

import argparse
import gc
import os
import shutil
import statistics
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from fixtures.epub_ao3 import ao3_epub  # noqa: E402
from fixtures.epub_serials import serial_epub  # noqa: E402
from tmux_term import CHAPBOOK, TmuxTerminal  # noqa: E402

from tui.book.markup.epub import open_epub, preview_epub  # noqa: E402
from tui.book.markup.html_book import open_html, preview_html  # noqa: E402
from tui.book.markup.tags import TOKEN  # noqa: E402
from tui.reading.pager import LayoutOptions, Pager  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus" / "003_6a4721831e1dda7c.txt"


def timed(fn: Callable[[], object], runs: int) -> tuple[float, object]:
    """Median seconds over ``runs`` calls, and the last result."""
    times = []
    result = None
    for _ in range(runs):
        result = None
        gc.collect()
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def first_page(open_fn: Callable[[], object]) -> object:
    book = open_fn()
    pager = Pager(book, LayoutOptions(column=72), height=40)  # type: ignore[arg-type]
    rows = pager.screen()
    assert rows, "the first page is empty"
    return book


class _Null(HTMLParser):
    def handle_starttag(self, tag: str, attrs: object) -> None:
        pass


def stdlib_tokenize(path: Path) -> int:
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            if name.endswith(".xhtml"):
                parser = _Null(convert_charrefs=True)
                parser.feed(archive.read(name).decode("utf-8"))
                parser.close()
    return 0


def own_tokenize(path: Path) -> int:
    count = 0
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            if name.endswith(".xhtml"):
                for _ in TOKEN.finditer(archive.read(name).decode("utf-8")):
                    count += 1
    return count


def tmux_first_page(book: Path, needle: str, runs: int) -> float:
    """Median seconds from launching the installed `chapbook BOOK` in a fresh tmux server
    until ``needle`` is on its screen (start-up included); settings and library in a temp dir."""
    times = []
    for _ in range(runs):
        home = Path(tempfile.mkdtemp())
        dirs = ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME")
        env = {**os.environ, "TERM": "xterm-256color"}
        env.update({key: str(home / key.lower()) for key in dirs})
        with TmuxTerminal(100, 40) as term:
            start = time.perf_counter()
            term.start([CHAPBOOK, str(book)], env)
            try:
                term.poll_for(needle, timeout=60, every=0.02)
            except RuntimeError:
                continue  # never shown: left out of the median
            times.append(time.perf_counter() - start)
    return statistics.median(times) if times else float("nan")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=270)
    parser.add_argument("--chapters", type=int, default=1600)
    parser.add_argument("--runs", type=int, default=5, help="runs of the fast measurements")
    parser.add_argument("--full-runs", type=int, default=3, help="runs of the full conversion")
    parser.add_argument("--skip-html", action="store_true", help="no single-file HTML rows")
    parser.add_argument("--tmux", action="store_true", help="also time the real app in tmux")
    args = parser.parse_args()
    if not CORPUS.exists():
        print(f"needs {CORPUS}", file=sys.stderr)
        return 2
    lines = [line for line in CORPUS.read_text(encoding="utf-8").split("\n") if line.strip()]
    paragraphs = lines * args.copies
    text_mb = sum(len(p.encode()) + 1 for p in paragraphs) / 1e6
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "serial.epub"
        start = time.perf_counter()
        serial_epub(path, args.chapters, paragraphs)
        built = time.perf_counter() - start
        print(
            f"EPUB: {text_mb:.1f} MB of text ({len(paragraphs):,} paragraphs) in "
            f"{args.chapters:,} chapters, {path.stat().st_size / 1e6:.1f} MB zipped "
            f"(built in {built:.1f} s)"
        )
        rows: list[tuple[str, float]] = []
        t_preview, _ = timed(lambda: preview_epub(path), args.runs)
        rows.append(("EPUB preview conversion", t_preview))
        t_page, quick = timed(lambda: first_page(lambda: preview_epub(path)), args.runs)
        rows.append(("EPUB first page (preview + first screen)", t_page))
        t_full, book = timed(lambda: open_epub(path), args.full_runs)
        rows.append(("EPUB full conversion", t_full))
        assert book.text.startswith(quick.text)  # type: ignore[union-attr]
        chapters = len(book.chapters)  # type: ignore[union-attr]
        scenes = sum(len(c.scenes) for c in book.chapters)  # type: ignore[union-attr]
        t_std, _ = timed(lambda: stdlib_tokenize(path), 1)
        rows.append(("  stdlib html.parser, tokenizing only", t_std))
        t_own, _ = timed(lambda: own_tokenize(path), 1)
        rows.append(("  chapbook tokenizer, tokenizing only", t_own))
        if not args.skip_html:
            html_path = Path(tmp) / "serial.html"
            with zipfile.ZipFile(path) as archive:
                parts = [
                    archive.read(n).decode("utf-8").split("<body>", 1)[1].rsplit("</body>", 1)[0]
                    for n in sorted(archive.namelist())
                    if n.endswith(".xhtml")
                ]
            html_path.write_text(
                "<html><head><title>A Long Serial</title></head><body>"
                + "".join(parts)
                + "</body></html>",
                encoding="utf-8",
            )
            del parts
            t_hp, _ = timed(lambda: first_page(lambda: preview_html(html_path)), args.runs)
            rows.append(("HTML first page (preview + first screen)", t_hp))
            t_hf, _ = timed(lambda: open_html(html_path), 1)
            rows.append(("HTML full conversion", t_hf))
        if args.tmux and shutil.which("tmux"):
            small = ao3_epub(Path(tmp) / "small.epub")
            rows.append(("real app in tmux: this EPUB", tmux_first_page(path, lines[0][:20], 5)))
            t_small = tmux_first_page(small, "Preface", 5)
            rows.append(("real app in tmux: a 3-chapter AO3 EPUB", t_small))
    print(f"full book: {chapters:,} chapters, {scenes:,} scenes")
    print(f"{'measurement':46} {'median s':>9} {'vs first page':>14}")
    for label, seconds in rows:
        print(f"{label:46} {seconds:9.3f} {seconds / t_page:13.1f}x")
    print(f"goal: first page <= 1.5 s: {'met' if t_page <= 1.5 else 'NOT met'}")
    print(f"html.parser / chapbook tokenizer: {t_std / t_own:.1f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
