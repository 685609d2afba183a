"""Traditional Chinese characters folded to simplified ones, so searches cross scripts.

A search typed in either script finds a book written in the other (`水滸` finds *水浒传*).

The pairs are derived from OpenCC's character table (Apache License 2.0, text in
`han_variants-licence.txt` beside them) by `tools/build_han_variants.py`, and read on first
use. Folding maps one character to one character, so a folded text keeps every offset.
"""

from __future__ import annotations

import functools
import re
from importlib import resources

TABLE_PATH = resources.files("tui.book").joinpath("han_variants.txt")
_HAN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff]")


@functools.cache
def _folding() -> dict[int, str]:
    """Traditional character (its code point) -> simplified character, for `str.translate`."""
    lines = TABLE_PATH.read_text(encoding="utf-8").split()
    return {ord(line[0]): line[1] for line in lines}


def simplified(text: str) -> str:
    """``text`` with each traditional Chinese character in its simplified form (`國` -> `国`);
    text without Chinese characters comes back as it is, at the cost of one search."""
    if _HAN.search(text) is None:
        return text
    return text.translate(_folding())
