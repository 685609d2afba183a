"""Opening a book file: checks the path, picks the reader for its type, returns a parsed Book."""

from __future__ import annotations

import gzip
import os
import re
import stat
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal, NamedTuple

from tui.book.file_title import work_of_folder
from tui.book.loader import (
    COMPRESSED_SUFFIX,
    GZIP_MAGIC,
    LoadedText,
    check_path,
    load_text,
)
from tui.book.model import Book, BookError
from tui.book.rules.labels import without_brackets

if TYPE_CHECKING:
    from tui.book.text.markdown import Headings

__all__ = [
    "FORMATS",
    "BookError",
    "BookFormat",
    "BookKind",
    "book_format",
    "book_kind",
    "book_suffix",
    "is_scanned",
    "not_a_book",
    "open_book",
    "open_preview",
    "parse_loaded",
]

BookKind = Literal["text", "epub", "html"]


@dataclass(frozen=True, slots=True)
class BookFormat:
    """One kind of book file: how it is read, and whether a folder scan takes it."""

    kind: BookKind
    # Markup books big enough for it get a quick first part before the whole conversion.
    previewable: bool
    # A folder scan adds files of this kind (a lone `.xhtml` is usually a part of a book).
    scanned: bool
    # How the lines of a text book are written: plain, or Markdown (made plain line for line).
    lines: Literal["plain", "markdown"] = "plain"


# (The text engine is imported by the functions that parse: the table alone, which the library
# and the interface consult at start-up, does not load it and its many patterns.)

# Every suffix chapbook opens. Anything else is read as plain text when named directly, but
# for source code and data (`NOT_BOOKS`).
# (A folder scan leaves out READMEs, licences and notes by name: see `tui.library.folders`.)
FORMATS: dict[str, BookFormat] = {
    ".txt": BookFormat("text", previewable=False, scanned=True),
    ".md": BookFormat("text", previewable=False, scanned=True, lines="markdown"),
    ".markdown": BookFormat("text", previewable=False, scanned=True, lines="markdown"),
    ".epub": BookFormat("epub", previewable=True, scanned=True),
    ".html": BookFormat("html", previewable=True, scanned=True),
    ".htm": BookFormat("html", previewable=True, scanned=True),
    ".xhtml": BookFormat("html", previewable=False, scanned=False),
}
PLAIN_TEXT = FORMATS[".txt"]
# Kinds whose readers take the file's bytes, so a gzip-compressed copy (`NAME.txt.gz`) is read
# by its inner suffix once the loader has decompressed it. An EPUB is a zip already.
DECOMPRESSED_KINDS: frozenset[BookKind] = frozenset({"text", "html"})


def book_suffix(path: str | os.PathLike[str]) -> str:
    """The suffix that names the book's format: `.txt` for `NAME.txt.gz` (lower case)."""
    name = Path(path)
    suffix = name.suffix.lower()
    if suffix == COMPRESSED_SUFFIX:
        inner = name.with_suffix("").suffix.lower()
        fmt = FORMATS.get(inner, PLAIN_TEXT)
        return inner if fmt.kind in DECOMPRESSED_KINDS else ""
    return suffix


def book_format(path: str | os.PathLike[str]) -> BookFormat:
    """The format of the file at ``path``, by its suffix (the inner one of a `.gz`); plain text
    for any other suffix."""
    return FORMATS.get(book_suffix(path), PLAIN_TEXT)


def is_scanned(path: str | os.PathLike[str]) -> bool:
    """Whether a folder scan adds this file: a scanned suffix, plain or gzip-compressed."""
    name = Path(path)
    suffix = book_suffix(name)
    if name.suffix.lower() == COMPRESSED_SUFFIX and not name.with_suffix("").suffix:
        return False  # a bare `NAME.gz` may be anything
    fmt = FORMATS.get(suffix)
    return fmt is not None and fmt.scanned


def open_book(path: str | os.PathLike[str]) -> Book:
    """Read and parse the book at ``path``.

    Raises BookError with a one-line message for a missing path, a directory, a FIFO or device
    (checked with stat, never opened), a symlink loop, a binary or undecodable file.
    """
    check_path(path)
    # Markup formats (EPUB, HTML) are dispatched here by suffix to their own readers.
    kind = book_kind(path)
    if kind == "epub":
        from tui.book.markup.epub import open_epub

        return open_epub(Path(path))
    if kind == "html":
        from tui.book.markup.html_book import open_html

        return open_html(Path(path))
    return parse_loaded(load_text(path))


