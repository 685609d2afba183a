"""Sections titled in capitals inside the chapters of a book whose chapter titles stand over
the title of their first section, both in the same capitals."""

from __future__ import annotations

from tui.book.model import Book, ParaKind
from tui.book.rules.headings import match_heading
from tui.book.text.paragraphs import blank_lines_before

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
            ):
                found.append(i)
    for i in found:
        kinds[i] = LABEL
    return found
