"""Removing a book and taking the removal back, with its place, bookmarks and reading time."""

from __future__ import annotations

from tui.library.book_table import BookTable, Removal
from tui.library.reading_log import ReadingLog


def remove_book(table: BookTable, log: ReadingLog, book_id: str) -> Removal | None:
    """Forget a book (hold the library's lock); what was removed (None: no such book)."""
    if table.get(book_id) is None:
        return None
    details = log.details(book_id)  # (read now: a save deletes its file)
    removed = table.remove(book_id)
    assert removed is not None
    log.end_session(book_id)
    return Removal(*removed, details)


def restore_book(table: BookTable, log: ReadingLog, removal: Removal) -> bool:
    """Undo `remove_book` (hold the library's lock); False when the file came back as another
    book meanwhile."""
    if not table.restore(removal.record, removal.tombstones):
        return False
    log.put_back(removal.record.id, removal.details)
    return True
