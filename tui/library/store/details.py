"""Per-book detail kept out of the startup index: bookmarks, reading sessions, outline cache.

Each book that has any gets ``books/<id>.toml``.
They are read only when a book is opened or highlighted, so a big library starts fast.
"""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tui.book.anchor import WRONG_SHAPE, Anchor, Bookmark
from tui.storage import (
    MergedFiles,
    digest_of,
    number,
    parse_raw,
    read_raw,
    read_toml,
    save_toml,
)

SESSION_GAP = 15 * 60  # seconds without a position change that end a reading session
IDLE_CAP = 5 * 60  # at most this much time is counted between two position changes


@dataclass(frozen=True)
class Session:
    """A reading session going on in this process: its name, last position change, offset,
    and when its book left the screen, while it is away (that time is not reading)."""

    name: str
    last: float
    offset: int
    away: float | None = None


@dataclass
class Details:
    """Detail of one book."""

    bookmarks: list[Bookmark] = field(default_factory=list)
    removed_marks: set[float] = field(default_factory=set)  # `created` of removed bookmarks
    # session id -> {"start": epoch, "seconds": time spent, "chars": characters advanced}
    sessions: dict[str, dict[str, float]] = field(default_factory=dict)
    read_titles: list[str] = field(default_factory=list)  # chapter titles when last read
    titles_at: float = 0.0  # when read_titles was taken: the newer list wins a merge
    pending_titles: list[str] = field(default_factory=list)  # titles of an unread update
    # Fingerprints of paragraphs spread over the file when last opened: whether a changed
    # file still holds this story (`same_work`).
    sample: list[str] = field(default_factory=list)
    # The jump list as the reader last left it (oldest first), for ctrl+o after a restart, as
    # vim keeps it; when it was kept: the newer list wins a merge.
    jumps: list[Anchor] = field(default_factory=list)
    jumps_at: float = 0.0

    @property
    def seconds(self) -> float:
        return sum(s.get("seconds", 0.0) for s in self.sessions.values())

    @property
    def chars(self) -> int:
        return int(sum(s.get("chars", 0) for s in self.sessions.values()))

    def to_toml(self) -> dict[str, Any]:
        data: dict[str, Any] = {}
        if self.read_titles:
            data["read_titles"] = self.read_titles
            data["titles_at"] = self.titles_at
        if self.pending_titles:
            data["pending_titles"] = self.pending_titles
        if self.sample:
            data["sample"] = self.sample
        if self.removed_marks:
            data["removed_bookmarks"] = sorted(self.removed_marks)
        if self.bookmarks:
            data["bookmarks"] = [b.to_dict() for b in self.bookmarks]
        if self.sessions:
            data["sessions"] = dict(sorted(self.sessions.items()))
        if self.jumps:
            data["jumps"] = [anchor.to_dict() for anchor in self.jumps]
            data["jumps_at"] = self.jumps_at
        return data

    @classmethod
    def from_toml(cls, data: dict[str, Any]) -> Details:
        details = cls()
        titles = data.get("read_titles")
        if isinstance(titles, list):
            details.read_titles = [str(t) for t in titles]
            details.titles_at = number(data.get("titles_at"))
        pending = data.get("pending_titles")
        if isinstance(pending, list):
            details.pending_titles = [str(t) for t in pending]
        sample = data.get("sample")
        if isinstance(sample, list):
            details.sample = [str(mark) for mark in sample]
        removed = data.get("removed_bookmarks")
        if isinstance(removed, list):
            details.removed_marks = {number(x) for x in removed}
        # An entry of the wrong shape is left out, never the reason a book does not open.
        for item in _tables(data.get("bookmarks")):
            with contextlib.suppress(*WRONG_SHAPE):
                details.bookmarks.append(Bookmark.from_dict(item))
        details.one_place_a_mark()  # (a file written before marks were kept one a letter)
        for item in _tables(data.get("jumps")):
            with contextlib.suppress(*WRONG_SHAPE):
                details.jumps.append(Anchor.from_dict(item))
        details.jumps_at = number(data.get("jumps_at"))
        sessions = data.get("sessions")
        if isinstance(sessions, dict):
            for sid, session in sessions.items():
                if isinstance(session, dict):
                    details.sessions[str(sid)] = {
                        k: number(session.get(k)) for k in ("start", "seconds", "chars")
                    }
        return details

    def one_place_a_mark(self) -> None:
        """A mark letter names one place, as in vim: of two marks of a letter (set in two
        windows, each unaware of the other's), the one set last stays, and the other is taken
        as removed, so that no later merge brings it back. Both were kept, and ' then the
        letter went to whichever came first in the book."""
        last: dict[str, Bookmark] = {}
        for bookmark in self.bookmarks:
            kept = last.get(bookmark.mark)
            if bookmark.mark and (kept is None or bookmark.created > kept.created):
                last[bookmark.mark] = bookmark
        older = {b.created for b in self.bookmarks if b.mark and last[b.mark] is not b}
        if older:
            self.removed_marks |= older
            self.bookmarks = [b for b in self.bookmarks if b.created not in older]

    def count(self, previous: Session | None, anchor: Anchor) -> Session:
        """Add a position change to the reading sessions; returns the session it went to."""
        now = anchor.saved_at
        if previous is None or now - previous.last > SESSION_GAP or now < previous.last:
            name = f"{os.getpid():x}-{int(now)}"
            self.sessions[name] = {"start": now, "seconds": 0.0, "chars": 0}
            return Session(name, now, anchor.offset)
        stats = self.sessions.setdefault(previous.name, {"start": previous.last, "seconds": 0.0})
        # A book put away (left for the library, another book, the shell) read until then.
        until = now if previous.away is None else min(now, previous.away)
        spent = min(max(0.0, until - previous.last), IDLE_CAP)
        stats["seconds"] = stats.get("seconds", 0.0) + spent
        stats["chars"] = int(stats.get("chars", 0)) + max(0, anchor.offset - previous.offset)
        return Session(previous.name, max(previous.last, until), anchor.offset, previous.away)

    def merge(self, theirs: Details) -> None:
        """Take in another process's copy: unions, minus what either side removed, and one
        place to each mark letter."""
        self.removed_marks |= theirs.removed_marks
        known = {b.created for b in self.bookmarks}
        self.bookmarks += [b for b in theirs.bookmarks if b.created not in known]
        self.one_place_a_mark()
        self.bookmarks = sorted(
            (b for b in self.bookmarks if b.created not in self.removed_marks),
            key=lambda b: b.anchor.offset,
        )
        for sid, session in theirs.sessions.items():
            mine = self.sessions.get(sid)
            if mine is None or session.get("seconds", 0) > mine.get("seconds", 0):
                self.sessions[sid] = session
        if theirs.titles_at > self.titles_at:
            self.read_titles, self.titles_at = theirs.read_titles, theirs.titles_at
        if theirs.jumps_at > self.jumps_at:
            self.jumps, self.jumps_at = theirs.jumps, theirs.jumps_at
        self.pending_titles = self.pending_titles or theirs.pending_titles
        self.sample = self.sample or theirs.sample


