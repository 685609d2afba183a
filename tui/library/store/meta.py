"""``library.toml``: the folders added, whether the first run is done, the order's direction."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tui.library.store.index import FileStat, file_stat
from tui.storage import (
    digest_of,
    parse_raw,
    read_raw,
    read_toml,
    save_toml,
    unreadable_notice,
    wrong_tables,
)

# The folders added, and those whose adding was cut short: a file where they are no list
# (`folders = 5`) is not read as none, and then written over.
_LISTS = ("folders", "unfinished")


class MetaFile:
    """Reads and writes library.toml, noticing when another process has rewritten it."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.dirty = False  # something in it changed here: the next save writes it
        self.sort_chosen = False  # the order was chosen in this process: it wins a merge
        self._digest: str | None = None  # of the file as last read or written here
        self._stat: FileStat = None
        self._writable = True
        self._previous: bytes | None = None  # the bytes a save replaces (kept as .bak)
        self._notices: list[str] = []

    def load(self) -> dict[str, Any]:
        self._stat = file_stat(self.path)
        meta = read_toml(self.path, shape=lambda data: wrong_tables(data, _LISTS, list))
        self._digest, self._writable = meta.digest, meta.writable
        if meta.notice:
            self._notices.append(meta.notice)
        return meta.data

    def changed(self) -> bool:
        """The file is not as this process last read or wrote it (one stat)."""
        return file_stat(self.path) != self._stat

    def read_theirs(self) -> dict[str, Any] | None:
        """What another process wrote since this one last read or wrote the file, else None."""
        if not self._writable:
            return None
        self._stat = file_stat(self.path)
        try:
            self._previous = read_raw(self.path)
        except OSError as err:
            self._writable = False
            self._notices.append(unreadable_notice(self.path, err))
            return None
        if self._previous is None or digest_of(self._previous) == self._digest:
            return None
        self._digest = digest_of(self._previous)
        return parse_raw(self._previous)

    def save(self, data: dict[str, Any]) -> None:
        """Write ``data`` (hold the data directory's lock; call `read_theirs` first)."""
        if not self._writable:
            return
        self._digest = save_toml(self.path, data, self._previous)
        self._stat = file_stat(self.path)

    def take_notices(self) -> list[str]:
        notices, self._notices = self._notices, []
        return notices
