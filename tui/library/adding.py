"""Adding books: one file, or files and folders, with the folders kept while the adding runs."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from tui.book.model import Book, BookError
from tui.library.folders import gather, holding_books
from tui.library.known_files import listed_as, needs_scan
from tui.library.records import BookRecord, resolved
from tui.library.scan import Progress, facts_from_book, read_facts, reason, scan_files, stat_key

if TYPE_CHECKING:
    from tui.library.library import Library


def add_book(library: Library, path: Path | str, book: Book | None = None) -> BookRecord:
    """Add (or refresh) one book; ``book`` is its parse when the caller already has it."""
    where = resolved(path)
    existing = library.table.find_by_path(where)
    if existing is not None and book is None and not existing.missing:
        st = stat_key(where)
        if st == (existing.size, existing.mtime):
            return existing
    facts = read_facts(where, parse=book is None)
    if facts.gone:
        raise BookError(facts.error or f"cannot read {path}: no such file")
    if book is not None:
        facts_from_book(facts, book)
    text = library.sync.prepare(facts, book)  # (a story the library has, downloaded again?)
    with library.lock:
        skipped = len(library.skipped)
        record = library.sync.apply(facts, text, by_name=True)
        if record is None:  # not a book: the parse said why
            del library.skipped[skipped:]
            raise BookError(
                f"{path}: {reason(where, facts.error)}" if facts.error else f"cannot read {path}"
            )
        if book is not None:
            library.log.opened(record, book)
        return record


def files_to_add(library: Library, paths: Iterable[Path | str]) -> list[str]:
    """The files that adding ``paths`` would bring into the library (new to it)."""
    files = gather(paths, library.was_removed).files
    return [f for f in files if listed_as(library.table, f) is None]


def add_paths(
    library: Library,
    paths: Iterable[Path | str],
    progress: Progress | None = None,
    workers: int | None = None,
) -> list[BookRecord]:
    """Add files, and folders recursively: their books, and each folder holding any."""
    given = list(paths)
    gathered = gather(given, library.was_removed)
    files, folders = gathered.files, gathered.folders
    # (files named, not found in a folder: a copy kept of a story is read as it is)
    named = {where for where in map(resolved, given) if Path(where).is_file()}
    library.left_out = gathered.removed
    library.passed_over = gathered.passed_over
    todo = [f for f in files if needs_scan(library.table, f, f in named)]
    known = list(library.folders)
    begin_adding(library, holding_books(folders, todo))
    for facts in scan_files(todo, progress, workers):
        book = library.sync.prepare(facts)
        with library.lock:
            library.sync.apply(facts, book, by_name=facts.path in named)
    found = (listed_as(library.table, f) for f in files)
    records = list({r.id: r for r in found if r is not None}.values())
    kept = holding_books(folders, [r.path for r in records])
    library.unkept = [f for f in folders if f not in kept and f not in known]
    for folder in kept:
        add_folder(library, folder)
    end_adding(library, folders, dropped=library.unkept)
    return records


def begin_adding(library: Library, folders: list[str]) -> None:
    """Keep the folders about to be added, saved at once and marked unfinished until the
    adding ends: a quit part-way leaves them for the next start to finish."""
    with library.lock:
        fresh = [f for f in folders if f not in library.unfinished]
        if not fresh:
            return
        for folder in fresh:
            library.unfinished.append(folder)
            if folder not in library.folders:
                library.folders.append(folder)
        library.meta_changed()
    library.save()


def end_adding(library: Library, folders: list[str], dropped: list[str]) -> None:
    """The adding of ``folders`` ran to its end; ``dropped`` held no books after all, so
    they are not kept."""
    with library.lock:
        ended = [f for f in library.unfinished if f in folders]
        kept = [f for f in library.folders if f not in dropped]
        if ended or kept != library.folders:
            library.unfinished = [f for f in library.unfinished if f not in folders]
            library.folders = kept
            library.meta_changed()


def add_folder(library: Library, folder: Path | str) -> None:
    """Keep ``folder`` among the library's folders (its books are added by a scan)."""
    where = resolved(folder)
    with library.lock:
        if where not in library.folders:
            library.folders.append(where)
            library.meta_changed()
