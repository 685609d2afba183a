"""Lines set like a book's point-of-view labels: time and place labels of the same family.

A text that opens its scenes with `Adam's POV...` may open others with `After School...` or
`At The Restaurant...`; one that pads its labels with spaces (` Blake's POV (At Lunch)... `)
may pad `  Back Home  ` alike. A short line in title case, alone on its line, set as three or
more of the book's point-of-view labels are, is such a label and opens its scene.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter

from tui.book.text.lines import LineInfo

# The book's point-of-view labels share their look this many times before it is a habit.
MIN_ALIKE = 3
# A label set like them: at most this many characters and words, and at least two words (a
# word alone with `...` after it is somebody trailing off).
LABEL_CHARS = 40
LABEL_WORDS = (2, 6)
# The marks a label may end on: `...`, `…`, `:`, `-`.
_TRAILING = re.compile(r"(?:\.{2,}|…+|:|[-–—])$")
# Padded: spaces on both sides of the words.
_PADDED = re.compile(r"[ \t]+\S(?:[^\n]*\S)?[ \t]+")
_NOT_IN_LABELS = frozenset('.!?;()[]"“”')
_SHORT_LINE = re.compile(r"^[^\n]{1,60}$", re.MULTILINE)
SMALL_WORDS = frozenset(
    {"a", "an", "the", "of", "at", "in", "on", "to", "and", "or", "for", "by", "from", "with"}
)


def labels_set_alike(
    text: str, starts, ends, infos: dict[int, LineInfo], first: int, last: int
) -> list[int]:
    """Paragraphs in ``[first, last)`` that are labels set like the book's point-of-view
    labels (sorted); ``starts`` and ``ends`` are the paragraphs' spans in ``text``."""
    povs = [i for i, info in infos.items() if info.kind == "pov" and first <= i < last]
    if len(povs) < MIN_ALIKE or first >= last:
        return []
    looks = Counter(look for i in povs for look in _looks(text[starts[i] : ends[i]]))
    habits = {look for look, count in looks.items() if count >= MIN_ALIKE}
    if not habits:
        return []
    found = []
    for m in _SHORT_LINE.finditer(text, starts[first], starts[last - 1] + 1):
        at = m.start()
        i = bisect.bisect_left(starts, at)
        if i >= last or starts[i] != at or i in infos:
            continue
        line = m.group()
        if ends[i] == m.end() and _label_shaped(line) and habits & set(_looks(line)):
            found.append(i)
    return found


def _looks(line: str) -> list[str]:
    """How a label is set: the mark it ends on, and whether spaces pad it both sides."""
    out = []
    trailing = _TRAILING.search(line.strip())
    if trailing:
        mark = trailing.group()
        out.append("..." if mark.startswith("..") else mark[:1])  # (`...` and `....` alike)
    if _PADDED.fullmatch(line):
        out.append("padded")
    return out


def _label_shaped(line: str) -> bool:
    """A few words in title case, no sentence in them: `Next Day, After School`."""
    words_only = _TRAILING.sub("", line.strip())
    words = words_only.split()
    if not LABEL_WORDS[0] <= len(words) <= LABEL_WORDS[1] or len(line.strip()) > LABEL_CHARS:
        return False
    if any(c in words_only for c in _NOT_IN_LABELS):
        return False
    return all(w[:1].isupper() or w.casefold().strip(",") in SMALL_WORDS for w in words)
