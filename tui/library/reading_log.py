"""The reading side of the library: positions, bookmarks, statistics and cached outlines."""

from __future__ import annotations

import threading
from pathlib import Path

from tui.book.anchor import Anchor, Bookmark
from tui.library.records import STATUS_FINISHED, BookRecord
from tui.library.scan import file_hash, stat_key
from tui.library.store.details import Details, DetailStore, Session
from tui.library.store.index import shard_of
from tui.library.sync import catch_up
from tui.storage import StoreError, locked


class ReadingState:
    """What a reader leaves in the library; mixed into `Library`, whose state it uses."""

    _records: dict[str, BookRecord]
    _sessions: dict[str, Session]
    _details: DetailStore
    _dirty: set[str]
    lock: threading.RLock
    data_dir: Path

    # -- positions, bookmarks, statistics ------------------------------------------------------
    def position(self, book_id: str) -> Anchor | None:
        record = self._records.get(book_id)
        return record.position if record is not None else None

    def set_position(self, book_id: str, anchor: Anchor, *, at_end: bool = False) -> None:
        """Store the reader's place; ``at_end``: the end of the book is on screen there."""
        with self.lock:
            record = self._records.get(book_id)
            if record is None:
                return
            self._count_reading(book_id, anchor)
            record.offset, record.fingerprint = anchor.offset, anchor.fingerprint
            record.within = getattr(anchor, "within", 0)
            record.last_read = anchor.saved_at
            record.ended = at_end
            # The new chapters are read once the place is in them, or the book is finished
            # (a new chapter shorter than a screen never reaches the top of the screen).
            if record.read_chapters < 0 or (
                record.updated
                and (anchor.offset >= record.new_offset or record.status == STATUS_FINISHED)
            ):
                catch_up(self, record)
            self._dirty.add(shard_of(book_id))

    def _count_reading(self, book_id: str, anchor: Anchor) -> None:
        """Reading statistics: time spent and characters advanced, per session."""
        details = self.details(book_id)
        self._sessions[book_id] = details.count(self._sessions.get(book_id), anchor)
        self._details.dirty.add(book_id)

    def details(self, book_id: str) -> Details:
        """Bookmarks, sessions and chapter titles of one book (read from disk once)."""
        with self.lock:
            return self._details.get(book_id)

    def touch_details(self, book_id: str) -> None:
        self._details.dirty.add(book_id)

    def bookmarks(self, book_id: str) -> list[Bookmark]:
        return list(self.details(book_id).bookmarks)

    def add_bookmark(self, book_id: str, bookmark: Bookmark) -> None:
        with self.lock:
            details = self.details(book_id)
            details.bookmarks.append(bookmark)
            details.bookmarks.sort(key=lambda b: b.anchor.offset)
            self._details.dirty.add(book_id)

    def remove_bookmark(self, book_id: str, bookmark: Bookmark) -> None:
        with self.lock:
            details = self.details(book_id)
            details.bookmarks = [b for b in details.bookmarks if b != bookmark]
            details.removed_marks.add(bookmark.created)
            self._details.dirty.add(book_id)

    # -- outline cache -------------------------------------------------------------------------
    def _outline_key(self, record: BookRecord) -> dict[str, object] | None:
        st = stat_key(record.path)
        if st is None:
            return None
        content = record.hash if st == (record.size, record.mtime) else ""
        return {"size": st[0], "mtime": st[1], "hash": content or _hash(record.path)}

    def cached_outline(self, book_id: str) -> dict | None:
        """The outline stored for this book's file as it is now, or None."""
        record = self._records.get(book_id)
        key = self._outline_key(record) if record is not None else None
        return self._details.read_outline(book_id, key) if key is not None else None

    def store_outline(self, book_id: str, data: dict) -> bool:
        """Cache an outline (a TOML-able dict: no None) for the file as it is now.

        Call it from a worker: it may hash the file.
        """
        record = self._records.get(book_id)
        key = self._outline_key(record) if record is not None else None
        if key is None:
            return False
        try:
            with locked(self.data_dir):
                self._details.write_outline(book_id, key, data)
        except (StoreError, TypeError, ValueError):
            return False
        return True


def _hash(path: str) -> str:
    try:
        return file_hash(Path(path))
    except OSError:
        return ""
