"""Big books kept on disk as parsed, so that one opened again is not parsed again."""

from __future__ import annotations

import contextlib
import copy
import hashlib
import os
import pickle
from pathlib import Path

import tui.book
from tui.book.model import Book
from tui.caches import keep_cached
from tui.paths import cache_dir, code_stamp

# Files at least this big are kept: a smaller book is parsed in less time than it is read back
# (an 84 MB serial takes seconds to parse, a tenth of a second to read back).
KEEP_FROM = 8 * 1024 * 1024
# Books kept: the ones opened least lately give way.
KEPT = 4
# Bumped when what is kept changes shape.
FORMAT = 1


def _engine_stamp() -> str:
    """Changes with the engine's code: a book parsed by other rules is parsed again."""
    return code_stamp(Path(tui.book.__file__).parent)


def _folder() -> Path:
    return cache_dir() / "books"


def entry_for(path: Path) -> Path | None:
    """Where ``path``'s parse is kept while the file is as it is now (its size, time and
    inode); None for a file too small to keep or one that cannot be read. Asked before the
    file is read: a file written meanwhile has another entry, so no parse is kept for
    text it no longer holds."""
    try:
        facts = os.stat(path)
        where = str(path.resolve())
    except OSError:
        return None
    if facts.st_size < KEEP_FROM:
        return None
    stamp = f"{facts.st_size}\0{facts.st_mtime_ns}\0{facts.st_ino}"
    key = f"{FORMAT}\0{_engine_stamp()}\0{where}\0{stamp}"
    name = hashlib.blake2b(key.encode("utf-8", "surrogateescape"), digest_size=12).hexdigest()
    return _folder() / f"{name}.pickle"


def kept_book(entry: Path, text: str) -> Book | None:
    """The book kept at ``entry`` (`entry_for`), with ``text`` (the file's text as read now),
    if neither the file nor the engine changed since it was kept; else None."""
    try:
        length, book = pickle.loads(entry.read_bytes())  # (a file chapbook wrote itself)
    except FileNotFoundError:
        return None
    except Exception:  # written part-way, or by another version: parsed again, kept anew
        # (a cache folder that is a file, or one that cannot be read: the book is parsed as
        # if nothing were kept, where its NotADirectoryError stopped the book opening)
        with contextlib.suppress(OSError):
            entry.unlink(missing_ok=True)
        return None
    if not isinstance(book, Book) or length != len(text):
        return None
    book.text = text
    with contextlib.suppress(OSError):
        os.utime(entry)  # (opened lately: kept longest)
    return book


def packed(book: Book) -> bytes:
    """``book`` as kept, without its text (read from the file again): the bytes to keep."""
    bare = copy.copy(book)
    bare.text = ""
    return pickle.dumps((len(book.text), bare), protocol=pickle.HIGHEST_PROTOCOL)


def keep_book(entry: Path, data: bytes) -> None:
    """Keep a book (``data``: `packed`) at ``entry`` (`entry_for`), and let the books opened
    least lately go. Only a cache: nothing is said when it cannot be written."""
    keep_cached(entry, data, KEPT)
