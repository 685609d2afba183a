"""Footnotes and endnotes in markup: the marks that refer to them, and the notes themselves.

A note's reference is shown as `[1]` (EPUB's `<a epub:type="noteref">1</a>`, `role="doc-noteref"`,
Gutenberg's `a.fnanchor`, a linked superscript number), as Markdown's `[^1]` and plain-text
books' `[1]` are; the note (`<aside epub:type="footnote">`, `role="doc-endnote"`, an item of an
`endnotes` list) opens with the same `[1]`, and the reader sets it apart like a note.
"""

from __future__ import annotations

import re

# Marks (`#id`, classes, epub:type, role) of an inline element that refers to a note.
NOTEREF_MARKS = re.compile(
    r"(?:^|\s)(?:doc-)?(?:noteref|fnanchor|footnote-?ref|endnote-?ref)(?:$|\s)"
)
# Marks of the element holding one note.
NOTE_MARKS = re.compile(r"(?:^|\s)(?:doc-)?(?:footnote|endnote|rearnote)(?:$|\s)")
# Marks of a section or list holding notes, one an item (Standard Ebooks' `endnotes`).
NOTES_MARKS = re.compile(r"(?:^|\s)(?:doc-)?(?:footnotes|endnotes|rearnotes)(?:$|\s)")
# Marks of a link from a note back to its reference (`↩`, a wiki's `span.mw-cite-backlink`
# `↑`): a way back, not the note's text.
BACKLINK_MARKS = re.compile(r"(?:^|\s)(?:[a-z]+-)*backlink(?:$|\s)")
# What a reference shows: a number, or a symbol printers use for notes.
NOTE_NUMBER = re.compile(r"\d{1,4}|[*†‡§¶]{1,3}")
NAMED_REF_CHARS = 6  # a reference its marks name may show a short word or letter
# The end of what a superscript number follows when it refers to a note (`currency.¹`), as an
# exponent (`x²`, `10⁶`) does not.
AFTER_PUNCTUATION = tuple(".,;:!?”’\"')]")
ID_NUMBER = re.compile(r"(\d{1,4})$")


def reference_mark(text: str, named: bool) -> str | None:
    """What a note reference shows, `1` for the text `1`; None when ``text`` is no reference
    (or is already in brackets, `[1]`). ``named``: the reference's marks say it is one, so a
    short word (`a`, `iv`) counts too."""
    text = text.strip()
    if NOTE_NUMBER.fullmatch(text):
        return text
    if named and 0 < len(text) <= NAMED_REF_CHARS and not text.startswith("[") and text.isalnum():
        return text
    return None


def number_in_id(ident: str) -> str:
    """The number ending a note's id (`n1`, `note-12`, `Footnote_3`), or ""."""
    found = ID_NUMBER.search(ident)
    return str(int(found.group(1))) if found else ""


def opens_with_mark(text: str, mark: str) -> bool:
    """Whether a note's text already opens with its mark (`[1] …`, `1. …`, `*Note …`)."""
    return re.match(rf"\[?{re.escape(mark)}(?!\w)", text) is not None
