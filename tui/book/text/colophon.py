"""Where a printed book's story stops before its back pages.

The back pages are an imprint, a note on the author, a publisher's list of other titles.
"""

from __future__ import annotations

import re

from tui.book.model import Book, ParaKind
from tui.book.text.lines import AUTHOR_NOTE

TEXT, BREAK = int(ParaKind.TEXT), int(ParaKind.BREAK)

# A printer's imprint or publisher's notice after the closing ornament: at most this many short
# paragraphs, lines at most this long.
COLOPHON_PARAGRAPHS = 12
COLOPHON_LINE_CHARS = 60
# After `The End`, a list of other titles may run to this many paragraphs; a bracketed note
# among them to this many characters.
COLOPHON_SCAN = 400
COLOPHON_NOTE_CHARS = 72


def before_colophon(book: Book, story_end: int, last_chapter: int) -> int:
    """The story ends at an ornament after which only a few short lines stand (`PRINTED BY /
    TURNBULL AND SPEARS, / EDINBURGH`), not a last scene."""
    kinds = book.kinds
    ornament = kinds.rfind(BREAK, last_chapter, story_end)
    if ornament < 0 or story_end - ornament - 1 > COLOPHON_PARAGRAPHS:
        return story_end
    for i in range(ornament + 1, story_end):
        if kinds[i] == TEXT and any(
            len(line.strip()) > COLOPHON_LINE_CHARS for line in book.raw(i).split("\n")
        ):
            return story_end
    return ornament


# A note on the author after the book's only ornament runs to at most this many paragraphs.
AUTHOR_NOTE_PARAGRAPHS = 3


def before_author_note(book: Book, story_end: int, story_start: int, author: str | None) -> int:
    """The story ends at an ornament when it is the only one in the book and what follows
    it is a paragraph or two naming the author (`The Brothers Grimm, Jacob (1785-1863) and
    Wilhelm...`): a note about them, not a last scene."""
    kinds = book.kinds
    ornament = kinds.rfind(BREAK, story_start, story_end)
    if ornament < 0 or kinds.find(BREAK, story_start, ornament) >= 0 or not author:
        return story_end
    if kinds.count(TEXT, ornament + 1, story_end) > AUTHOR_NOTE_PARAGRAPHS:
        return story_end
    first = re.split(r",| and | & ", author)[0].split()
    surname = first[-1] if first else ""
    after = book.text[book.starts[ornament] : book.ends[story_end - 1]]
    if len(surname) < 3 or re.search(rf"\b{re.escape(surname)}\b", after) is None:
        return story_end
    return ornament


def only_short_lines(book: Book, start: int, stop: int) -> bool:
    """Paragraphs ``start`` to ``stop`` are short lines (a list of titles, an imprint), with
    no prose among them."""
    if stop - start > COLOPHON_SCAN:
        return False
    for i in range(start, stop):
        lines = book.raw(i).split("\n")
        if len(lines) > 2 or any(len(line.strip()) > COLOPHON_NOTE_CHARS for line in lines):
            return False
    return True


def verse_then_notes(book: Book, start: int, stop: int) -> bool:
    """From ``start``, short lines (a song, a poem) and then the authors' notes: what follows
    a story's `END` when the writers add the song they heard and a word of their own."""
    for i in range(start, min(stop, start + COLOPHON_SCAN)):
        text = book.paragraph(i).strip()
        if AUTHOR_NOTE.match(text):
            return i > start
        if len(text) > COLOPHON_NOTE_CHARS or "\n" in book.raw(i).strip():
            return False
    return False
