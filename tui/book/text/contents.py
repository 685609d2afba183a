"""A book's contents list: its entries, and the later lines that repeat them as headings.

Chapters titled without a number (`The Invitation`, `Lamplighters`) look like any short line;
a contents list at the start of the book names them, and the headings repeat the entries. A run
of headings with nothing between them at the start of the book is a contents list too.
"""

from __future__ import annotations

import bisect
import re
from array import array
from collections.abc import Callable, Sequence
from dataclasses import replace

from tui.book.rules.heading_decoration import strip_decoration
from tui.book.rules.headings import Heading, match_heading
from tui.book.text.lines import LineInfo
from tui.book.text.listed_again import (
    as_set,
    find_paragraph,
    find_spelled_apart,
    spelled_alike,
    spelling_keys,
)

# Only a contents list near the start of the book counts.
TOC_WITHIN_PARAGRAPHS = 300
MAX_ENTRIES = 3000
ENTRY_CHARS = 100
# A heading paragraph is at most this long (with its indent and decoration).
SHORT_CHARS = ENTRY_CHARS + 20
# At least this many entries must come back as headings.
MIN_FOUND = 2
# After this many entries in a row that the text never repeats, stop looking (each miss reads
# to the end of the book).
MAX_MISSES = 3
# Entries shaped as headings (`CHAPTER XX`) not found this many times are looked for no more.
MAX_LABELS_MISSED = 2


def listed_headings(
    text: str,
    starts: array,
    ends: array,
    infos: dict[int, LineInfo],
    paragraph: Callable[[int], str],
) -> list[tuple[int, Heading]]:
    """Paragraphs after the contents list that repeat one of its entries, in the list's order,
    and are not already recognised as something (a heading, an afterword ...)."""
    n = len(starts)
    toc = next(
        (
            i
            for i in sorted(infos)
            if i < TOC_WITHIN_PARAGRAPHS and infos[i].kind == "landmark" and infos[i].data == "toc"
        ),
        None,
    )
    if toc is None:
        return []
    entries, last = _entries(lambda k: text[starts[k] : ends[k]], toc + 1, n)
    if len(entries) < MIN_FOUND:
        return []
    found: list[tuple[int, Heading]] = []
    pos = ends[last]
    misses = 0
    # (the short paragraphs, gathered once: a heading spelled apart is looked for among them)
    short: list[int] | None = None
    labels_missed = 0
    for entry in entries:
        # (`CHAPTER XX` in the list, `XX` over the chapter: the entry's title, next, may be
        # found where the entry is not, just after an entry that was; once two such labels are
        # not found, the list's labels are not the headings' and are not looked for)
        label = match_heading(entry) is not None
        if label and misses == 0 and labels_missed >= MAX_LABELS_MISSED:
            continue
        i = find_paragraph(text, starts, paragraph, entry, pos)
        title = as_set(entry)
        if label:
            labels_missed = labels_missed + 1 if i is None else 0
        if i is None and label and misses == 0:
            continue
        if i is None:
            if short is None:
                short = [k for k in range(last + 1, n) if ends[k] - starts[k] <= SHORT_CHARS]
            i = find_spelled_apart(short, starts, paragraph, entry, pos)
            # (the title as the heading spells it, without the full stop a heading ends with)
            title = as_set(paragraph(i)) if i is not None else entry
        if i is None:
            misses += 1  # listed but not repeated: the next entry may still be
            if misses >= MAX_MISSES:
                break
            continue
        misses = 0
        pos = ends[i]
        # (a title the list names may read as a byline: `BY COURIER`)
        if i not in infos or infos[i].kind == "by":
            found.append((i, Heading("titled", None, "", title, True)))
        elif infos[i].kind == "weak" and infos[i].data.kind == "chapter":
            # (`Letter 1`, a heading only in a sequence: the list names it one)
            found.append((i, replace(infos[i].data, strong=True)))
    return found if len(found) >= MIN_FOUND else []


# An entry's page number after a leader of stars or dots: `THE PRISON-DOOR * * * * 59`.
_PAGE_LEADER = re.compile(r"(?:(?:\s+\*)+|(?:\s*[.·]){3,})\s*\d{1,4}$")


def _quoted_title(line: str) -> bool:
    """`"Tiger! Tiger!"`: a title in quotes, which may end as a sentence does."""
    inner = line[1:-1]
    return line[:1] in '"“' and line[-1:] in '"”' and not any(q in inner for q in '"“”')


