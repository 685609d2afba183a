"""vim's file marks: a capital letter for each book, kept in library.toml.

Each capital letter names one book, and the letters are merged with another process's letters
(the place itself is a bookmark of that book).
"""

from __future__ import annotations

from typing import Any


class FileMarks:
    """Which book each capital mark is in; the letters set here since the last save win over
    what another process wrote."""

    def __init__(self) -> None:
        self.books: dict[str, str] = {}
        self._set_here: set[str] = set()

    def set(self, letter: str, book_id: str) -> str | None:
        """Name ``letter`` a place in ``book_id``; the book it named before, if another."""
        before = self.books.get(letter)
        self.books[letter] = book_id
        self._set_here.add(letter)
        return before if before != book_id else None

    def book_of(self, letter: str) -> str | None:
        return self.books.get(letter)

    def take_in(self, data: Any, *, theirs: bool) -> None:
        """The letters read from library.toml (``theirs``: written by another process)."""
        for letter, book_id in data.items() if isinstance(data, dict) else ():
            if isinstance(book_id, str) and not (theirs and letter in self._set_here):
                self.books[letter] = book_id

    def saved(self) -> None:
        """The letters set here are written: from now on another process's may replace them."""
        self._set_here.clear()

    def to_toml(self) -> dict[str, str]:
        return dict(sorted(self.books.items()))
