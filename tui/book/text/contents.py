"""A book's contents list: its entries, and the later lines that repeat them as headings.

Chapters titled without a number (`The Invitation`, `Lamplighters`) look like any short line;
a contents list at the start of the book names them, and the headings repeat the entries. A run
of headings with nothing between them at the start of the book is a contents list too.
"""

from __future__ import annotations

import re
from array import array
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import replace
from itertools import pairwise

from tui.book.rules.heading_decoration import strip_decoration
from tui.book.rules.headings import Heading, match_heading
from tui.book.text.lines import LineInfo
from tui.book.text.listed_again import (
    ShortLines,
    as_set,
    entry_key,
    find_paragraph,
    find_spelled_apart,
    spelled_alike,
    spelling_keys,
)
from tui.book.text.paragraphs import blank_lines_before

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
    entries, last = _entries(
        lambda k: text[starts[k] : ends[k]],
        lambda k: blank_lines_before(text, starts, ends, k) >= 1,
        toc + 1,
        n,
    )
    # (a list with notes under its titles: the lines read above run on into the notes)
    annotated = _annotated_entries(lambda k: text[starts[k] : ends[k]], toc + 1, n)
    if annotated is not None:
        entries, last = annotated
    if len(entries) < MIN_FOUND:
        return []
    found: list[tuple[int, Heading]] = []
    pos = ends[last]
    misses = 0
    # (the short paragraphs, gathered once: a heading spelled apart is looked for among them)
    short: ShortLines | None = None
    labels_missed = shaped_misses = 0
    # (each entry's heading, in the list's order, or None where the entry was not found)
    walked: list[int | None] = []
    keys = frozenset(entry_key(entry) for entry in entries)
    for entry in entries:
        # (`CHAPTER XX` alone in the list, `XX` over the chapter: the entry's title, next, may be
        # found where the entry is not, just after an entry that was; once two such labels are
        # not found, the list's labels are not the headings' and are not looked for)
        shape = match_heading(entry)
        label = shape is not None and not shape.title
        if label and misses == 0 and labels_missed >= MAX_LABELS_MISSED:
            continue
        if shape is not None and shaped_misses >= MAX_MISSES:
            continue  # (the list's headings are not the text's: its other entries may be)
        i = find_paragraph(text, starts, paragraph, entry, pos)
        title = as_set(entry)
        if label:
            labels_missed = labels_missed + 1 if i is None else 0
        if i is None and label and misses == 0:
            continue
        if i is None:
            if short is None:
                indexes = [k for k in range(last + 1, n) if ends[k] - starts[k] <= SHORT_CHARS]
                short = ShortLines(indexes, paragraph)
            others = keys - {entry_key(entry)}
            i = find_spelled_apart(short, starts, entry, pos, others)
            # (the title as the heading spells it, without the full stop a heading ends with)
            title = as_set(paragraph(i)) if i is not None else entry
        if i is None and shape is not None:
            # (`I. TELLS HOW I CAMPED` in the list, `CHAPTER I` over its title in the text:
            # found as a heading anyway, and the entries after it may still be repeated)
            shaped_misses += 1
            continue
        if i is None:
            misses += 1  # listed but not repeated: the next entry may still be
            walked.append(None)
            if misses >= MAX_MISSES:
                break
            continue
        misses = 0
        pos = ends[i]
        walked.append(i)
        # (a title the list names may read as a byline: `BY COURIER`)
        if i not in infos or infos[i].kind == "by":
            found.append((i, Heading("titled", None, "", title, True)))
        elif infos[i].kind == "weak" and infos[i].data.kind == "chapter":
            # (`Letter 1`, a heading only in a sequence: the list names it one)
            found.append((i, replace(infos[i].data, strong=True)))
    if len(found) < MIN_FOUND:
        return []
    gaps = [blank_lines_before(text, starts, ends, i) for i, _ in found]
    renamed = _renamed_entries(
        walked, gaps, infos, paragraph, lambda k: blank_lines_before(text, starts, ends, k)
    )
    return sorted(found + renamed, key=lambda item: item[0])


# Headings found from a list are set alike when at least this share of them stand after the
# same number of blank lines, and that gap is at least this wide.
SET_ALIKE_SHARE = 0.8
SET_ALIKE_GAP = 2


