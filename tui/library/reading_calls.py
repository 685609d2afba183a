"""The reading log's calls on the library (places, bookmarks, jumps), each under its lock."""

from __future__ import annotations

import threading
from collections.abc import Callable

from tui.book.anchor import Anchor, Bookmark
from tui.library.book_table import BookTable
from tui.library.reading_log import ReadingLog
from tui.library.store.details import Details


class ReadingLogCalls:
    """Mixed into `Library`: what a reader asks of the reading log, under the library's lock
    (the log itself keeps places, bookmarks and statistics)."""

    lock: threading.RLock
    table: BookTable
    log: ReadingLog
    clock: Callable[[], float]

    def position(self, book_id: str) -> Anchor | None:
        record = self.table.get(book_id)
        return record.position if record is not None else None

    def put_away(self, book_id: str) -> None:
        """The book left the screen (for the library, another book, the shell): its reading
        time stops until `take_up`."""
        with self.lock:
            self.log.put_away(book_id)

    def take_up(self, book_id: str) -> None:
        """The book is on screen again after `put_away`: its reading time goes on."""
        with self.lock:
            self.log.take_up(book_id)

    def set_position(
        self,
        book_id: str,
        anchor: Anchor,
        *,
        at_end: bool = False,
        moved: bool = True,
        glanced: bool = False,
        new_read: bool = True,
        reached_at: float | None = None,
        place: tuple[str, int] = ("", 0),
    ) -> None:
        """Store the reader's place; ``at_end``: the end of the book is on screen there;
        ``moved``: the reader moved from where the book opened (it is being read);
        ``glanced``: a glance at the end went there (the book is not finished by it);
        ``new_read``: False while new chapters there are only glimpsed (still to read);
        ``reached_at``: when the reader moved there by reading (None: only saved again, as
        by a window that opened the book there; the place keeps the time it was read to);
        ``place``: the title and number of the chapter it is in, for the library to show."""
        with self.lock:
            record = self.table.get(book_id)
            if record is not None:
                self.log.record_place(
                    record,
                    anchor,
                    at_end=at_end,
                    moved=moved,
                    glanced=glanced,
                    new_read=new_read,
                    reached_at=reached_at,
                    place=place,
                )
                self.table.mark_dirty(record)

    def details(self, book_id: str) -> Details:
        """Bookmarks, sessions and chapter titles of one book (read from disk once)."""
        with self.lock:
            return self.log.details(book_id)

    def take_in_details(self, book_id: str) -> bool:
        """Take in the bookmarks and marks another chapbook saved for the book since this one
        read or wrote them (one small file read). True when any came in."""
        with self.lock:
            return self.log.take_in(book_id)

    def bookmarks(self, book_id: str) -> list[Bookmark]:
        with self.lock:
            return self.log.bookmarks(book_id)

    def add_bookmark(self, book_id: str, bookmark: Bookmark) -> None:
        with self.lock:
            self.log.add_bookmark(book_id, bookmark)

    def jumps(self, book_id: str) -> list[Anchor]:
        """The book's jump list as the reader last left it, oldest first."""
        with self.lock:
            return self.log.jumps(book_id)

    def keep_jumps(self, book_id: str, jumps: list[Anchor]) -> None:
        """Keep the book's jump list (written with the next save)."""
        with self.lock:
            self.log.keep_jumps(book_id, jumps, self.clock())

    def remove_bookmark(self, book_id: str, bookmark: Bookmark) -> None:
        with self.lock:
            self.log.remove_bookmark(book_id, bookmark)
