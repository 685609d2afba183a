"""The library index: books, positions, bookmarks and reading statistics, persisted to TOML.

Everything lives in memory; :meth:`Library.save` writes what changed under a lock, merging
what another chapbook process wrote meanwhile. Files in the data directory:

- ``library.toml``: the folders added and whether the first run is done;
- ``index/<00-3f>.toml``: the books, read at startup (see :mod:`tui.library.store.index`);
- ``books/<id>.toml`` and ``outlines/<id>.toml``: per-book detail, read on demand.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterable
from pathlib import Path

from tui import paths
from tui.book.model import Book, BookError
from tui.library.reading_log import ReadingState
from tui.library.records import BookRecord, book_id_for, resolved
from tui.library.scan import (
    FileFacts,
    Progress,
    facts_from_book,
    read_facts,
    reason,
    scan_files,
    stat_key,
    walk_books,
)
from tui.library.store.details import DetailStore, Session
from tui.library.store.index import Index, shard_of
from tui.library.sync import apply_facts, opened
from tui.storage import (
    StoreError,
    digest_of,
    locked,
    parse_raw,
    read_raw,
    read_toml,
    remove_stale_temporaries,
    save_toml,
    unreadable_notice,
)

__all__ = ["BookRecord", "Library"]


class Library(ReadingState):
    """In-memory index of books, positions and bookmarks; safe to use from a worker thread."""

    def __init__(self, data_dir: Path | None = None, *, clock: Callable[[], float] = time.time):
        self.data_dir = Path(data_dir) if data_dir is not None else paths.data_dir()
        self.clock = clock  # "now" for timestamps and for "last read 2h ago"
        self.notices: list[str] = []
        self.folders: list[str] = []
        self.first_run_done = False
        self.sort_key = ""  # the library list's order as last chosen ("": the settings' default)
        self.sort_reverse = False
        self._sort_chosen = False  # chosen in this process: it wins over another's on save
        self.queued: list[Path] = []  # paths given on the command line, added by the screen
        # (path, why) of files a scan found not to be books; whoever shows them clears it
        self.skipped: list[tuple[str, str]] = []
        self.lock = threading.RLock()  # guards every change; held by save()
        self._records: dict[str, BookRecord] = {}
        self._removed: dict[str, float] = {}
        self._by_path: dict[str, str] = {}
        self._by_hash: dict[str, list[str]] | None = None  # content hash -> ids, built on demand
        self._index = Index(self.data_dir)
        self._details = DetailStore(self.data_dir)
        self._meta_digest: str | None = None
        self._meta_writable = True
        self._dirty: set[str] = set()  # shards to write
        self._meta_dirty = False
        self._forget: set[str] = set()  # removed books whose detail files go
        self._sessions: dict[str, Session] = {}  # the reading session going on, per book

    # -- opening -----------------------------------------------------------------------------
    @classmethod
    def open(
        cls,
        data_dir: Path | None = None,
        *,
        sample: bool = True,
        clock: Callable[[], float] = time.time,
    ) -> Library:
        """Load the index (never raises); on the very first run add the bundled sample story."""
        library = cls(data_dir, clock=clock)
        library._load()
        if sample and not library.first_run_done:
            library._first_run()
        return library

    def _load(self) -> None:
        remove_stale_temporaries(self.data_dir)
        meta = read_toml(self.data_dir / "library.toml")
        self._meta_digest, self._meta_writable = meta.digest, meta.writable
        if meta.notice:
            self.notices.append(meta.notice)
        self.first_run_done = meta.data.get("first_run_done") is True
        self._take_sort(meta.data)
        folders = meta.data.get("folders")
        self.folders = [str(f) for f in folders] if isinstance(folders, list) else []
        self._records, self._removed = self._index.load()
        self.notices += self._index.notices
        self._index.notices.clear()
        self._reindex_paths()

    def _take_sort(self, data: dict) -> None:
        sort, reverse = data.get("sort"), data.get("sort_reverse")
        if isinstance(sort, str):
            self.sort_key = sort
            self.sort_reverse = reverse is True

    def set_sort(self, key: str, reverse: bool = False) -> None:
        """Remember the list's order (in library.toml: the user's settings are not touched)."""
        with self.lock:
            if (key, reverse) != (self.sort_key, self.sort_reverse):
                self.sort_key, self.sort_reverse = key, reverse
                self._sort_chosen = True
                self._meta_dirty = True

    def _first_run(self) -> None:
        sample = paths.sample_story_path()
        if sample.is_file():
            try:
                self.add_book(sample)
            except BookError as err:
                self.notices.append(f"The sample story could not be added: {err}")
        self.first_run_done = True
        self._meta_dirty = True
        self.save()

    def _reindex_paths(self) -> None:
        self._by_path = {r.path: r.id for r in self._records.values()}
        self._by_hash = None

    # -- reading the index -----------------------------------------------------------------------
    def __len__(self) -> int:
        return len(self._records)

    @property
    def books(self) -> dict[str, BookRecord]:
        """A snapshot of every book by id."""
        with self.lock:
            return dict(self._records)

    def records(self) -> list[BookRecord]:
        with self.lock:
            return list(self._records.values())

    def get(self, book_id: str) -> BookRecord | None:
        return self._records.get(book_id)

    def find_by_path(self, path: Path | str) -> BookRecord | None:
        book_id = self._by_path.get(resolved(path))
        return self._records.get(book_id) if book_id else None

    def missing_by_hash(self, content_hash: str) -> BookRecord | None:
        """A book whose file is gone (marked missing or not yet noticed) and whose last known
        content has this hash: the file at hand is that book, moved or renamed."""
        if not content_hash:
            return None
        if self._by_hash is None:
            self._by_hash = {}
            for record in self._records.values():
                if record.hash:
                    self._by_hash.setdefault(record.hash, []).append(record.id)
        for book_id in self._by_hash.get(content_hash, ()):
            record = self._records.get(book_id)
            if record is None or record.hash != content_hash:
                continue
            if record.missing or stat_key(record.path) is None:
                return record
        return None

    def note_hash(self, record: BookRecord) -> None:
        """Keep the hash lookup of :meth:`missing_by_hash` current after a scan."""
        if self._by_hash is not None and record.hash:
            ids = self._by_hash.setdefault(record.hash, [])
            if record.id not in ids:
                ids.append(record.id)

    def find_moved(self, path: Path | str) -> BookRecord | None:
        """The book at ``path``, relinking it first when it is a known book that was moved.

        Only files the size of a book whose file is gone are hashed, so opening a new file
        costs a stat, not a read.
        """
        where = resolved(path)
        record = self.find_by_path(where)
        if record is not None:
            return record
        st = stat_key(where)
        if st is None:
            return None
        with self.lock:
            if not any(
                r.size == st[0] and (r.missing or stat_key(r.path) is None)
                for r in self._records.values()
            ):
                return None
        facts = read_facts(where, parse=False)
        with self.lock:
            if self.missing_by_hash(facts.hash) is None:
                return None
            return self.apply(facts)

    # -- adding and removing ---------------------------------------------------------------------
    def add_book(self, path: Path | str, book: Book | None = None) -> BookRecord:
        """Add (or refresh) one book; ``book`` is its parse when the caller already has it."""
        where = resolved(path)
        existing = self.find_by_path(where)
        if existing is not None and book is None and not existing.missing:
            st = stat_key(where)
            if st == (existing.size, existing.mtime):
                return existing
        facts = read_facts(where, parse=book is None)
        if facts.gone:
            raise BookError(f"cannot read {path}: no such file")
        if book is not None:
            facts_from_book(facts, book)
        with self.lock:
            skipped = len(self.skipped)
            record = self.apply(facts)
            if record is None:  # not a book: the parse said why
                del self.skipped[skipped:]
                raise BookError(
                    f"{path}: {reason(where, facts.error)}"
                    if facts.error
                    else f"cannot read {path}"
                )
            if book is not None:
                opened(self, record, facts)
            return record

    def add_paths(
        self,
        paths: Iterable[Path | str],
        progress: Progress | None = None,
        workers: int | None = None,
    ) -> list[BookRecord]:
        """Add files, and folders recursively (their books and the folder itself)."""
        files: list[str] = []
        for given in paths:
            where = Path(resolved(given))
            if where.is_dir():
                self.add_folder(where)
                files.extend(str(p) for p in walk_books(where))
            elif where.exists():
                files.append(str(where))
            else:
                raise BookError(f"no such file or folder: {given}")
        todo = [f for f in dict.fromkeys(files) if self._needs_scan(f)]
        for facts in scan_files(todo, progress, workers):
            with self.lock:
                self.apply(facts)
        return [r for f in files if (r := self.find_by_path(f)) is not None]

    def _needs_scan(self, path: str) -> bool:
        record = self.find_by_path(path)
        return record is None or record.missing or stat_key(path) != (record.size, record.mtime)

    def add_folder(self, folder: Path | str) -> None:
        where = resolved(folder)
        with self.lock:
            if where not in self.folders:
                self.folders.append(where)
                self._meta_dirty = True

    def apply(self, facts: FileFacts) -> BookRecord | None:
        """Take in what a scan learned about one file (hold ``lock``); see tui.library.sync."""
        record = apply_facts(self, facts)
        if record is not None:
            self._dirty.add(shard_of(record.id))
        elif facts.error and not facts.gone:
            self.skipped.append((facts.path, facts.error))
        return record

    def mark_dirty(self, record: BookRecord) -> None:
        """Mark a record changed outside :meth:`apply` so the next save writes it."""
        self._dirty.add(shard_of(record.id))

    def new_record(self, path: str) -> BookRecord:
        """A fresh record for a path not in the library (used by tui.library.sync)."""
        book_id = book_id_for(path)
        n = 1
        while book_id in self._records:  # a moved book kept the id of its old path
            n += 1
            book_id = book_id_for(f"{path}#{n}")
        record = BookRecord(book_id, path, added=self.clock())
        self._records[book_id] = record
        self._by_path[path] = book_id
        self._removed.pop(book_id, None)
        return record

    def relink(self, record: BookRecord, path: str) -> None:
        """A book's file was found at a new path."""
        self._by_path.pop(record.path, None)
        record.path = path
        record.missing = False
        self._by_path[path] = record.id

    def remove(self, book_id: str) -> None:
        """Forget a book (its file is never touched)."""
        with self.lock:
            record = self._records.pop(book_id, None)
            if record is None:
                return
            self._by_path.pop(record.path, None)
            self._removed[book_id] = max(self.clock(), record.added)
            self._dirty.add(shard_of(book_id))
            self._forget.add(book_id)
            self._sessions.pop(book_id, None)

    def mark_missing(self, book_id: str, missing: bool = True) -> None:
        with self.lock:
            record = self._records.get(book_id)
            if record is not None and record.missing != missing:
                record.missing = missing
                record.changed = self.clock()
                self._dirty.add(shard_of(book_id))

    # -- saving ----------------------------------------------------------------------------
    @property
    def dirty(self) -> bool:
        return bool(self._dirty or self._meta_dirty or self._forget or self._details.dirty)

    def save(self) -> None:
        """Write what changed, merged with what other processes wrote. Never raises."""
        with self.lock:
            if not self.dirty:
                return
            try:
                with locked(self.data_dir):
                    if self._meta_dirty:
                        self._save_meta()
                    self._index.save(self._dirty, self._records, self._removed, self.clock())
                    for book_id in self._forget:
                        self._details.forget(book_id)
                    self._details.save()
            except (StoreError, OSError) as err:
                self.notices.append(f"The library could not be saved: {err}")
                return
            finally:
                self.notices += self._index.notices + self._details.notices
                self._index.notices.clear()
                self._details.notices.clear()
            self._dirty.clear()
            self._forget.clear()
            self._meta_dirty = False
            self._reindex_paths()

    def _save_meta(self) -> None:
        path = self.data_dir / "library.toml"
        if not self._meta_writable:
            return
        try:
            previous = read_raw(path)
        except OSError as err:
            self._meta_writable = False
            self.notices.append(unreadable_notice(path, err))
            return
        if previous is not None and digest_of(previous) != self._meta_digest:
            theirs = parse_raw(previous) or {}
            if theirs.get("first_run_done") is True:
                self.first_run_done = True
            if not self._sort_chosen:
                self._take_sort(theirs)
            for folder in (
                theirs.get("folders", []) if isinstance(theirs.get("folders"), list) else []
            ):
                if str(folder) not in self.folders:
                    self.folders.append(str(folder))
        data: dict[str, object] = {
            "version": 1,
            "first_run_done": self.first_run_done,
            "folders": self.folders,
        }
        if self.sort_key:
            data["sort"], data["sort_reverse"] = self.sort_key, self.sort_reverse
        self._meta_digest = save_toml(path, data, previous)

    # -- checking files ---------------------------------------------------------------------------
    def check(
        self, progress: Progress | None = None, *, add_new: bool = False, workers: int | None = None
    ) -> int:
        """Look at every book's file: missing, moved (found by hash), changed. Returns changes."""
        from tui.library.sync import check_files

        return check_files(self, progress, add_new=add_new, workers=workers)
