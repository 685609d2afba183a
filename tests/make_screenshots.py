"""Regenerate `screenshots/`: each screen of the real app at 80×24 and 120×40, scripted.

    .venv/bin/python tests/make_screenshots.py            # writes screenshots/*.svg
    .venv/bin/python tests/make_screenshots.py --out DIR  # somewhere else

The session runs the real `ChapbookApp` headless (`App.run_test`) on a fresh library: the
bundled sample story, *What the Tide Keeps*, plus a few short stories written here, with the
clock frozen, so the images change only when the app does. Each image is Textual's own SVG
export (`App.export_screenshot`).
"""

from __future__ import annotations

import argparse
import asyncio
import dataclasses
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tui.book.model import Book
    from tui.library.library import Library

ROOT = Path(__file__).resolve().parents[1]
SIZES = [(80, 24), (120, 40)]
FINDER_QUERY = "door in the cove"
NOW = 1_740_830_400.0  # 2025-03-01 12:00 UTC: "last read 2h ago" never depends on the clock
HOUR = 3600.0
DAY = 24 * HOUR

# Other books on the shelf: file, title, author, fandom, tags, chapters, share read, and how
# long ago it was read (seconds).
SHELF = [
    ("salt.txt", "Salt and Signal", "Ines Marlow", "Harbour Lights", "Slow Burn, Letters", 6,
     0.62, 3 * DAY),
    ("ledger.txt", "A Ledger of Small Hours (Or, Five Winters Spent Keeping the Lighthouse's "
     "Accounts)", "Tobias Fenn", "The Lantern Saga",
     "Found Family, Hurt/Comfort", 9, 0.0, 0.0),
    ("orrery.txt", "The Orrery at Gull Point", "Wren Halloran", "Original Work",
     "Mystery, Weather", 4, 1.0, 9 * DAY),
    ("ferry.txt", "Ferry Lights at Dusk", "June Okafor", "Original Work", "Fluff, Short", 2,
     0.0, 0.0),
]  # fmt: skip

SENTENCES = [
    "The lamp on the quay had gone out twice since midnight.",
    "Nobody in the harbour admitted to owning the small green boat.",
    "She counted the bells from the church and lost her place at seven.",
    "Rain came sideways off the water and found every gap in the shutters.",
    "He kept the letters in a biscuit tin with a picture of the king on the lid.",
    "By morning the fog had eaten the far end of the breakwater.",
]


def story(title: str, author: str, fandom: str, tags: str, chapters: int) -> str:
    """A short AO3-style download: header, tags, then chapters of plain prose."""
    lines = [title, f"by {author}", "", f"Fandom: {fandom}", f"Additional Tags: {tags}", ""]
    for c in range(1, chapters + 1):
        lines += [f"Chapter {c}: Part {c}", ""]
        for p in range(8):
            count = 3 + (c + p) % 3
            lines += [" ".join(SENTENCES[(c * 5 + p * 3 + n) % 6] for n in range(count)), ""]
    return "\n".join(lines)


class Clock:
    """A clock that stays where it is put."""

    def __init__(self) -> None:
        self.now = NOW

    def __call__(self) -> float:
        return self.now