class BookText(NamedTuple):
    """The text to parse and what its format says of its lines (all 1-based)."""

    text: str
    heading_lines: list[int]  # known to be chapter headings
    scene_lines: list[int]  # known to open a scene
    hidden_lines: list[int]  # blank, but markup with nothing to show rather than space
    headings: Headings | None  # a Markdown book's headings, for its title
    front_heading: int | None = None  # the heading set from a Markdown page's front matter
    names: tuple[str, str | None] | None = None  # title and author a header gives by its layout


def _book_text(loaded: LoadedText) -> BookText:
    """Markdown is made plain line for line, its `#` headings and set-off `***bold-italic***`
    lines marked, and so is a text in Aozora Bunko's notation, its heading annotations
    marked; any other text is parsed as it is."""
    if loaded.path is None or book_format(loaded.path).lines != "markdown":
        from tui.book.text.aozora import aozora_lines, is_aozora

        if is_aozora(loaded.text):
            aozora = aozora_lines(loaded.text)
            return BookText(
                aozora.text, aozora.heading_lines, [], aozora.hidden_lines, None, names=aozora.names
            )
        return BookText(loaded.text, [], [], [], None)
    from tui.book.text.markdown import (
        hidden_lines,
        markdown_lines,
        read_headings,
        scene_lines,
        shown_source,
    )
    from tui.book.text.markdown_front import with_front_title

    raw = shown_source(loaded.text)
    headings = read_headings(raw)
    plain = markdown_lines(raw)
    hidden = hidden_lines(loaded.text)
    chapters = headings.chapter_lines()
    front_heading = None
    if not headings.levels:
        # A page without headings shows the title its front matter gives it as one.
        plain, front_heading = with_front_title(plain, loaded.text)
        if front_heading is not None:
            chapters = [front_heading]
            hidden = [line for line in hidden if line != front_heading]
    return BookText(plain, chapters, scene_lines(raw), hidden, headings, front_heading)


def parse_loaded(loaded: LoadedText) -> Book:
    """The full parse of an already loaded text (run it in a worker for big books)."""
    from tui.book.text.parse import parse_text

    found = _book_text(loaded)
    book = parse_text(
        found.text,
        path=loaded.path,
        encoding=loaded.encoding,
        heading_lines=found.heading_lines,
        scene_lines=found.scene_lines,
        hidden_lines=found.hidden_lines,
    )
    book.notices[:0] = loaded.notices
    _header_names(book, found)
    if found.headings is not None:
        _markdown_names(book, loaded.text, found.headings, found.front_heading is not None)
    return book


def _markdown_names(book: Book, raw: str, headings: Headings, front_heading: bool) -> None:
    """A Markdown book's title and author: from its front matter, its title line over the
    chapter headings, or its one heading; a chapter without a heading of its own takes the
    file's title (``front_heading``: it is shown as its heading)."""
    from tui.book.rules.emphasis import plain_title
    from tui.book.text.markdown_front import front_matter
    from tui.book.text.repeated_title import title_from_repeats

    front = front_matter(raw)
    _front_meta(book, raw.split("\n", front.lines)[: front.lines])
    found = title_from_repeats(book) or headings.title()
    work = without_brackets(front.work)
    book.title = work or work_of_folder(front.title, book.path) or found or book.title
    book.author = book.author or front.author or None
    if len(book.chapters) == 1 and (book.chapters[0].heading is None or front_heading):
        if front.chapter:
            book.chapters[0].title = plain_title(front.chapter)
            book.title = work or front.title or book.title
        elif front.title:
            book.chapters[0].title = plain_title(front.title)


def _front_meta(book: Book, front_lines: list[str]) -> None:
    """The fandom, tags, characters, rating, summary and notes the YAML front matter names,
    kept as a text's header would give them (the library lists and filters by them)."""
    from tui.book.rules.labels import LIST_KEYS, META_KEYS
    from tui.book.text.markdown import front_parts
    from tui.book.text.yaml_values import yaml_values

    if len(front_lines) < 3:
        return
    for key, value in yaml_values(front_lines[1:-1]).items():
        name = META_KEYS.get(key)
        if name is None or name in book.meta or not value:
            continue
        if name in LIST_KEYS:
            book.meta[name] = [value] if isinstance(value, str) else value
        elif isinstance(value, str):
            book.meta[name] = value
    for name, paragraphs in front_parts(front_lines):
        book.meta.setdefault(name.lower(), "\n\n".join(paragraphs))


