"""Regular expressions compiled when first used, not when the text engine is imported, and
sets of words written as one string."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable


def compiled_on_first_use(pattern: str, flags: int = 0) -> Callable[[], re.Pattern[str]]:
    """A function returning ``re.compile(pattern, flags)``, compiled at its first call.

    For the patterns only the whole book's parse needs: compiling them at import would delay
    the first page, which is shown before the whole book is parsed.
    """
    return functools.cache(lambda: re.compile(pattern, flags))


def word_set(text: str) -> frozenset[str]:
    """A set of words written as one space-separated string (`"Mr Mrs Ms"`)."""
    return frozenset(text.split())
