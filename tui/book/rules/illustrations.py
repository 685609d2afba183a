"""Project Gutenberg's illustration notes, `[Illustration]` and `[Illustration: caption]`, also
where the caption runs over several lines and paragraphs before its closing bracket."""

from __future__ import annotations

import re

from tui.book.model import Book, ParaKind

_OPENING = re.compile(r"\[\s*Illustrations?\b", re.I)
# A note whose bracket is still open after this many paragraphs was no note (a stray `[`).
MAX_PARAGRAPHS = 8
MAX_CHARS = 1200


def opens_illustration(raw: str) -> bool:
    """Whether a stored paragraph starts an illustration note (`[Illustration`)."""
    return _OPENING.match(raw.lstrip()) is not None


def _depth(text: str) -> int:
    return text.count("[") - text.count("]")


def illustration_blocks(book: Book) -> list[tuple[int, int]]:
    """Each illustration note as paragraphs ``(first, end)``: the paragraph opening it, and
    the ones after it up to the one holding its closing bracket (`[Illustration:` /
    `“He came down to see the place”` / `[_Copyright 1894 by George Allen._]]`). A note whose
    bracket does not close within a few short paragraphs is its first paragraph alone."""
    blocks: list[tuple[int, int]] = []
    if not len(book):
        return blocks
    # (a preview's paragraphs cover a window of the text)
    for match in _OPENING.finditer(book.text, book.starts[0], book.ends[len(book) - 1]):
        para = book.para_at(match.start())
        if blocks and para < blocks[-1][1]:
            continue  # (inside the note before)
        start = book.starts[para]
        if book.ends[para] > match.start() and not book.text[start : match.start()].strip():
            blocks.append((para, _block_end(book, para)))
    return blocks


def _block_end(book: Book, first: int) -> int:
    depth = _depth(book.raw(first))
    size = book.ends[first] - book.starts[first]
    k = first + 1
    while depth > 0 and k < len(book) and k - first <= MAX_PARAGRAPHS:
        if book.kinds[k] == ParaKind.HEADING and depth == 1 and book.raw(k).rstrip()[-1:] != "]":
            break  # a chapter's heading after a note left open
        size += book.ends[k] - book.starts[k]
        if size > MAX_CHARS:
            break
        depth += _depth(book.raw(k))
        k += 1
        if depth <= 0:
            return k
    return first + 1


def illustration_paragraphs(book: Book) -> set[int]:
    """Every paragraph of an illustration note (see `illustration_blocks`)."""
    return {k for first, end in illustration_blocks(book) for k in range(first, end)}


def mark_illustrations(book: Book) -> None:
    """Set the story's illustration notes apart as labels, as the markup reader does: a
    picture's caption is not prose, and the page shows it quietly. Chapter headings, breaks
    and front or end matter inside a note keep their kind."""
    kinds = book.kinds
    text_kind, label = int(ParaKind.TEXT), int(ParaKind.LABEL)
    for first, end in illustration_blocks(book):
        for k in range(first, end):
            if kinds[k] == text_kind:
                kinds[k] = label
