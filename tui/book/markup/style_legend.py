"""A formatting legend before a fan work's story: the styles its author uses, each named in it."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Protocol

from tui.book.model import ParaKind

# Lines of a few words naming a style, set in it: how long, how many in a row, how many styles.
LINE_CHARS = 32
LINES = 4  # lines in a row, at the fewest
STYLES = 3  # different styles among them, at the fewest
QUOTES = "'\"‘’“”"
MARKS = {"*": "*", "~": "~", "_": "_", "<": ">", "[": "]", "(": ")"}
NAME = re.compile(r"[^\W\d_][\w'’-]*(?: [\w'’-]+){0,3}")


class StyledBlock(Protocol):
    """The markup a paragraph came from, with its emphasis."""

    @property
    def spans(self) -> list[tuple[int, int, str]] | None: ...


class StyledLine(Protocol):
    """What a legend line is read from: a paragraph of a markup book."""

    @property
    def text(self) -> str: ...
    @property
    def spans(self) -> list[tuple[int, int, str]] | None: ...
    @property
    def hint(self) -> ParaKind: ...
    @property
    def block(self) -> StyledBlock | None: ...


def _legend_style(para: StyledLine) -> tuple[str, str, frozenset[str]] | None:
    """The style a legend line is set in (its quotes, its marks, its emphasis), when the
    paragraph is a style's name of a few words set wholly in it: `'Talking'`, `"Thinking"`,
    `*expression*`, **Jutsu**, an italic *Flashback*; else None."""
    text = para.text.strip()
    if not 0 < len(text) <= LINE_CHARS:
        return None
    quote = text[0] if text[0] in QUOTES and text[-1] in QUOTES else ""
    inner = text[1:-1] if quote else text
    opening = inner[:1]
    mark = opening if opening and MARKS.get(opening) == inner[-1:] else ""
    words = inner[1:-1] if mark else inner
    if not NAME.fullmatch(words.strip()):
        return None
    spans = para.spans if para.hint != ParaKind.BREAK or para.block is None else para.block.spans
    # (emphasis counts when it covers the name, inside or outside its quotes)
    start, stop = text.index(words.strip()), text.index(words.strip()) + len(words.strip())
    emphasis = frozenset(k for a, b, k in spans or () if a <= start and b >= stop)
    if not (quote or mark or emphasis):
        return None
    return quote, mark, emphasis


def legend_breaks(out: Sequence[StyledLine]) -> list[int]:
    """Before a story, authors list the styles they use, each name set in its style
    (`'Talking'`, `"Thinking"`, `*expression*`, an italic *Flashback*): a lone style word in
    such a legend is not a worded break marker. A legend is a run of short lines in at least
    three different styles, before any break of the document. The paragraphs read as
    breaks that are such names."""
    found: list[int] = []
    k = 0
    while k < len(out):
        if out[k].hint == ParaKind.BREAK and not _legend_style(out[k]):
            return found  # the story has begun: a legend comes before it
        start, styles = k, set()
        while k < len(out) and (style := _legend_style(out[k])) is not None:
            styles.add(style)
            k += 1
        if k - start >= LINES and len(styles) >= STYLES:
            found += [j for j in range(start, k) if out[j].hint == ParaKind.BREAK]
        k = max(k, start + 1)
    return found
