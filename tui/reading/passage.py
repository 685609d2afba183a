"""A passage of whole paragraphs: what `yank` copies and a quote keeps, and how it is told."""

from __future__ import annotations

from dataclasses import dataclass

from tui.book.heading_text import line_text, paragraph_text
from tui.book.model import Book, ParaKind
from tui.reading.bookmarks import labelled_paragraph

# Paragraphs that are not the book's words: a copy leaves them out.
_NOT_TEXT = (ParaKind.LABEL,)
# Paragraphs a copy of the page does not start at while the story's words are on screen:
# the heading, a label and an ornament only name or divide what follows them.
_NOT_A_START = (ParaKind.HEADING, ParaKind.LABEL, ParaKind.BREAK)


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


def first_paragraph_shown(book: Book, top: int, shown_until: int) -> int:
    """The paragraph a copy or quote of the page starts at: the first from ``top`` that
    begins before ``shown_until`` (the end of the screen) and is not a heading, a label or a
    scene break; when the screen shows nothing else, the heading (copied as itself), or the
    first paragraph past the scene breaks."""
    fallback = None
    at = top
    while at < len(book) and (at == top or book.starts[at] < shown_until):
        kind = book.kinds[at]
        if kind not in _NOT_A_START:
            return at
        if fallback is None and kind != ParaKind.BREAK:
            fallback = at
        at += 1
    return labelled_paragraph(book, top) if fallback is None else fallback


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


def passage_size(text: str) -> str:
    """`2 paragraphs, 143 words`: how much a copy or a quote holds."""
    paragraphs = len([p for p in text.split("\n\n") if p.strip()])
    words = len(text.split())
    return (
        f"{paragraphs} paragraph{'' if paragraphs == 1 else 's'}, "
        f"{words} word{'' if words == 1 else 's'}"
    )


def copied_notice(text: str) -> str:
    """`Copied 2 paragraphs, 143 words`."""
    return f"Copied {passage_size(text)}"
