"""Chapter headings a book names with one word they share.

`Ensimmäinen luku.`, `Toinen luku.`, ... in a language with no keyword list here.

A line of two or three words, a paragraph of its own, is such a heading where many such lines
through the book end on the same word, each differs from the others before it, and prose
follows each; the shared word is the book's word for a chapter and what goes before it counts
them. The series is told from the whole book: a word one line has is nothing.
"""

from __future__ import annotations

import bisect
import re
from array import array
from collections import Counter

from tui.book.rules.headings import Heading

# `Kahdeskymmenesensimmäinen luku.`, `ENSIMMÄINEN LUKU`: one word, then the shared word, then
# at most a full stop. Matched over the whole text at once, from the line break before (a
# search that tries every character for a line's start takes seconds on a big book). Each part
# is possessive: what it gives back could not be what follows it, and a line of prose fails at
# its third word without going back over the first two.
_LINE = re.compile(
    r"\n[ \t]*+(?P<count>[^\W\d_][^\W\d_-]*+(?:-[^\W\d_]++)*+)[ \t]++"
    r"(?P<word>[^\W\d_]{3,}+)\.?[ \t]*(?=\r?\n)",
)
# A book names at least this many chapters so before the word is taken for its word.
MIN_SERIES = 5
# The series runs through this share of the book's text at least (a few lines alike in one
# passage are a list, a song's refrain, an exchange).
SERIES_SPREAD = 0.5
# Each heading has a paragraph of this many characters at least within the next few.
PROSE_CHARS = 200
PROSE_WITHIN = 4
# At least this share of the shared word's uses in the book are in such lines.
HEADING_SHARE = 0.5


def shared_word_headings(
    text: str, starts: array, ends: array, lo: int, hi: int
) -> list[tuple[int, Heading]]:
    """The paragraphs between ``lo`` and ``hi`` (text offsets) that head chapters named by a
    word they share (see the module's docstring), as chapter headings with no number."""
    by_word: dict[str, list[tuple[int, str, str]]] = {}
    for at, end, count, word in _short_lines(text, lo, hi):
        # (the count capitalised as a line's first word is, the shared word in lower case:
        # a name, capitalised, is somebody addressed; or the whole line in capitals)
        sentence = count[0].isupper() and word.islower()
        if not (sentence or (count.isupper() and word.isupper())):
            continue
        i = bisect.bisect_right(starts, at) - 1
        if i < 0 or starts[i] != at or ends[i] > end:
            continue  # (a line of a longer paragraph)
        by_word.setdefault(word.casefold(), []).append((i, count.casefold(), f"{count} {word}"))
    found: list[tuple[int, Heading]] = []
    span = max(1, hi - lo)
    for word, lines in by_word.items():
        lines.sort()
        counts = Counter(count for _, count, _ in lines)
        # (each heading counts its own chapter: a line said again is no heading of a series)
        lines = [line for line in lines if counts[line[1]] == 1]
        lines = [line for line in lines if _prose_follows(starts, ends, line[0])]
        if len(lines) < MIN_SERIES:
            continue
        if ends[lines[-1][0]] - starts[lines[0][0]] < span * SERIES_SPREAD:
            continue
        # (a word of the book's prose ends lines alike by chance, `he smiled.`: the word a
        # book names its chapters by is seldom used elsewhere)
        uses = len(re.findall(rf"\b{re.escape(word)}\b", text[lo:hi], re.IGNORECASE))
        if len(lines) < uses * HEADING_SHARE:
            continue
        found += [(i, Heading("chapter", None, label, "", True)) for i, _, label in lines]
    return sorted(found)


def _short_lines(text: str, lo: int, hi: int) -> list[tuple[int, int, str, str]]:
    """Where each line of a word and another word starts and ends, and the two words."""
    found = [
        (m.start("count"), m.end(), m["count"], m["word"]) for m in _LINE.finditer(text, lo, hi)
    ]
    if lo == 0 or text[lo - 1] == "\n":
        # (the first line has no line break before it of its own)
        stop = text.find("\n", lo, hi)
        m = _LINE.match("\n" + text[lo : hi if stop < 0 else stop] + "\n")
        if m is not None:
            found.insert(0, (lo + m.start("count") - 1, lo + m.end() - 1, m["count"], m["word"]))
    return found


def _prose_follows(starts: array, ends: array, i: int) -> bool:
    """A paragraph of prose among the few after paragraph ``i``."""
    stop = min(len(starts), i + 1 + PROSE_WITHIN)
    return any(ends[k] - starts[k] >= PROSE_CHARS for k in range(i + 1, stop))
