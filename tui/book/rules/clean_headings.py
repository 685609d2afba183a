"""Heading lines as users should see them: a chapter's in the form its heading is recognised
in, front and end matter's without emphasis marks or alt text."""

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
    """A heading line as users should see it: decorations, markup and alt text removed."""
    line = _SPACES.sub(" ", strip_alt_text(text.strip())).strip()
    line = without_note_reference(line)
    inner = strip_decoration(line)
    if inner:
        line = inner
    match = match_heading(line)
    return match.text if match else line


def matter_heading(text: str) -> str:
    """A heading of front or end matter (an afterword's, a note's) as users should see it: one
    that holds alt text cleaned as a chapter's heading is (`image Afterword image` ->
    `Afterword`), any other only without its emphasis marks and with its spaces single."""
    line = " ".join(plain_title(text).split())
    if strip_alt_text(line) != line:
        return clean_heading(line) or line
    return line
