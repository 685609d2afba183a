"""Opening a book for the reader in stages: a quick preview around the saved place, then all."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from tui.book import formats
from tui.book.anchor import Anchor, resolve_anchor
from tui.book.loader import GZIP_MAGIC, LoadedText, decode_bytes, load_text
from tui.book.model import Book, BookError
from tui.book.section_names import story_start
from tui.reading.parsed_books import entry_for, keep_book, kept_book, packed
from tui.reading.whole_text import WholeText

# Markup files smaller than this (bytes) are converted in one go before the first page.
PREVIEW_FROM = 1_000_000
# Characters of plain text parsed around the place for the first page (a few screens' worth
# either way); the whole book follows in the same worker.
QUICK_SPAN = 40_000
# Text files bigger than this (bytes) show their beginning from a read of only this much,
# so the first page of a new book costs the same for 1 MB and for 84 MB.
HEAD_BYTES = 256 * 1024

# Where to open instead of the saved place: an offset (the first new chapter of an updated
# story), or a bookmark's anchor, found again in the text as a saved place is.
StartAt = int | Anchor


@dataclass(frozen=True, slots=True)
class Stage:
    """One step of opening: a book to show and where to show it."""

    book: Book
    offset: int  # where the top of the screen should be
    exact: bool  # False: the saved place was not found, the offset is only the nearest place
    # The whole book. False for a preview: its paragraphs cover only part of the text (and
    # its text may stop early), with offsets that agree with the whole book's.
    final: bool
    # The saved place, when the book opened elsewhere (at the first new chapter of an
    # updated story): the place that jump left, for `jump_back`. Known in the whole book.
    left: int | None = None


def _place(
    book: Book, anchor: Anchor | None, start: StartAt | None, whole: bool
) -> tuple[int, bool]:
    if isinstance(start, Anchor):
        return resolve_anchor(book, start, whole_book=whole)
    if start is not None:
        return max(0, min(start, len(book.text))), True
    if anchor is None:
        return story_opening(book), True
    return resolve_anchor(book, anchor, whole_book=whole)


def story_opening(book: Book) -> int:
    """Where a book read for the first time opens: at its own title page, past Project
    Gutenberg's header; else at its start."""
    return story_start(book)


def _size(path: Path) -> int:
    try:
        return os.stat(path).st_size
    except OSError:
        return 0  # the full open gives the user the reason


def read_head(path: Path, size: int) -> bytes | None:
    """The first ``size`` bytes of a regular file, cut after its last complete line; None
    when that cannot be done safely (not a regular file, no line end, a UTF-16/32 text, a
    compressed file)."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        return None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return None
        data = os.read(fd, size)
    except OSError:
        return None
    finally:
        os.close(fd)
    if data.startswith(GZIP_MAGIC):
        return None
    cut = data.rfind(b"\n")
    if cut < 0 or b"\x00" in data[:4096]:  # wide encodings: leave them to the full read
        return None
    return data[: cut + 1]


def opening_near(anchor: Anchor | None, start: StartAt | None) -> int:
    """About where the book opens, as an offset: for the part of it to show first."""
    if isinstance(start, Anchor):
        return start.offset
    return start if start is not None else (anchor.offset if anchor else 0)


def _head_stage(path: Path, anchor: Anchor | None, start: StartAt | None) -> Stage | None:
    """A preview from the file's first bytes, when the place to show is among them."""
    near = opening_near(anchor, start)
    head = read_head(path, HEAD_BYTES)
    if head is None:
        return None
    try:
        text, encoding, _ = decode_bytes(head)
    except BookError:
        return None  # the full read explains what is wrong
    if near > len(text) - QUICK_SPAN // 2:
        return None  # the place is further in: the whole text is needed to find it
    # The text engine (and its many patterns) is imported here, in the thread that opens the
    # book, not while the interface starts.
    from tui.book.text.parse import parse_preview

    quick = parse_preview(text, near, QUICK_SPAN, path=str(path), encoding=encoding)
    offset, exact = _place(quick, anchor, start, whole=False)
    return Stage(quick, offset, exact, final=False)


# Books up to this size (bytes) are small enough to be read whole for their first stage.
WHOLE_FIRST = 8_000_000


def cheap_first_stage(
    path: Path, anchor: Anchor | None = None, start: StartAt | None = None
) -> bool:
    """Whether the first stage of opening is quick to make and small to hand over: the whole
    of a book of a few MB, or a preview of a big one's beginning (a place within the first
    quarter of its head, in characters, whatever the encoding). A place deep in a big book
    needs the whole text read first."""
    if _size(path) <= WHOLE_FIRST:
        return True
    fmt = formats.book_format(path)
    if fmt.kind != "text" and not fmt.previewable:
        return False  # converted whole before its first page
    return opening_near(anchor, start) < HEAD_BYTES // 8


def open_stages(
    path: Path,
    anchor: Anchor | None = None,
    start: StartAt | None = None,
    *,
    previews: bool = True,
    whole_text: bool = False,
) -> Iterator[Stage | WholeText]:
    """Yield preview `Stage`s when the book is big enough to need them, then the full one.

    ``start`` (an offset or a bookmark to open at) wins over ``anchor`` (the saved place).
    ``previews``
    False: only the full one (a preview is on screen already). ``whole_text``: once a
    preview is shown and the whole text is read, yield it (`WholeText`) before parsing it,
    for the moves that need only the text. Raises `BookError` with a one-line message when
    the file cannot be read.
    """
    near = opening_near(anchor, start)
    size = _size(path)
    book: Book | None = None
    entry: Path | None = None  # where a big text's parse is kept (`parsed_books`)
    keeping: bytes | None = None
    preview = formats.markup_preview(path)
    if formats.book_kind(path) == "text":
        shown = not previews
        if not shown and size > 4 * HEAD_BYTES:
            head = _head_stage(path, anchor, start)
            if head is not None:
                shown = True
                yield head
        # A big book opened before, unchanged since, is read back as it was parsed.
        entry = entry_for(path)
        loaded: LoadedText = load_text(path)
        book = kept_book(entry, loaded.text) if entry is not None else None
        if book is None:
            # The text is read and decoded once; a window around the place is parsed first,
            # so the first page does not wait for the structure of the whole book.
            if not shown and len(loaded.text) > 2 * QUICK_SPAN:
                from tui.book.text.parse import parse_preview

                quick = parse_preview(
                    loaded.text, near, QUICK_SPAN, path=loaded.path, encoding=loaded.encoding
                )
                offset, exact = _place(quick, anchor, start, whole=False)
                shown = True
                yield Stage(quick, offset, exact, final=False)
            if whole_text and shown and len(loaded.text) > 2 * QUICK_SPAN:
                yield WholeText(loaded)
            book = formats.parse_loaded(loaded)
            # (packed before the reader has the book: nothing changes it meanwhile)
            keeping = packed(book) if entry is not None else None
    elif previews and size >= PREVIEW_FROM and preview is not None:
        quick = preview(path, until=near)
        if quick.meta.get("preview", True):
            offset, exact = _place(quick, anchor, start, whole=False)
            yield Stage(quick, offset, exact, final=False)
        else:
            book = quick  # the preview turned out to be the whole book
    if book is None:
        book = formats.open_book(path)
    offset, exact = _place(book, anchor, start, whole=True)
    left = None
    if start is not None and anchor is not None:
        left, _ = resolve_anchor(book, anchor, whole_book=True)
    yield Stage(book, offset, exact, final=True, left=left)
    if entry is not None and keeping is not None:
        keep_book(entry, keeping)  # (once the reader has the book: it waits for none of this)
