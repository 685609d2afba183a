"""`chapbook add PATH...` and `chapbook list [--json]`: the library for scripts (no Textual)."""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tui.book.loader import not_a_file, safe_name
from tui.book.look_alikes import look_alike_names
from tui.library.catalog import (
    format_ago,
    format_progress,
    format_words,
    sort_records,
    status_text,
)
from tui.library.columns import fitted_cell, title_cell
from tui.library.folders import (
    before_adding,
    count_added,
    kinds_text,
    plan_text,
    removed_text,
    unkept_text,
)
from tui.library.library import NOT_SAVED, Library
from tui.library.records import BookRecord
from tui.library.scan import reason, skipped_text
from tui.library.typed_paths import missing_said
from tui.paths import missing

if TYPE_CHECKING:
    from tui.settings.settings import Settings


def run(args: argparse.Namespace) -> int:
    library = Library.open()
    for notice in library.notices:
        print(f"chapbook: {notice}", file=sys.stderr)
    shown = len(library.notices)
    if args.command == "add":
        code = _add(library, [Path(p) for p in args.paths], args)
    else:
        code = _list(library, args)
    for notice in library.notices[shown:]:
        print(f"chapbook: {notice}", file=sys.stderr)
    return code


# -- add ------------------------------------------------------------------------------------


def _add(library: Library, paths: list[Path], args: argparse.Namespace) -> int:
    code = 0
    found = []
    for path in paths:
        wrong = missing(path)
        special = _special(path) or _unreadable(path) or _not_a_book(path) if wrong is None else ""
        if wrong is not None:
            print(f"chapbook: {missing_said(path)}", file=sys.stderr)
            code = 1
        elif special:  # refused as `chapbook FILE` refuses it, and never added
            print(f"chapbook: {safe_name(path)}: {special}", file=sys.stderr)
            code = 1
        else:
            found.append(path)
    if not _big_scan_agreed(library, found, args):
        return 1
    before = before_adding(library.records())
    records = library.add_paths(found, _progress_printer())
    library.save()
    if library.not_saved is not None:
        # (it said "added 1 book" and exited 0 with nothing written)
        library.notices = [n for n in library.notices if not n.startswith(NOT_SAVED)]
        print(
            f"chapbook: nothing was added: the library could not be saved ({library.not_saved})",
            file=sys.stderr,
        )
        return 1
    counts = count_added(before, records, len(library.left_out))
    added, moved, refreshed, known = counts.added, counts.moved, counts.changed, counts.known
    unreadable = [r for r in records if r.error]
    # (files read and found no books, and files of the folders that were not read: no book's
    # file type, or notes; both left out, neither said before of the second)
    skipped = library.skipped + library.passed_over
    library.skipped, library.passed_over = [], []
    parts = [f"Added {added:,} book{'s' if added != 1 else ''}"]
    if moved:
        parts.append(f"{moved} found at a new path")
    if counts.newer:
        parts.append(f"{counts.newer} read from a newer copy")
    if refreshed:
        parts.append(f"{refreshed} changed")
    if known:
        parts.append(f"{known} already in the library")
    if counts.removed:
        parts.append(removed_text(counts.removed))
    print(", ".join(parts) + f"; the library has {len(library):,}.")
    if skipped:
        print(f"chapbook: {skipped_text(skipped, show=_from_here)}", file=sys.stderr)
    for record in unreadable[:20]:  # books already in the library whose file went bad
        print(f"chapbook: {record.path}: {reason(record.path, record.error)}", file=sys.stderr)
    if len(unreadable) > 20:
        print(f"chapbook: … and {len(unreadable) - 20} more unreadable files", file=sys.stderr)
    if library.unkept:
        print(f"chapbook: {unkept_text(library.unkept)}", file=sys.stderr)
    if found and not records:
        # Nothing given could be added: say why, and fail, so a script notices.
        if not skipped and not counts.removed:
            names = ", ".join(str(p) for p in found)
            print(
                f"chapbook: no book files in {names} (chapbook reads {kinds_text()})",
                file=sys.stderr,
            )
        return 1
    return code


def _from_here(path: str) -> str:
    """``path`` from the current folder when it is under it (`fics/notes.md`), else whole."""
    try:
        return str(Path(path).relative_to(Path.cwd()))
    except (ValueError, OSError):
        return path


def _special(path: Path) -> str:
    """Why ``path`` names a pipe, a device or a socket rather than a file or a folder, or ""."""
    try:
        return not_a_file(os.stat(path).st_mode)
    except (OSError, ValueError):
        return ""  # (said by `missing`, or by the add)


def _unreadable(path: Path) -> str:
    """Why the file or folder at ``path`` cannot be read, or "": it said `no book files in
    PATH (chapbook reads .txt, …)` of a book it was not allowed to read."""
    folder = path.is_dir()
    if os.access(path, os.R_OK | os.X_OK if folder else os.R_OK):
        return ""
    return "permission denied (the folder cannot be read)" if folder else "permission denied"


