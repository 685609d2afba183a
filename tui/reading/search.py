"""Find next and previous in a book's text: smart-case, in chunks, telling when it wrapped."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from itertools import pairwise

from tui.book.rules.cjk_lines import joins_without_space

# Characters searched per step. Each step is one regex call that holds the GIL, so steps stay
# short enough (about a millisecond) for the interface thread to run between them.
CHUNK = 256 * 1024
# Typed characters that also match their typographic forms in books.
_EQUIVALENTS = {
    "'": "['‘’ʼ]",
    '"': '["“”„]',
    "-": "[-‐‑–—]",
}


def _accented_forms() -> dict[str, str]:
    """Each plain Latin letter and its accented forms in Latin-1 and Latin Extended-A/B
    (`e` → `éèêëēĕėęě…`): a reader types `cafe` and `naive` for `café` and `naïve`."""
    forms: dict[str, str] = {}
    for code in range(0xC0, 0x250):
        char = chr(code)
        base = unicodedata.normalize("NFD", char)[0]
        if base != char and base.isascii() and base.isalpha():
            forms[base] = forms.get(base, "") + char
    return forms


_ACCENTED = _accented_forms()
# The marks of a superscript between two letters of a word: `M^{r.}`, `M^{rs}.`, `D^r`.
_RAISED = r"(?:\^\{?|\})?"
# Between two letters of a word: a superscript's marks, or a hyphen (at a line's end too): the
# book's `quarter-deck` and `to-day` are what a reader types as `quarterdeck` and `today`.
_INSIDE_WORD = r"(?:\^\{?|\}|[-\u2010](?:[ \t]*\n[ \t]*)?)?"
# A line break inside a word of Chinese or Japanese, with the spaces around it.
_LINE_BREAK = r"(?:[ \t]*\n[ \t]*)?"


@dataclass(frozen=True, slots=True)
class Match:
    """A match: its span in ``book.text`` and whether the search went round the end to get it."""

    start: int
    end: int
    wrapped: bool = False


REGEX_PREFIX = "re:"
# What only a regular expression writes: an escape such as \b, \d or vim's \< (where a plain
# search does not take it as a word's edge), a ^ first or a $ last,
# .* or .+, an | between alternatives, or a class of characters ([Mm], [a-z], [^,]). Plain
# words with a full stop, a question mark or brackets (`Mr. Darcy`, `why?`, `(aside)`,
# `[Illustration]`) are not taken for one.
_PATTERN_SYNTAX = re.compile(
    r"\\[bBdDwWsSAZ<>]|^\^|\$$|\.[*+?]|\|"
    r"|\[\^[^\]]+\]|\[[^\]]*\w-\w[^\]]*\]|(?i:\[(\w)\1\])"
)
# vim's word edges, `\<` and `\>`: a word's start and end (`/\<Mina\>` finds Mina, not
# Minadoro). A plain search takes them at the ends of its words, a pattern anywhere.
WORD_START, WORD_END = "\\<", "\\>"
_WORD_EDGES = {"<": r"\b(?=\w)", ">": r"\b(?<=\w)"}
# A backslash and what it escapes, read left to right (so `\\<` is a backslash, then `<`).
_ESCAPE = re.compile(r"\\(.)", re.DOTALL)


def written_as_pattern(query: str) -> bool:
    """True for a plain (not `re:`) query written as a regular expression (`\\bMina\\b`,
    `^CHAPTER`, `Lucy.*Mina`): found nothing, it was likely meant as one. vim's word edges
    at the ends of a word (`\\<Mina\\>`) are not: a plain search takes them as they are meant."""
    if query.startswith(REGEX_PREFIX):
        return False
    plain = " ".join(_edges(word)[1] for word in query.split())
    return _PATTERN_SYNTAX.search(plain) is not None


def _edges(word: str) -> tuple[bool, str, bool]:
    """A typed word without vim's word edges around it, and whether it had each:
    `\\<Mina\\>` is (True, "Mina", True). A word that is only edges is kept as typed."""
    starts, ends = word.startswith(WORD_START), word.endswith(WORD_END)
    core = word[len(WORD_START) * starts : len(word) - len(WORD_END) * ends]
    if not core:
        return False, word, False
    return starts, core, ends


def vim_word_edges(pattern: str) -> str:
    """A regular expression with vim's `\\<` and `\\>` made a word's start and end (Python's
    own `re` reads them as a plain `<` and `>`)."""
    return _ESCAPE.sub(lambda m: _WORD_EDGES.get(m.group(1), m.group(0)), pattern)


def spaces_as_whitespace(pattern: str) -> str:
    """A regular expression whose spaces (outside a class of characters, not escaped) match
    any run of whitespace, as a plain search's do: the page joins what the file breaks over
    lines, so `Lucy.s fading` finds `Lucy's` at a line's end and `fading` on the next. A space
    under a quantifier (`foo *bar`, `said ?Lucy`, `a {2}b`) is one whitespace character, so the
    quantifier means what it meant."""
    if _VERBOSE.match(pattern) or "\\N{" in pattern:
        return pattern  # (verbose: spaces match nothing; `\N{NAME}`: they are the name's)
    out: list[str] = []
    escaped = in_class = False
    for at, char in enumerate(pattern):
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif in_class:
            # (a `]` first in a class, or after its `^`, is one of its characters)
            in_class = char != "]" or out[-1] == "[" or out[-2:] == ["[", "^"]
        elif char == "[":
            in_class = True
        elif char == " ":
            following = pattern[at + 1 : at + 2]
            if following and following in "*+?{":
                out.append(r"\s")
            elif not out or out[-1] != r"\s+":
                out.append(r"\s+")
            continue
        out.append(char)
    return "".join(out)


# A pattern that starts with inline flags holding `x` (`(?x)`, `(?ix)`): verbose.
_VERBOSE = re.compile(r"\(\?[a-zA-Z]*x")


class BadQuery(ValueError):
    """A regular expression that does not compile; ``str(err)`` is one line for the user."""


def any_of_words(words: Iterable[str]) -> str:
    """A query (`re:\\b(?:leper|universe)\\b`) for any of ``words`` as a whole word, in any
    case: the words a finder jump landed on, made the search so `n` goes on to the next."""
    # The longest first: a word that starts another (`sea`, `seas`) does not cut it short.
    alternatives = sorted({word.lower() for word in words}, key=lambda w: (-len(w), w))
    return f"{REGEX_PREFIX}\\b(?:{'|'.join(re.escape(word) for word in alternatives)})\\b"


def compile_query(query: str, regex: bool = False) -> re.Pattern[str] | None:
    """A pattern for what the user typed: literal text, any run of whitespace between words,
    straight quotes matching curly ones, and smart case (case-sensitive only when the query
    has a capital letter). None for a blank query.

    A query written `re:PATTERN`, or any query when ``regex`` is true, is a regular
    expression (smart case too); one that does not compile raises `BadQuery`."""
    if query.startswith(REGEX_PREFIX):
        query, regex = query[len(REGEX_PREFIX) :], True
    if not query.strip():
        return None
    sensitive = any(ch.isupper() for ch in query)
    flags = 0 if sensitive else re.IGNORECASE
    if regex:
        try:
            # ^ and $ are a line's start and end, as in vim and less (`^CHAPTER`).
            # (checked as typed first, so that a mistake is told where the user made it)
            re.compile(vim_word_edges(query), flags | re.MULTILINE)
            written = spaces_as_whitespace(vim_word_edges(query))
            pattern = re.compile(written, flags | re.MULTILINE)
        except re.error as err:
            raise BadQuery(f"Not a regular expression: {query} ({err.msg} at {err.pos})") from None
        if pattern.fullmatch("") is not None:
            raise BadQuery(f"The pattern {query} matches empty text: make it match something")
        return pattern
    # Inside a word, the marks of a superscript may come between its letters: `Mrs. Long`
    # finds `M^{rs}. Long` (see `rules.superscripts`).
    parts = [_edged_word(word, sensitive=sensitive) for word in query.split()]
    # Between words, emphasis marks too: `very old man` finds `very _old_ man`, and `seeing
    # red` finds `**Seeing Red**`'s words.
    return re.compile(r"\}?[_*]*\s+[_*]*".join(parts), flags)


def _edged_word(word: str, *, sensitive: bool) -> str:
    """The pattern for one typed word, held to a word's start or end where it is written with
    vim's `\\<` or `\\>` (`\\<Mina\\>` is the whole word)."""
    starts, core, ends = _edges(word)
    pattern = _word(core, sensitive=sensitive)
    return _WORD_EDGES["<"] * starts + pattern + _WORD_EDGES[">"] * ends