def _tables(value: object) -> list[dict[str, Any]]:
    """The tables of a list read from a detail file (none when it is no list)."""
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


class DetailStore(MergedFiles):
    """Loads detail files on demand and writes back the changed ones."""

    def __init__(self, data_dir: Path) -> None:
        super().__init__()
        self.directory = data_dir / "books"
        self.loaded: dict[str, Details] = {}
        self.dirty: set[str] = set()

    def path(self, book_id: str) -> Path:
        return self.directory / f"{book_id}.toml"

    def get(self, book_id: str) -> Details:
        details = self.loaded.get(book_id)
        if details is None:
            loaded = read_toml(self.path(book_id))
            self.note(book_id, loaded)
            details = self.loaded[book_id] = Details.from_toml(loaded.data)
        return details

    def take_in(self, book_id: str) -> bool:
        """Merge in the book's detail file as another process saved it since this one read or
        wrote it (its bookmarks and marks, deletions too); what this one has not saved yet is
        kept, and written with the next save. True when it had changed."""
        mine = self.loaded.get(book_id)
        if mine is None:  # (not read yet: it is read as it is when first asked for)
            return False
        try:
            raw = read_raw(self.path(book_id))
        except OSError:
            return False
        if raw is None or digest_of(raw) == self.digests.get(book_id):
            return False
        theirs = parse_raw(raw)
        if theirs is None:  # (damaged: the next save moves it aside)
            return False
        mine.merge(Details.from_toml(theirs))
        self.digests[book_id] = digest_of(raw)
        return True

    def save(self) -> None:
        """Write every changed detail file, merging another process's changes (hold the lock)."""
        # (taken off the list before writing: a detail changed meanwhile, by a hang-up's
        # handler run between two steps of this, stays on it for the next save)
        todo = set(self.dirty)
        self.dirty.clear()
        try:
            for book_id in sorted(todo - self.unwritable):
                path = self.path(book_id)
                mine = self.loaded[book_id]
                on_disk = self.read_before_save(book_id, path, "was damaged")
                if on_disk is None:
                    continue
                previous, theirs = on_disk
                if theirs is not None:
                    mine.merge(Details.from_toml(theirs))
                self.digests[book_id] = save_toml(path, mine.to_toml(), previous)
        except BaseException:
            self.dirty |= todo
            raise

    def forget(self, book_id: str) -> None:
        """Drop a removed book's detail file (hold the lock)."""
        self.loaded.pop(book_id, None)
        self.dirty.discard(book_id)
        for extra in ("", ".bak", ".memo"):
            with contextlib.suppress(OSError):
                Path(str(self.path(book_id)) + extra).unlink()