def _entries(raw: Callable[[int], str], first: int, n: int) -> tuple[list[str], int]:
    """The list's lines: short title-like lines up to the first one that repeats (the first
    chapter's heading) or is not an entry; and the last paragraph holding an entry."""
    entries: list[str] = []
    seen: set[str] = set()
    # (the entries by their `spelling_keys`, so that each line is weighed against few)
    spellings: dict[tuple, list[str]] = {}
    last = first
    for k in range(first, min(n, first + MAX_ENTRIES)):
        # Entries indented deeper than others may run together into one paragraph.
        lines = [
            strip_decoration(_PAGE_LEADER.sub("", " ".join(line.split())))
            for line in raw(k).strip().split("\n")
        ]
        for line in lines:
            if entries and line.rstrip(".").casefold() == entries[-1].casefold():
                continue  # the entry again, copied below itself
            if not line or len(line) > ENTRY_CHARS or line.casefold() in seen:
                return entries, last
            keys = spelling_keys(line)
            if any(spelled_alike(line, e) for key in keys for e in spellings.get(key, ())):
                return entries, last  # the first heading, spelled as over its story
            if (
                line.endswith((".", ",", ";", "!", "?", "”", '"'))
                and not line[:1].isdigit()
                and not _quoted_title(line)
                and not _capitals_title(line)
                and match_heading(line) is None
            ):
                return entries, last
            entries.append(line)
            seen.add(line.casefold())
            for key in keys:
                spellings.setdefault(key, []).append(line)
        last = k
    return entries, last


def _capitals_title(line: str) -> bool:
    """`THE BROKEN LINK HANDICAPPED.`: a title in capitals ending in a full stop, as many old
    books set their titles; a sentence has small letters."""
    return (
        line.endswith(".")
        and not line.endswith("..")
        and line.upper() == line
        and any(c.isalpha() for c in line)
    )


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
    to a part it names again (the first book's heading, after the list)."""
    block = stop
    while _follows_closely(items, block, paragraph):
        block += 1
    parts = {_key(h) for i, h in items[:stop] if h.kind == "part"}
    found: set[int] = set()
    while _follows_closely(items, stop, paragraph):
        start, stop = stop, _run_end(items, stop, paragraph)
        run = items[start:stop]
        again = next(
            (k for k, (_, h) in enumerate(run) if h.kind == "part" and _key(h) in parts), None
        )
        run = run[:again] if again is not None else run
        if not run or not _recurs(run, block, items, where):
            break
        found |= {i for i, _ in run}
        parts |= {_key(h) for _, h in run if h.kind == "part"}
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
    return (
        0 < k < len(items)
        and items[k][0] - items[k - 1][0] <= ENTRY_SPACING
        and not _story_between(paragraph, items[k - 1][0], items[k][0])
    )


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
    """The index of the first item at or after ``after`` naming the same chapter as ``entry``."""
    places = where.get(_key(entry), [])
    for k in places[bisect.bisect_left(places, after) :]:
        if _kinds_agree(entry.kind, items[k][1].kind):
            return k
    return None


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


# A run of at least this many headings with (almost) nothing between them is a contents list.
TOC_RUN = 3


def without_contents_run(strong):
    """The headings (``strong``, sorted) without the run of consecutive headings at the start
    that is a table of contents.

    The run's last heading is the real first chapter when text follows it, the numbering
    does not start over after it and the heading after it does not repeat the run's first.
    """
    if len(strong) < TOC_RUN:
        return strong
    run = 1
    while run < len(strong) and strong[run][0] - strong[run - 1][0] == 1:
        run += 1
    if run < TOC_RUN or run == len(strong) or _stacked(strong[:run]):
        return strong  # a list of headings and nothing else is still the book's chapters
    last = strong[run - 1][1]
    following = strong[run][1]
    restarts = (
        last.number is not None and following.number is not None and following.number <= last.number
    ) or _same_heading(strong[0][1], following)
    return strong[run:] if restarts else strong[run - 1 :]


def _stacked(run: list[tuple[int, Heading]]) -> bool:
    """`Book One` / `Part I` / `Chapter 1`: titles of different levels over one chapter, not a
    contents list (whose entries repeat their keyword: `Chapter 1`, `Chapter 2` ...)."""
    levels = [(h.kind, h.label.split()[0].casefold() if h.label else "") for _, h in run]
    parts = all(h.kind == "part" for _, h in run[:-1])
    return parts and len(set(levels)) == len(levels)


def _same_heading(a: Heading, b: Heading) -> bool:
    """`Prologue` and `Prologue`, `Chapter 1: X` and `Chapter 1` name the same chapter."""
    if a.kind != b.kind:
        return False
    if a.number is not None or b.number is not None:
        return a.number == b.number
    return a.text.casefold() == b.text.casefold()


def marked_headings(
    lines: array,
    marked: Sequence[int],
    infos: dict[int, LineInfo],
    paragraph: Callable[[int], str],
) -> list[tuple[int, Heading]]:
    """Paragraphs on lines the file itself marks as chapter headings (Markdown `#`), that are
    not already recognised as something else (a contents list, an afterword ...)."""
    if not marked:
        return []
    wanted = set(marked)
    found = []
    for i, line in enumerate(lines):
        if line not in wanted:
            continue
        info = infos.get(i)
        if info is None:
            title = " ".join(paragraph(i).split())
            if title:
                found.append((i, Heading("titled", None, "", title, True)))
        elif info.kind == "weak":
            # `# 29. Chapter 29`: a bare number is a heading here, marked so by the file
            found.append((i, replace(info.data, strong=True)))
    return found
