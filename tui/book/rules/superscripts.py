"""Project Gutenberg's superscript notation, read as ordinary letters.

`M^{r.}`, `M^{rs}`, `D^r` are letters set raised in the printed book, read as `Mr.`, `Mrs`,
`Dr`.
"""

from __future__ import annotations

import re

# A caret after a letter or a digit, then raised letters: several in braces (`M^{rs.}`, with
# the stop some editions raise too), or one alone (`D^r`). Only letters: `10^{6}` and `x^2` are
# powers, `^_^` is a face, and they keep their marks.
_SUPERSCRIPT = re.compile(r"(?<=[^\W_])\^(?:\{([^\W\d_]{1,6}\.?)\}|([^\W\d_])(?![^\W_]))")


def superscript_marks(text: str) -> list[tuple[int, int]]:
    """The marks of the superscripts in ``text`` as ``(index, width)``, in order: the caret (and
    its opening brace) before the raised letters, and the closing brace after them."""
    if "^" not in text:
        return []
    marks = []
    for match in _SUPERSCRIPT.finditer(text):
        if match.group(1) is not None:
            marks.append((match.start(), 2))
            marks.append((match.end() - 1, 1))
        else:
            marks.append((match.start(), 1))
    return marks


def without_superscript_marks(text: str) -> str:
    """``text`` with its superscripts read as ordinary letters: `M^{rs.} Bennet` is
    `Mrs. Bennet`."""
    if "^" not in text:
        return text
    return _SUPERSCRIPT.sub(lambda m: m.group(1) or m.group(2), text)
