"""Heading lines as users should see them.

A chapter's in the form its heading is recognised in; front and end matter's without emphasis
marks or alt text.
"""

from __future__ import annotations

import re

from tui.book.rules.emphasis import plain_title
from tui.book.rules.heading_decoration import strip_alt_text, strip_decoration
from tui.book.rules.headings import match_heading

_SPACES = re.compile(r"\s+")
# A note's reference set on a heading's last word (`THE GREAT CARBUNCLE[4]`): the note is about
# the title, the title is without it.
_NOTE_REFERENCE = re.compile(r"(?<=[^\W\d_]|[.”’\"')])\[(?:\d{1,4}|[*†‡§¶]{1,3})\]$")


def without_note_reference(title: str) -> str:
    """A title without the note reference set on its last word (`THE GREAT CARBUNCLE[4]`)."""
    return _NOTE_REFERENCE.sub("", title)


def clean_heading(text: str) -> str:
    """A heading line as users should see it: decorations, markup and alt text removed, and
    its label and title in the form a chapter's title takes (`CHAPTER 42: The Whiteness…`)."""
    line = _undressed(_SPACES.sub(" ", strip_alt_text(text.strip())).strip())
    match = match_heading(line)
    return match.text if match else line


def written_heading(text: str) -> str:
    """A heading line in the book's own words, as its page shows it: without decoration, a
    note reference or spaces doubled, its label and punctuation as written (`CHAPTER 42. The
    Whiteness of the Whale.`). "" for a line whose words alt text or marks break up (`Chapter
    2 image Into the RPG World image`, `*Chapter 2*: Title`): `clean_heading` puts those
    together."""
    rows = [" ".join(row.split()) for row in text.split("\n")]
    line = "\n".join(row for row in rows if row)  # (a heading set over two lines keeps them)
    if strip_alt_text(line) != line:
        return ""
    line = without_note_reference(line)
    inner = strip_decoration(line)
    if inner and not line.startswith(inner) and line[:1] not in "[(":
        line = inner  # a frame around it (`~ Chapter 5 ~`); an ending alone is its own (`;)`)
    return "" if "*" in line else line


def _undressed(line: str) -> str:
    """``line`` without the note reference on its last word and the decoration around it."""
    line = without_note_reference(line)
    return strip_decoration(line) or line


def matter_heading(text: str) -> str:
    """A heading of front or end matter (an afterword's, a note's) as users should see it: one
    that holds alt text cleaned as a chapter's heading is (`image Afterword image` ->
    `Afterword`), any other without its emphasis marks, the ornaments framing it and the colon
    of a label (`===== Blurbs: =====` -> `Blurbs`), and with its spaces single."""
    line = " ".join(plain_title(text).split())
    if strip_alt_text(line) != line:
        return clean_heading(line) or line
    inner = strip_decoration(line)
    if inner and not line.startswith(inner) and line[:1] not in "[(":
        line = inner.removesuffix(":").rstrip() or inner
    return line
