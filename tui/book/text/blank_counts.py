"""The blank lines before every paragraph of a book, counted once for all passes.

The passes that ask it of each paragraph (an 84 MB serial has 760,000) share one count, instead
of each pass counting once a paragraph.
"""

from __future__ import annotations

import weakref
from array import array
from collections.abc import Sequence
from itertools import repeat

from tui.book.model import Book

_COUNTED: dict[int, Sequence[int]] = {}
# A paragraph's line ends before it, less the one that ends the paragraph before.
_LESS_ONE = bytes([0, *range(255)])


def blank_lines_each(book: Book) -> Sequence[int]:
    """How many blank lines stand before each paragraph (as `blank_lines_before` counts them;
    none before the first), counted at the first call for a book."""
    key = id(book)
    counts = _COUNTED.get(key)
    if counts is None:
        counts = _COUNTED[key] = _count(book.text, book.starts, book.ends)
        weakref.finalize(book, _COUNTED.pop, key, None)
    return counts


def _count(text: str, starts: array, ends: array) -> Sequence[int]:
    if len(starts) == 0:
        return b""
    # (str.count called from `map` and the bytes made from what it returns, with no Python
    # step per paragraph; a gap of 256 line ends or more is counted into an array instead)
    line_ends = map(text.count, repeat("\n"), ends[:-1], starts[1:])
    try:
        return b"\0" + bytes(line_ends).translate(_LESS_ONE)
    except ValueError:
        line_ends = map(text.count, repeat("\n"), ends[:-1], starts[1:])
        return array("q", [0, *map(max, repeat(0), map((-1).__add__, line_ends))])
