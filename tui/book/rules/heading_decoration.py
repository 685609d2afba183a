"""What dresses a heading line without being its words.

Alt text left by EPUB conversion (`image`) and decoration (`~ Chapter 5 ~`, `**Chapter 8**`,
`[Part 1]`).
"""

from __future__ import annotations

import re

_DECORATION = re.compile(r"^[\s#*_~=\-–—\[\]()<>|+:.•·]+|[\s*_~=\-–—\[\]()<>|+:•·]+$")


def strip_alt_text(text: str) -> str:
    """Drop `image` tokens left by EPUB conversion at the edges of a heading or after its label.

    `Chapter 1 image A Creeping Horror image` -> `Chapter 1 A Creeping Horror`. Alt text comes
    in pairs (or starts the line): a title that merely ends in `Image` keeps it.
    """
    if "image" not in text.lower():
        return text
    words = text.split()
    lowered = [w.lower() for w in words]
    at_edge = lowered[0] == "image" or lowered[-1] == "image"
    if not at_edge or (lowered.count("image") < 2 and words[0] != "image"):
        return text
    return " ".join(w for w in words if w.lower() != "image")


def strip_decoration(line: str) -> str:
    """`~ Chapter 5 ~` -> `Chapter 5`; a closing bracket that closes something stays
    (`Chapter 10 (Part 1)`, `Arc 1 (Kindling)`)."""
    inner = _DECORATION.sub("", line).strip()
    for opener, closer in ("()", "[]"):
        missing = inner.count(opener) - inner.count(closer)
        if missing > 0 and line.rstrip().endswith(closer):
            inner += closer * min(missing, line.count(closer) - inner.count(closer))
    return inner


def strip_title_decoration(title: str) -> str:
    """The title after a heading's label without the decoration at its edges (`Chapter 1: --
    The Storm` has the title `The Storm`); a closing bracket that closes one in the title
    stays (`Author's Note (Important)`)."""
    return strip_decoration(title) if title else ""


def without_closing_stop(line: str) -> str:
    """A title line without the full stop that closes it (`A denuncia.` reads `A denuncia`); an
    ellipsis (`..`, `...`) is words, and stays."""
    return line[:-1] if line.endswith(".") and not line.endswith("..") else line
