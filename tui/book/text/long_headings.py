"""Chapter headings with titles longer than a heading line's, where they count up.

Such as `CHAPTER 1. THE EXCEEDINGLY LONG AND WINDING CHAPTER TITLE IN WHICH …`, on one line or
wrapped over a few, taken where the book's headings of that shape count up one by one, three of
them at least.
"""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import replace
from itertools import repeat

from tui.book.rules.headings import NUMBERED_KEYWORDS, Heading, match_heading
from tui.book.text.lines import LineInfo

# A long heading's paragraph holds at most this many characters and lines: a few lines of a
# printed page; longer is a paragraph of story that opens with a chapter's name.
MOST_CHARS = 400
MOST_LINES = 4
# The letters a chapter's keyword starts with, in either case.
_INITIALS = frozenset(
    c for word in NUMBERED_KEYWORDS.split("|") for c in (word[:1].lower(), word[:1].upper())
)
# At least this many headings of the shape, counting up one by one.
LEAST_HEADINGS = 3


def _by_first_letter(alternatives: str) -> str:
    """The same alternatives (``a|b|…``, each opening with a letter) grouped by their first
    letter, in the order given: a paragraph opening with a keyword's letter tries only the
    keywords that start so, not all forty (this is tried on a quarter of an 84 MB serial's
    paragraphs), and the one that matches is the one the flat list's would be."""
    groups: dict[str, list[str]] = {}
    for word in alternatives.split("|"):
        groups.setdefault(word[0], []).append(word[1:])
    return "|".join(f"{first}(?:{'|'.join(rests)})" for first, rests in groups.items())


# A line that may open a long heading: a chapter's keyword, a number, a separator, its title.
# (Its first letter is looked at first, as written: it is tried at every paragraph.)
_OPENING = re.compile(
    rf"(?=[{re.escape(''.join(sorted(_INITIALS)))}])"
    rf"(?P<head>(?i:{_by_first_letter(NUMBERED_KEYWORDS)})\.? +(?:\d{{1,4}}|[IVXLCivxlc]{{1,7}}))"
    r"(?P<sep>[.:] +| +[-–—]+ +)(?=\S)"
)


def long_headings(text: str, starts, ends, infos: dict[int, LineInfo]) -> dict[int, LineInfo]:
    """Paragraphs that are chapter headings with a long title (not classified yet, see
    `find_candidates`, or classified by their first line alone), where the book's headings of
    that shape (the same keyword, as written, and separator) number its chapters one after
    another."""
    found: dict[tuple[str, str], list[tuple[int, Heading]]] = {}
    # (the opening is tried at every paragraph of a book of tens of megabytes from `map`,
    # with no Python step for each)
    for match in filter(None, map(_OPENING.match, repeat(text), starts)):
        at = match.start()
        i = bisect.bisect_left(starts, at)
        if ends[i] - at > MOST_CHARS:
            continue
        paragraph = text[starts[i] : ends[i]].strip()
        if len(paragraph) > MOST_CHARS or paragraph.count("\n") >= MOST_LINES:
            continue
        if i in infos and (infos[i].kind != "heading" or "\n" not in paragraph):
            continue  # (a heading of one line has all its title; a wrapped one, its first line)
        label = match_heading(match["head"])
        if label is None or label.kind != "chapter" or label.number is None or label.title:
            continue
        title = " ".join(paragraph[match.end() - at :].split())
        shape = (match["head"].split()[0], match["sep"].strip())
        found.setdefault(shape, []).append((i, replace(label, title=title)))
    taken: dict[int, LineInfo] = {}
    for shape, headings in found.items():
        if _count_up(headings, infos, shape[0]):
            taken.update((i, LineInfo("heading", heading)) for i, heading in headings)
    return taken


def _count_up(headings: list[tuple[int, Heading]], infos: dict[int, LineInfo], word: str) -> bool:
    """Whether the long ``headings`` and the book's other headings opening with ``word``, in
    the book's order, number its chapters one by one (1, 2, 3 …)."""
    long = {i for i, _ in headings}
    others = [
        (i, info.data)
        for i, info in infos.items()
        if info.kind == "heading"
        and i not in long
        and isinstance(info.data, Heading)
        and info.data.label.split()[:1] == [word]
    ]
    every = sorted(headings + others, key=lambda item: item[0])
    numbers = [heading.number for _, heading in every if heading.number is not None]
    if len(headings) < LEAST_HEADINGS or len(numbers) < len(every):
        return False
    return all(b == a + 1 for a, b in itertools.pairwise(numbers))
