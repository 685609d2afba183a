"""Keeping the index true to the files.

Files new, changed, updated (+N chapters), missing, moved, or downloaded again under another
name.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from tui.book.model import Book
from tui.library.book_table import BookTable
from tui.library.folders import walk_books
from tui.library.records import BookRecord
from tui.library.redownloads import Redownloads
from tui.library.same_work import different_by_metadata, different_by_text
from tui.library.scan import (
    FileFacts,
    Progress,
    read_facts,
    scan_files,
    stat_key,
)


class ChapterLog(Protocol):
    """What the sync asks of the reading log: chapters added to a book read, and whether a
    book carries the reader's marks."""

    def note_new_chapters(self, record: BookRecord, facts: FileFacts) -> None: ...

    def has_bookmarks(self, book_id: str) -> bool: ...

    def known_fingerprints(self, record: BookRecord) -> list[str]: ...

    def keep_sample(self, record: BookRecord, sample: list[str]) -> None: ...


@dataclass(frozen=True, slots=True)
class ScanChanges:
    """What a check of the library's files changed, by kind."""

    went_missing: int = 0
    found: int = 0  # missing books found again at a new path
    updated: int = 0  # files changed since they were read
    added: int = 0  # new files in the library's folders
    linked: int = 0  # books now read from a newer copy of their story (downloaded again)

    @property
    def total(self) -> int:
        return self.went_missing + self.found + self.updated + self.added + self.linked


# How many new files beside missing books a check at start-up reads to find them downloaded
# again (the newest first): enough for a download or two, never a whole new folder's worth.
REDOWNLOAD_LOOKS = 12