def _word(word: str, *, sensitive: bool) -> str:
    """The pattern for one typed word: its characters, with superscript marks allowed between
    them, and a hard-wrapped file's line break between two that join with none (Chinese or
    Japanese, see `cjk_lines`): `若不殺` finds `若\\n不殺`, which the page shows as one."""
    pattern = [_typed(word[0], sensitive=sensitive)]
    for before, char in pairwise(word):
        if joins_without_space(before, char):
            pattern.append(_LINE_BREAK)
        else:
            pattern.append(_INSIDE_WORD if before.isalpha() and char.isalpha() else _RAISED)
        pattern.append(_typed(char, sensitive=sensitive))
    return "".join(pattern)


def _typed(char: str, *, sensitive: bool) -> str:
    """The pattern for one typed character: itself, its typographic forms, or, for a plain
    letter, its accented forms too (of its own case when the search heeds case)."""
    if char in _EQUIVALENTS:
        return _EQUIVALENTS[char]
    # Case-blind, the lower-case forms are enough (the pattern ignores case).
    accented = _ACCENTED.get(char if sensitive else char.lower(), "")
    return f"[{char}{accented}]" if accented else re.escape(char)


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
    within: tuple[int, int] | None = None,
) -> Match | None:
    """The next match at or after ``origin`` (backward: the last one before it).

    When none is left in that direction the search goes round from the other end of the text
    (or of the span ``within``, when given: a chapter); the hit then has ``wrapped`` set. None
    when there is no match at all, or when ``cancelled()`` turns true (a newer search replaced
    this one).
    """
    lo, hi = within if within is not None else (0, len(text))
    lo, hi = max(0, lo), min(len(text), hi)
    origin = max(lo, min(origin, hi))
    scan = _Scan(pattern, text, cancelled)
    if backward:
        match = scan.last(lo, origin)
        wrapped = match is None and not cancelled()
        if wrapped:
            match = scan.last(origin, hi)
    else:
        match = scan.first(origin, hi)
        wrapped = match is None and not cancelled()
        if wrapped:
            match = scan.first(lo, origin)
    if match is None or cancelled() or match.end() > hi:
        return None
    return Match(match.start(), match.end(), wrapped)


