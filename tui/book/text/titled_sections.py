"""Sections titled in capitals inside chapters, and the dated days they go on to.

The sections stand under chapter titles that stand over their first section's, or are set off
as widely as the chapters.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from itertools import compress

from tui.book.model import Book, ParaKind
from tui.book.rules.headings import match_heading
from tui.book.text.blank_counts import blank_lines_each
from tui.book.text.letters import MIN_DATED_ENTRIES, is_dateline
from tui.book.text.paragraphs import blank_lines_before
from tui.book.text.stanzas import stanza_under

TEXT, HEADING, LABEL = int(ParaKind.TEXT), int(ParaKind.HEADING), int(ParaKind.LABEL)

# A title in capitals: one short line.
TITLE_CHARS = 60
# Chapters whose title stands over their first section's: at least this many, and this share
# of the chapters with headings.
STACKED_LEAST = 5
STACKED_SHARE = 0.25
# A line in capitals keeps a letter or two in lower case at most (`VITTSKOeVLE`, a letter
# written out as two).
LOWER_SHARE = 0.2
# A footnote's mark after a title: `THE FRAGMENTS[2]`.
_NOTE_MARK = re.compile(r"\[\d+\]")
# A line in capitals ending so is said or shouted (`HE HAD ARRIVED!`), not a title.
_SAID = ("!", "?", ",", ";", ":", "-", "—")


def capitals_title(raw: str) -> bool:
    """One short line in capitals naming something (`THE WILD GEESE`, `IN OeVID CLOISTER
    PARK`), not a numbered label (`CHAPTER I`, `II.`) and not a cry (`HE HAD ARRIVED!`)."""
    line = raw.strip()
    if not 0 < len(line) <= TITLE_CHARS or "\n" in line or line.endswith(_SAID):
        return False
    letters = [c for c in line if c.isalpha()]
    lower = sum(c.islower() for c in letters)
    return (
        len(letters) >= 3
        and lower <= LOWER_SHARE * len(letters)
        and all(not w[0].islower() for w in line.split())
        and match_heading(line) is None
    )


def titled_sections(book: Book) -> list[int]:
    """The section titles inside chapters, marked LABEL: stacked under chapter titles (see
    `stacked_sections`), or set off as widely as the chapters (see `spaced_sections`); and
    the days a book that dates its sections goes on to in one (see `dated_days`)."""
    stacked = stacked_sections(book)
    return sorted(stacked + spaced_sections(book) + dated_days(book, stacked))


def dated_days(book: Book, sections: list[int]) -> list[int]:
    """In a book whose titled sections and chapters open, again and again, on a date alone
    as a diary's days do (`_Sunday, March twentieth_.` under `THE ELF`), a date alone further
    into a section opens the next day's scene (`_Sunday, June nineteenth_.`). None where
    fewer than MIN_DATED_ENTRIES sections or chapters open so."""
    if not sections:
        return []
    kinds = book.kinds

    def dated(i: int) -> bool:
        line = book.raw(i).strip()
        return "\n" not in line and is_dateline(line)

    heads = [i for i in range(1, len(kinds) - 1) if kinds[i - 1] in (LABEL, HEADING)]
    if sum(kinds[i] == TEXT and dated(i) for i in heads) < MIN_DATED_ENTRIES:
        return []
    return [
        i
        for c in book.chapters
        if c.heading is not None
        for i in range(c.heading + 2, c.end - 1)
        if kinds[i] == TEXT and kinds[i - 1] == TEXT and kinds[i + 1] == TEXT and dated(i)
    ]


def spaced_sections(book: Book) -> list[int]:
    """A title in capitals inside a chapter, set under as many blank lines as the book sets
    over its chapter headings, and more than over its paragraphs, with story under it (`THE
    FRAGMENTS`): a section of the chapter, its scene starting under it. Marked LABEL. Not in
    the last chapter, where such a title after the story heads the book's back matter
    (`NOTES`, `GLOSSARY`); not a page's running head (`304 THE SCARLET LETTER`); not a title
    over another (`THE STORY` / `FIRST PERIOD`), nor a poem's over its verse."""
    kinds = book.kinds
    spans = [(c.heading, c.end) for c in book.chapters if c.heading is not None and c.heading > 0]
    if len(spans) < STACKED_LEAST:
        return []
    blanks = blank_lines_each(book)
    width = Counter(blanks[heading] for heading, _ in spans).most_common(1)[0][0]
    # (only the paragraphs under that many blank lines are read: in most books a few)
    spaced = list(compress(range(len(blanks)), map(width.__eq__, blanks)))
    found = []
    for heading, end in spans[:-1]:
        for i in spaced[
            bisect.bisect_left(spaced, heading + 1) : bisect.bisect_left(spaced, end - 1)
        ]:
            if (
                kinds[i] == TEXT
                and kinds[i - 1] == TEXT
                and kinds[i + 1] == TEXT
                and blanks[i - 1] < width
                and capitals_title(book.raw(i))
                and not any(c.isdigit() for c in _NOTE_MARK.sub("", book.raw(i)))
                and not capitals_title(book.raw(i + 1))
                and match_heading(book.raw(i + 1)) is None
                # (a poem's title over its verse, `SONNET`, opens no section)
                and not stanza_under(book.text, book.starts, book.ends, i)
            ):
                found.append(i)
    for i in found:
        kinds[i] = LABEL
    return found


def stacked_sections(book: Book) -> list[int]:
    """In a book where chapter after chapter sets its title over the title of its first
    section, both alone in capitals (`THE BOY` / `THE ELF`), a line alone in the same capitals
    further into a chapter, between paragraphs of story, titles its next section (`THE WILD
    GEESE`): each is marked a LABEL and opens a scene, the story starting under it. None in a
    book whose chapters are numbered (`CHAPTER I` / `THE TITLE`: the capitals line is the
    chapter's title) or stack titles so too seldom to show the habit."""
    kinds = book.kinds
    spans = [(c.heading, c.end) for c in book.chapters if c.heading is not None]
    stacked = [
        heading
        for heading, end in spans
        if heading + 1 < end
        and kinds[heading + 1] == HEADING
        and capitals_title(book.raw(heading))
        and capitals_title(book.raw(heading + 1))
    ]
    if len(stacked) < max(STACKED_LEAST, STACKED_SHARE * len(spans)):
        return []
    text, starts, ends = book.text, book.starts, book.ends
    found = []
    for heading, end in spans:
        for i in range(heading + 1, end - 1):
            if (
                kinds[i] == TEXT
                and kinds[i - 1] == TEXT
                and kinds[i + 1] == TEXT
                and capitals_title(book.raw(i))
                # (set in the run of the story, no further below the paragraph above than
                # that is from its own: a wider gap above sets off an appendix's title)
                and blank_lines_before(text, starts, ends, i)
                <= blank_lines_before(text, starts, ends, i - 1)
                # (a name under a line ending in a comma signs a letter: `Yours ever,` /
                # `A. WRITER.`)
                and not book.raw(i - 1).rstrip().endswith(",")
            ):
                found.append(i)
    for i in found:
        kinds[i] = LABEL
    return found
