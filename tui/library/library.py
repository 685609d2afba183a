"""The library index: books, positions, bookmarks and reading statistics, persisted to TOML.

Everything lives in memory; :meth:`Library.save` writes what changed under a lock, merging
what another chapbook process wrote meanwhile. Files in the data directory:

- ``library.toml``: the folders added and whether the first run is done;
- ``index/<00-3f>.toml``: the books, read at startup (see :mod:`tui.library.store.index`);
- ``books/<id>.toml``: per-book detail, read on demand.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterable
from pathlib import Path

from tui import paths
from tui.book.anchor import Anchor, Bookmark
from tui.book.model import Book, BookError
from tui.library import adding, known_files
from tui.library.book_table import BookTable, Removal
from tui.library.catalog import SORT_KEYS
from tui.library.file_marks import FileMarks
from tui.library.reading_log import ReadingLog
from tui.library.records import BookRecord, resolved
from tui.library.removals import remove_book, restore_book
from tui.library.scan import FileFacts, Progress
from tui.library.store.details import Details
from tui.library.store.index import SHARDS, Index
from tui.library.store.meta import MetaFile
from tui.library.store.waiting import WaitingPlaces
from tui.library.sync import FileSync, ScanChanges
from tui.paths import file_in_the_way, in_the_way_text, shown_path
from tui.storage import StoreError, locked, remove_stale_temporaries

__all__ = ["BookRecord", "Library"]

NOT_SAVED = "The library could not be saved"


class Library:
    """In-memory index of books, positions and bookmarks; safe to use from a worker thread.

    It owns three parts and holds one lock around all of them: the `BookTable` (the books),
    the `ReadingLog` (places, bookmarks, statistics) and the `FileSync` (keeping the table
    true to the files). It saves them, merged with what other chapbook processes wrote.
    """

    def __init__(self, data_dir: Path | None = None, *, clock: Callable[[], float] = time.time):
        self.data_dir = Path(data_dir) if data_dir is not None else paths.data_dir()
        self.clock = clock  # "now" for timestamps and for "last read 2h ago"
        self.notices: list[str] = []
        self.folders: list[str] = []
        # Folders whose adding began and has not ended (chapbook quit, or was killed, part-way):
        # kept in library.toml from the start, so that the next start finishes the job.
        self.unfinished: list[str] = []
        self.unkept: list[str] = []  # folders the last add found no books in and did not keep
        # Files in the folders the last add was given whose books were removed before: left
        # out, and said so.
        self.left_out: list[str] = []
        # (path, why) of the files in the folders added last that are no books (`notes.md`)
        self.passed_over: list[tuple[str, str]] = []
        self.first_run_done = False
        # The key last chosen with `s` and whether it was reversed ("": never chosen). The key
        # itself is the setting `[library] sort`; this only says which way round it goes.
        self.sort_key = ""
        self.sort_reverse = False
        self.file_marks = FileMarks()  # vim's: a capital letter names a place in one book
        self.queued: list[Path] = []  # paths given on the command line, added by the screen
        self.lock = threading.RLock()  # guards every change; held by save()
        self.table = BookTable(clock)
        self.log = ReadingLog(self.data_dir, clock)
        self.sync = FileSync(self.table, self.log, self.lock, clock, self._take_waiting_place)
        self._index = Index(self.data_dir)
        self._meta = MetaFile(self.data_dir / "library.toml")
        self.waiting = WaitingPlaces(self.data_dir, self.notices)
        # Why nothing can be saved (a file where the data folder should be: said once, at
        # the start), and why the last save wrote nothing; None when it did.
        self.unsaveable: str | None = None
        self.not_saved: str | None = None
        self._saving = False  # a save is under way (on the thread holding ``lock``)
        self._save_again = False  # ... and was asked for again meanwhile

    # -- opening -----------------------------------------------------------------------------
    @classmethod
    def open(
        cls,
        data_dir: Path | None = None,
        *,
        sample: bool = True,
        clock: Callable[[], float] = time.time,
    ) -> Library:
        """Load the index (never raises); on the very first run add the bundled sample story."""
        library = cls(data_dir, clock=clock)
        library._load()
        if sample and not library.first_run_done:
            library._first_run()
        return library

    def _load(self) -> None:
        ways = (
            self.data_dir / "library.toml",
            self._index.path(SHARDS[0]),
            self.data_dir / "books" / "x",
        )
        blocking = next(filter(None, map(file_in_the_way, ways)), None)
        if blocking is not None:
            # (not one notice per state file, 66 of them, each "Not a directory")
            self.unsaveable = f"{shown_path(blocking)} is a file, not a folder"
            self.notices.append(
                f"{in_the_way_text(blocking, 'the library')}; until then nothing is saved."
            )
            return
        remove_stale_temporaries(self.data_dir)
        self._take_meta(self._meta.load(), theirs=False)
        self.table.replace(*self._index.load())
        self._collect_notices()

    def _take_meta(self, data: dict | None, *, theirs: bool = True) -> None:
        """Folders, first run and the order's direction from library.toml (``theirs``: merged)."""
        self.notices += self._meta.take_notices()
        if data is None:
            return
        if data.get("first_run_done") is True:
            self.first_run_done = True
        sort, reverse = data.get("sort"), data.get("sort_reverse")
        if isinstance(sort, str) and not (theirs and self._meta.sort_chosen):
            self.sort_key, self.sort_reverse = sort, reverse is True
        folders = data.get("folders")
        for folder in folders if isinstance(folders, list) else []:
            if str(folder) not in self.folders:
                self.folders.append(str(folder))
        self.file_marks.take_in(data.get("file_marks"), theirs=theirs)
        unfinished = data.get("unfinished")
        if not theirs and isinstance(unfinished, list):
            # (Only as loaded: in a merge this process's own list wins, so an add finished here
            # is not brought back by an older copy of the file.)
            self.unfinished = [str(f) for f in unfinished if str(f) in self.folders]
            self.queued = [Path(f) for f in self.unfinished]

    def set_sort(self, key: str, reverse: bool = False) -> None:
        """Remember which way round the list goes for ``key`` (the key itself is the setting
        `[library] sort`, saved in settings.toml)."""
        with self.lock:
            if (key, reverse) != (self.sort_key, self.sort_reverse):
                self.sort_key, self.sort_reverse = key, reverse
                self._meta.sort_chosen = True
                self._meta.dirty = True

    def set_file_mark(self, letter: str, book_id: str) -> str | None:
        """Name ``letter`` (A–Z) a place in ``book_id``; the book it named before, if another."""
        with self.lock:
            self._meta.dirty = True
            return self.file_marks.set(letter, book_id)

    def file_mark(self, letter: str) -> str | None:
        """The book whose place the capital ``letter`` names, if any."""
        return self.file_marks.book_of(letter)

    def sort_order(self, setting: str) -> tuple[str, bool]:
        """The list's order for the settings' key: reversed when it was last chosen so."""
        key = setting if setting in SORT_KEYS else "last_read"
        return key, self.sort_reverse and self.sort_key == key

    def meta_changed(self) -> None:
        """Something kept in library.toml changed: the next save writes it."""
        self._meta.dirty = True

    def _first_run(self) -> None:
        sample = paths.sample_story_path()
        if sample.is_file():
            try:
                self.add_book(sample)
            except BookError as err:
                self.notices.append(f"The sample story could not be added: {err}")
        self.first_run_done = True
        self._meta.dirty = True
        self.save()

    # -- other processes ------------------------------------------------------------------------
    def changed_on_disk(self) -> bool:
        """Another chapbook wrote to the index since this one read or wrote it (stats only)."""
        return self._meta.changed() or bool(self._index.changed_shards())

    def reload(self) -> bool:
        """Take in what other chapbook processes saved (books added, removed, read; folders).

        Cheap when nothing changed (a stat per file). True when anything new came in.
        """
        with self.lock:
            news = False
            if self._meta.changed():
                data = self._meta.read_theirs()
                news = data is not None
                self._take_meta(data)
            shards = self._index.changed_shards()
            if shards and self._index.take_in(shards, self.table.records, self.table.removed):
                self.table.reindex()
                news = True
            self._collect_notices()
            return news

    def _collect_notices(self) -> None:
        self.notices += self._index.notices + self.log.take_notices()
        self._index.notices.clear()

    # -- reading the index -----------------------------------------------------------------------
    def __len__(self) -> int:
        return len(self.table)

    @property
    def books(self) -> dict[str, BookRecord]:
        """A snapshot of every book by id."""
        with self.lock:
            return dict(self.table.records)

    def records(self) -> list[BookRecord]:
        with self.lock:
            return list(self.table)

    def get(self, book_id: str) -> BookRecord | None:
        return self.table.get(book_id)

    def find_by_path(self, path: Path | str) -> BookRecord | None:
        return self.table.find_by_path(resolved(path))

    def copies_of(self, record: BookRecord) -> list[BookRecord]:
        """Other books in the library with the same content (the same file added twice)."""
        with self.lock:
            return self.table.copies_of(record)

    def find_moved(self, path: Path | str) -> BookRecord | None:
        """The book at ``path``, relinking it first when it is a known book that was moved.

        Only files the size of a book whose file is gone are hashed, so opening a new file
        costs a stat, not a read.
        """
        return known_files.find_moved(self, path)

    # -- adding and removing ---------------------------------------------------------------------
    def add_book(self, path: Path | str, book: Book | None = None) -> BookRecord:
        """Add (or refresh) one book; ``book`` is its parse when the caller already has it. A
        newer copy of a story the library has is that book, read from it from now on (see
        `FileSync.apply`); an older copy named so is read as it is, a book of its own."""
        return adding.add_book(self, path, book)

    def newer_copy_of(self, path: Path | str) -> BookRecord | None:
        """The book whose story the file at ``path``, named by the user and read as it is,
        holds an older copy of (the library reads that story from a newer file)."""
        return known_files.newer_copy_of(self, path)

    # -- places read before a book joined -----------------------------------------------------
    def keep_waiting_place(self, path: Path | str, anchor: Anchor) -> None:
        """Keep the place read in a book not in the library yet (left while it was still being
        read); it becomes the book's place when the book joins. Written at once."""
        self.waiting.keep_place(path, anchor, self.clock())

    def waiting_place(self, path: Path | str) -> Anchor | None:
        """The place kept for a book not in the library yet, if its file is as it was then."""
        return self.waiting.place_for(path)

    def _take_waiting_place(self, record: BookRecord) -> None:
        """A book joining the library (opened, or found by a scan) starts at the place read
        in it before it joined, if one was kept."""
        anchor = self.waiting.take_place(record.path)
        if anchor is not None and record.position is None:
            # (read to when it was kept: a move there, before the book joined)
            self.log.record_place(record, anchor, at_end=False, reached_at=anchor.saved_at)
            self.table.mark_dirty(record)

    def files_to_add(self, paths: Iterable[Path | str]) -> list[str]:
        """The files that adding ``paths`` would bring into the library (new to it)."""
        return adding.files_to_add(self, paths)

    def add_paths(
        self,
        paths: Iterable[Path | str],
        progress: Progress | None = None,
        workers: int | None = None,
    ) -> list[BookRecord]:
        """Add files, and folders recursively: their books, and each folder holding any."""
        return adding.add_paths(self, paths, progress, workers)

    def add_folder(self, folder: Path | str) -> None:
        adding.add_folder(self, folder)

    def was_removed(self, path: str) -> bool:
        """The book at ``path`` was removed: a scan of its folder leaves it out."""
        with self.lock:
            return self.table.was_removed(path)

    def apply(self, facts: FileFacts) -> BookRecord | None:
        """Take in what a scan learned about one file (hold ``lock``); see `FileSync.apply`."""
        return self.sync.apply(facts)

    @property
    def skipped(self) -> list[tuple[str, str]]:
        """(path, why) of files a scan found not to be books; whoever shows them clears it."""
        return self.sync.skipped

    @skipped.setter
    def skipped(self, value: list[tuple[str, str]]) -> None:
        self.sync.skipped = value

    def remove(self, book_id: str) -> Removal | None:
        """Forget a book (its file is never touched); a scan of its folder leaves it out. What
        was removed, for `restore` (None: no such book)."""
        with self.lock:
            return remove_book(self.table, self.log, book_id)

    def restore(self, removal: Removal) -> bool:
        """Bring a removed book back with its place, bookmarks and reading time, as if never
        removed (its detail file is written again if a save dropped it meanwhile). False
        when its file was added again since, as another book."""
        with self.lock:
            return restore_book(self.table, self.log, removal)

    def mark_missing(self, book_id: str, missing: bool = True) -> None:
        with self.lock:
            self.table.mark_missing(book_id, missing)

    def check(
        self, progress: Progress | None = None, *, add_new: bool = False, workers: int | None = None
    ) -> ScanChanges:
        """Look at every book's file: missing, moved (found by hash), changed. Returns what
        changed, by kind.

        With ``add_new``, book files new in the library's folders are added too.
        """
        with self.lock:
            folders = list(self.folders)
        changes = self.sync.check(folders, progress, add_new=add_new, workers=workers)
        if add_new:  # every folder walked to its end: no adding is left unfinished
            adding.end_adding(self, folders, dropped=[])
        return changes

    # -- saving ----------------------------------------------------------------------------
    @property
    def dirty(self) -> bool:
        table = self.table
        return bool(table.dirty or table.forgotten or self._meta.dirty or self.log.dirty)

    def save(self) -> None:
        """Write what changed, merged with what other processes wrote. Never raises.

        A save asked for while one is under way on the same thread (a hang-up's handler runs
        between two steps of whatever the main thread does, a save too) is not begun inside
        it, half-way through its writes: the save under way goes round once more when it is
        done, writing what the handler stored (the place read to)."""
        with self.lock:  # (another thread's save waits here for this one to end)
            if self.unsaveable is not None:
                self.not_saved = self.unsaveable
                return
            if self._saving:
                self._save_again = True
                return
            self._saving = True
            try:
                self._save_again = True
                while self._save_again:
                    self._save_again = False
                    if not self._save_changes():
                        break
            finally:
                self._saving = False

    def _save_changes(self) -> bool:
        """One save of what is marked changed; False when it failed (and was said). What is
        marked while it writes is left marked, for the next save."""
        if not self.dirty:
            return True
        failed_before, self.not_saved = self.not_saved, None
        table = self.table
        shards, forgotten, meta = set(table.dirty), set(table.forgotten), self._meta.dirty
        table.dirty.clear()
        table.forgotten.clear()
        self._meta.dirty = False
        try:
            with locked(self.data_dir):
                if meta:
                    self._take_meta(self._meta.read_theirs())
                    self._meta.save(self._meta_data())
                self._index.save(shards, table.records, table.removed, self.clock())
                for book_id in forgotten:
                    self.log.forget(book_id)
                self.log.save()
        except (StoreError, OSError) as err:
            table.dirty |= shards
            table.forgotten |= forgotten
            self._meta.dirty = self._meta.dirty or meta
            self.not_saved = str(err)
            if self.not_saved != failed_before:  # (not once a second while it lasts)
                self.notices.append(f"{NOT_SAVED}: {err}")
            return False
        finally:
            self._collect_notices()
        self.file_marks.saved()
        table.reindex()
        return True

    def _meta_data(self) -> dict[str, object]:
        data: dict[str, object] = {
            "version": 1,
            "first_run_done": self.first_run_done,
            "folders": self.folders,
            "unfinished": self.unfinished,
        }
        if self.sort_key:
            data["sort"], data["sort_reverse"] = self.sort_key, self.sort_reverse
        if self.file_marks.books:
            data["file_marks"] = self.file_marks.to_toml()
        return data

    # What a reader asks of the reading log (places, bookmarks, jumps), each under the lock.

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
