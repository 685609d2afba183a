"""`chapbook find FILE QUERY [--json] [--limit N]`: the finder's ranking on the command line."""

from __future__ import annotations

import argparse
import json
import math
import sys
from typing import TYPE_CHECKING

from tui.book.anchor import Bookmark
from tui.book.model import BookError
from tui.book.section_names import story_start
from tui.cli.fitted_lines import cut_end, fitted, terminal_width

if TYPE_CHECKING:
    from tui.book.model import Book
    from tui.finder.hits import Hit


def run(args: argparse.Namespace) -> int:
    """Print the hits for the query, best first; exit 1 when nothing matched (like grep), with
    why on stderr."""
    # Imported here so `chapbook --help` stays quick; none of these import Textual.
    from tui.book.formats import open_book
    from tui.finder.book_finder import BookFinder

    query = " ".join(args.query).strip()
    if not query:
        raise BookError("give some words to find")
    limit = getattr(args, "limit", None)
    limit = 10 if limit is None else int(limit)
    if limit < 1:
        raise BookError("--limit must be 1 or more")
    book = open_book(args.file)
    finder = BookFinder(book, _bookmarks(args.file))
    finder.build()
    # The finder keeps the last word open for completion while typing; a command line query
    # is finished, so it is searched as typed with a trailing space.
    hits = finder.search(query, limit=limit, typing=False)
    if args.json:
        json.dump([hit.to_json(book) for hit in hits], sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    else:
        _print_hits(book, hits, terminal_width(sys.stdout))
    if not hits:
        # Why, on stderr (with --json too, where stdout stays the empty list): a place the
        # book does not have says so, as in the finder (`No chapter 9: this book has 7 ...`).
        reason = finder.missing_place(query)
        if reason or not args.json:
            print(reason or "no matches", file=sys.stderr)
    return 0 if hits else 1


def _bookmarks(path: str) -> list[Bookmark]:
    """The book's bookmarks from the library, so `'` finds them as in the reader; none when the
    book is not in the library. Only read: a command line search changes nothing there."""
    from tui.library.library import Library

    library = Library.open(sample=False)
    record = library.find_by_path(path)
    return library.bookmarks(record.id) if record is not None else []


def _print_hits(book: Book, hits: list[Hit], width: int | None = None) -> None:
    """The hits, one a line with a line of detail under some; on a terminal (``width``) each
    cut with `…` to fit, the label before where the hit is, so that the place stays whole."""
    for number, hit in enumerate(hits, 1):
        where = _where(book, hit.para) if hit.para is not None else ""
        place = f"  ({where})" if where else ""
        print(fitted(f"{number:>3}. {hit.kind:<8} {hit.score:5.1f}  {hit.label}", place, width))
        if hit.detail and hit.kind != "text":
            detail = f"     {' ' * 8} {'':5}  {hit.detail}"
            print(detail if width is None else cut_end(detail, width))


def _where(book: Book, para: int) -> str:
    """Where paragraph ``para`` starts, as a reader finds it again: `line 120` of the file; in
    an EPUB or a web page, which have no lines of their own, how far into the story, as the
    reader's `%` takes it (`24.93%`), or "" outside the story (Gutenberg's header before it,
    the licence after it), where no percentage leads."""
    line = book.line_of(para)
    if line:
        return f"line {line}"
    offset = book.starts[para] if para < len(book) else len(book.text)
    if not story_start(book) <= offset < book.story_end:
        return ""
    return _percent_at(book, offset)


# How far before a place the reader's `%` may land: less than a screen, so it is in view.
NEAR = 400


def _percent_at(book: Book, offset: int) -> str:
    """The percentage, rounded down, with the fewest decimals (one to three) for which the
    reader's `%` lands on ``offset`` or at most `NEAR` characters before it."""
    from tui.reading.navigation import percent_offset
    from tui.reading.progress import story_percent

    percent = story_percent(book, offset)
    for decimals in (1, 2, 3):
        scale = 10**decimals
        shown = f"{math.floor(percent * scale) / scale:.{decimals}f}%"
        landed = percent_offset(book, shown)
        if landed is not None and offset - landed[0] <= NEAR:
            break
    return shown
