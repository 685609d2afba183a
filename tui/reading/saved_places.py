"""Saved places (marks, bookmarks, the jump list) in a book of which only a part is read yet."""

from __future__ import annotations

from tui.book.anchor import Anchor, anchor_paragraph, fingerprint
from tui.book.model import Book


def held_by_part(book: Book, offset: int) -> bool:
    """Whether ``book``, a preview, holds the place at ``offset``: a preview's offsets agree
    with the whole book's, so a place inside its paragraphs is shown where the whole book
    has it."""
    return len(book) > 0 and int(book.starts[0]) <= offset <= int(book.ends[-1])


def found_in_part(book: Book, anchor: Anchor) -> int | None:
    """Where ``anchor`` is in ``book``, a preview: its own offset, when the paragraph there is
    the anchor's (the same fingerprint). None when only the whole book can say: the preview
    does not hold the place, or the text there changed since it was saved, and the paragraph
    moved somewhere the preview may not reach. A paragraph alike elsewhere in the preview is
    never taken for it: that would be a guess."""
    if not held_by_part(book, anchor.offset):
        return None
    para = anchor_paragraph(book, anchor.offset, anchor.within)
    if fingerprint(book.paragraph(para)) != anchor.fingerprint:
        return None
    return anchor.offset
