"""Reading what the library needs from each book file: stat, hash, metadata, in bulk."""

from __future__ import annotations

import errno
import hashlib
import os
import stat
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from tui.book.loader import NO_TEXT, not_a_file, safe_name
from tui.book.model import Book, BookError, ParaKind
from tui.book.section_names import story_start
from tui.library.same_work import work_of

Progress = Callable[[int, int], None]  # (done, total)

# Below this many files a process pool costs more to start than it saves.
POOL_THRESHOLD = 48


def file_hash(path: Path) -> str:
    """blake2b of the file's bytes: finds a book again after it moved. Raises OSError for
    what is not a regular file (opened without blocking, in case a pipe was swapped in)."""
    digest = hashlib.blake2b(digest_size=16)
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    with open(fd, "rb") as handle:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise OSError(errno.EINVAL, "not a regular file", str(path))
        while chunk := handle.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


@dataclass
class FileFacts:
    """What one scan learned about one file (plain data: it crosses process boundaries)."""

    path: str
    size: int = 0
    mtime: int = 0
    hash: str = ""
    title: str = ""
    author: str | None = None
    fandom: str = ""
    tags: str = ""
    words: int = 0
    chapters: int = 0
    length: int = 0
    start: int = 0
    finish: int = 0
    origin: int = 0
    chapter_titles: list[str] = field(default_factory=list)
    chapter_offsets: list[int] = field(default_factory=list)
    work: str = ""  # the AO3 or FanFiction.net work the file names (`same_work.work_of`)
    error: str = ""  # the file could not be read as a book (it is still listed)
    gone: bool = False  # the file is not there any more
    parsed: bool = False  # the metadata fields were filled (else: stat and hash only)


def stat_key(path: str) -> tuple[int, int] | None:
    """(size, mtime in ns), or None when the file is not there."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_size, st.st_mtime_ns


def _joined(value: object) -> str:
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, list | tuple):
        return ", ".join(str(v).strip() for v in value if str(v).strip())
    return ""


def _tags(meta: dict) -> str:
    """Tags, characters and relationships: what a reader types to find a story."""
    seen: dict[str, None] = {}
    for key in ("relationships", "characters", "tags", "additional_tags"):
        value = meta.get(key)
        items = value if isinstance(value, list | tuple) else _joined(value).split(",")
        for item in items:
            text = " ".join(str(item).replace(",", " ").split())
            if text:
                seen.setdefault(text, None)
    return ", ".join(seen)


def _finish(book: Book) -> int:
    """Offset of the story's last paragraph of prose (end matter does not count)."""
    last = book.chapters[-1].end if book.chapters else len(book)
    first = book.chapters[-1].start if book.chapters else 0
    for i in range(last - 1, first - 1, -1):
        if book.kinds[i] == ParaKind.TEXT:
            return int(book.starts[i])
    return len(book.text)


def _start(book: Book) -> int:
    """Offset of the story's first line: its first chapter heading or line of prose (the
    title page, summary and contents before it are not story)."""
    story = (ParaKind.TEXT, ParaKind.HEADING, ParaKind.BREAK, ParaKind.NOTE)
    for i, kind in enumerate(book.kinds):
        if kind in story:
            return int(book.starts[i])
    return 0


def facts_from_book(facts: FileFacts, book: Book) -> FileFacts:
    meta = book.meta or {}
    facts.parsed = True
    facts.title = book.title or Path(facts.path).stem
    facts.author = book.author or None
    facts.fandom = _joined(meta.get("fandom") or meta.get("fandoms"))
    facts.tags = _tags(meta)
    facts.words = int(meta.get("words") or len(book.text.split()))
    facts.chapters = len(book.chapters)
    facts.length = book.story_end
    facts.start = _start(book)
    facts.finish = _finish(book)
    facts.origin = story_start(book)
    facts.chapter_titles = [c.title for c in book.chapters]
    facts.chapter_offsets = [int(book.starts[c.start]) if len(book) else 0 for c in book.chapters]
    facts.work = work_of(book)
    return facts


