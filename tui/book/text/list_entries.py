"""Heading-like lines that are entries of a contents list, not the chapters they name.

Such as `CHAPTER I. Jonathan Harker's Journal` in the list: a compact run near the start whose
entries come back, in order, as headings spread through the rest of the book.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable

from tui.book.rules.headings import Heading, match_heading
from tui.book.text.contents import ENTRY_CHARS, MAX_ENTRIES, TOC_WITHIN_PARAGRAPHS

# Entries of a contents list stand at most this many paragraphs apart (an entry, its summary).
ENTRY_SPACING = 3
# A paragraph between two entries is at most this long: a longer one is a chapter's story (a
# chapter of one long paragraph under a bare `V`), not an entry's summary.
ENTRY_SUMMARY_CHARS = 1500
# A contents list has at least this many entries ...
MIN_ENTRIES = 3
# ... starts in this first share of the book ...
TOC_WITHIN_SHARE = 0.15
# ... and at least this share of its entries come back later, in order, as headings.
RECUR_SHARE = 0.6


def contents_entries(
    items: list[tuple[int, Heading]],
    n: int,
    paragraph: Callable[[int], str] | None = None,
    toc: int | None = None,
) -> set[int]:
    """The heading-like lines (``items``, sorted) that are entries of a contents list: a
    compact run near the start of the book whose entries recur, in the same order, as headings
    spread through the rest of it. `CHAPTER I. Jonathan Harker's Journal` in such a list looks
    like the real heading but is not one, and neither is a list of bare numerals. ``toc`` is
    the paragraph of a `Contents` line, if any: after it, a heading-like line among short
    list lines that comes back later is an entry too."""
    limit = max(TOC_WITHIN_PARAGRAPHS, int(n * TOC_WITHIN_SHARE))
    where = _positions(items)
    start = 0
    while start < len(items) and items[start][0] < limit:
        stop = _run_end(items, start, paragraph)
        run = items[start:stop]
        if len(run) >= MIN_ENTRIES and _recurs(run, stop, items, where):
            found = {i for i, _ in run} | _misread_first_entries(items, start, paragraph)
            return found | _runs_after(items, stop, paragraph, where)
        start = stop
    if paragraph is None or toc is None:
        return set()
    return _listed_lines(items, toc, limit, n, paragraph, where)


def _runs_after(
    items: list[tuple[int, Heading]],
    stop: int,
    paragraph: Callable[[int], str] | None,
    where: dict[tuple, list[int]],
) -> set[int]:
    """The runs that go on a list after its first (from ``stop``): a list of books, each
    with its chapters numbered from one, starts over at each book. A run that follows as
    closely, and comes back after the block of lines the list stands in, is the same list, up
    to a part or an unnumbered entry it names again (the first book's heading, or the
    prologue, after the list)."""
    block = stop
    while _follows_closely(items, block, paragraph):
        block += 1
    parts = [h for i, h in items[:stop] if h.kind == "part"]
    # (and up to an unnumbered entry it names again: the `PROLOGUE` that opens the book)
    named = {_key(h) for i, h in items[:stop] if h.number is None}
    found: set[int] = set()
    while _follows_closely(items, stop, paragraph):
        start, stop = stop, _run_end(items, stop, paragraph)
        run = items[start:stop]
        again = next(
            (
                k
                for k, (_, h) in enumerate(run)
                if (h.kind == "part" and any(_same_part(seen, h) for seen in parts))
                or (h.number is None and _key(h) in named)
            ),
            None,
        )
        run = run[:again] if again is not None else run
        if not run or not _recurs(run, block, items, where):
            break
        found |= {i for i, _ in run}
        parts += [h for _, h in run if h.kind == "part"]
        named |= {_key(h) for _, h in run if h.number is None}
        if again is not None:
            break
    return found


def _run_end(
    items: list[tuple[int, Heading]], start: int, paragraph: Callable[[int], str] | None
) -> int:
    """Where the run of entries from ``start`` ends: at a gap, a number counting back, an
    entry named again, or story between."""
    stop = start + 1
    kinds: dict[tuple, set[str]] = {}
    _note(kinds, items[start][1])
    while _follows_closely(items, stop, paragraph) and not _starts_over(
        kinds, items[stop - 1][1], items[stop][1]
    ):
        _note(kinds, items[stop][1])
        stop += 1
    return stop


def _follows_closely(
    items: list[tuple[int, Heading]], k: int, paragraph: Callable[[int], str] | None
) -> bool:
    """Item ``k`` stands as close under the one before as entries of a list do."""
    if not 0 < k < len(items):
        return False
    a, b = items[k - 1][0], items[k][0]
    if b - a > ENTRY_SPACING and (
        paragraph is None
        or b - a > ENTRY_SPACING + MAX_WRAPPED_ENTRIES
        or _unlisted_between(paragraph, a, b) > ENTRY_SPACING - 1
    ):
        return False
    return not _story_between(paragraph, a, b)


# A list's entries too long to look like headings, wrapped over lines (`Chapter vi -- The trial
# of Partridge, the schoolmaster, for / incontinency; …`): at most this many between two others.
MAX_WRAPPED_ENTRIES = 12


def _unlisted_between(paragraph: Callable[[int], str], a: int, b: int) -> int:
    """How many paragraphs between ``a`` and ``b`` are not entries wrapped over lines: an entry
    too long for a heading whose first line alone is shaped as one (`Chapter vi -- The
    trial of Partridge, the schoolmaster, for`)."""
    return sum(1 for j in range(a + 1, b) if not _wrapped_entry(paragraph(j)))


def _wrapped_entry(text: str) -> bool:
    text = " ".join(text.split())
    if len(text) <= WRAPPED_ENTRY_HEAD:
        return False
    heading = match_heading(text[:WRAPPED_ENTRY_HEAD].rsplit(" ", 1)[0])
    return heading is not None and heading.strong


# How much of a wrapped entry is read as its first line.
WRAPPED_ENTRY_HEAD = 60


def _misread_first_entries(
    items: list[tuple[int, Heading]], start: int, paragraph: Callable[[int], str] | None
) -> set[int]:
    """Entries of the kind of the list's own, right before its run and as close together: the
    list's first entries, whose misread number (`CHAPTER l.`, fifty, for `CHAPTER I.`) broke
    the count, and which come back nowhere."""
    found: set[int] = set()
    kind = items[start][1].kind
    k = start
    while (
        k > 0
        and items[k - 1][1].kind == kind
        and items[k][0] - items[k - 1][0] <= ENTRY_SPACING
        and not _story_between(paragraph, items[k - 1][0], items[k][0])
    ):
        k -= 1
        found.add(items[k][0])
    return found


def _key(heading: Heading) -> tuple:
    """What names a chapter: its number (and number within an arc), or its words."""
    if heading.number is not None:
        return ("number", heading.number, heading.minor)
    return ("words", heading.text.casefold())


def _part_key(heading: Heading) -> tuple:
    """What names a part among the parts of a list: its word and its key (`Book IV` and
    `Part IV` are two parts of a novel in parts and books)."""
    return (heading.word, *_key(heading))


def _same_part(a: Heading, b: Heading) -> bool:
    """Two part lines name one part: the same word and number, and no two different titles
    (`BOOK FIRST—WATERLOO` is another book than `BOOK FIRST—A JUST MAN`, in a list whose
    volumes each count their books from one)."""
    differ = a.title and b.title and a.title.casefold() != b.title.casefold()
    return _part_key(a) == _part_key(b) and not differ


def _kinds_agree(a: str, b: str) -> bool:
    """`CHAPTER I.` in a list and `I.` over the chapter agree; a part and a chapter do not."""
    return a == b or "part" not in (a, b)


def _positions(items: list[tuple[int, Heading]]) -> dict[tuple, list[int]]:
    """Where each key stands among ``items`` (indexes into it, in order)."""
    where: dict[tuple, list[int]] = {}
    for k, (_, heading) in enumerate(items):
        where.setdefault(_key(heading), []).append(k)
    return where


def _note(kinds: dict[tuple, set[str]], heading: Heading) -> None:
    kinds.setdefault(_key(heading), set()).add(heading.kind)


def _same_entry(entry: Heading, heading: Heading) -> bool:
    """A contents entry and a heading name the same chapter: the same number (`CHAPTER I.
    An Early Fright` and `I.`), or, without numbers, the same words."""
    return _key(entry) == _key(heading) and _kinds_agree(entry.kind, heading.kind)


def _next_same(
    entry: Heading, after: int, items: list[tuple[int, Heading]], where: dict[tuple, list[int]]
) -> int | None:
    """The index of the first item at or after ``after`` naming the same chapter as ``entry``:
    the first with its title too, where the entry has one (a list of books that each count
    their chapters from one names `CHAPTER I` again and again, each time with another title),
    else the first with its number."""
    places = where.get(_key(entry), [])
    first = None
    title = _title_key(entry)
    for k in places[bisect.bisect_left(places, after) :][:TITLE_SEARCH]:
        if not _kinds_agree(entry.kind, items[k][1].kind):
            continue
        if not title or _title_key(items[k][1]) == title:
            return k
        first = k if first is None else first
    return first


# How many headings of an entry's number are searched for the one with its title too.
TITLE_SEARCH = 64


def _title_key(heading: Heading) -> str:
    return " ".join(heading.title.casefold().split())


# `I      The Young Adventurers, Ltd.`: an entry numbered, set off from its title by more space
# than a sentence puts after its first word, which may end as a sentence does.
_NUMBERED_ENTRY = re.compile(r"(?:[IVXLCDM]+|\d{1,3})(?:\.[ \t]+|[ \t]{2,}|\t)\S")


def _listed_lines(
    items: list[tuple[int, Heading]],
    toc: int,
    limit: int,
    n: int,
    paragraph: Callable[[int], str],
    where: dict[tuple, list[int]],
) -> set[int]:
    """Heading-like lines standing in a list of short lines after the `Contents` line near the
    start (a contents list whose other entries look like nothing: `XIII The Trap of the White
    Sphinx`) that come back later as headings."""

    def listy(i: int) -> bool:
        """A short line like a contents entry, not a sentence or dialogue."""
        line = paragraph(i).strip() if 0 <= i < n else ""
        return (
            0 < len(line) <= ENTRY_CHARS
            and "\n" not in line
            and (
                not line.endswith((".", "!", "?", "”", '"', ","))
                or _NUMBERED_ENTRY.match(line) is not None
            )
            and line[:1] not in "\"“‘'—"
        )

    found: set[int] = set()
    block_end = -1
    first_item = bisect.bisect_right([i for i, _ in items], toc)
    for k in range(first_item, len(items)):
        i, heading = items[k]
        if i >= limit:
            break
        if i >= block_end:
            # the run of list lines around this one, back to the `Contents` line
            first = i
            while first - 1 > toc and listy(first - 1):
                first -= 1
            lines = [paragraph(j).strip().casefold() for j in range(first, i + 1)]
            seen = set(lines)
            if len(seen) < len(lines):
                # (a line repeats an entry: the list ended there, at the first heading)
                block_end = -1
                continue
            block_end = i + 1
            # the list ends where a line repeats one of it (the first chapter's heading)
            while block_end < n and listy(block_end) and block_end - first < MAX_ENTRIES:
                line = paragraph(block_end).strip().casefold()
                if line in seen:
                    break
                seen.add(line)
                block_end += 1
            if block_end - first < MIN_ENTRIES:
                block_end = -1
                continue
        places = where.get(_key(heading), [])
        if any(
            items[j][0] >= block_end and _kinds_agree(heading.kind, items[j][1].kind)
            for j in reversed(places)
            if items[j][0] >= block_end
        ):
            found.add(i)
    return found


def _story_between(paragraph: Callable[[int], str] | None, a: int, b: int) -> bool:
    """A paragraph between two heading-like lines too long for a contents entry's summary."""
    return paragraph is not None and any(
        len(paragraph(k)) > ENTRY_SUMMARY_CHARS for k in range(a + 1, b)
    )


def _starts_over(kinds: dict[tuple, set[str]], last: Heading, heading: Heading) -> bool:
    """A heading that repeats an entry of the run so far (``kinds``), or numbers back from its
    ``last``, is the first chapter right after the list."""
    back = (
        heading.number is not None
        and last.number is not None
        and heading.kind == last.kind
        and heading.number <= last.number
    )
    seen = kinds.get(_key(heading), set())
    return back or any(_kinds_agree(kind, heading.kind) for kind in seen)


def _recurs(
    run: list[tuple[int, Heading]],
    stop: int,
    items: list[tuple[int, Heading]],
    where: dict[tuple, list[int]],
) -> bool:
    """Whether most entries of ``run`` come back in order among the headings after it (from
    ``stop`` on), and those stand further apart than the entries."""
    matched: list[int] = []
    k = stop
    for _, entry in run:
        j = _next_same(entry, k, items, where)
        if j is not None:
            matched.append(items[j][0])
            k = j + 1
    if len(matched) < max(MIN_ENTRIES - 1, RECUR_SHARE * len(run)):
        return False
    spread = (matched[-1] - matched[0]) / max(1, len(matched) - 1)
    return spread > 2 * ENTRY_SPACING