def build_library(folder: Path) -> Library:
    """A library as a reader would have it: the sample story read to chapter 2 a couple of
    hours ago, one book finished, one half read, two not started."""
    from tui.book.anchor import make_anchor
    from tui.book.formats import open_book
    from tui.library.library import Library
    from tui.paths import sample_story_path

    clock = Clock()
    library = Library.open(folder / "data", clock=clock)  # first run: adds the sample story

    def read_to(path: Path, place: Callable[[Book], int] | None, ago: float) -> None:
        """Add the book, and save a place in it as the reader would have, ``ago`` back."""
        book = open_book(path)
        record = library.add_book(path, book)
        if place is not None:
            offset = place(book)
            anchor = dataclasses.replace(make_anchor(book, offset), saved_at=NOW - ago)
            # (the chapter it is in, as the reader names it when it saves a place)
            chapter = book.chapter_at(book.para_read_at(offset))
            held = ("", 0) if chapter is None else (book.chapters[chapter].full_title, chapter + 1)
            library.set_position(record.id, anchor, place=held)

    def fraction_of(share: float) -> Callable[[Book], int]:
        return lambda book: int(len(book.text) * share)

    for order, (name, title, author, fandom, tags, chapters, share, ago) in enumerate(SHELF):
        clock.now = NOW - (40 - order) * DAY  # added on different days
        path = folder / name
        path.write_text(story(title, author, fandom, tags, chapters), encoding="utf-8")
        read_to(path, fraction_of(share) if share else None, ago)
    clock.now = NOW
    read_to(sample_story_path(), lambda book: book.starts[book.chapters[1].start], 2 * HOUR)
    library.save()
    return library


async def settle(pilot) -> None:
    """Let every worker finish and the screen repaint; stop the text cursor blinking."""
    from textual.widgets import Input

    for _ in range(3):
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()
    for field in pilot.app.screen.query(Input):
        field.cursor_blink = False
    await pilot.pause()


async def wait_for(pilot, ready: Callable[[], bool], what: str, timeout: float = 20.0) -> None:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not ready():
        if loop.time() > deadline:
            raise RuntimeError(f"the app never showed {what}")
        await pilot.pause(0.05)
    await settle(pilot)


async def session(folder: Path, size: tuple[int, int], out: Path) -> list[Path]:
    """One scripted visit of every screen at ``size``; returns the files written."""
    from tui.settings.settings import load_settings
    from tui.ui.app import ChapbookApp
    from tui.ui.screens.registry import ChapbookScreens

    settings, _problems = load_settings(None)
    app = ChapbookApp(settings, build_library(folder / f"{size[0]}x{size[1]}"), ChapbookScreens())
    written: list[Path] = []

    def screen_name() -> str:
        return type(app.screen).__name__

    async def shoot(name: str) -> None:
        path = out / f"{name}-{size[0]}x{size[1]}.svg"
        path.write_text(app.export_screenshot(title=f"chapbook — {name}"), encoding="utf-8")
        written.append(path)

    def finder_done() -> bool:
        """The word index is built and the hits shown are the final ones for the query."""
        finder = app.screen
        return (
            screen_name() == "BookFinderScreen"
            and getattr(finder, "indexing", 0.0) is None
            and getattr(finder, "shown_query", None) == FINDER_QUERY
            and not any(worker.is_running for worker in app.workers)
        )

    steps: list[tuple[str, list[str], Callable[[], bool]]] = [
        ("library", [], lambda: screen_name() == "LibraryScreen"),
        ("reader", ["enter"], lambda: screen_name() == "ReaderScreen"),
        ("finder", ["ctrl+p", *FINDER_QUERY], finder_done),
        ("help", ["escape", "h"], lambda: screen_name() == "HelpScreen"),
        ("settings", ["escape", "comma"], lambda: screen_name() == "SettingsScreen"),
    ]
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        for name, keys, ready in steps:
            await pilot.press(*keys)
            await wait_for(pilot, ready, name)
            await shoot(name)
    return written


def regenerate(out: Path) -> list[Path]:
    """Write every screenshot into ``out``; returns the files, in README order."""
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="chapbook-shots-") as scratch:
        folder = Path(scratch)
        # A fresh user: no settings file, an empty library, no colour override.
        os.environ["XDG_CONFIG_HOME"] = str(folder / "config")
        os.environ["XDG_DATA_HOME"] = str(folder / "data-home")
        os.environ.pop("NO_COLOR", None)
        os.environ["TEXTUAL_ANIMATIONS"] = "none"
        written: list[Path] = []
        for size in SIZES:
            written += asyncio.run(session(folder, size, out))
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "screenshots", help="folder")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    for path in regenerate(args.out):
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
