"""Whether a file can be a book at all, looked at before a screen is given over to it."""

from __future__ import annotations

from pathlib import Path

from tui.book.formats import book_kind, not_a_book
from tui.book.loader import NO_TEXT, check_path, check_text_start, safe_name
from tui.book.model import BookError


def check_book(path: Path) -> None:
    """Raise a `BookError` (one line, naming the file) for a file that cannot be a book: a
    program, an image or other binary data, an EPUB that is not one, an empty file, source
    code (as a folder scan leaves it out)."""
    size = check_path(path).st_size
    why_not = not_a_book(path)  # as a folder scan leaves it out
    if why_not:
        raise BookError(f"{safe_name(path)}: {why_not}")
    kind = book_kind(path)
    if size == 0 and kind != "epub":  # (an EPUB says it is no zip)
        raise BookError(f"{safe_name(path)}: {NO_TEXT}")  # as the library skips it
    if kind == "text":
        check_text_start(path)
    elif kind == "epub":
        from tui.book.markup.epub import check_epub_start  # (only for an EPUB)

        check_epub_start(path)
