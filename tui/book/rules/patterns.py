"""Regular expressions compiled on first use, and sets of words written as one string.

A pattern is compiled when first used, not when the text engine is imported, and searched for
from a rare character it starts with.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator


def compiled_on_first_use(pattern: str, flags: int = 0) -> Callable[[], re.Pattern[str]]:
    """A function returning ``re.compile(pattern, flags)``, compiled at its first call.

    For the patterns only the whole book's parse needs: compiling them at import would delay
    the first page, which is shown before the whole book is parsed.
    """
    return functools.cache(lambda: re.compile(pattern, flags))


# Matches looked for one by one from their first character at most this many times: past
# them, the character is common in the text, and the engine's own search is the faster.
LEAD_LOOKS = 2000


def matches_led_by(
    pattern: re.Pattern[str], lead: str, text: str, lo: int = 0, hi: int | None = None
) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text, lo, hi)``, for a pattern whose every match starts with the
    character ``lead``, rare in prose (`[`, `(`): the engine tries the pattern at every
    character (a tenth of a second over an 84 MB serial), where a search for the character
    skips to each place it is."""
    hi = len(text) if hi is None else hi
    at = text.find(lead, lo, hi)
    for _ in range(LEAD_LOOKS):
        if at < 0:
            return
        found = pattern.match(text, at, hi)
        if found is not None:
            yield found
        at = text.find(lead, found.end() if found is not None else at + 1, hi)
    if at >= 0:
        yield from pattern.finditer(text, at, hi)


def word_set(text: str) -> frozenset[str]:
    """A set of words written as one space-separated string (`"Mr Mrs Ms"`)."""
    return frozenset(text.split())
