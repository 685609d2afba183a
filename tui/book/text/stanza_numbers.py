"""Numbers over the stanzas of verse quoted in prose, which are not chapter headings.

Such as `1.` over `Gefjun dró frá Gylfa`: a count of their own.
"""

from __future__ import annotations

from tui.book.model import Book
from tui.book.rules.headings import Heading, match_heading

# A stanza is at least this many lines of verse under its number ...
STANZA_LINES = 3
# ... each at most this long (a line of prose runs on to the margin or is a paragraph).
VERSE_LINE_CHARS = 50
# Numbers over verse are stanza numbers when at least this share of them stand so.
STANZA_SHARE = 2 / 3


def over_verse(run: list[tuple[int, Heading]], paragraph) -> bool:
    """Most numbers of ``run`` stand right over a few short lines of verse: they number
    stanzas, as an edition of a text that quotes poems numbers them through the book."""
    if not run:
        return False
    stanzas = sum(_verse_under(i, paragraph) for i, _ in run)
    return stanzas >= STANZA_SHARE * len(run)


def _verse_under(i: int, paragraph) -> bool:
    lines = paragraph(i).strip().split("\n")[1:]
    k = i + 1
    while len(lines) < STANZA_LINES:
        try:
            text = paragraph(k).strip()
        except IndexError:
            break
        if not text:
            break
        lines += text.split("\n")
        k += 1
    lines = [line.strip() for line in lines[:STANZA_LINES]]
    return len(lines) == STANZA_LINES and all(0 < len(line) <= VERSE_LINE_CHARS for line in lines)


def closes_numbered_stanza(book: Book, p: int) -> bool:
    """The gap before paragraph ``p`` closes a stanza set under its number (`2.` over four
    short lines of verse): it sets the quoted verse off from the prose that goes on, as the gap
    before the number does, and opens no scene."""
    k = p - 1
    verse = 0
    while k >= 0 and verse <= MOST_STANZA_LINES:
        lines = book.paragraph(k).strip().split("\n")
        opening = _stanza_number(lines[0])
        verse_lines = lines[1:] if opening else lines
        if any(not 0 < len(line.strip()) <= VERSE_LINE_CHARS for line in verse_lines):
            return False
        verse += len(verse_lines)
        if opening:
            return verse >= STANZA_LINES - 1
        k -= 1
    return False


# A stanza runs to at most this many lines.
MOST_STANZA_LINES = 24


def _stanza_number(text: str) -> bool:
    heading = match_heading(text)
    return heading is not None and heading.kind == "number"
