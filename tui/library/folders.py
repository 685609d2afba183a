"""Walking folders for book files: what a scan leaves out, and `.chapbookignore`."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from tui.book.formats import FORMATS, is_scanned
from tui.book.model import BookError
from tui.library.ignore import IgnoreRules, is_ignored
from tui.library.records import BookRecord, resolved

# How a sentence writes a path: as it is, or shortened for a notice (`tui.paths.fitted_path`).
ShowPath = Callable[[Path | str], str]

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


# Files that sit beside stories but are plainly not stories, by the name before the first dot
# (any suffix, any case): `README.md`, `LICENSE.txt`, `notes.markdown.gz`. Named directly,
# chapbook still opens them.
NOT_STORIES = frozenset(
    {
        "readme",
        "license",
        "licence",
        "copying",
        "changelog",
        "contributing",
        "contributors",
        "authors",
        "code_of_conduct",
        "notes",
        "todo",
        "sources",
        "credits",
    }
)


def is_book_file(path: Path) -> bool:
    """Whether a folder scan adds this file: a book suffix, not hidden, not a README or the
    like (see `NOT_STORIES`)."""
    return not path.name.startswith(".") and not why_not_a_book_file(path)


def why_not_a_book_file(path: Path) -> str:
    """Why a folder scan leaves out the file at ``path`` (not hidden) without reading it,
    in a few words (`notes, not a story`, `a .py file`), or "" when it reads it."""
    name = path.name
    if name.split(".", 1)[0].casefold() in NOT_STORIES:
        return "notes, not a story"
    if is_scanned(path):
        return ""
    suffix = path.suffix.lower()
    return f"a {suffix} file" if suffix and suffix.isascii() else "not a book's file type"


def is_skipped_folder(folder: Path) -> bool:
    """A folder a scan never enters, whatever the ignore files say."""
    name = folder.name
    return name.startswith(".") or name in SKIPPED_FOLDERS or (folder / "pyvenv.cfg").is_file()


def walk_books(folder: Path, passed_over: list[tuple[str, str]] | None = None) -> Iterator[Path]:
    """Every book file under ``folder``, recursively, in name order: hidden files, software
    folders (see `SKIPPED_FOLDERS`) and what a `.chapbookignore` names are left out; the
    other files that are no books go to ``passed_over``, each with why (`notes.md`, `notes,
    not a story`), when it is given, so that adding a folder can say what it left. A folder
    reached again by a symbolic link (`fics/all -> ..`) is walked once, where it is first met:
    a link to a folder above it made the walk go round until the paths grew too long, and one
    book came in forty times."""
    seen: set[tuple[int, int]] = set()
    _first_visit(folder, seen)
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
                    if (
                        not is_skipped_folder(path)
                        and not is_ignored(path, True, rules)
                        and _first_visit(path, seen)
                    ):
                        folders.append(path)
                elif entry.is_file() and not is_ignored(path, False, rules):
                    why = why_not_a_book_file(path)
                    if not why:
                        yield path
                    elif passed_over is not None:
                        passed_over.append((str(path), why))
            except OSError:
                continue
        stack.extend((sub, rules) for sub in reversed(folders))


def _first_visit(path: Path, seen: set[tuple[int, int]]) -> bool:
    """Whether the folder ``path`` leads to (through links) is met here for the first time; it
    is noted as met."""
    try:
        facts = path.stat()
    except OSError:
        return True  # (what cannot be looked at is left to the caller)
    key = (facts.st_dev, facts.st_ino)
    if key in seen:
        return False
    seen.add(key)
    return True


@dataclass
class Gathered:
    """What adding some paths covers: the files to add, the folders given, and the book
    files in those folders left out because their books were removed from the library."""

    files: list[str]
    folders: list[str]
    removed: list[str]
    # (path, why) of the files in the folders that are no books, left without being read
    passed_over: list[tuple[str, str]] = field(default_factory=list)


def gather(paths: Iterable[Path | str], was_removed: Callable[[str], bool]) -> Gathered:
    """What adding ``paths`` covers: files given by name, even ones removed before, and the
    book files in folders (recursively) that were not removed (those are listed apart, so
    that what is said of the add accounts for every file). A path that is not there raises
    `BookError`."""
    files: list[str] = []
    folders: list[str] = []
    removed: list[str] = []
    passed_over: list[tuple[str, str]] = []
    for given in paths:
        where = Path(resolved(given))
        if where.is_dir():
            folders.append(str(where))
            for path in walk_books(where, passed_over):
                (removed if was_removed(str(path)) else files).append(str(path))
        elif where.exists():
            files.append(str(where))
        else:
            raise BookError(f"no such file or folder: {given}")
    files = list(dict.fromkeys(files))
    kept = set(files)  # (a removed file also given by name is added)
    left_out = [f for f in dict.fromkeys(removed) if f not in kept]
    return Gathered(files, folders, left_out, list(dict(passed_over).items()))


def holding_books(folders: list[str], books: list[str]) -> list[str]:
    """The ``folders`` that hold (at any depth) one of the ``books`` paths."""
    return [f for f in folders if any(Path(book).is_relative_to(f) for book in books)]


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


def kinds_text() -> str:
    """`.txt, .md, … or .htm files, plain or gzipped`: what a folder scan adds."""
    listed = f"{', '.join(ACCEPTED_SUFFIXES[:-1])} or {ACCEPTED_SUFFIXES[-1]}"
    return f"{listed} files, plain or gzipped, but not READMEs, licences or notes"


def given_text(paths: Sequence[Path | str], show: ShowPath = str) -> str:
    """The paths as the user gave them: `~/fics`, `a and b`, `3 folders and files`; each
    path as ``show`` writes it (a notice shortens it to fit)."""
    names = [show(p) for p in paths]
    if len(names) <= 2:
        return " and ".join(names)
    return f"{len(names)} folders and files"


@dataclass
class AddCounts:
    """What adding paths did to the library, book by book."""

    added: int = 0  # new to it
    moved: int = 0  # known, found at a new path
    newer: int = 0  # known, read from a newer copy of its story (downloaded again)
    changed: int = 0  # known, same path, the file changed
    known: int = 0  # already there as they are
    # Left out: files in the folders whose books were removed from the library (a removed
    # book stays removed until its file is added by name).
    removed: int = 0
    # The ids of the books that came in: added, moved or changed (what the list must show).
    came_in: list[str] = field(default_factory=list)

    @property
    def total(self) -> int:
        return self.added + self.moved + self.newer + self.changed + self.known


def count_added(
    before: dict[str, tuple[str, bool, str]], records: Iterable[BookRecord], removed: int = 0
) -> AddCounts:
    """Sort the records an add returned by what ``before`` (id: hash, missing, path, taken
    just before the add) knew of them; ``removed``: files the add left out, their books
    removed earlier (`Library.left_out`)."""
    counts = AddCounts(removed=removed)
    for record in records:
        was = before.get(record.id)
        if was is None:
            counts.added += 1
        elif was[2] != record.path and was[0] != record.hash:
            counts.newer += 1
        elif was[2] != record.path:
            counts.moved += 1
        elif was[:2] != (record.hash, record.missing):
            counts.changed += 1
        else:
            counts.known += 1
            continue
        counts.came_in.append(record.id)
    return counts


def before_adding(records: Iterable[BookRecord]) -> dict[str, tuple[str, bool, str]]:
    """What `count_added` compares with: each book's hash, whether missing, and path."""
    return {r.id: (r.hash, r.missing, r.path) for r in records}