def _not_a_book(path: Path) -> str:
    """Why a file named directly is plainly no book (source code, data), or "" (a folder)."""
    from tui.book.formats import not_a_book

    return "" if path.is_dir() else not_a_book(path)


def _big_scan_agreed(library: Library, paths: list[Path], args: argparse.Namespace) -> bool:
    """Adding more new files than `library.ask_above` asks first (y/N on a terminal; a
    script must pass --yes)."""
    if getattr(args, "yes", False) or not any(p.is_dir() for p in paths):
        return True
    limit = _settings(args).library.ask_above
    files = library.files_to_add(paths)
    if len(files) <= limit:
        return True
    roots = [str(p.expanduser().resolve()) for p in paths if p.is_dir()]
    print(f"chapbook: about to add {plan_text(files, roots)}.", file=sys.stderr)
    if not sys.stdin.isatty():
        print(
            f"chapbook: that is more than library.ask_above ({limit:,}); nothing was added. "
            "Add --yes to add them all, or list folders to leave out in a .chapbookignore.",
            file=sys.stderr,
        )
        return False
    print("chapbook: add them all? [y/N] ", end="", file=sys.stderr, flush=True)
    answer = sys.stdin.readline().strip().lower()
    if answer in ("y", "yes"):
        return True
    print("chapbook: nothing was added.", file=sys.stderr)
    return False


def _progress_printer():
    """Progress on stderr while adding many files, only when stderr is a terminal."""
    if not sys.stderr.isatty():
        return None
    last = 0.0

    def progress(done: int, total: int) -> None:
        nonlocal last
        now = time.monotonic()
        if total >= 50 and (now - last > 0.2 or done >= total):
            last = now
            end = "\n" if done >= total else ""
            print(f"\rchapbook: reading {done:,} of {total:,} files", end=end, file=sys.stderr)

    return progress


# -- list -----------------------------------------------------------------------------------


def _sort_order(library: Library, args: argparse.Namespace) -> tuple[str, bool]:
    """The library screen's order: the settings' key, the way round last chosen with `s`."""
    return library.sort_order(_settings(args).library.sort)


def _settings(args: argparse.Namespace) -> Settings:
    from tui.settings.settings import load_settings  # only when needed: it costs a start

    settings, _problems = load_settings(Path(args.config) if args.config else None)
    return settings


def _list(library: Library, args: argparse.Namespace) -> int:
    library.check()  # missing, moved and updated files, as the library screen shows them
    library.save()
    records = sort_records(library.records(), *_sort_order(library, args))
    if args.json:
        json.dump([as_json(r) for r in records], sys.stdout, ensure_ascii=False, indent=1)
        print()
    else:
        _print_table(records, library.clock())
    return 0


def as_json(record: BookRecord) -> dict[str, Any]:
    """One book for `chapbook list --json`."""
    last_read = None
    if record.last_read > 0:
        last_read = datetime.fromtimestamp(record.last_read, UTC).isoformat(timespec="seconds")
    return {
        "path": record.path,
        "title": record.display_title,
        "author": record.author,
        "fandom": record.fandom or None,
        "words": record.words,
        "chapters": record.chapters,
        "progress": round(record.progress, 4),
        "status": record.status,
        "last_read": last_read,
        "missing": record.missing,
        "updated": (
            {"new_chapters": record.new_chapters, "first_new_chapter": record.new_title}
            if record.updated
            else None
        ),
        "error": record.error or None,
        "older_copies": [copy.path for copy in record.older_copies],
    }


def _print_table(records: list[BookRecord], now: float) -> None:
    if not records:
        print("The library is empty: add books with `chapbook add PATH…`.")
        return
    width = shutil.get_terminal_size((100, 24)).columns
    fixed = 7 + 4 + 5 + 10 + 12 + 5  # words, chapters, read, last read, status, gaps
    title_width = max(16, (width - fixed) * 2 // 3)
    author_width = max(8, width - fixed - title_width - 1)
    # Aligned by terminal cells, as the library screen aligns them: `三國志演義` takes ten.
    widths = (title_width, author_width, 6, 4, 5, 10)
    right = (False, False, True, True, True, False)
    print(_row(("Title", "Author", "Words", "Ch", "Read", "Last read", "Status"), widths, right))
    # Books of the same title and author are told apart by their file names, as on screen.
    apart = look_alike_names((r.path, r.display_title, r.author or "") for r in records)
    for r in records:
        last = format_ago(r.last_read, now) if r.last_read else ""
        words, chapters = format_words(r.words), str(r.chapters)
        title = title_cell(r.display_title, apart.get(r.path), title_width)
        cells = (title, r.author or "", words, chapters, format_progress(r), last)
        print(_row((*cells, status_text(r)), widths, right))


def _row(cells: tuple[str, ...], widths: tuple[int, ...], right: tuple[bool, ...]) -> str:
    """One line of the table: each cell fitted to its column's cells, the last as it is."""
    fitted = [fitted_cell(*column) for column in zip(cells[:-1], widths, right, strict=True)]
    return " ".join([*fitted, cells[-1]])
