"""What was typed into the reader's prompts, kept across runs: recalled with ↑ and ↓."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any, Literal

from tui.paths import state_dir
from tui.storage import (
    StoreError,
    locked,
    move_aside,
    parse_raw,
    read_raw,
    read_toml,
    save_toml,
)

# The prompts with a history of their own: searches (`/` and `?` share one), percentages and
# the `:` commands.
HistoryKind = Literal["search", "percent", "command"]
KINDS: tuple[HistoryKind, ...] = ("search", "percent", "command")
LIMIT = 200  # entries kept per kind; the oldest go first


def history_path() -> Path:
    return state_dir() / "history.toml"


def _clean(entries: object) -> list[str]:
    if not isinstance(entries, list):
        return []
    return [e for e in entries if isinstance(e, str) and e.strip() and "\n" not in e]


def _merged(old: Iterable[str], new: Iterable[str]) -> list[str]:
    """``old`` then ``new``, each entry once at its latest place, at most LIMIT."""
    out: dict[str, None] = {}
    for entry in [*old, *new]:
        out.pop(entry, None)
        out[entry] = None
    return list(out)[-LIMIT:]


class PromptHistory:
    """Entries per prompt kind, oldest first. `add` remembers one; `save` merges them into
    the file under the state directory's lock, so two chapbooks lose none of each other's."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or history_path()
        self.entries: dict[HistoryKind, list[str]] = {kind: [] for kind in KINDS}
        self._added: dict[HistoryKind, list[str]] = {kind: [] for kind in KINDS}
        self.notice: str | None = None  # what reading the file found (said at the first save)
        self.writable = True  # False: the file is there but cannot be read; never written

    @classmethod
    def load(cls, path: Path | None = None) -> PromptHistory:
        history = cls(path)
        loaded = read_toml(history.path)
        history.notice, history.writable = loaded.notice, loaded.writable
        for kind in KINDS:
            history.entries[kind] = _clean(loaded.data.get(kind))[-LIMIT:]
        return history

    def add(self, kind: HistoryKind, entry: str) -> None:
        entry = entry.strip()
        if not entry or "\n" in entry:
            return
        self.entries[kind] = _merged(self.entries[kind], [entry])
        self._added[kind].append(entry)

    def remember(self, kind: HistoryKind, entry: str) -> str | None:
        """Add ``entry`` and write it at once; returns a one-line message on failure."""
        self.add(kind, entry)
        return self.save()

    def last(self, kind: HistoryKind) -> str:
        return self.entries[kind][-1] if self.entries[kind] else ""

    def save(self) -> str | None:
        """Write what was added since the last save; returns a one-line message on failure,
        or of what reading the file found (moved aside, not readable), once."""
        told, self.notice = self.notice, None
        if not any(self._added.values()) or not self.writable:
            return told  # (a file that cannot be read is left as it is: said as it was read)
        try:
            with locked(self.path.parent, name=".history.lock"):
                previous = read_raw(self.path)
                on_disk = parse_raw(previous) if previous is not None else {}
                if on_disk is None:  # (damaged since it was read: kept aside, not written over)
                    told = f"{self.path} was damaged; moved it to {move_aside(self.path).name}."
                    previous, on_disk = None, {}
                data: dict[str, Any] = {
                    kind: _merged(_clean(on_disk.get(kind)), self._added[kind]) for kind in KINDS
                }
                save_toml(self.path, data, previous)
        except (StoreError, OSError) as err:  # (OSError: a history.toml that cannot be read)
            reason = err.strerror if isinstance(err, OSError) and err.strerror else str(err)
            return f"Search history not saved: {reason}"
        self._added = {kind: [] for kind in KINDS}
        return told


class Recall:
    """Walking a history with ↑ (older) and ↓ (newer) from what is being typed, as a shell
    does: past the newest entry, what was typed comes back."""

    def __init__(self, entries: list[str], typed: str = "") -> None:
        self.entries = entries
        self.typed = typed
        self.at = len(entries)  # len(entries): not in the history, showing what was typed

    def older(self, current: str) -> str:
        if self.at == len(self.entries):
            self.typed = current
        self.at = max(0, self.at - 1)
        return self.entries[self.at] if self.entries else current

    def newer(self) -> str:
        self.at = min(len(self.entries), self.at + 1)
        return self.entries[self.at] if self.at < len(self.entries) else self.typed