def _renamed_entries(
    walked: list[int | None],
    gaps: list[int],
    infos: dict[int, LineInfo],
    paragraph: Callable[[int], str],
    blank_before: Callable[[int], int],
) -> list[tuple[int, Heading]]:
    """Entries the text heads in other words than the list (`The Poet Laureate of Music` over
    `THE VIOLIN, THE POET LAUREATE OF MUSIC.`): between the headings of the entries found
    around them, as many short lines set off as those headings are (after the same wide gap)
    as there are entries missing there, and no more, are their headings."""
    usual, count = Counter(gaps).most_common(1)[0]
    if usual < SET_ALIKE_GAP or count < SET_ALIKE_SHARE * len(gaps):
        return []
    found: list[tuple[int, Heading]] = []
    placed = [(k, i) for k, i in enumerate(walked) if i is not None]
    for (a_at, a), (b_at, b) in pairwise(placed):
        missing = b_at - a_at - 1
        if missing == 0:
            continue
        alike = [
            k
            for k in range(a + 1, b)
            if blank_before(k) == usual
            and (k not in infos or infos[k].kind == "by")
            and "\n" not in paragraph(k).strip()
            and len(paragraph(k).strip()) <= ENTRY_CHARS
        ]
        if len(alike) == missing:
            found += [(k, Heading("titled", None, "", as_set(paragraph(k)), True)) for k in alike]
    return found


# An entry's page number after a leader of stars or dots: `THE PRISON-DOOR * * * * 59`.
_PAGE_LEADER = re.compile(r"(?:(?:\s+\*)+|(?:\s*[.·]){3,})\s*\d{1,4}$")
# ... or after a run of spaces, as a printed list sets its page numbers in a column:
# `STORY OF THE BANDBOX            88`; the column's head, `PAGE`, after a group's title.
_PAGE_COLUMN = re.compile(r"\S(?P<page>\s{2,}(?:\d{1,4}|page)\s*)$", re.IGNORECASE)
# A line of an entry that ran over (`STORY OF THE YOUNG MAN WITH THE CREAM  1`, `TARTS`)
# follows a line at least this long, and is set in at least as far.
WRAPPED_ENTRY_CHARS = 24


def _quoted_title(line: str) -> bool:
    """`"Tiger! Tiger!"`: a title in quotes, which may end as a sentence does."""
    inner = line[1:-1]
    return line[:1] in '"“' and line[-1:] in '"”' and not any(q in inner for q in '"“”')


