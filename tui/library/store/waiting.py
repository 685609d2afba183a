"""Places read in a book before it joined the library (left while the book was still being
read), kept in `waiting-places.toml` until the book joins it."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tui.book.anchor import Anchor
from tui.storage import locked, read_toml, save_toml

WAITING_FILE = "waiting-places.toml"
KEPT_DAYS = 30  # a place whose book was never opened again is dropped after this long
MOST_KEPT = 64  # ... and the oldest go first past this many


class WaitingPlaces:
    """Places by file path, each valid for the file as it was (its size and mtime)."""

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir
        self.path = data_dir / WAITING_FILE
        self.notices: list[str] = []  # a damaged file moved aside, for the user

    def keep(self, where: str, stat: tuple[int, int], anchor: Anchor, now: float) -> None:
        """Keep ``anchor`` for the file ``where`` as ``stat`` (size, mtime) describes it."""
        entry = {"path": where, "size": stat[0], "mtime": stat[1], "kept_at": now}
        entry["anchor"] = anchor.to_dict()
        self._change(lambda places: places.__setitem__(where, entry), now)

    def find(self, where: str, stat: tuple[int, int] | None) -> Anchor | None:
        """The place kept for the file ``where``, if the file is still as it was."""
        loaded = read_toml(self.path)
        if loaded.notice:
            self.notices.append(loaded.notice)
        entry = loaded.data.get(where)
        if stat is None or not isinstance(entry, dict):
            return None
        if (entry.get("size"), entry.get("mtime")) != stat:
            return None
        try:
            return Anchor.from_dict(entry["anchor"])
        except (KeyError, TypeError, ValueError):
            return None

    def drop(self, where: str) -> None:
        """Forget the place kept for ``where`` (the book has joined the library)."""
        if self.path.exists() and where in read_toml(self.path).data:
            self._change(lambda places: places.pop(where, None), time.time())

    def _change(self, change: Callable[[dict[str, Any]], object], now: float) -> None:
        with locked(self.data_dir):
            loaded = read_toml(self.path)
            if loaded.notice:
                self.notices.append(loaded.notice)
            if not loaded.writable:
                return
            places = {
                where: entry
                for where, entry in loaded.data.items()
                if isinstance(entry, dict)
                and now - float(entry.get("kept_at", 0)) < KEPT_DAYS * 86400
            }
            change(places)
            newest = sorted(places.items(), key=lambda item: -float(item[1].get("kept_at", 0)))
            previous = self.path.read_bytes() if loaded.digest is not None else None
            save_toml(self.path, dict(newest[:MOST_KEPT]), previous)
