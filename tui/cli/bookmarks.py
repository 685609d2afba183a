"""`chapbook bookmarks BOOK [--markdown]`: a book's bookmarks and quotes, with chapter and scene."""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass

from tui.book.anchor import Bookmark, anchor_paragraph, named_paragraph, resolve_anchor
from tui.book.loader import neutralise
from tui.book.model import Book, BookError
from tui.paths import shown_percent


@dataclass(frozen=True, slots=True)
class Placed:
    """A bookmark and where it is in the book now."""

    mark: Bookmark
    place: str  # the chapter's title, or the front or end matter's name, as the reader names it
    scene: int | None  # 1-based, None outside scenes
    percent: float


def placed(book: Book, marks: list[Bookmark]) -> list[Placed]:
    """The bookmarks in book order, each found where it is now, named and at the percentage
    the reader's status line and bookmark list give (measured over the story)."""
    from tui.reading.bookmarks import labelled_paragraph
    from tui.reading.progress import ProgressMeter

    meter = ProgressMeter(book)
    out = []
    for mark in marks:
        offset, _ = resolve_anchor(book, mark.anchor)
        para = anchor_paragraph(book, offset, mark.anchor.within)
        # (named as the status line named the place where it was set)
        para = named_paragraph(book, mark, offset, labelled_paragraph(book, para))
        place = meter.place(para) if len(book) else ""
        scene = book.scene_at(para) if len(book) else None
        percent = meter.percent_at(offset)
        out.append(Placed(mark, place, scene.index + 1 if scene else None, percent))
    return sorted(out, key=lambda p: (p.percent, p.mark.created))


def _where(place: Placed) -> str:
    parts = [place.place] if place.place else []  # (a book without chapters: no name)
    if place.scene is not None:
        parts.append(f"scene {place.scene}")
    parts.append(shown_percent(place.percent))
    return " · ".join(parts)


def _label(mark: Bookmark) -> str:
    """The label as the reader's bookmark list gives it: a renamed mark with its letter
    (`'a start`), so the mark it is can be told."""
    from tui.reading.bookmarks import with_letter

    # (a label is the user's, kept in a file that may have been edited: it never drives the
    # terminal, as the book's own text never does)
    return neutralise(with_letter(mark, mark.label))


def as_text(places: list[Placed]) -> str:
    lines = []
    for place in places:
        kind = "quote" if place.mark.quote else "bookmark"
        label = f" — {_label(place.mark)}" if place.mark.label else ""
        lines.append(f"{kind}: {_where(place)}{label}")
        for paragraph in neutralise(place.mark.quote).split("\n\n") if place.mark.quote else []:
            lines.append(f"    {paragraph}")
    return "\n".join(lines) + ("\n" if lines else "")


def as_markdown(title: str, places: list[Placed]) -> str:
    out = [f"# {title}", ""]
    for place in places:
        label = f": {_label(place.mark)}" if place.mark.label else ""
        out.append(f"## {_where(place)}{label}")
        out.append("")
        if place.mark.quote:
            quote = neutralise(place.mark.quote).split("\n")
            out.extend(f"> {line}" if line else ">" for line in quote)
            out.append("")
    return "\n".join(out)


def run(args: argparse.Namespace) -> int:
    """Print the bookmarks and quotes; exit 1 when the book has none (like grep)."""
    from tui.book.formats import open_book
    from tui.library.library import Library

    book = open_book(args.file)
    library = Library.open(sample=False)
    record = library.find_by_path(args.file)
    marks = library.bookmarks(record.id) if record is not None else []
    if not marks:
        if record is None:
            raise BookError(f"{args.file} is not in the library: open it once to bookmark it")
        print("no bookmarks or quotes yet", file=sys.stderr)
        return 1
    places = placed(book, marks)
    title = book.title or str(args.file)
    sys.stdout.write(as_markdown(title, places) if args.markdown else as_text(places))
    sys.stdout.flush()
    return 0