def read_facts(path: str, *, parse: bool = True) -> FileFacts:
    """Stat, hash and (with ``parse``) open one file. Never raises."""
    facts = FileFacts(path)
    try:
        st = os.stat(path)
        facts.size, facts.mtime = st.st_size, st.st_mtime_ns
        special = not_a_file(st.st_mode)
        if special:  # never opened: reading a pipe or a device can wait for ever
            facts.error = f"{safe_name(path)}: {special}"
            facts.title, facts.parsed = Path(path).stem, True
            return facts
        facts.hash = file_hash(Path(path))
    except OSError as err:
        facts.gone = True  # (a book listed already is then missing: kept, with its place)
        if not isinstance(err, FileNotFoundError | NotADirectoryError):
            # There, but not to be read (permission denied): a file new to the library is
            # skipped saying so, where it was left out without a word.
            facts.error = f"{safe_name(path)}: {(err.strerror or 'cannot be read').lower()}"
        return facts
    if not parse:
        return facts
    try:
        from tui.book.formats import open_book

        book = open_book(Path(path))
        facts_from_book(facts, book)
        if not book.text.strip():
            facts.error = NO_TEXT
    except BookError as err:
        facts.error = str(err) or "not readable as a book"
        facts.title, facts.parsed = Path(path).stem, True
    except Exception as err:  # a parser bug must not stop a 10,000-file scan
        facts.error = f"could not be read: {type(err).__name__}: {err}".splitlines()[0]
        facts.title, facts.parsed = Path(path).stem, True
    return facts


def reason(path: str, error: str) -> str:
    """Why a file is not a book, without the path or name the message may start with."""
    for prefix in (path, Path(path).name):
        if prefix and error.startswith(prefix + ": "):
            return error[len(prefix) + 2 :]
    return error


def skipped_text(
    skipped: list[tuple[str, str]], shown: int = 5, show: Callable[[str], str] = str
) -> str:
    """`skipped 3 files that are not books: a.bin (looks like …), …` for one line; each path
    as ``show`` writes it."""
    n = len(skipped)
    items = [f"{show(path)} ({reason(path, error)})" for path, error in skipped[:shown]]
    if n > shown:
        items.append(f"and {n - shown} more")
    return f"skipped {n} file{'s' if n != 1 else ''} that {'are' if n != 1 else 'is'} not " + (
        f"a book: {items[0]}" if n == 1 else "books: " + ", ".join(items)
    )


def _streams_are_real() -> bool:
    """A process pool passes stderr to its helper process: not possible inside a full-screen
    app that has replaced sys.stderr (there, scans run in the calling worker thread)."""
    try:
        return sys.stderr is not None and sys.stderr.fileno() >= 0
    except (AttributeError, OSError, ValueError):
        return False


def _read_many(paths: list[str]) -> list[FileFacts]:
    return [read_facts(p) for p in paths]


def scan_files(
    paths: Iterable[str], progress: Progress | None = None, workers: int | None = None
) -> Iterator[FileFacts]:
    """Facts for every path, in batches over the cores when there are many files."""
    todo = list(paths)
    total = len(todo)
    workers = workers if workers is not None else (os.cpu_count() or 1)
    if progress and total:
        progress(0, total)
    if total < POOL_THRESHOLD or workers < 2 or not _streams_are_real():
        for done, path in enumerate(todo, 1):
            yield read_facts(path)
            if progress:
                progress(done, total)
        return
    # Batches keep the per-task cost low; "spawn" is safe from a thread of a running app.
    size = max(8, min(64, total // (workers * 8)))
    batches = [todo[i : i + size] for i in range(0, total, size)]
    # Imported here: only a scan of many files needs them, and every start would pay for them.
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    context = multiprocessing.get_context("spawn")
    done = 0
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        for batch in pool.map(_read_many, batches):
            for facts in batch:
                done += 1
                yield facts
            if progress:
                progress(done, total)