class FileSync:
    """Brings the files' news into a `BookTable`; every change holds the library's lock."""

    def __init__(
        self,
        table: BookTable,
        chapters: ChapterLog,
        lock: threading.RLock,
        clock: Callable[[], float],
        joined: Callable[[BookRecord], None] | None = None,
    ) -> None:
        self.table = table
        self.chapters = chapters
        self.lock = lock
        self.clock = clock
        self.joined = joined  # told of each book new to the library, however it came
        self.copies = Redownloads(table, chapters, lock)
        # Files the user named that hold an older copy of a book's story, read as they are:
        # path -> that book's id (what the reader says of them)
        self.named_copies: dict[str, str] = {}
        # (path, why) of files a scan found not to be books; whoever shows them clears it
        self.skipped: list[tuple[str, str]] = []

    def prepare(self, facts: FileFacts, book: Book | None = None) -> Book | None:
        """Before `apply`, without the lock: the text a new file is judged by, when only its
        text can tell whether it holds a story the library has (see `Redownloads.prepare`)."""
        return self.copies.prepare(facts, book)

    def apply(
        self, facts: FileFacts, book: Book | None = None, *, by_name: bool = False
    ) -> BookRecord | None:
        """Update (or create) the record of the file a scan looked at (``book``: its parse,
        when the caller has it). A file that now holds another story gets a record of its
        own: the old one is set aside with its place and bookmarks. A new file that holds the
        story of a book already listed joins it (see `_join_story`); ``by_name``: the user
        named the file (opened or added it by its path). Hold the lock."""
        table = self.table
        record = table.find_by_path(facts.path)
        if facts.gone:
            table.drop_copy(facts.path)
            if record is not None and not record.missing:
                table.mark_missing(record.id)
            elif record is None and facts.error:  # (there, but it cannot be read)
                self.skipped.append((facts.path, facts.error))
            return record
        if record is None and facts.hash:
            record = table.missing_by_hash(facts.hash)
            if record is not None:
                table.relink(record, facts.path)
        linked = False
        if record is None:
            record, linked = self._join_story(facts, book, by_name)
            if record is not None and not linked:
                return record  # (kept as a copy of the story, not listed)
        if record is not None and not linked and record.hash != facts.hash:
            earlier = table.set_aside_with(facts.path, facts.hash)
            if earlier is not None:  # the story set aside is back (a download had cut it)
                self._take_back(earlier, record)
                record = earlier
        if record is not None and not linked and self._holds_another_work(record, facts, book):
            table.set_aside(record)
            record = None
        new = record is None
        if record is None:
            if not facts.parsed or facts.error:  # a file that is not a book is not added
                if facts.error:
                    self.skipped.append((facts.path, facts.error))
                return None
            record = table.new_record(facts.path)
        record.missing = False
        content_changed = bool(record.hash) and record.hash != facts.hash
        record.size, record.mtime, record.hash = facts.size, facts.mtime, facts.hash
        if facts.parsed:
            if content_changed and record.read_chapters >= 0 and not facts.error:
                self.chapters.note_new_chapters(record, facts)
            _copy_metadata(record, facts)
        record.changed = self.clock()
        table.note_hash(record)
        table.note_story(record)
        table.mark_dirty(record)
        if new and self.joined is not None:
            self.joined(record)
        return record

    def _join_story(
        self, facts: FileFacts, book: Book | None, by_name: bool
    ) -> tuple[BookRecord | None, bool]:
        """A file new to the library that holds the story of a book it lists (downloaded
        again under another name): when newer, the book is read from it from now on, with its
        place, bookmarks and history, and its new chapters marked as for a file changed in
        place (True); when not, the book keeps it as a copy, not listed (False). A file the
        user named that is not newer is read as it is, a book of its own (None), unless it is
        the same bytes: then the book is read from it."""
        if not facts.parsed or facts.error:
            return None, False
        self.table.drop_copy(facts.path)  # (a kept copy looked at again is judged afresh)
        record = self.copies.judge(facts, book)
        if record is None:
            return None, False
        if self.copies.is_newer(facts, record) or (by_name and facts.hash == record.hash):
            self.copies.link(record, facts)
            return record, True
        if by_name:
            self.named_copies[facts.path] = record.id
            return None, False
        self.copies.keep(record, facts)
        return record, False

    def _holds_another_work(self, record: BookRecord, facts: FileFacts, book: Book | None) -> bool:
        """The changed file of a book read (a place or bookmarks to lose) holds another story:
        its title and author both differ, or, without them, nearly none of the paragraphs
        remembered of the old file are in it."""
        if not record.hash or record.hash == facts.hash or not facts.parsed or facts.error:
            return False
        if not facts.words:  # no text (a download just begun) is no story at all
            return False
        if record.offset < 0 and not self.chapters.has_bookmarks(record.id):
            return False
        by_metadata = different_by_metadata(
            record.title, record.author, facts.title, facts.author, facts.path
        )
        if by_metadata is not None:
            return by_metadata
        if book is None:
            return False
        return different_by_text(self.chapters.known_fingerprints(record), book)

    def _take_back(self, earlier: BookRecord, holder: BookRecord) -> None:
        """``earlier`` was set aside when its file held another story (or a download cut
        short) and holds it again: it takes its path back from ``holder``, the book made for
        what was there meanwhile, which goes when it was only opened (else it is set aside in
        turn, with its own place and bookmarks). Hold the lock."""
        table = self.table
        if self._only_opened(holder):
            table.remove(holder.id)
        else:
            table.set_aside(holder)
        table.relink(earlier, holder.path)
        earlier.changed = self.clock()

    def _only_opened(self, record: BookRecord) -> bool:
        """Nothing was read or marked in the book: it can go without losing anything."""
        return record.only_opened and not self.chapters.has_bookmarks(record.id)

    def _rejoin_set_aside(self, record: BookRecord) -> bool:
        """A book set aside whose file, as last scanned for the book now at its path, holds
        it again (an earlier split left two books for one file, the second only opened): it
        takes the path back, and the second goes."""
        holder = self.table.find_by_path(record.path)
        if holder is None or not record.hash or holder.hash != record.hash:
            return False
        if not self._only_opened(holder):
            return False  # read in both: neither place is thrown away
        if stat_key(record.path) != (holder.size, holder.mtime):
            return False  # changed since: the scan of it decides
        with self.lock:
            self._take_back(record, holder)
            record.size, record.mtime = holder.size, holder.mtime
        return True

    def unknown_files(self, folders: Iterable[str]) -> list[str]:
        """Book files in the folders that the library does not list, does not keep as copies
        of a story it lists, and that were not removed."""
        table = self.table
        found: list[str] = []
        for folder in folders:
            for path in walk_books(Path(folder)):
                where = str(path)
                if (
                    table.find_by_path(where) is None
                    and table.copy_holder(where) is None
                    and not table.was_removed(where)
                ):
                    found.append(where)
        return found

    def _look_at_copies(self, record: BookRecord) -> list[str]:
        """The book's kept copies that are gone are forgotten; those written since they were
        kept are looked at again (returned): one may be the newest copy now."""
        again: list[str] = []
        for copy in record.older_copies:
            st = stat_key(copy.path)
            if st == (copy.size, copy.mtime):
                continue
            with self.lock:
                self.table.drop_copy(copy.path)
            if st is not None:
                again.append(copy.path)
        return again

    def check(
        self,
        folders: list[str],
        progress: Progress | None = None,
        *,
        add_new: bool = False,
        workers: int | None = None,
    ) -> ScanChanges:
        """Compare every book with its file; with ``add_new`` also add new files in the folders.

        Missing files are looked for in the folders by size, then content hash. Returns what
        changed. Runs in a worker: each change takes the lock briefly.
        """
        found = updated = added = 0
        went_missing: list[BookRecord] = []  # missing since this check, found again or not
        missing: list[BookRecord] = []
        changed: list[str] = []
        copies: list[str] = []  # kept copies written since: looked at again
        with self.lock:
            records = list(self.table)
        listed = {record.id for record in records}
        for record in records:
            copies += self._look_at_copies(record)
            if self.table.is_set_aside(record):  # its file holds another story now
                found += self._rejoin_set_aside(record)
                continue
            st = stat_key(record.path)
            if st is None:
                with self.lock:
                    if self.table.mark_missing(record.id):
                        went_missing.append(record)
                missing.append(record)
            elif record.missing or st != (record.size, record.mtime):
                changed.append(record.path)
        unknown = self.unknown_files(folders) if add_new or missing else []
        if missing and not add_new:
            # Only files of a missing book's size can be that book: hash just those.
            sizes = {r.size for r in missing}
            for path in unknown:
                st = stat_key(path)
                if st is not None and st[0] in sizes:
                    facts = read_facts(path, parse=False)
                    with self.lock:
                        if self.table.missing_by_hash(facts.hash) is not None:
                            self.apply(facts)
                            found += 1
        if missing and not add_new:
            found += self._find_downloaded_again(missing, unknown, folders)
        found += self._fold_duplicates(missing)
        known = set(changed)
        todo = changed + copies + (unknown if add_new else [])
        was_missing = {record.id for record in missing}
        linked = 0
        for facts in scan_files(list(dict.fromkeys(todo)), progress, workers):
            book = self.prepare(facts)
            with self.lock:
                joined = self.apply(facts, book)
            if joined is None:
                continue
            if joined.id in was_missing:  # (a new file that is a missing book, moved)
                found += 1
            elif facts.path in known:
                updated += 1
            elif joined.path != facts.path:
                continue  # (kept as a copy of a story listed: the list is as it was)
            elif joined.id in listed:
                linked += 1  # (read from this newer copy of its story from now on)
            else:
                added += 1
        # A book found at a new path in this same check is found, not missing.
        still_missing = sum(1 for record in went_missing if record.missing)
        return ScanChanges(still_missing, found, updated, added, linked)

    def _find_downloaded_again(
        self, missing: list[BookRecord], unknown: list[str], folders: list[str]
    ) -> int:
        """Missing books found again in a file of another text under another name in the
        library's folder each was in (`Dracula (1).txt` for a `dracula.txt` gone), as a rescan
        finds them: read from it, with place and bookmarks. Only the newest few new files there
        are read (`REDOWNLOAD_LOOKS`), and only what holds a missing book's story is taken in:
        the rest waits for a rescan, which adds new books."""
        with self.lock:
            lost = [Path(r.path) for r in missing if r.missing]
        if not lost:
            return 0
        where = [
            next((Path(f) for f in folders if path.is_relative_to(f)), path.parent) for path in lost
        ]
        beside = [path for path in unknown if any(Path(path).is_relative_to(w) for w in where)]
        beside.sort(key=lambda path: (stat_key(path) or (0, 0))[1], reverse=True)
        found = 0
        for path in beside[:REDOWNLOAD_LOOKS]:
            facts = read_facts(path)
            book = self.prepare(facts)
            with self.lock:
                if self.table.find_by_path(path) is not None:
                    continue  # (found by its bytes above: moved, not edited)
                story = self.copies.judge(facts, book)
                if story is None or not story.missing:
                    continue
                joined = self.apply(facts, book)
            if joined is not None and joined.id == story.id:
                found += 1
        return found

    def _fold_duplicates(self, missing: list[BookRecord]) -> int:
        """A missing book whose file was added again at its new path (as a fresh, unread row)
        takes over that path; the fresh row goes. The place, bookmarks and statistics stay."""
        folded = 0
        for record in missing:
            if not record.missing or not record.hash:
                continue
            with self.lock:
                twin = next(
                    (
                        r
                        for r in self.table
                        if r.hash == record.hash
                        and r.id != record.id
                        and not r.missing
                        and r.offset < 0
                        and not self.chapters.has_bookmarks(r.id)
                    ),
                    None,
                )
                if twin is None:
                    continue
                self.table.remove(twin.id)
                self.table.relink(record, twin.path)
                record.size, record.mtime, record.changed = twin.size, twin.mtime, self.clock()
                folded += 1
        return folded


def _copy_metadata(record: BookRecord, facts: FileFacts) -> None:
    """The fields a parse fills, from the scan into the record."""
    record.title, record.author, record.fandom = facts.title, facts.author, facts.fandom
    record.tags, record.words, record.chapters = facts.tags, facts.words, facts.chapters
    record.length, record.finish, record.error = facts.length, facts.finish, facts.error
    record.start, record.origin, record.work = facts.start, facts.origin, facts.work
