"""Underscores that mark emphasis around words, as Project Gutenberg's texts set italics."""

from __future__ import annotations

import re

# Underscores set around words as emphasis (`JOURNAL--_continued_`), or after a number (the
# superscript of `21_st_`); never one inside a word (`snake_case`) or doubled (`__init__`).
_EMPHASIS = re.compile(r"(?<![^\W\d]|_)_(?=[^\s_])(.+?)(?<=[^\s_])_(?![\w_])")


def emphasis_marks(text: str) -> list[int]:
    """Indices in ``text`` of the underscores that mark emphasis, in order."""
    marks = []
    for found in _EMPHASIS.finditer(text):
        marks += [found.start(), found.end() - 1]
    return marks


def plain_title(text: str) -> str:
    """A title as users should read it: without the underscores that mark its emphasis."""
    return _EMPHASIS.sub(r"\1", text) if "_" in text else text


def without_emphasised(text: str) -> str:
    """``text`` without its emphasised words, marks and all (`DIARY--_continued_.` reads
    `DIARY--.`): what the rest of a line is written in."""
    return _EMPHASIS.sub("", text) if "_" in text else text
