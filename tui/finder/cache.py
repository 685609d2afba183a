"""The finder's word indexes: kept per book, built in a worker, searched one at a time.

One index per open book, kept on disk per book; the job that builds one in a worker; and the
lock that lets one search at a time use a book's index.
"""

from __future__ import annotations

import contextlib
import copy
import hashlib
import os
import pickle
import threading
import weakref
from collections import OrderedDict
from collections.abc import Callable
from pathlib import Path

import tui.finder
from tui.book.model import Book
from tui.caches import keep_cached
from tui.finder import neighbours, thesaurus
from tui.finder.build import build_index, held_paragraph_text
from tui.finder.index import BookIndex
from tui.finder.stopping import StopFn
from tui.paths import cache_dir, code_stamp

# Indexes kept on disk: the ones used least lately give way.
KEPT = 32
# Bumped when what is kept changes shape.
FORMAT = 1

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
        """Build the index (or take the one built already, in this run or kept on disk from
        an earlier one); None when stopped."""
        index = cached_index(self.book) or take_kept_index(self.book)
        if index is None:
            index = build_index(self.book, lambda f: self._tell(f, False), should_stop)
            if index is None:
                with _JOBS_LOCK:
                    _JOBS.pop(id(self.book), None)  # a later finder starts afresh
                return None
            remember_index(self.book, index)
            keep_index(self.book, index)
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


# -- kept on disk ------------------------------------------------------------------------------
def _entry(book: Book) -> Path:
    """Where ``book``'s index is kept: named by its text, its paragraphs and scenes as the
    engine made them, and the finder's code, so a book parsed or indexed otherwise is
    indexed again. (Hashing 1 MB of text takes a millisecond or two: done in the worker.)"""
    digest = hashlib.blake2b(digest_size=16)
    digest.update(f"{FORMAT}\0{code_stamp(Path(tui.finder.__file__).parent)}\0".encode())
    digest.update(book.text.encode("utf-8", "surrogatepass"))
    for numbers in (book.starts, book.ends):
        digest.update(numbers.tobytes())
    digest.update(bytes(book.kinds))
    digest.update(repr([(scene.start, scene.end) for scene in book.all_scenes()]).encode())
    heads = [(chapter.heading, chapter.start, chapter.title) for chapter in book.chapters]
    digest.update(repr(heads).encode("utf-8", "surrogatepass"))
    return cache_dir() / "indexes" / f"{digest.hexdigest()}.pickle"


def take_kept_index(book: Book, largest: int | None = None) -> BookIndex | None:
    """The index kept on disk for ``book`` (opened before, unchanged since), remembered for it
    as a built one is; None when there is none, it no longer fits, or it is over ``largest``
    bytes (reading it back holds the interpreter a while)."""
    try:
        entry = _entry(book)
        if largest is not None and entry.stat().st_size > largest:
            return None
        index = pickle.loads(entry.read_bytes())  # (a file chapbook wrote itself)
    except FileNotFoundError:
        return None
    except Exception:  # written part-way, or by another version: built again, kept anew
        with contextlib.suppress(Exception):
            _entry(book).unlink(missing_ok=True)
        return None
    scenes = book.all_scenes()
    if not isinstance(index, BookIndex) or index.paragraph_total != len(book.starts):
        return None
    if len(index.scenes) != len(scenes):
        return None
    index.scenes = scenes  # (the book's own, as a built index has them)
    index.paragraph_text = held_paragraph_text(book)
    with contextlib.suppress(OSError):
        os.utime(entry)  # (used lately: kept longest)
    remember_index(book, index)
    thesaurus.load()  # here, in the worker, as a build does, rather than at the first query
    neighbours.load()
    return index


def keep_index(book: Book, index: BookIndex) -> None:
    """Keep ``index`` on disk for the next opening of ``book``, and let the indexes used least
    lately go. Only a cache: nothing is said when it cannot be written."""
    bare = copy.copy(index)  # without what is the book's or the ranking's of this run
    bare.paragraph_text = None
    bare.ranking, bare._pairs = {}, {}
    bare._scene_counts, bare._expansions = OrderedDict(), OrderedDict()
    try:
        entry = _entry(book)
        data = pickle.dumps(bare, protocol=pickle.HIGHEST_PROTOCOL)
    except (OSError, pickle.PicklingError, TypeError, AttributeError):
        return
    keep_cached(entry, data, KEPT)