def unkept_text(unkept: Sequence[str], named: bool = True, show: ShowPath = str) -> str:
    """`~/notes is not kept for rescans (nothing in it could be added)`, or "" for none; not
    ``named``, `the folder is …` (when the sentence has named it already)."""
    if not unkept:
        return ""
    if len(unkept) == 1:
        which = show(unkept[0]) if named else "the folder"
        return f"{which} is not kept for rescans (nothing in it could be added)"
    which = f"{len(unkept)} folders" if named else "the folders"
    return f"{which} are not kept for rescans (nothing in them could be added)"


def added_text(
    paths: Sequence[Path | str],
    counts: AddCounts,
    skipped: int,
    unkept: Sequence[str] = (),
    show: ShowPath = str,
) -> str:
    """One sentence about adding ``paths``: `Added 2 books from ~/fics; 1 was already in the
    library`, or why nothing was added (`No books found in x (chapbook reads …)`), and which
    folders are not kept for rescans (``unkept``, see `Library.unkept`)."""
    text = _books_added_text(paths, counts, skipped, show)
    if not unkept:
        return text
    # (folders all the paths given, which the sentence has named)
    return f"{text}; {unkept_text(unkept, named=len(unkept) < len(paths), show=show)}"


@dataclass
class AddResult:
    """What adding ``paths`` did, kept until it is said: a notice words it only when it
    knows how wide it is (`added_text`)."""

    paths: list[Path]
    counts: AddCounts
    skipped: int
    unkept: list[str]

    def text(self, show: ShowPath = str) -> str:
        return added_text(self.paths, self.counts, self.skipped, self.unkept, show)


def removed_text(removed: int) -> str:
    """`1 was removed earlier: add it by its own path to bring it back`, for the files a
    folder's add left out because their books were removed from the library."""
    if removed == 1:
        return "1 was removed earlier: add it by its own path to bring it back"
    return f"{removed:,} were removed earlier: add each by its own path to bring it back"


def _books_added_text(
    paths: Sequence[Path | str], counts: AddCounts, skipped: int, show: ShowPath
) -> str:
    """`added_text` without what it says of the folders."""
    where = given_text(paths, show)
    others = []
    if counts.moved:
        others.append(f"{counts.moved} found at a new path")
    if counts.newer:
        others.append(f"{counts.newer} read from a newer copy")
    if counts.changed:
        others.append(f"{counts.changed} changed")
    if counts.known:
        verb = "was" if counts.known == 1 else "were"
        others.append(f"{counts.known} {verb} already in the library")
    if counts.removed:
        others.append(removed_text(counts.removed))
    if skipped:
        files = "1 file" if skipped == 1 else f"{skipped:,} files"
        others.append(f"{files} skipped (not {'a book' if skipped == 1 else 'books'})")
    if counts.added:
        n = counts.added
        text = f"Added {n:,} book{'s' if n != 1 else ''} from {where}"
    elif counts.total or counts.removed:
        text = f"No new books in {where}"
    elif skipped:
        return f"No books found in {where}: {others[-1]}"
    else:
        return f"No books found in {where} (chapbook reads {kinds_text()})"
    return f"{text}; {', '.join(others)}" if others else text
