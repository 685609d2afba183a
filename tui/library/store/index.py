"""The persisted book index: 64 TOML shards that are read at startup and merged on save.

Books are spread over ``index/00.toml`` … ``index/3f.toml`` by the first six bits of their
id, so saving one position rewrites one small shard (about 160 books in a library of
10,000) instead of the whole library, and a parse memo per shard (see
:func:`tui.storage.write_memo`) spares tomllib the shards that have not changed since they
were last read or written.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from tui.library.records import BookRecord, apply_tombstones, merge_records
from tui.storage import MergedFiles, read_toml, remove_stale_temporaries, save_toml, wrong_tables

SHARD_COUNT = 64
SHARDS = tuple(f"{n:02x}" for n in range(SHARD_COUNT))
INDEX_VERSION = 1
TOMBSTONE_DAYS = 180  # how long a removal is remembered, so other copies cannot bring it back


def shard_of(book_id: str) -> str:
    """The shard of an id: its first two hex digits, divided by four (ids are hex hashes)."""
    try:
        return SHARDS[int(book_id[:2], 16) * SHARD_COUNT // 256]
    except (ValueError, IndexError):  # an id typed by hand
        return SHARDS[0]


class Index(MergedFiles):
    """Reads and writes the shards; remembers what each looked like so saves can merge."""

    def __init__(self, data_dir: Path) -> None:
        super().__init__(shape=_shard_shape)
        self.directory = data_dir / "index"
        self.stats: dict[str, FileStat] = {}  # each shard as last read or written here

    def path(self, shard: str) -> Path:
        return self.directory / f"{shard}.toml"

    # -- loading ------------------------------------------------------------------------
    def load(self) -> tuple[dict[str, BookRecord], dict[str, float]]:
        remove_stale_temporaries(self.directory)
        records: dict[str, BookRecord] = {}
        removed: dict[str, float] = {}
        for shard in SHARDS:
            self.stats[shard] = file_stat(self.path(shard))
            loaded = read_toml(self.path(shard), memo=True, shape=self.shape)
            self.note(shard, loaded)
            _decode(loaded.data, records, removed)
        apply_tombstones(records, removed)
        return records, removed

    # -- saving (the caller holds the lock) --------------------------------------------------
    def save(
        self,
        shards: set[str],
        records: dict[str, BookRecord],
        removed: dict[str, float],
        now: float,
    ) -> None:
        """Write the given shards, first merging in what another process wrote to them.

        ``records`` and ``removed`` are updated in place with the other process's changes.
        """
        for shard in sorted(shards - self.unwritable):
            path = self.path(shard)
            on_disk = self.read_before_save(shard, path, "was damaged by something else")
            if on_disk is None:
                continue
            previous, theirs = on_disk
            if theirs is not None:
                self._merge(theirs, shard, records, removed)
            self.digests[shard] = save_toml(
                path, _encode(shard, records, removed, now), previous, memo=True
            )
            self.stats[shard] = file_stat(path)

    # -- another process's changes -----------------------------------------------------------
    def changed_shards(self) -> list[str]:
        """Shards whose file is not as this process last read or wrote it (a stat each)."""
        return [s for s in SHARDS if file_stat(self.path(s)) != self.stats.get(s)]

    def take_in(
        self, shards: list[str], records: dict[str, BookRecord], removed: dict[str, float]
    ) -> bool:
        """Merge what other processes wrote to these shards into ``records`` and ``removed``
        (hold the library's lock). True when any of them held something new."""
        news = False
        for shard in shards:
            path = self.path(shard)
            self.stats[shard] = file_stat(path)
            loaded = read_toml(path, memo=True, shape=self.shape)
            if loaded.notice:
                self.notices.append(loaded.notice)
            if loaded.digest is None or loaded.digest == self.digests.get(shard):
                continue
            self._merge(loaded.data, shard, records, removed)
            self.digests[shard] = loaded.digest
            news = True
        return news

    @staticmethod
    def _merge(
        theirs: dict[str, Any],
        shard: str,
        records: dict[str, BookRecord],
        removed: dict[str, float],
    ) -> None:
        their_records: dict[str, BookRecord] = {}
        their_removed: dict[str, float] = {}
        _decode(theirs, their_records, their_removed)
        for book_id, when in their_removed.items():
            removed[book_id] = max(when, removed.get(book_id, 0.0))
        for book_id, record in their_records.items():
            if shard_of(book_id) != shard:
                continue
            mine = records.get(book_id)
            records[book_id] = record if mine is None else merge_records(mine, record)
        apply_tombstones(records, removed)


FileStat = tuple[int, int, int] | None


def file_stat(path: Path) -> FileStat:
    """(inode, size, mtime in ns): an atomic rewrite changes at least one of them."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_ino, st.st_size, st.st_mtime_ns


def _shard_shape(data: dict[str, Any]) -> str | None:
    """Why a shard is no table of books (`books = 5`), or None."""
    return wrong_tables(data, ("books", "removed"))


def _decode(
    data: dict[str, Any], records: dict[str, BookRecord], removed: dict[str, float]
) -> None:
    books = data.get("books")
    if isinstance(books, dict):
        for book_id, table in books.items():
            if isinstance(table, dict):
                record = BookRecord.from_toml(str(book_id), table)
                if record is not None:
                    records[record.id] = record
    gone = data.get("removed")
    if isinstance(gone, dict):
        for book_id, when in gone.items():
            if isinstance(when, int | float) and not isinstance(when, bool):
                removed[str(book_id)] = max(float(when), removed.get(str(book_id), 0.0))


def _encode(
    shard: str, records: dict[str, BookRecord], removed: dict[str, float], now: float
) -> dict[str, Any]:
    oldest = now - TOMBSTONE_DAYS * 86400
    books = {
        book_id: record.to_toml()
        for book_id, record in sorted(records.items())
        if shard_of(book_id) == shard
    }
    gone = {
        book_id: when
        for book_id, when in sorted(removed.items())
        if shard_of(book_id) == shard and when >= oldest and book_id not in books
    }
    data: dict[str, Any] = {"version": INDEX_VERSION}
    if gone:
        data["removed"] = gone
    data["books"] = books
    return data
