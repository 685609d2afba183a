"""The soak's files: each seed's home, the shelf it adds, and files changing under chapbook.

`prepare_home` gives a home a shelf of books to add (more than the settings' `ask_above`, so
adding asks first, with a damaged EPUB, an empty file and a binary one among them) and, for odd
seeds, a settings file with a problem (its panel over the settings list, its notice at start).
`take_away` changes the shelf once it is in the library. The book itself is read from a copy in
the home (`reading_copy`), which `BookChanges` takes away, cuts short, empties or writes over in
the middle of the storm and puts back later, as a file synced or rewritten under a running
chapbook is.
"""

from __future__ import annotations

import random
import shutil
import subprocess
from pathlib import Path

from tmux_term import CHAPBOOK, chapbook_env

ROOT = Path(__file__).resolve().parents[2]
SHELF_BOOKS = 12
A_SMALL_EPUB = ROOT / "tests" / "fixtures" / "fanfic" / "ao3_download_epub_wip_xxx_breaks.epub"


def prepare_home(home: Path, seed: int, keymap: str = "", user_keys: str = "") -> Path:
    """A shelf of small books (and a damaged EPUB, an empty file, a binary file) in ``home``;
    settings that ask before adding more than 10 files, with an unknown setting for odd seeds,
    the ``keymap`` preset and ``user_keys`` (lines of a [keys] table) when given. Returns the
    shelf."""
    shelf = home / "shelf"
    shelf.mkdir(parents=True)
    for n in range(1, SHELF_BOOKS + 1):
        text = f"Book {n}\n\nby Someone\n\nChapter 1\n\nA night, number {n}.\n\nChapter 2\n\nEnd.\n"
        (shelf / f"b{n}.txt").write_text(text, encoding="utf-8")
    shutil.copyfile(A_SMALL_EPUB, shelf / "small.epub")
    (shelf / "broken.epub").write_bytes(b"PK\x03\x04 not a zip at all" * 40)
    (shelf / "empty.txt").write_bytes(b"")
    (shelf / "noise.txt").write_bytes(random.Random(seed).randbytes(20_000))
    settings = home / "config" / "chapbook" / "settings.toml"
    settings.parent.mkdir(parents=True)
    problem = "\n[reader]\nbogus = 1\n" if seed % 2 else ""
    preset = f'keymap = "{keymap}"\n' if keymap else ""
    keys = f"\n[keys]\n{user_keys}\n" if user_keys else ""
    settings.write_text(f"{preset}[library]\nask_above = 10\n{problem}{keys}", encoding="utf-8")
    return shelf


def fill_library(home: Path, count: int) -> None:
    """``count`` small books in the library of ``home`` before chapbook starts, added by
    `chapbook add` as a user would (a library of hundreds: the list, its filter and finder,
    the sort menu over many rows)."""
    folder = home / "kept"
    folder.mkdir()
    for n in range(1, count + 1):
        text = f"Kept {n}\n\nby Writer {n % 17}\n\nChapter 1\n\nA day, number {n}.\n"
        (folder / f"kept{n:04}.txt").write_text(text, encoding="utf-8")
    subprocess.run(
        [CHAPBOOK, "add", "--yes", str(folder)],
        env=chapbook_env(home),
        cwd=home,
        check=True,
        capture_output=True,
        timeout=600,
    )


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


def reading_copy(book: Path, home: Path) -> Path:
    """A copy of ``book`` in ``home``, for the storm to change."""
    copy = home / "reading" / book.name
    copy.parent.mkdir()
    shutil.copyfile(book, copy)
    return copy


class BookChanges:
    """The book being read changes under chapbook: at a half of the storm, by the seed's
    remainder divided by 6, it goes (0), is cut to half its bytes (1), is left (2), is emptied
    (3), is written over with binary data (4) or with another story (5); at three quarters it
    is back as it was."""

    def __init__(self, book: Path, seed: int, events: int) -> None:
        self.book = book
        self.kind = ("gone", "cut short", "", "emptied", "binary", "another story")[seed % 6]
        self.original = book.read_bytes() if self.kind else b""
        self.at = {events // 2: self.kind, events * 3 // 4: "back"} if self.kind else {}

    def due(self, before: int, sent: int) -> str:
        """The change due between ``before`` events and ``sent`` (made now), or ''."""
        change = next((c for at, c in self.at.items() if before < at <= sent), "")
        if change == "gone":
            self.book.unlink(missing_ok=True)
        elif change == "cut short":
            self.book.write_bytes(self.original[: len(self.original) // 2])
        elif change == "emptied":
            self.book.write_bytes(b"")
        elif change == "binary":
            self.book.write_bytes(random.Random(len(self.original)).randbytes(50_000))
        elif change == "another story":
            chapters = "".join(f"Chapter {n}\n\nAnother night, {n}.\n\n" for n in range(1, 30))
            self.book.write_text(f"Another Story\n\n{chapters}", encoding="utf-8")
        elif change == "back":
            self.book.write_bytes(self.original)
        return change
