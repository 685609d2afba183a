"""A big book's whole text, read before its parse ends, for moves that need not wait.

Where the end, a percentage and a line are, and a preview around any of them, so those moves
need not wait for the chapters.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from tui.book.loader import LoadedText
from tui.book.model import Book

# Characters of the text counted at a time while looking for a line.
_STRETCH = 1 << 20


@dataclass(frozen=True, slots=True)
class WholeText:
    """The text of a book whose whole parse is still running (offsets as the parse's)."""

    loaded: LoadedText

    @property
    def length(self) -> int:
        return len(self.loaded.text)

    def percent_offset(self, percent: float) -> int:
        """About ``percent`` of the way in: of the text, as the story's bounds (past a
        Gutenberg header, before the end matter) are known only once the book is parsed."""
        return math.ceil(self.length * max(0.0, min(100.0, percent)) / 100)

    def line_count(self) -> int:
        """The file's lines, as `wc -l` and less count them (`Book.line_count`)."""
        text = self.loaded.text
        return text.count("\n") + (0 if not text or text.endswith("\n") else 1)

    def line_offset(self, line: int) -> int | None:
        """Where 1-based line ``line`` starts; None past the last line."""
        text, wanted, at = self.loaded.text, max(1, line) - 1, 0
        while wanted:
            stretch = text.count("\n", at, at + _STRETCH)
            if stretch >= wanted:
                break
            if at + _STRETCH >= len(text):
                return None
            wanted -= stretch
            at += _STRETCH
        for _ in range(wanted):
            at = text.index("\n", at) + 1
        return at if at < len(text) or line == 1 else None

    def preview(self, around: int, span: int) -> Book:
        """A preview of the text around ``around``, with the whole book's offsets."""
        from tui.book.text.parse import parse_preview

        loaded = self.loaded
        return parse_preview(loaded.text, around, span, path=loaded.path, encoding=loaded.encoding)
