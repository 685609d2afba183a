"""A passage of whole paragraphs: what `yank` copies and a quote keeps, and how it is told."""

from __future__ import annotations

from dataclasses import dataclass

from tui.book.heading_text import line_text, paragraph_text
from tui.book.model import Book, ParaKind

# Paragraphs that are not the book's words: a copy leaves them out.
_NOT_TEXT = (ParaKind.LABEL,)


@dataclass(frozen=True, slots=True)
class Selection:
    """Paragraphs from ``anchor`` to ``head`` (either way round), as visual mode grows them."""

    anchor: int
    head: int

    @property
    def first(self) -> int:
        return min(self.anchor, self.head)

    @property
    def last(self) -> int:
        return max(self.anchor, self.head)

    def extended(self, by: int, paragraphs: int) -> Selection:
        """The head moved ``by`` paragraphs, kept inside a book of ``paragraphs``."""
        return Selection(self.anchor, max(0, min(paragraphs - 1, self.head + by)))


def passage_text(book: Book, first: int, last: int) -> str:
    """The book's own text of paragraphs ``first`` to ``last``: each as one line (a
    hard-wrapped file's line breaks rejoined), a blank line between paragraphs. A chapter's
    heading is copied as the page shows it: its clean title, or its own line over the title
    line copied with it."""
    first, last = max(0, first), min(len(book) - 1, last)
    texts = (
        line_text(book, i) if i < last else paragraph_text(book, i)
        for i in range(first, last + 1)
        if book.kinds[i] not in _NOT_TEXT
    )
    return "\n\n".join(text for text in texts if text.strip())


def copied_notice(text: str) -> str:
    """`Copied 2 paragraphs, 143 words`."""
    paragraphs = len([p for p in text.split("\n\n") if p.strip()])
    words = len(text.split())
    return (
        f"Copied {paragraphs} paragraph{'' if paragraphs == 1 else 's'}, "
        f"{words} word{'' if words == 1 else 's'}"
    )
