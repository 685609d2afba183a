"""Opening a book for the reader in stages: a quick preview around the saved place, then all."""

from __future__ import annotations

import importlib
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tui.core.anchor import Anchor, resolve_anchor
from tui.core.model import Book, BookError

# Files smaller than this (bytes) are parsed in one go: that is quick enough for a first page.
PREVIEW_FROM = 1_000_000
_MARKUP = {".epub", ".html", ".htm", ".xhtml"}
# Quick first parts of markup books: module and function, called as f(path, until=offset).
_PREVIEWS = {
    ".epub": ("epub", "preview_epub"),
    ".html": ("htmlbook", "preview_html"),
    ".htm": ("htmlbook", "preview_html"),
}


@dataclass(frozen=True, slots=True)
class Stage:
    """One step of opening: a book to show and where to show it."""

    book: Book
    offset: int  # where the top of the screen should be
    exact: bool  # False: the saved place was not found, the offset is only the nearest place
    final: bool  # the whole book (False: a preview of the text around ``offset``)


def _engine(name: str) -> Any:
    try:
        return importlib.import_module(f"tui.core.{name}")
    except ImportError:
        return None


def _place(book: Book, anchor: Anchor | None, start: int | None, whole: bool) -> tuple[int, bool]:
    if start is not None:
        return max(0, min(start, len(book.text))), True
    if anchor is None:
        return 0, True
    return resolve_anchor(book, anchor, whole_book=whole)


def _size(path: Path) -> int:
    try:
        return os.stat(path).st_size
    except OSError:
        return 0  # open_book gives the user the reason


def open_stages(
    path: Path, anchor: Anchor | None = None, start: int | None = None
) -> Iterator[Stage]:
    """Yield a preview `Stage` when the book is big enough to need one, then the full one.

    ``start`` (an offset to open at) wins over ``anchor`` (the saved place). Raises
    `BookError` with a one-line message when the file cannot be read.
    """
    books = _engine("books")
    if books is None or not hasattr(books, "open_book"):
        raise BookError("this build of chapbook cannot open books")
    around = start if start is not None else (anchor.offset if anchor else 0)
    suffix = Path(path).suffix.lower()
    big = _size(path) >= PREVIEW_FROM
    book: Book | None = None
    if big and suffix not in _MARKUP and hasattr(books, "open_preview"):
        # The text is read and decoded once: the preview and the full parse share it.
        quick, loaded = books.open_preview(path, around)
        offset, exact = _place(quick, anchor, start, whole=False)
        yield Stage(quick, offset, exact, final=False)
        book = books.parse_loaded(loaded)
    elif big and suffix in _PREVIEWS:
        module_name, function = _PREVIEWS[suffix]
        module = _engine(module_name)
        if module is not None and hasattr(module, function):
            quick = getattr(module, function)(path, until=around)
            if quick.meta.get("preview", True):
                offset, exact = _place(quick, anchor, start, whole=False)
                yield Stage(quick, offset, exact, final=False)
            else:
                book = quick  # the preview turned out to be the whole book
    if book is None:
        book = books.open_book(path)
    offset, exact = _place(book, anchor, start, whole=True)
    yield Stage(book, offset, exact, final=True)
