"""Chapter headings run into their chapter's first sentence, in text set a sentence a line.

A text with no blank lines at all (a corpus file made one sentence a line) has lost the line
breaks around its headings: `CHAPTER 2 Mrs. John Dashwood now installed herself…`, `V. THE
PEACEMAKER When the combatants…`, or `II .` alone with `THE RELIGION OF THE STIPENDIARY
MAGISTRATE The editorial office…` on the next line. Where the book numbers such lines in
sequence, the heading (with its capitals title) is a paragraph of its own, and so is the
sentence after it.
"""

from __future__ import annotations

import bisect
import itertools
import re
from array import array

from tui.book.rules.numerals import ROMAN, parse_number

# A line opening with a numbered heading: `CHAPTER 2`, `Chapter XII.`, `II .`, `V.`.
_HEAD = re.compile(
    rf"^(?:(?P<kw>(?i:chapter|book|part|stave))[ \t]+(?P<num>\d{{1,4}}|{ROMAN})(?:[ \t]?\.)?"
    rf"|(?P<roman>{ROMAN})[ \t]?\.)(?=[ \t]|$)",
    re.MULTILINE,
)
MIN_HEADINGS = 3  # a shape seen fewer times is no pattern of the book's
IN_SEQUENCE = 0.8  # the share of steps from one heading's number to the next that add one


def glued_heading_cuts(text: str, starts: array, ends: array) -> dict[int, list[int]]:
    """Where to cut paragraphs (each a whole line) so that headings stand alone: paragraph
    index -> offsets where a new paragraph starts inside it. Empty unless the book's numbered
    headings of one shape run in sequence and at least one is glued to its text."""
    if not starts:
        return {}
    families: dict[str, list[tuple[int, int, int]]] = {}
    for m in _HEAD.finditer(text, starts[0], ends[-1]):
        i = bisect.bisect_left(starts, m.start())
        if i >= len(starts) or starts[i] != m.start():
            continue
        number = parse_number(m["num"] or m["roman"])
        if number is None:
            continue
        family = m["kw"].casefold() if m["kw"] else "roman"
        families.setdefault(family, []).append((i, m.end(), number))
    found = max(families.values(), key=len, default=[])
    if len(found) < MIN_HEADINGS:
        return {}
    steps = sum(1 for a, b in itertools.pairwise(found) if b[2] == a[2] + 1)
    if steps < IN_SEQUENCE * (len(found) - 1):
        return {}
    cuts: dict[int, list[int]] = {}
    glued = 0
    for i, head_end, _ in found:
        if text[head_end : ends[i]].strip():
            # (the heading, its capitals title and the first sentence, each a paragraph)
            title_end = capitals_title_end(text, head_end, ends[i])
            at = [_first_word(text, head_end, ends[i])]
            if title_end:
                at.append(_first_word(text, title_end, ends[i]))
            cuts[i] = sorted({k for k in at if k < ends[i]})
            glued += any(c.islower() for c in text[title_end or head_end : ends[i]])
        elif i + 1 < len(starts):
            # (the heading alone: its capitals title may open the next line, run into the text)
            title_end = capitals_title_end(text, starts[i + 1], ends[i + 1])
            cut = _first_word(text, title_end, ends[i + 1]) if title_end else ends[i + 1]
            if cut < ends[i + 1]:
                cuts[i + 1] = [cut]
                glued += 1
    return cuts if glued else {}


def capitals_title_end(text: str, lo: int, hi: int) -> int:
    """The end of a title in capitals opening ``text[lo:hi]`` (`THE PEACEMAKER When the…` ->
    after `PEACEMAKER`; the whole of `A DISCUSSION SOMEWHAT IN THE AIR`); 0 when there is
    none."""
    end = 0
    letters = 0
    words = list(re.finditer(r"\S+", text[lo:hi]))
    for k, word in enumerate(words):
        token = word.group()
        if any(c.islower() for c in token):
            break
        if any(c.isalpha() for c in token):
            following = words[k + 1].group() if k + 1 < len(words) else ""
            if len(token) == 1 and following[:1].islower():
                break  # (`A man came`: the sentence's first word, not the title's last)
            end = lo + word.end()
            letters += sum(1 for c in token if c.isalpha())
    return end if letters >= 4 else 0


def _first_word(text: str, lo: int, hi: int) -> int:
    """The offset of the first non-space character at or after ``lo`` (``hi`` if none)."""
    while lo < hi and text[lo] in " \t":
        lo += 1
    return lo


def cut_paragraphs(
    text: str, starts: array, ends: array, lines: array, cuts: dict[int, list[int]]
) -> tuple[array, array, array]:
    """The paragraph arrays with each paragraph in ``cuts`` cut at its offsets (the piece
    before a cut ends before the spaces and dashes that ran it into the next, `May 7th.--`;
    all pieces keep the line's number)."""
    new_starts, new_ends, new_lines = array("q"), array("q"), array("q")
    for i in range(len(starts)):
        pieces = [starts[i], *cuts.get(i, ())]
        for k, start in enumerate(pieces):
            end = pieces[k + 1] if k + 1 < len(pieces) else ends[i]
            while k + 1 < len(pieces) and end > start and text[end - 1] in " \t-–—":
                end -= 1
            new_starts.append(start)
            new_ends.append(end)
            new_lines.append(lines[i])
    return new_starts, new_ends, new_lines
