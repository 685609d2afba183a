"""The soak's screens: what each looks like in the terminal, and the keys that go to it.

`screens_on` names what a captured screen shows (by words only that screen draws), so the soak
can say which screens its storm drove; `VISITS`, sent now and then among the random events,
take chapbook to each one on purpose with the default keys, as `tests/storm_support.py` does
for the Pilot storm. `prepare_home` gives each seed's home a shelf of books to add (more than
the settings' `ask_above`, so adding asks first) and, for odd seeds, a settings file with a
problem (its panel over the settings list, its notice at start).
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SHELF_BOOKS = 12
A_SMALL_EPUB = ROOT / "tests" / "fixtures" / "fanfic" / "ao3_download_epub_wip_xxx_breaks.epub"


def _last_row(screen: str) -> str:
    rows = [row for row in screen.splitlines() if row.strip()]
    return rows[-1] if rows else ""


# Each screen (or open prompt) and a test on the captured text that only it passes.
MARKS: dict[str, Callable[[str], bool]] = {
    "help": lambda s: "Keys ·" in s,
    "contents": lambda s: "⏎ jumps there" in s,
    # (the finders keep what was typed last, which hides the prompt's words)
    "book finder": lambda s: "Find: words of a scene" in s or "⏎ jump  esc back" in s,
    "library finder": lambda s: "Find a book:" in s or "⏎ open  esc back" in s,
    "bookmarks": lambda s: "No bookmarks yet" in s or "Bookmarks (" in s,
    "bookmark label": lambda s: "Enter saves it, Escape cancels" in s,
    "search prompt": lambda s: _last_row(s).lstrip().startswith(("/ search", "? search")),
    "command prompt": lambda s: _last_row(s).lstrip().startswith(": a line number"),
    "percent prompt": lambda s: _last_row(s).lstrip().startswith("Go to %"),
    "settings": lambda s: s.lstrip().startswith("Settings"),
    "value entry": lambda s: "Enter sets it" in s,
    "key capture": lambda s: "Press the new key for" in s,
    "library": lambda s: s.lstrip().startswith("Library ·"),
    "library filter": lambda s: "esc Clear filter" in s or "match “" in s,
    "sort menu": lambda s: "Sort by" in s,
    "confirm remove": lambda s: "Remove from the library?" in s,
    "add prompt": lambda s: "Add a file or folder" in s,
    "confirm add": lambda s: "Add all these files?" in s,
    "settings problem": lambda s: "unknown setting" in s,
    "skipped files": lambda s: "not a book" in s,
    "file missing": lambda s: "File missing" in s or "missing" in _last_row(s),
    "reader": lambda s: "%" in _last_row(s) and not _last_row(s).lstrip().startswith("Go to"),
}


def screens_on(screen: str) -> set[str]:
    """The screens, prompts and panels the captured ``screen`` shows."""
    return {name for name, shows in MARKS.items() if shows(screen)}


@dataclass(frozen=True)
class Visit:
    """From the reader (or the library), these tmux keys; ``text`` is typed after them, then
    ``after`` sent. ``expect`` is the screen it should reach (None: whatever happens)."""

    base: str
    keys: tuple[str, ...]
    expect: str | None
    text: str = ""
    after: tuple[str, ...] = ()


def visits(shelf: Path) -> list[Visit]:
    """Every screen and dialog, in turn; the shelf is added, then one of its books is gone."""
    return [
        Visit("reader", ("F1",), "help"),
        Visit("reader", ("t",), "contents"),
        Visit("reader", ("C-p",), "book finder"),
        Visit("reader", ("M",), "bookmark label"),
        Visit("reader", ("B",), "bookmarks"),
        Visit("reader", ("/",), "search prompt"),
        Visit("reader", (":",), "command prompt"),
        Visit("reader", ("%",), "percent prompt"),
        Visit("reader", (",",), "settings"),
        Visit("reader", (",", "/"), "value entry", "width", ("Enter", "Enter")),
        Visit("reader", (",", "End", "Enter"), "key capture"),
        Visit("library", (), "library"),
        Visit("library", ("C-p",), "library finder"),
        Visit("library", ("s",), "sort menu"),
        Visit("library", ("x",), "confirm remove"),
        Visit("library", ("a",), "add prompt"),
        Visit("library", ("a",), "confirm add", str(shelf), ("Enter",)),
        Visit("library", ("/",), "library filter", "b3"),
        Visit("library", ("/",), None, "b3", ("Enter", "Enter")),  # the file is gone by then
        Visit("reader", (":",), None, "50%", ("Enter",)),
    ]


def prepare_home(home: Path, seed: int) -> Path:
    """A shelf of small books (and one damaged EPUB) in ``home``; settings that ask before
    adding more than 10 files, with an unknown setting for odd seeds. Returns the shelf."""
    shelf = home / "shelf"
    shelf.mkdir(parents=True)
    for n in range(1, SHELF_BOOKS + 1):
        text = f"Book {n}\n\nby Someone\n\nChapter 1\n\nA night, number {n}.\n\nChapter 2\n\nEnd.\n"
        (shelf / f"b{n}.txt").write_text(text, encoding="utf-8")
    shutil.copyfile(A_SMALL_EPUB, shelf / "small.epub")
    (shelf / "broken.epub").write_bytes(b"PK\x03\x04 not a zip at all" * 40)
    settings = home / "config" / "chapbook" / "settings.toml"
    settings.parent.mkdir(parents=True)
    problem = "\n[reader]\nbogus = 1\n" if seed % 2 else ""
    settings.write_text(f"[library]\nask_above = 10\n{problem}", encoding="utf-8")
    return shelf


def take_away(shelf: Path) -> None:
    """One book of the shelf goes (a folder in its place) and the EPUB is damaged, as files
    change under a running chapbook."""
    gone = shelf / "b3.txt"
    if gone.is_file():
        gone.unlink()
        gone.mkdir()
    small = shelf / "small.epub"
    if small.is_file():
        small.write_bytes(small.read_bytes()[:3000])
