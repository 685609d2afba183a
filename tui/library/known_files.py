"""Which listed book a file on disk already is: at its path, moved there, or a kept copy."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from tui.library.book_table import BookTable
from tui.library.records import BookRecord, resolved
from tui.library.scan import read_facts, stat_key

if TYPE_CHECKING:
    from tui.library.library import Library


def listed_as(table: BookTable, path: str) -> BookRecord | None:
    """The book read from ``path``, or the one that keeps it as an older copy of its story."""
    return table.find_by_path(path) or table.copy_holder(path)


def needs_scan(table: BookTable, path: str, named: bool = False) -> bool:
    """Whether adding ``path`` has to read it (``named``: the user named the file itself)."""
    record = table.find_by_path(path)
    if record is None and not named and table.copy_holder(path) is not None:
        return False  # (a copy kept of a story listed: a rescan looks at it if it changes)
    return record is None or record.missing or stat_key(path) != (record.size, record.mtime)


def find_moved(library: Library, path: Path | str) -> BookRecord | None:
    """The book at ``path``, relinking it first when it is a known book that was moved."""
    where = resolved(path)
    record = library.table.find_by_path(where)
    if record is not None:
        return record
    st = stat_key(where)
    if st is None:
        return None
    with library.lock:  # (only a file the size of a book whose file is gone is worth hashing)
        if not any(
            r.size == st[0] and (r.missing or stat_key(r.path) is None) for r in library.table
        ):
            return None
    facts = read_facts(where, parse=False)
    with library.lock:
        if library.table.missing_by_hash(facts.hash) is None:
            return None
        return library.apply(facts)


def newer_copy_of(library: Library, path: Path | str) -> BookRecord | None:
    """The book the file at ``path`` (named, read as it is) holds an older copy of."""
    book_id = library.sync.named_copies.get(resolved(path))
    return library.table.get(book_id) if book_id else None
