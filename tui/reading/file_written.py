"""Whether a book's file, written again while it is open, is whole or still being written."""

from __future__ import annotations

import os
import zipfile
from dataclasses import dataclass
from pathlib import Path

from tui.book.formats import book_kind
from tui.book.loader import is_compressed, load_text, read_bytes
from tui.book.model import Book, BookError

# A file under this share of the size it had when it was read is taken for a download part-way
# through (a re-download writes from the start), not for the story cut down by its author.
MUCH_SHORTER = 0.5


@dataclass(frozen=True, slots=True)
class BeingWritten:
    """Why a file written again is taken for a download part-way through (``why``: `it is
    empty`); ``cut_short``: it holds readable text, only less of it, which is the text cut
    short on purpose once the file holds still (a download goes on growing)."""

    why: str
    cut_short: bool = False


def still_being_written(path: Path, shown: Book, size_read: int) -> BeingWritten | None:
    """Why the file at ``path`` is not to be read again in place of ``shown``, the book read
    from it when it had ``size_read`` bytes, yet: it is empty, or holds only the start of that
    text, or much less than it did, or is a shorter compressed file or an EPUB that cannot be
    read whole — a downloader part-way through writing it. None when it looks whole (or is
    gone: opening it says so)."""
    try:
        size = os.stat(path).st_size
    except OSError:
        return None
    if size == 0:
        return BeingWritten("it is empty")
    if book_kind(path) == "epub" and not zipfile.is_zipfile(path):
        # An EPUB is a zip, whose directory comes last: one cut short does not open at all.
        return BeingWritten("it cannot be read whole yet")
    if size >= size_read:
        return None
    if is_compressed(path):  # a compressed download cut short cannot be read until it is whole
        try:
            read_bytes(path)
        except BookError:
            return BeingWritten("it cannot be read whole yet")
    if size < size_read * MUCH_SHORTER:
        return BeingWritten(f"it is {size * 100 // size_read}% of the size it was", True)
    if book_kind(path) != "text":
        return None
    try:
        text = load_text(path).text
    except BookError:  # a compressed download cut short cannot be read until it is whole
        return BeingWritten("it cannot be read whole yet")
    if not text.strip():
        return BeingWritten("it holds no text")
    whole_lines = text[: text.rfind("\n") + 1]
    if len(text) < len(shown.text) and shown.text.startswith(whole_lines):
        return BeingWritten("it holds only the start of the text open", True)
    return None
