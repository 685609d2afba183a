"""The library index: books, positions and bookmarks, persisted to TOML (interim version)."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from tui.core.anchor import Anchor, Bookmark


@dataclass
class BookRecord:
    """What the library knows about one book."""

    id: str
    path: str
    title: str = ""
    author: str | None = None


@dataclass
class Library:
    """In-memory index of books, positions and bookmarks."""

    books: dict[str, BookRecord] = field(default_factory=dict)
    positions: dict[str, Anchor] = field(default_factory=dict)
    marks: dict[str, list[Bookmark]] = field(default_factory=dict)
    notices: list[str] = field(default_factory=list)

    @classmethod
    def open(cls, data_dir: Path | None = None) -> Library:
        return cls()

    def add_book(self, path: Path, book: object | None = None) -> BookRecord:
        resolved = str(Path(path).resolve())
        book_id = hashlib.blake2b(resolved.encode(), digest_size=8).hexdigest()
        record = self.books.setdefault(book_id, BookRecord(book_id, resolved))
        if book is not None:
            record.title = getattr(book, "title", "") or record.title
            record.author = getattr(book, "author", None)
        return record

    def add_paths(self, paths: Iterable[Path]) -> list[BookRecord]:
        found = []
        for path in paths:
            files = sorted(Path(path).rglob("*.txt")) if Path(path).is_dir() else [Path(path)]
            found.extend(self.add_book(f) for f in files)
        return found

    def find_by_path(self, path: Path) -> BookRecord | None:
        resolved = str(Path(path).resolve())
        return next((b for b in self.books.values() if b.path == resolved), None)

    def position(self, book_id: str) -> Anchor | None:
        return self.positions.get(book_id)

    def set_position(self, book_id: str, anchor: Anchor) -> None:
        self.positions[book_id] = anchor

    def bookmarks(self, book_id: str) -> list[Bookmark]:
        return list(self.marks.get(book_id, []))

    def add_bookmark(self, book_id: str, bookmark: Bookmark) -> None:
        self.marks.setdefault(book_id, []).append(bookmark)

    def remove_bookmark(self, book_id: str, bookmark: Bookmark) -> None:
        self.marks[book_id] = [b for b in self.marks.get(book_id, []) if b != bookmark]

    def save(self) -> None:
        """Persist the index (the full version writes TOML atomically under a lock)."""
