"""A book's title set again over its text proper (a half-title), where a preface ends."""

from __future__ import annotations

from tui.book.rules.number_words import plain
from tui.book.text.front_matter import Front

# A title set again over the text is at least this many letters (not `I`, not `Book`) ...
HALF_TITLE_CHARS = 8
# ... and a line at most this long.
HALF_TITLE_LINE_CHARS = 150


def says_the_title(line: str, title: str) -> bool:
    """``line`` is the book's ``title`` as a header names it, in any case; a header may add
    to it (`A Connecticut Yankee in King Arthur's Court, Complete` over `A CONNECTICUT
    YANKEE IN KING ARTHUR'S COURT`)."""
    said = _alnum(line) if len(line) <= HALF_TITLE_LINE_CHARS else ""
    return len(said) >= HALF_TITLE_CHARS and _alnum(title).startswith(said)


def end_preface_at_half_title(front: Front, paragraph, title: str) -> None:
    """A preface closing the front runs up to the book's title set again over the text
    proper (``title``, as its header names it): what follows the title is the book's own, not
    the preface's (Twain's signed PREFACE, then the title, then the frame of his tale)."""
    if not front.sections or front.sections[-1].kind != "preface":
        return
    preface = front.sections[-1]
    for k in range(preface.start, preface.end):
        if says_the_title(paragraph(k).strip(), title):
            preface.end = front.end = k
            return


def _alnum(text: str) -> str:
    return "".join(c for c in plain(text) if c.isalnum())
