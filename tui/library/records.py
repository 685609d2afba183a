"""One book's entry in the library index: its fields, TOML form, merge rule and reading status."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

from tui.book.anchor import Anchor

# A position within this many characters of the story's last paragraph counts as finished
# (at most a fiftieth of a short book, a few lines of a poem): the reader anchors the top of
# the screen, so "at the end" means the end is on screen. (A tenth made a 3,000-word poem
# finished at 90%, a page before its end.)
FINISH_SLACK = 3000
FINISH_SHARE = 50

STATUS_NEW = "new"
STATUS_READING = "reading"
STATUS_FINISHED = "finished"


@dataclass(frozen=True, slots=True)
class KeptCopy:
    """A file that holds a book's story again, kept on disk but not listed: an older copy (the
    story before its last chapters were posted) or the same text, found beside the file the
    library reads. Its size and mtime as then: a copy written since is looked at again."""

    path: str
    size: int = 0
    mtime: int = 0
    chapters: int = 0

    def to_toml(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "size": self.size,
            "mtime": self.mtime,
            "chapters": self.chapters,
        }

    @classmethod
    def from_toml(cls, data: object) -> KeptCopy | None:
        if not isinstance(data, dict) or type(data.get("path")) is not str or not data["path"]:
            return None
        numbers = [data.get(name) for name in ("size", "mtime", "chapters")]
        return cls(data["path"], *(n if type(n) is int else 0 for n in numbers))


def book_id_for(path: str) -> str:
    """A stable id from the path the book was first added from (kept when the file moves)."""
    return hashlib.blake2b(path.encode("utf-8", "surrogateescape"), digest_size=8).hexdigest()


def resolved(path: Path | str) -> str:
    return str(Path(path).expanduser().resolve())


@dataclass(slots=True)
class BookRecord:
    """What the library knows about one book, without opening it."""

    id: str
    path: str
    title: str = ""
    author: str | None = None
    fandom: str = ""
    tags: str = ""  # comma-separated (AO3 tags never hold commas): characters, tags ...
    words: int = 0
    chapters: int = 0
    length: int = 0  # characters of the story (end matter aside): progress = offset / length
    start: int = 0  # offset of the story's first line (front matter aside)
    finish: int = 0  # offset of the story's last paragraph
    origin: int = 0  # offset the percentage read counts from, as the reader's (the title page)
    size: int = 0  # file size, mtime (ns) and content hash when last scanned
    mtime: int = 0
    hash: str = ""
    added: float = 0.0
    changed: float = 0.0  # when these fields last changed: the newer copy wins a merge
    last_read: float = 0.0  # when the position was saved (the anchor's saved_at)
    # When a reader moved to the position by reading (a move of its own: a page turned, a
    # jump; 0: never, the book only opened). Saving it again without moving (a window that
    # only opened the book there, or took it up from another window) keeps this time: it
    # tells reading on from saving again.
    reached_at: float = 0.0
    offset: int = -1  # reading position, -1 when the book was never opened
    fingerprint: str = ""
    within: int = 0  # the anchor's distance into its paragraph
    sketch: str = ""  # the anchor's sketch of its paragraph's words (found again once edited)
    ended: bool = False  # the reader had the end of the book on screen at that position
    # The place is where a glance at the end went (`G` from the middle), not read to: the
    # book is still being read however near its end the place is (at 100% with the end on
    # screen there, as the status line said).
    glanced: bool = False
    # The reader moved from where the book opened it (false: only opened, so still new).
    started: bool = True
    # What holds the place, as the reader's status line names it (`Chapter 4: The Oath`, `Title
    # page`; "": not known), and that chapter's number (0: front or end matter, or not known).
    place_title: str = ""
    place_chapter: int = 0
    read_chapters: int = -1  # chapters the book had when last read (-1: never read)
    new_chapters: int = 0  # chapters added since then (0: not updated)
    new_title: str = ""  # the first new chapter's title and offset
    new_offset: int = -1
    missing: bool = False
    error: str = ""  # why the file could not be read as a book, if it could not
    work: str = ""  # the AO3 or FanFiction.net work the file names (`same_work.work_of`)
    # Files holding this story again that are not listed: older copies (downloaded before the
    # file read now) or the same text again (`redownloads`).
    older_copies: tuple[KeptCopy, ...] = ()

    # -- reading state -------------------------------------------------------------------
    @property
    def status(self) -> str:
        """New, reading or finished. A book never opened is new; once opened it is being read,
        as the percentage read says (`0%` on its first page: its title page and summary were
        read). A book without text is never finished: its end is on screen as soon as it
        opens, with nothing read."""
        if self.offset < 0:
            return STATUS_NEW
        if not self.length:
            return STATUS_READING
        if self.glanced:  # (the end on screen or not: looked at, not read to)
            return STATUS_READING
        if self.ended:
            return STATUS_FINISHED
        if self.new_chapters > 0 and 0 <= self.offset < self.new_offset:
            return STATUS_READING  # (however short the chapters posted since)
        slack = min(FINISH_SLACK, self.length // FINISH_SHARE)
        # (a last paragraph longer than a screen, a book of one long line, is read to near
        # its end, not its start: half way through a 20 MB line the book was "finished")
        end = max(self.finish, self.length - FINISH_SLACK)
        if self.offset >= max(0, end - slack):
            return STATUS_FINISHED
        return STATUS_READING

    @property
    def only_opened(self) -> bool:
        """Never opened, or opened and never moved from where it opened (its title page):
        nothing in it was read on from, so another copy of it may take its place."""
        if self.offset < 0:
            return True
        return bool(self.length and not self.ended and self.words and not self.started)

    @property
    def progress(self) -> float:
        """Fraction read, 0.0 to 1.0: what the reader's status line shows for the position
        (the top of the screen's offset in the text, or 1.0 with the end on screen)."""
        if self.offset < 0 or not self.length:
            return 0.0
        if self.ended or self.status == STATUS_FINISHED:  # (the end was on screen)
            return 1.0
        # (from where the status line counts, past Project Gutenberg's header: the figures
        # in the library and on the status line agree)
        origin = self._origin()
        return min(1.0, max(0, self.offset - origin) / (self.length - origin))

    def _read_by_place(self) -> bool:
        """For a place kept before chapbook noted whether the reader moved: whether it is past
        the title page and front matter, at the story's first line or beyond."""
        place = self.offset + self.within
        return place >= self.start and place > self._origin()

    def _origin(self) -> int:
        """Where the book opens when first read and the percentage read counts from."""
        return self.origin if 0 < self.origin < self.length else 0

    @property
    def updated(self) -> bool:
        return self.new_chapters > 0

    @property
    def position(self) -> Anchor | None:
        if self.offset < 0:
            return None
        return Anchor(self.offset, self.fingerprint, self.last_read, self.within, self.sketch)

    @property
    def name(self) -> str:
        """The file name: shown when the book has no title."""
        return Path(self.path).name

    @property
    def display_title(self) -> str:
        return self.title or Path(self.path).stem

    def tag_list(self) -> list[str]:
        return [t.strip() for t in self.tags.split(",") if t.strip()]

    def copy(self) -> BookRecord:
        return replace(self)

    # -- TOML form -----------------------------------------------------------------------
    def to_toml(self) -> dict[str, Any]:
        """The fields that differ from their defaults (keeps the index small to parse)."""
        out: dict[str, Any] = {"path": self.path}
        for name, default in _DEFAULTS.items():
            value = getattr(self, name)
            if value != default and value is not None:
                out[name] = value
        if self.older_copies:
            out["older_copies"] = [copy.to_toml() for copy in self.older_copies]
        if self.offset >= 0:
            out["started"] = self.started  # (even when false: see from_toml)
            out["reached_at"] = self.reached_at  # (even when 0)
        return out

    @classmethod
    def from_toml(cls, book_id: str, data: dict[str, Any]) -> BookRecord | None:
        """A record from its TOML table; None when it has no usable path.

        Values of the wrong type (a hand edit gone wrong) are ignored, field by field.
        """
        path = data.get("path")
        if type(path) is not str or not path:
            return None
        record = cls(book_id, path)
        copies = data.get("older_copies")
        if isinstance(copies, list):
            kept = (KeptCopy.from_toml(item) for item in copies)
            record.older_copies = tuple(copy for copy in kept if copy is not None)
        for name, value in data.items():
            kind = _TYPES.get(name)
            if kind is None:
                continue
            if kind is float and type(value) in (int, float):
                if _is_a_time(value):  # (the float fields are times: `inf` is none)
                    setattr(record, name, float(value))
            elif type(value) is kind:  # `type is`, so a bool is not taken for an int
                setattr(record, name, value)
        if record.offset >= 0 and type(data.get("started")) is not bool:
            record.started = record._read_by_place()  # kept before it was noted
        if record.offset >= 0 and "reached_at" not in data:
            record.reached_at = record.last_read  # (kept before it was noted: read when saved)
        return record


def _is_a_time(value: float) -> bool:
    """A time in seconds since 1970 that a date can be made of (before the year 5000): `inf`
    or 1e18, typed by hand, ended `chapbook list --json` with an OverflowError."""
    return 0 <= value < 95_000_000_000


_DEFAULTS: dict[str, Any] = {
    f.name: f.default for f in fields(BookRecord) if f.name not in ("id", "path", "older_copies")
}
# The type each stored field must have (author may be absent: None is never stored).
_TYPES: dict[str, type] = {
    name: (str if name == "author" else type(default)) for name, default in _DEFAULTS.items()
}
# Metadata travels as one block in a merge; the position as another.
_POSITION_FIELDS = (
    "last_read",
    "reached_at",
    "offset",
    "fingerprint",
    "within",
    "sketch",
    "ended",
    "glanced",
    "started",
    "place_title",
    "place_chapter",
)


def merge_records(mine: BookRecord, theirs: BookRecord) -> BookRecord:
    """Merge two copies of one book: newer metadata wins; the position read to last wins, so
    a place only saved again (a window that opened the book and did not move) does not put
    back one older than a place read on to meanwhile elsewhere (the later save, if as recent).
    A copy that moved the book to a newer file, keeping the other's file as an older copy,
    wins the metadata over one that never knew of it, whatever their times."""
    newer = mine if mine.changed >= theirs.changed else theirs
    mine_knows, theirs_knows = _keeps_copy(mine, theirs.path), _keeps_copy(theirs, mine.path)
    if mine_knows != theirs_knows:
        newer = mine if mine_knows else theirs
    merged = newer.copy()
    merged.added = min(mine.added or theirs.added, theirs.added or mine.added)
    reader = (
        mine
        if (mine.reached_at, mine.last_read) >= (theirs.reached_at, theirs.last_read)
        else theirs
    )
    for name in _POSITION_FIELDS:
        setattr(merged, name, getattr(reader, name))
    return merged


def _keeps_copy(record: BookRecord, path: str) -> bool:
    return path != record.path and any(copy.path == path for copy in record.older_copies)


def apply_tombstones(records: dict[str, BookRecord], removed: dict[str, float]) -> None:
    """Drop books removed after they were (last) added."""
    for book_id, when in removed.items():
        record = records.get(book_id)
        if record is not None and record.added <= when:
            del records[book_id]
