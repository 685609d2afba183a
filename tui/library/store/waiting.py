"""Places read in a book before it joined the library, kept until it joins.

Places left while the book was still being read, kept in `waiting-places.toml` until the book
joins the library.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tui.book.anchor import WRONG_SHAPE, Anchor
from tui.library.records import resolved
from tui.library.scan import stat_key
from tui.storage import StoreError, locked, number, read_toml, save_toml

WAITING_FILE = "waiting-places.toml"
KEPT_DAYS = 30  # a place whose book was never opened again is dropped after this long
MOST_KEPT = 64  # ... and the oldest go first past this many


class WaitingPlaces:
    """Places by file path, each valid for the file as it was (its size and mtime).

    ``notices`` is the list the user is told from (the library's): a damaged file moved
    aside, a place that could not be kept."""

    def __init__(self, data_dir: Path, notices: list[str]) -> None:
        self.data_dir = data_dir
        self.path = data_dir / WAITING_FILE
        self.notices = notices

    def keep_place(self, path: Path | str, anchor: Anchor, now: float) -> None:
        """Keep ``anchor`` for the book file ``path`` as it is now. Never raises."""
        where = resolved(path)
        stat = stat_key(where)
        if stat is None:
            return
        entry = {"path": where, "size": stat[0], "mtime": stat[1], "kept_at": now}
        entry["anchor"] = anchor.to_dict()
        try:
            self._change(lambda places: places.__setitem__(where, entry), now)
        except (StoreError, OSError) as err:
            self.notices.append(f"Your place in {path} could not be kept: {err}")

    def place_for(self, path: Path | str) -> Anchor | None:
        """The place kept for the book file ``path``, if the file is as it was then."""
        where = resolved(path)
        stat = stat_key(where)
        if stat is None:
            return None
        loaded = read_toml(self.path)
        if loaded.notice:
            self.notices.append(loaded.notice)
        entry = loaded.data.get(where)
        if not isinstance(entry, dict):
            return None
        if (entry.get("size"), entry.get("mtime")) != stat:
            return None
        try:
            return Anchor.from_dict(entry["anchor"])
        except WRONG_SHAPE:
            return None  # (an anchor of the wrong shape: a hand edit)

    def take_place(self, where: str) -> Anchor | None:
        """The place kept for ``where`` (a book joining the library), forgotten from now on."""
        anchor = self.place_for(where)
        if anchor is not None:
            # (when it cannot be forgotten now, the next time the book is added takes it again)
            with contextlib.suppress(StoreError, OSError):
                self._change(lambda places: places.pop(where, None), time.time())
        return anchor

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
                if isinstance(entry, dict) and now - _kept_at(entry) < KEPT_DAYS * 86400
            }
            change(places)
            newest = sorted(places.items(), key=lambda item: -_kept_at(item[1]))
            previous = self.path.read_bytes() if loaded.digest is not None else None
            save_toml(self.path, dict(newest[:MOST_KEPT]), previous)


def _kept_at(entry: dict[str, Any]) -> float:
    """When a place was kept; 0 (long ago) for a time of the wrong type (a hand edit), which
    ended chapbook as it kept the next place."""
    return number(entry.get("kept_at", 0))