def find_steps(
    text: str,
    pattern: re.Pattern[str],
    origin: int,
    steps: int,
    *,
    backward: bool = False,
    cancelled: Callable[[], bool] = lambda: False,
    within: tuple[int, int] | None = None,
) -> Match | None:
    """The ``steps``-th match on from ``origin`` (`5n`): the first is `find`'s, each next one
    is found on from the one before. Once the steps come back to the first match they went
    through, whole rounds are skipped, so a huge count costs at most one round of the text.
    ``wrapped`` is set when any step went round the end. None as for `find`."""
    at, done, wrapped = origin, 0, False
    first: tuple[int, int] | None = None  # the first match's start, and its step
    match = None
    while done < steps:
        match = find(text, pattern, at, backward=backward, cancelled=cancelled, within=within)
        if match is None:
            return None
        done += 1
        wrapped = wrapped or match.wrapped
        if first is None:
            first = (match.start, done)
        elif match.start == first[0]:
            steps = done + (steps - done) % (done - first[1])
        at = match.start if backward else match.start + 1
    if match is None:
        return None
    return Match(match.start, match.end, wrapped)


def match_around(text: str, pattern: re.Pattern[str], at: int, reach: int) -> Match | None:
    """The match that holds character ``at`` (a phrase the finder landed on, whose first word
    it counts may be its second), else the first after it, within ``reach`` characters."""
    for match in pattern.finditer(text, max(0, at - reach), min(len(text), at + reach)):
        if match.end() > at and match.end() > match.start():
            return Match(match.start(), match.end())
    return None


def match_starts(
    text: str,
    pattern: re.Pattern[str],
    within: tuple[int, int] | None = None,
    cancelled: Callable[[], bool] = lambda: False,
) -> list[int] | None:
    """Where every match starts (in ``within``, when given), for `match 3/17`; None when
    cancelled. In chunks, like `find`, so a big book does not hold up the interface."""
    lo, hi = within if within is not None else (0, len(text))
    starts: list[int] = []
    pos = max(0, lo)
    hi = min(len(text), hi)
    pad = _Scan(pattern, text, cancelled).pad
    while pos < hi:
        if cancelled():
            return None
        stop = min(hi, pos + CHUNK)
        last_end = pos
        for match in pattern.finditer(text, pos, min(hi, stop + pad)):
            if match.start() >= stop:
                break
            if match.end() > match.start():
                starts.append(match.start())
            last_end = max(match.end(), match.start() + 1)
        pos = max(stop, last_end)
    return starts


def spans_in(pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    """Every match in a short text (one paragraph), for highlighting."""
    return [m.span() for m in pattern.finditer(text) if m.end() > m.start()]