def _entries(
    raw: Callable[[int], str], set_apart: Callable[[int], bool], first: int, n: int
) -> tuple[list[str], int]:
    """The list's lines: short title-like lines up to the first one that repeats (the first
    chapter's heading) or is not an entry; and the last paragraph holding an entry.
    (``set_apart``: a blank line stands before the paragraph.)"""
    entries: list[str] = []
    seen: set[str] = set()
    # (the entries by their `spelling_keys`, so that each line is weighed against few)
    spellings: dict[tuple, list[str]] = {}
    last = first
    paged = None  # (the indent and length of the line before, when a page number ended it)
    for k in range(first, min(n, first + MAX_ENTRIES)):
        if set_apart(k):
            paged = None  # (an entry runs over onto the next line, never past a blank one)
        # Entries indented deeper than others may run together into one paragraph.
        for raw_line in raw(k).strip("\n").split("\n"):
            column = _PAGE_COLUMN.search(raw_line)
            if column is not None:
                raw_line = raw_line[: column.start("page")]
            line = strip_decoration(_PAGE_LEADER.sub("", " ".join(raw_line.split())))
            indent = len(raw_line) - len(raw_line.lstrip())
            if column is None and _runs_on(paged, indent, line) and entries:
                # (an entry that ran over onto the next line, under its page number's line)
                seen.discard(entries[-1].casefold())
                entries[-1] = f"{entries[-1]} {line}"
                seen.add(entries[-1].casefold())
                paged = (paged[0], len(line)) if paged else None
                continue
            paged = (indent, len(line)) if column is not None and line else None
            if entries and line.rstrip(".").casefold() == entries[-1].casefold():
                continue  # the entry again, copied below itself
            if line.casefold() in seen and _listed_on(raw, k, n, seen):
                continue  # a second list of the same pieces (a list of illustrations)
            if not line or len(line) > ENTRY_CHARS or line.casefold() in seen:
                return entries, last
            keys = spelling_keys(line)
            if any(spelled_alike(line, e) for key in keys for e in spellings.get(key, ())):
                return entries, last  # the first heading, spelled as over its story
            # (a line with its page number set in the list's column is an entry, even one
            # ending as a sentence does: `The Two Columns.      61`)
            if (
                column is None
                and line.endswith((".", ",", ";", "!", "?", "”", '"'))
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


# A contents list with notes under its titles ends this many paragraphs after its `Contents`
# line at most, and has notes under this many of its titles at least, and under half of them.
ANNOTATED_REACH = 400
ANNOTATED_LEAST = 3
# A note is prose: a paragraph at least this long, not in capitals.
NOTE_CHARS = 150


def _annotated_entries(
    raw: Callable[[int], str], first: int, n: int
) -> tuple[list[str], int] | None:
    """A contents list that says something of each piece under its title (`THE STORM` over a
    paragraph or two on how it came to be written): its titles, each a line alone in capitals
    or shaped as a heading, between paragraphs of notes, up to the first title again (now
    over its story); and the last paragraph holding a title. None where the first title does
    not come again, or few titles have notes."""
    entries: list[str] = []
    keys: set[str] = set()
    last = first
    noted = 0
    in_notes = False
    for k in range(first, min(n, first + ANNOTATED_REACH)):
        paragraph = raw(k).strip()
        line = strip_decoration(" ".join(paragraph.split()))
        if "\n" in paragraph or not _entry_title(line):
            if not entries:
                return None  # (notes before any title: no such list)
            # (a run of paragraphs between two titles is a note when one of them is prose)
            prose = len(line) >= NOTE_CHARS and line.upper() != line
            noted += prose and not in_notes
            in_notes = in_notes or prose
            continue
        key = line.rstrip(".").casefold()
        if entries and key == entries[0].rstrip(".").casefold():
            enough = noted >= max(ANNOTATED_LEAST, len(entries) / 2)
            return (entries, last) if enough else None
        if key in keys:
            return None
        entries.append(line)
        keys.add(key)
        last = k
        in_notes = False
    return None


def _entry_title(line: str) -> bool:
    """A line that can title a piece in a contents list with notes: short, in capitals (with
    a letter in it) or shaped as a heading."""
    if not 0 < len(line) <= ENTRY_CHARS:
        return False
    capitals = line.upper() == line and any(c.isalpha() for c in line)
    return capitals or match_heading(line) is not None


def _listed_on(raw: Callable[[int], str], k: int, n: int, seen: set[str]) -> bool:
    """An entry met again in paragraph ``k`` with the list's entries after it, not the story:
    the same pieces listed again (the pictures of the fables the contents lists)."""
    for j in range(k + 1, min(n, k + 1 + LISTED_ON_REACH)):
        lines = raw(j).strip().split("\n")
        first = strip_decoration(" ".join(lines[0].split())).casefold()
        if first in seen:
            return True
        if len(lines) > 1 or not 0 < len(first) <= ENTRY_CHARS or first.endswith("."):
            return False  # (story, or the title's subtitle over it)
    return False


# How far on from an entry met again its list's other entries are looked for, past lines such
# as a group's title (`IN BLACK AND WHITE`).
LISTED_ON_REACH = 2


def _runs_on(paged: tuple[int, int] | None, indent: int, line: str) -> bool:
    """The line goes on with the entry before it: that one ended in a page number at the end
    of a long line (``paged``: its indent and length), this one has none, is set in at least
    as far and is no heading or group title of its own (`THE RAJAH'S DIAMOND:`)."""
    return (
        paged is not None
        and paged[1] >= WRAPPED_ENTRY_CHARS
        and indent >= paged[0]
        and bool(line)
        and not line.endswith(":")
        and match_heading(line) is None
    )


def _capitals_title(line: str) -> bool:
    """`THE BROKEN LINK HANDICAPPED.`, `THE "EATANSWILL GAZETTE"`, `WHAT NEXT?`: a title in
    capitals ending as a sentence does, as many old books set their titles; a sentence has
    small letters."""
    return (
        line.endswith((".", "!", "?", '"', "”"))
        and not line.endswith("..")
        and line.upper() == line
        and any(c.isalpha() for c in line)
    )


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


def without_closing_list(strong: list[tuple[int, Heading]]) -> list[tuple[int, Heading]]:
    """The headings (sorted) without a run of at least ``TOC_RUN`` after all the others, one
    to a paragraph with nothing between them, of one keyword counting up (`Volume I, 1913.`,
    `Volume II, 1914.`, `Volume III, 1915.`): a list the book closes with (a publisher's
    volumes for sale), not its last chapters."""
    if len(strong) <= TOC_RUN:
        return strong
    run = 1
    while run < len(strong) and strong[-run][0] - strong[-run - 1][0] == 1:
        run += 1
    if run < TOC_RUN or run == len(strong):
        return strong
    tail = [h for _, h in strong[-run:]]
    numbers = [h.number for h in tail if h.number is not None]
    if len({(h.kind, h.word) for h in tail}) > 1 or len(numbers) < run:
        return strong
    if numbers != list(range(numbers[0], numbers[0] + run)):
        return strong
    return strong[:-run]


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
        if line not in wanted or (i > 0 and lines[i - 1] == line):
            continue  # (a line cut in two is marked for its first piece)
        info = infos.get(i)
        if info is None:
            title = " ".join(paragraph(i).split())
            if title:
                found.append((i, Heading("titled", None, "", title, True)))
        elif info.kind == "weak":
            # `# 29. Chapter 29`: a bare number is a heading here, marked so by the file
            found.append((i, replace(info.data, strong=True)))
    return found
