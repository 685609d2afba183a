"""Text the finder shows without Project Gutenberg's emphasis marks.

It keeps where those marks set the text in italics or bold.
"""

from __future__ import annotations

from bisect import bisect_left
from typing import NamedTuple

from tui.book.rules.emphasis import emphasis, has_marks


class Styled(NamedTuple):
    """Characters ``start``..``end`` of the text shown in a style (`italic`, `bold`)."""

    start: int
    end: int
    style: str


class Unmarked(NamedTuple):
    """``text`` without its marks; ``styles`` in it; ``removed``: the marks' indices in the
    text as written, in order (to find where a character of it went)."""

    text: str
    styles: list[Styled]
    removed: list[int]

    def shown_at(self, written: int) -> int:
        """Where index ``written`` of the text as written is in ``text``."""
        return written - bisect_left(self.removed, written)


def unmarked(text: str) -> Unmarked:
    """``text`` as the reader shows it: `_very_` is `very` in italics, `**Seeing Red**` is
    `Seeing Red` in bold, `M^{rs.}` is `Mrs.`; an underscore opening italics that run on past
    the text's end (or closing ones begun before it) is taken out too."""
    if not has_marks(text):
        return Unmarked(text, [], [])
    found = emphasis(text)
    removed = [i for at, width in found.marks for i in range(at, at + width)]
    shown = "".join(text[a:b] for a, b in found.kept(len(text)))
    styles = [Styled(found.shown_at(a), found.shown_at(b), style) for a, b, style in found.styled]
    return Unmarked(shown, sorted(s for s in styles if s.end > s.start), removed)


def moved(styles: list[Styled], shift: int, low: int, high: int) -> list[Styled]:
    """``styles`` moved by ``shift`` characters and cut to ``low``..``high``."""
    found = []
    for start, end, style in styles:
        start, end = max(low, start + shift), min(high, end + shift)
        if end > start:
            found.append(Styled(start, end, style))
    return found
