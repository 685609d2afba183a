"""Chinese characters in their traditional and simplified forms, so searches cross scripts.

A search typed in either script finds a book written in the other (`水滸` finds *水浒传*).
Japanese writes some of the pairs as two different characters (`機` a machine, `机` a desk),
so a book's search looks for a character's other form only where the book never writes the
character itself; short texts such as titles are compared folded (`simplified`).

The pairs are derived from OpenCC's character table (Apache License 2.0, text in
`han_variants-licence.txt` beside them) by `tools/build_han_variants.py`, and read on first
use. Folding maps one character to one character, so a folded text keeps every offset.
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from importlib import resources

TABLE_PATH = resources.files("tui.book").joinpath("han_variants.txt")
_HAN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff]")


@functools.cache
def _folding() -> dict[int, str]:
    """Traditional character (its code point) -> simplified character, for `str.translate`."""
    lines = TABLE_PATH.read_text(encoding="utf-8").split()
    return {ord(line[0]): line[1] for line in lines}


@functools.cache
def _unfolding() -> dict[str, tuple[str, ...]]:
    """Simplified character -> the traditional characters folded to it (`发`: `發`, `髮`)."""
    found: defaultdict[str, list[str]] = defaultdict(list)
    for traditional, simple in _folding().items():
        found[simple].append(chr(traditional))
    return {simple: tuple(sorted(forms)) for simple, forms in found.items()}


def simplified(text: str) -> str:
    """``text`` with each traditional Chinese character in its simplified form (`國` -> `国`);
    text without Chinese characters comes back as it is, at the cost of one search."""
    if _HAN.search(text) is None:
        return text
    return text.translate(_folding())


def other_forms(char: str) -> tuple[str, ...]:
    """The other forms of one Chinese character: the simplified form of a traditional one
    (`滸` -> `浒`), the traditional forms of a simplified one (`发` -> `發`, `髮`), or none."""
    if len(char) != 1 or _HAN.match(char) is None:
        return ()
    folded = _folding().get(ord(char))
    if folded is not None:
        return (folded,)
    return _unfolding().get(char, ())
