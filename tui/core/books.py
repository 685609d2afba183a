"""Opening a book file: checks the path, picks the reader for its type, returns a parsed Book."""

from __future__ import annotations

import os
from pathlib import Path

from tui.core.loader import LoadedText, check_path, load_text
from tui.core.model import Book, BookError
from tui.core.text_parse import parse_preview, parse_text

__all__ = ["BookError", "open_book", "open_preview", "parse_loaded"]


def open_book(path: str | os.PathLike[str]) -> Book:
    """Read and parse the book at ``path``.

    Raises BookError with a one-line message for a missing path, a directory, a FIFO or device
    (checked with stat, never opened), a symlink loop, a binary or undecodable file.
    """
    check_path(path)
    # Markup formats (EPUB, HTML) are dispatched here by suffix to their own readers.
    kind = book_kind(path)
    if kind == "epub":
        from tui.core.epub import open_epub

        return open_epub(path)
    if kind == "html":
        from tui.core.htmlbook import open_html

        return open_html(path)
    return parse_loaded(load_text(path))


def parse_loaded(loaded: LoadedText) -> Book:
    """The full parse of an already loaded text (run it in a worker for big books)."""
    book = parse_text(loaded.text, path=loaded.path, encoding=loaded.encoding)
    book.notices[:0] = loaded.notices
    return book


def open_preview(path: str | os.PathLike[str], around_offset: int = 0) -> tuple[Book, LoadedText]:
    """Load a text book and parse only a window around ``around_offset`` (fast first paint).

    Returns the preview Book and the loaded text; pass the latter to :func:`parse_loaded` (in a
    worker) for the full Book. Offsets and line numbers agree between the two.
    For EPUB and HTML the loaded text is None: the full Book comes from :func:`open_book`.
    """
    kind = book_kind(path)
    if kind != "text":
        if kind == "epub":
            from tui.core.epub import preview_epub as preview_markup
        else:
            from tui.core.htmlbook import preview_html as preview_markup
        return preview_markup(path, until=around_offset), None  # type: ignore[return-value]
    loaded = load_text(path)
    book = parse_preview(loaded.text, around_offset, path=loaded.path, encoding=loaded.encoding)
    book.notices[:0] = loaded.notices
    return book, loaded


def book_kind(path: str | os.PathLike[str]) -> str:
    """`text` for plain text; markup formats name themselves by suffix."""
    suffix = Path(path).suffix.lower()
    return {".epub": "epub", ".html": "html", ".htm": "html", ".xhtml": "html"}.get(suffix, "text")
