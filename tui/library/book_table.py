"""The books in memory: records by id, by path and by content, removals, and what to save."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from tui.library.records import BookRecord, KeptCopy, book_id_for, resolved
from tui.library.same_work import story_keys
from tui.library.scan import stat_key
from tui.library.store.details import Details
from tui.library.store.index import shard_of


@dataclass(frozen=True)
class Removal:
    """A book just removed, with all it takes to bring it back: its record, the ids its
    removal tombstoned, and its detail (bookmarks, reading time)."""

    record: BookRecord
    tombstones: tuple[str, ...]
    details: Details


class BookTable:
    """Every book the library knows, and the removals that keep removed books out.

    Not thread-safe on its own: the `Library` that owns it holds its lock around changes.
    """

    def __init__(self, clock: Callable[[], float]) -> None:
        self.clock = clock
        self.records: dict[str, BookRecord] = {}
        # Tombstones: book id -> when it was removed. A removal also tombstones the id of the
        # removed file's path, so a folder scan does not add that file again as a new book.
        self.removed: dict[str, float] = {}
        self.dirty: set[str] = set()  # index shards to write
        self.forgotten: set[str] = set()  # removed books whose detail files go on save
        self._by_path: dict[str, str] = {}
        self._by_hash: dict[str, list[str]] | None = None  # content hash -> ids, on demand
        # `same_work.story_keys` (its work, its title and author) -> ids, on demand
        self._by_story: dict[str, list[str]] | None = None
        self._copy_of: dict[str, str] = {}  # path of a kept copy (not listed) -> its book's id

    def replace(self, records: dict[str, BookRecord], removed: dict[str, float]) -> None:
        self.records, self.removed = records, removed
        self.reindex()

    def reindex(self) -> None:
        # A path is the present book's, not that of one set aside there (listed first).
        present_last = sorted(self.records.values(), key=lambda r: not r.missing)
        self._by_path = {r.path: r.id for r in present_last}
        self._by_hash = None
        self._by_story = None
        self._copy_of = {c.path: r.id for r in self.records.values() for c in r.older_copies}

    # -- looking up ------------------------------------------------------------------------
    def __len__(self) -> int:
        return len(self.records)

    def __iter__(self) -> Iterator[BookRecord]:
        return iter(list(self.records.values()))

    def get(self, book_id: str) -> BookRecord | None:
        return self.records.get(book_id)

    def find_by_path(self, path: str) -> BookRecord | None:
        book_id = self._by_path.get(path)
        return self.records.get(book_id) if book_id else None

    def was_removed(self, path: str) -> bool:
        """The file at ``path`` was removed from the library (a scan must not add it back)."""
        return book_id_for(path) in self.removed and self.find_by_path(path) is None

    def missing_by_hash(self, content_hash: str) -> BookRecord | None:
        """A book whose file is gone (marked missing or not yet noticed) and whose last known
        content has this hash: the file at hand is that book, moved or renamed."""
        if not content_hash:
            return None
        for book_id in self._ids_by_hash().get(content_hash, ()):
            record = self.records.get(book_id)
            if record is None or record.hash != content_hash:
                continue
            if record.missing or stat_key(record.path) is None:
                return record
        return None

    def _ids_by_hash(self) -> dict[str, list[str]]:
        if self._by_hash is None:
            self._by_hash = {}
            for known in self.records.values():
                if known.hash:
                    self._by_hash.setdefault(known.hash, []).append(known.id)
        return self._by_hash

    def copies_of(self, record: BookRecord) -> list[BookRecord]:
        """Other books with the same content: the same book added twice."""
        if not record.hash:
            return []
        found = []
        for book_id in self._ids_by_hash().get(record.hash, ()):
            other = self.records.get(book_id)
            if other and other.id != record.id and other.hash == record.hash and not other.missing:
                found.append(other)
        return found

    def same_story(self, keys: list[str], path: str) -> list[BookRecord]:
        """The books, at other paths than ``path``, that share one of ``keys`` (see
        `same_work.story_keys`): those that may hold the story of the file at ``path``."""
        if self._by_story is None:
            self._by_story = {}
            for known in self.records.values():
                self.note_story(known)
        ids = dict.fromkeys(book_id for key in keys for book_id in self._by_story.get(key, ()))
        wanted = set(keys)
        return [
            record
            for book_id in ids
            if (record := self.records.get(book_id)) is not None
            and record.path != path
            and wanted.intersection(_keys_of(record))
        ]

    def copy_holder(self, path: str) -> BookRecord | None:
        """The book whose story the file at ``path`` holds again, kept as a copy not listed."""
        if path in self._by_path:
            return None
        book_id = self._copy_of.get(path)
        record = self.records.get(book_id) if book_id else None
        if record is None or not any(copy.path == path for copy in record.older_copies):
            return None
        return record

    # -- changing ------------------------------------------------------------------------------
    def note_story(self, record: BookRecord) -> None:
        """Keep the lookup of :meth:`same_story` current after a scan."""
        if self._by_story is not None:
            for key in _keys_of(record):
                ids = self._by_story.setdefault(key, [])
                if record.id not in ids:
                    ids.append(record.id)

    def keep_copy(self, record: BookRecord, copy: KeptCopy) -> None:
        """The file ``copy`` holds the book's story again: kept, not listed."""
        others = [kept for kept in record.older_copies if kept.path != copy.path]
        record.older_copies = (*others, copy)
        self._copy_of[copy.path] = record.id
        record.changed = self.clock()
        self.mark_dirty(record)

    def drop_copy(self, path: str) -> BookRecord | None:
        """The kept copy at ``path`` is gone, or is to be looked at again: the book no longer
        keeps it. Returns the book that did."""
        record = self.copy_holder(path)
        self._copy_of.pop(path, None)
        if record is None:
            return None
        record.older_copies = tuple(kept for kept in record.older_copies if kept.path != path)
        record.changed = self.clock()
        self.mark_dirty(record)
        return record

    def note_hash(self, record: BookRecord) -> None:
        """Keep the hash lookup of :meth:`missing_by_hash` current after a scan."""
        if self._by_hash is not None and record.hash:
            ids = self._by_hash.setdefault(record.hash, [])
            if record.id not in ids:
                ids.append(record.id)

    def mark_dirty(self, record: BookRecord) -> None:
        self.dirty.add(shard_of(record.id))

    def new_record(self, path: str) -> BookRecord:
        """A fresh record for a path not in the library (it lifts a removal of that path)."""
        book_id = book_id_for(path)
        self.removed.pop(book_id, None)
        n = 1
        while book_id in self.records:  # a moved book kept the id of its old path
            n += 1
            book_id = book_id_for(f"{path}#{n}")
        record = BookRecord(book_id, path, added=self.clock())
        self.records[book_id] = record
        self._by_path[path] = book_id
        self.removed.pop(book_id, None)
        self.mark_dirty(record)
        return record

    def set_aside(self, record: BookRecord) -> None:
        """Another story is at the book's path now: the book stays, marked missing, with its
        place and bookmarks; the path is free for the new one."""
        self._by_path.pop(record.path, None)
        record.missing = True
        record.changed = self.clock()
        self.mark_dirty(record)

    def set_aside_with(self, path: str, content_hash: str) -> BookRecord | None:
        """A book set aside from ``path`` (see `set_aside`) whose content had this hash: the
        file holds that book again."""
        if not content_hash:
            return None
        for book_id in self._ids_by_hash().get(content_hash, ()):
            record = self.records.get(book_id)
            if record is not None and record.path == path and self.is_set_aside(record):
                return record
        return None

    def is_set_aside(self, record: BookRecord) -> bool:
        """The book's path belongs to another book now (see `set_aside`)."""
        holder = self._by_path.get(record.path)
        return record.missing and holder is not None and holder != record.id

    def relink(self, record: BookRecord, path: str) -> None:
        """A book's file was found at a new path."""
        self._by_path.pop(record.path, None)
        record.path = path
        record.missing = False
        self._by_path[path] = record.id
        self.mark_dirty(record)

    def remove(self, book_id: str) -> tuple[BookRecord, tuple[str, ...]] | None:
        """Forget a book and keep its file from coming back with a scan: the book, and the
        ids its removal tombstoned (for `restore`)."""
        record = self.records.pop(book_id, None)
        if record is None:
            return None
        self._by_path.pop(record.path, None)
        when = max(self.clock(), record.added)
        self.removed[book_id] = when
        self.dirty.add(shard_of(book_id))
        tombstones = [book_id]
        # (its kept copies too: a removed story does not come back from a folder's scan)
        for path in [record.path, *(copy.path for copy in record.older_copies)]:
            self._copy_of.pop(path, None)
            path_id = book_id_for(resolved(path))
            if path_id != book_id and path_id not in self.records:
                self.removed[path_id] = when
                self.dirty.add(shard_of(path_id))
                tombstones.append(path_id)
        self.forgotten.add(book_id)
        return record, tuple(tombstones)

    def restore(self, record: BookRecord, tombstones: tuple[str, ...]) -> bool:
        """Undo `remove`: the book back as it was, its tombstones lifted. False when its id
        or its path has been taken since (the file added again meanwhile)."""
        if record.id in self.records or self.find_by_path(record.path) is not None:
            return False
        for book_id in tombstones:
            self.removed.pop(book_id, None)
            self.dirty.add(shard_of(book_id))
        self.records[record.id] = record
        self._by_path[record.path] = record.id
        self._by_hash = None
        for copy in record.older_copies:
            self._copy_of[copy.path] = record.id
        self.note_story(record)
        self.forgotten.discard(record.id)
        self.mark_dirty(record)
        return True

    def mark_missing(self, book_id: str, missing: bool = True) -> bool:
        """Mark a book's file gone (or back); True when that changed anything."""
        record = self.records.get(book_id)
        if record is None or record.missing == missing:
            return False
        record.missing = missing
        record.changed = self.clock()
        self.mark_dirty(record)
        return True


def _keys_of(record: BookRecord) -> list[str]:
    return story_keys(record.work, record.title, record.author)
