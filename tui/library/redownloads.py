"""A new file holding a story the library has, downloaded again under another name.

Such as `Story (1).html` or `Story-1.epub`: which book that is, and whether the file is newer
than the one the book is read from.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Protocol

from tui.book.formats import book_format
from tui.book.model import Book
from tui.library.book_table import BookTable
from tui.library.records import BookRecord, KeptCopy
from tui.library.same_work import (
    JUDGED_FROM,
    holds_the_story,
    paragraph_sample,
    story_keys,
    work_of,
)
from tui.library.scan import FileFacts, stat_key


class Remembered(Protocol):
    """What is remembered of a book's text (the reading log's)."""

    def known_fingerprints(self, record: BookRecord) -> list[str]: ...

    def keep_sample(self, record: BookRecord, sample: list[str]) -> None: ...


class Redownloads:
    """Tells which book a new file holds the story of, and joins the file to it: the book is
    read from the newer file, with its place, bookmarks and history; the other file is kept
    as a copy, not listed. Sameness comes from what the files hold, never from their names:
    the same AO3 or FanFiction.net work (another work named is never the same), else the same
    title and author and the paragraphs remembered of the book found in the new file."""

    def __init__(self, table: BookTable, remembered: Remembered, lock: threading.RLock) -> None:
        self.table = table
        self.remembered = remembered
        self.lock = lock

    def candidates(self, facts: FileFacts) -> list[BookRecord]:
        """The books that may hold the new file's story: its work, or its title and author
        (hold the lock)."""
        if not facts.parsed or facts.error or not facts.words or not facts.hash:
            return []
        keys = story_keys(facts.work, facts.title, facts.author)
        if not keys:
            return []
        # A story downloaded again comes in the format it came in before; a `.txt` and an
        # `.epub` of one book are two editions a reader keeps apart, both listed.
        kind = book_format(facts.path).kind
        return [
            record
            for record in self.table.same_story(keys, facts.path)
            if book_format(record.path).kind == kind
        ]

    def prepare(self, facts: FileFacts, book: Book | None = None) -> Book | None:
        """What judging the file takes time for, done before the lock is taken: its text,
        when only text can tell (the two files do not both name their work), and that of the
        books it may be a copy of that have nothing of theirs remembered (never opened).
        Returns the file's book: ``book``, or the file parsed when its text is needed."""
        with self.lock:
            if self.table.find_by_path(facts.path) is not None:
                return book  # (a file of the library's: not new)
            by_text = [r for r in self.candidates(facts) if not (r.work and facts.work)]
            unread = [
                (record, record.path, record.size, record.mtime)
                for record in by_text
                if not record.missing
                and len(self.remembered.known_fingerprints(record)) < JUDGED_FROM
            ]
        if not by_text:
            return book
        if book is None:
            book = _parsed(facts.path)
        for record, path, size, mtime in unread:
            if stat_key(path) != (size, mtime):
                continue  # (changed since it was read: its own scan comes first)
            theirs = _parsed(path)
            if theirs is None:
                continue
            with self.lock:
                if record.path == path and (record.size, record.mtime) == (size, mtime):
                    self.remembered.keep_sample(record, paragraph_sample(theirs))
                    if not record.work and (work := work_of(theirs)):
                        record.work = work
                        self.table.note_story(record)
                        self.table.mark_dirty(record)
        return book

    def judge(self, facts: FileFacts, book: Book | None) -> BookRecord | None:
        """The book whose story the new file holds, or None (hold the lock). Of several, the
        one read latest."""
        found: BookRecord | None = None
        for record in self.candidates(facts):
            if record.work and facts.work:
                same = record.work == facts.work
            elif book is None:
                same = False  # (no text to tell by)
            else:
                share = facts.length / record.length if record.length > 0 else 1.0
                same = holds_the_story(self.remembered.known_fingerprints(record), book, share)
            if same and (found is None or _reading(record) > _reading(found)):
                found = record
        return found

    @staticmethod
    def is_newer(facts: FileFacts, record: BookRecord) -> bool:
        """The new file is the one to read the story from: the book's file is gone, or the
        new one has more chapters, or as many, another text, and was written later. The same
        bytes again are never newer."""
        if record.missing or stat_key(record.path) is None:
            return True
        if facts.hash == record.hash:
            return False
        if facts.chapters != record.chapters:
            return facts.chapters > record.chapters
        return facts.mtime > record.mtime

    def link(self, record: BookRecord, facts: FileFacts) -> None:
        """The book is read from the new file from now on; the file it was read from is kept
        as a copy when it is still there (hold the lock). What the file brings (new chapters)
        is taken in as for a file changed in place."""
        table = self.table
        old = KeptCopy(record.path, record.size, record.mtime, record.chapters)
        # (a book set aside from its file, which holds another story now, keeps nothing of it)
        keep = not record.missing and stat_key(record.path) is not None
        table.drop_copy(facts.path)
        table.relink(record, facts.path)
        if keep:
            table.keep_copy(record, old)

    def keep(self, record: BookRecord, facts: FileFacts) -> None:
        """The new file is an older copy of the book's story, or the same text: kept, not
        listed (hold the lock)."""
        copy = KeptCopy(facts.path, facts.size, facts.mtime, facts.chapters)
        self.table.keep_copy(record, copy)


def _reading(record: BookRecord) -> tuple[bool, float]:
    """Which of several books of one story is the one being read: opened, then latest."""
    return record.offset >= 0, record.last_read


def _parsed(path: str) -> Book | None:
    from tui.book.formats import open_book

    try:
        return open_book(Path(path))
    except Exception:  # (unreadable now: nothing is told by it)
        return None
