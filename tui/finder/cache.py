"""The finder's word indexes, one per open book, the job that builds one in a worker, and the
lock that lets one search at a time use a book's index."""

from __future__ import annotations

import threading
import weakref
from collections.abc import Callable

from tui.book.model import Book
from tui.finder.build import build_index
from tui.finder.index import BookIndex
from tui.finder.stopping import StopFn

_INDEXES: dict[int, tuple[weakref.ref, BookIndex]] = {}


def cached_index(book: Book) -> BookIndex | None:
    entry = _INDEXES.get(id(book))
    if entry is not None and entry[0]() is book:
        return entry[1]
    return None


class IndexJob:
    """Building one book's index, once, for every finder opened on the book meanwhile.

    ``run`` is called in a worker thread; listeners (the open finder's `post_message`
    wrappers) hear ``(fraction, done)`` from that thread, so they must be thread-safe.
    """

    def __init__(self, book: Book) -> None:
        self.book = book
        self.fraction = 0.0
        self.started = False
        self.done = threading.Event()
        self._listeners: list[Callable[[float, bool], None]] = []
        self._lock = threading.Lock()

    def listen(self, listener: Callable[[float, bool], None]) -> None:
        with self._lock:
            self._listeners.append(listener)

    def unlisten(self, listener: Callable[[float, bool], None]) -> None:
        with self._lock:
            if listener in self._listeners:
                self._listeners.remove(listener)

    def _tell(self, fraction: float, done: bool) -> None:
        self.fraction = fraction
        with self._lock:
            listeners = list(self._listeners)
        for listener in listeners:
            listener(fraction, done)

    def run(self, should_stop: StopFn | None = None) -> BookIndex | None:
        """Build the index (or return the one already built); None when stopped."""
        index = cached_index(self.book)
        if index is None:
            index = build_index(self.book, lambda f: self._tell(f, False), should_stop)
            if index is None:
                with _JOBS_LOCK:
                    _JOBS.pop(id(self.book), None)  # a later finder starts afresh
                return None
            remember_index(self.book, index)
        self.done.set()
        self._tell(1.0, True)
        with _JOBS_LOCK:
            _JOBS.pop(id(self.book), None)
        return index


_JOBS: dict[int, IndexJob] = {}
_JOBS_LOCK = threading.Lock()


def index_job(book: Book) -> tuple[IndexJob, bool]:
    """The job building ``book``'s index, and whether the caller should start it."""
    with _JOBS_LOCK:
        job = _JOBS.get(id(book))
        if job is not None and job.book is book:
            return job, False
        job = IndexJob(book)
        job.started = True
        _JOBS[id(book)] = job
        return job, True


_SEARCH_LOCKS: dict[int, tuple[weakref.ref, threading.Lock]] = {}
_SEARCH_LOCKS_LOCK = threading.Lock()


def search_lock(book: Book) -> threading.Lock:
    """The lock every finder over ``book`` searches under: the index's caches are shared, and
    a finder closed with its search still running (it stops at its next check) must not run
    on beside the next finder's search."""
    with _SEARCH_LOCKS_LOCK:
        entry = _SEARCH_LOCKS.get(id(book))
        if entry is None or entry[0]() is not book:
            entry = _SEARCH_LOCKS[id(book)] = (weakref.ref(book), threading.Lock())
            weakref.finalize(book, _forget_lock, id(book))
        return entry[1]


def _forget_lock(book_id: int) -> None:
    # (no lock taken: this runs whenever the book is collected, maybe inside `search_lock`)
    entry = _SEARCH_LOCKS.get(book_id)
    if entry is not None and entry[0]() is None:
        _SEARCH_LOCKS.pop(book_id, None)


def remember_index(book: Book, index: BookIndex) -> None:
    """Keep ``book``'s index while the book lives (and at most a few books' indexes)."""
    while len(_INDEXES) >= 4:  # the reader keeps one book open; a few is plenty
        del _INDEXES[next(iter(_INDEXES))]
    _INDEXES[id(book)] = (weakref.ref(book), index)
    weakref.finalize(book, _forget, id(book))


def _forget(book_id: int) -> None:
    entry = _INDEXES.get(book_id)
    if entry is not None and entry[0]() is None:
        del _INDEXES[book_id]
