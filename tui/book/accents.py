"""Accented letters written decomposed (a letter, then its combining accent) made one."""

from __future__ import annotations

import re
import unicodedata

# The combining diacritical marks a decomposed accented Latin, Greek or Cyrillic letter ends with.
_COMBINING_ACCENT = re.compile("[\u0300-\u036f]")


def composed(text: str) -> str:
    """Letters with their accents as one character each (Unicode NFC), as most files write
    them: a file saved with accents decomposed (`i` + U+0301 for `í`, as macOS names files)
    reads the same, and `CAPÍTULO` is still a heading. Only a text with a combining accent is
    changed, so nothing else (CJK compatibility ideographs) is rewritten."""
    if _COMBINING_ACCENT.search(text) is None:
        return text
    return unicodedata.normalize("NFC", text)