def open_preview(
    path: str | os.PathLike[str], around_offset: int = 0
) -> tuple[Book, LoadedText | None]:
    """Load a text book and parse only a window around ``around_offset`` (fast first paint).

    Returns the preview Book and the loaded text; pass the latter to :func:`parse_loaded` (in a
    worker) for the full Book. Offsets and line numbers agree between the two.
    For EPUB and HTML the loaded text is None: the full Book comes from :func:`open_book`.
    """
    kind = book_kind(path)
    if kind != "text":
        preview = markup_preview(path)
        if preview is None:
            return open_book(path), None
        return preview(path, until=around_offset), None
    from tui.book.text.parse import parse_preview

    loaded = load_text(path)
    found = _book_text(loaded)
    book = parse_preview(
        found.text,
        around_offset,
        path=loaded.path,
        encoding=loaded.encoding,
        heading_lines=found.heading_lines,
        scene_lines=found.scene_lines,
        hidden_lines=found.hidden_lines,
    )
    book.notices[:0] = loaded.notices
    _header_names(book, found)
    return book, loaded


def _header_names(book: Book, found: BookText) -> None:
    """The title and author a header names by its place in the format (Aozora Bunko's)."""
    if found.names is not None:
        book.title, book.author = found.names[0], found.names[1] or book.author


# Files that plainly hold no story, by suffix: named directly they are refused, as a folder scan
# leaves them out, rather than read as plain text (a script's first line as the book's title).
SOURCE_SUFFIXES = (
    ".py .pyw .js .mjs .cjs .ts .tsx .jsx .c .h .cc .cpp .hpp .cs .java .kt .go .rs .rb .pl .pm "
    ".php .lua .swift .scala .hs .el .vim .sql .css .scss .ipynb"
)
SCRIPT_SUFFIXES = ".sh .bash .zsh .fish .ps1 .bat .cmd"
DATA_SUFFIXES = ".json .jsonl .ndjson .yaml .yml .toml .ini .cfg .conf .csv .tsv .xml .lock"
NOT_BOOKS: dict[str, str] = {
    **dict.fromkeys(SOURCE_SUFFIXES.split(), "source code"),
    **dict.fromkeys(SCRIPT_SUFFIXES.split(), "a shell script"),
    **dict.fromkeys(DATA_SUFFIXES.split(), "data"),
}
SHEBANG = b"#!"


def not_a_book(path: str | os.PathLike[str]) -> str:
    """Why the file at ``path`` is plainly no book (source code, data, a script starting
    with `#!`), said as `this is source code (.py), not a book`; "" for any other file."""
    suffix = book_suffix(path)
    what = NOT_BOOKS.get(suffix)
    if what is not None:
        return f"this is {what} ({suffix}), not a book"
    if book_format(path) is PLAIN_TEXT and _head(path, len(SHEBANG)) == SHEBANG:
        return "this is a script (its first line is #!), not a book"
    return ""


def book_kind(path: str | os.PathLike[str]) -> BookKind:
    """`text` for plain text; markup formats name themselves by suffix, and a `.txt` file
    that holds a web page (a scraper's saved response) is HTML."""
    fmt = book_format(path)
    if fmt is PLAIN_TEXT and _holds_a_page(path):
        return "html"
    return fmt.kind


# A saved page (or a scraper's concatenated story text): paragraphs in tags in its first
# kilobytes (`<br>`s at the ends of a text's lines are not enough).
PAGE_TAG = re.compile(rb"<(?:/p|p|div|/div)\b[^>]*>", re.I)
PAGE_TAGS = 5
# A web page's first tag, after a byte-order mark or blank lines.
PAGE_START = re.compile(rb"(?:\xef\xbb\xbf)?\s*<(?:!doctype\s+html|html)\b", re.I)
SNIFF_BYTES = 4096


def _holds_a_page(path: str | os.PathLike[str]) -> bool:
    """The file's first kilobytes are marked up as a web page's are; False for anything
    unreadable (the reader says why)."""
    head = _head(path, SNIFF_BYTES)
    return PAGE_START.match(head) is not None or len(PAGE_TAG.findall(head)) >= PAGE_TAGS


def _head(path: str | os.PathLike[str], size: int) -> bytes:
    """The first ``size`` bytes of the file's text (of a gzipped file, of what is inside);
    b"" for anything unreadable (the reader says why)."""
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            return b""  # a pipe or a device is never opened here (it could block)
        # (opened without blocking, as the reader does, in case a pipe was swapped in)
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with open(fd, "rb") as raw:
            compressed = raw.read(len(GZIP_MAGIC)) == GZIP_MAGIC
            raw.seek(0)
            if compressed:
                with gzip.GzipFile(fileobj=raw) as stream:
                    return stream.read(size)
            return raw.read(size)
    except (OSError, EOFError, zlib.error):
        return b""


def markup_preview(path: str | os.PathLike[str]) -> Callable[..., Book] | None:
    """The quick first-part reader of a markup book, called as ``f(path, until=offset)``."""
    fmt = book_format(path)
    if not fmt.previewable:
        return None
    if fmt.kind == "epub":
        from tui.book.markup.epub import preview_epub

        return preview_epub
    from tui.book.markup.html_book import preview_html

    return preview_html
