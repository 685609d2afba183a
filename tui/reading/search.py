"""Find next and previous in a book's text: smart-case, in chunks, telling when it wrapped."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

# Characters searched per step. Each step is one regex call that holds the GIL, so steps stay
# short enough (about a millisecond) for the interface thread to run between them.
CHUNK = 256 * 1024
# Typed characters that also match their typographic forms in books.
_EQUIVALENTS = {
    "'": "['‘’ʼ]",
    '"': '["“”„]',
    "-": "[-‐‑–—]",
}


@dataclass(frozen=True, slots=True)
class Match:
    """A match: its span in ``book.text`` and whether the search went round the end to get it."""

    start: int
    end: int
    wrapped: bool = False


def compile_query(query: str) -> re.Pattern[str] | None:
    """A pattern for what the user typed: literal text, any run of whitespace between words,
    straight quotes matching curly ones, and smart case (case-sensitive only when the query
    has a capital letter). None for a blank query."""
    words = query.split()
    if not words:
        return None
    parts = []
    for word in words:
        parts.append("".join(_EQUIVALENTS.get(ch) or re.escape(ch) for ch in word))
    flags = 0 if any(ch.isupper() for ch in query) else re.IGNORECASE
    return re.compile(r"\s+".join(parts), flags)


@dataclass(frozen=True, slots=True)
class _Scan:
    """One search over a text, in chunks, checking between chunks whether it was cancelled."""

    pattern: re.Pattern[str]
    text: str
    cancelled: Callable[[], bool]

    @property
    def pad(self) -> int:
        """How far a match may run past a chunk's end (matches are about the query's length)."""
        return 4 * len(self.pattern.pattern) + 4096

    def first(self, lo: int, hi: int) -> re.Match[str] | None:
        """The first match starting in ``[lo, hi)``."""
        pad = self.pad
        pos = lo
        while pos < hi:
            if self.cancelled():
                return None
            stop = min(hi, pos + CHUNK)
            match = self.pattern.search(self.text, pos, min(len(self.text), stop + pad))
            if match is not None and match.start() < stop:
                return match
            pos = stop
        return None

    def last(self, lo: int, hi: int) -> re.Match[str] | None:
        """The last match starting in ``[lo, hi)``, looking nearest first."""
        pad = self.pad
        stop = hi
        size = 16 * 1024
        while stop > lo:
            if self.cancelled():
                return None
            start = max(lo, stop - size)
            found = None
            for match in self.pattern.finditer(self.text, start, min(len(self.text), stop + pad)):
                if match.start() >= stop:
                    break
                found = match
            if found is not None:
                return found
            stop = start
            size = min(size * 2, CHUNK)
        return None


def find(
    text: str,
    pattern: re.Pattern[str],
    origin: int,
    *,
    backward: bool = False,
    cancelled: Callable[[], bool] = lambda: False,
) -> Match | None:
    """The next match at or after ``origin`` (backward: the last one before it).

    When none is left in that direction the search goes round from the other end of the text;
    the hit then has ``wrapped`` set. None when there is no match at all, or when
    ``cancelled()`` turns true (a newer search replaced this one).
    """
    origin = max(0, min(origin, len(text)))
    scan = _Scan(pattern, text, cancelled)
    if backward:
        match = scan.last(0, origin)
        wrapped = match is None and not cancelled()
        if wrapped:
            match = scan.last(origin, len(text))
    else:
        match = scan.first(origin, len(text))
        wrapped = match is None and not cancelled()
        if wrapped:
            match = scan.first(0, origin)
    if match is None or cancelled():
        return None
    return Match(match.start(), match.end(), wrapped)


def spans_in(pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    """Every match in a short text (one paragraph), for highlighting."""
    return [m.span() for m in pattern.finditer(text) if m.end() > m.start()]
