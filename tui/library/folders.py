"""Walking folders for book files: what a scan leaves out, and `.chapbookignore`."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from tui.book.formats import FORMATS, is_scanned
from tui.library.ignore import IgnoreRules, is_ignored

# Every file type the library adds when it walks a folder: the ones `open_book` reads.
ACCEPTED_SUFFIXES: tuple[str, ...] = tuple(s for s, f in FORMATS.items() if f.scanned)

# Folders that hold software, not books: a scan of a home folder must not list their
# READMEs and test files. Hidden folders (`.git`, `.venv`, `.cache` ...) are skipped too,
# and so is any folder holding `pyvenv.cfg` (a Python virtual environment of any name).
SKIPPED_FOLDERS = frozenset(
    {
        "node_modules",
        "bower_components",
        "site-packages",
        "dist-packages",
        "__pycache__",
        "venv",
        "virtualenv",
        "__MACOSX",
    }
)


def is_book_file(path: Path) -> bool:
    return is_scanned(path) and not path.name.startswith(".")


def is_skipped_folder(folder: Path) -> bool:
    """A folder a scan never enters, whatever the ignore files say."""
    name = folder.name
    return name.startswith(".") or name in SKIPPED_FOLDERS or (folder / "pyvenv.cfg").is_file()


def walk_books(folder: Path) -> Iterator[Path]:
    """Every book file under ``folder``, recursively, in name order: hidden files, software
    folders (see `SKIPPED_FOLDERS`) and what a `.chapbookignore` names are left out."""
    stack: list[tuple[Path, list[IgnoreRules]]] = [(folder, [])]
    while stack:
        current, inherited = stack.pop()
        own = IgnoreRules.read(current)
        rules = [*inherited, own] if own is not None else inherited
        try:
            entries = sorted(os.scandir(current), key=lambda e: e.name)
        except OSError:
            continue
        folders: list[Path] = []
        for entry in entries:
            if entry.name.startswith("."):
                continue
            path = Path(entry.path)
            try:
                if entry.is_dir():
                    if not is_skipped_folder(path) and not is_ignored(path, True, rules):
                        folders.append(path)
                elif entry.is_file() and is_book_file(path) and not is_ignored(path, False, rules):
                    yield path
            except OSError:
                continue
        stack.extend((sub, rules) for sub in reversed(folders))


def top_folders(files: list[str], roots: list[str], shown: int = 5) -> list[tuple[str, int]]:
    """Where ``files`` are, most first: the folder right under the given root that holds
    each (or the root itself for its own files), with how many files each has."""
    counts: dict[str, int] = {}
    for file in files:
        path = Path(file)
        root = next((r for r in roots if path.is_relative_to(r)), None)
        if root is None:
            where = str(path.parent)
        else:
            parts = path.relative_to(root).parts
            where = str(Path(root, parts[0])) if len(parts) > 1 else root
        counts[where] = counts.get(where, 0) + 1
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:shown]


def plan_text(files: list[str], roots: list[str], shown: int = 5) -> str:
    """`1,234 new files: 800 in /x/a, 300 in /x/b, … and 134 elsewhere` for a question."""
    top = top_folders(files, roots, shown)
    parts = [f"{count:,} in {folder}" for folder, count in top]
    rest = len(files) - sum(count for _folder, count in top)
    if rest:
        parts.append(f"{rest:,} elsewhere")
    n = len(files)
    return f"{n:,} new file{'s' if n != 1 else ''}: " + ", ".join(parts)
