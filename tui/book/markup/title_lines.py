"""A book's title and author set as its first lines in bold, where nothing else names it."""

from __future__ import annotations

import re
from collections.abc import Sequence

from tui.book.markup.para import Para, set_apart
from tui.book.model import Book, ParaKind

TITLE_LINE_CHARS = 80  # a longer first line is a sentence, not a title
# A person's name: two to four capitalised words (`Cory Doctorow`, `H. G. Wells`), or `by …`.
NAME_LINE = re.compile(r"(?:by\s+)?((?:[A-Z][\w'’.-]*\.?\s+){1,3}[A-Z][\w'’-]+)", re.I)
CAPITALISED = re.compile(r"[A-Z]")


def opening_title(paras: Sequence[Para], book: Book) -> tuple[str, str]:
    """(title, author) from a title page a word processor made of the book's first two
    paragraphs, before its first chapter: a short line wholly in bold or italics (or a
    heading), then a person's name set the same way (`Little Brother` / `Cory Doctorow`).
    ("", "") when the book does not open so."""
    first = book.chapters[0].start if book.chapters else 0
    if first < 2:
        return "", ""
    title, byline = (" ".join(paras[i].text.split()) for i in (0, 1))
    if not (_title_line(paras[0], title) and _title_line(paras[1], byline)):
        return "", ""
    found = NAME_LINE.fullmatch(byline)
    if found is None or not all(CAPITALISED.match(w) for w in found.group(1).split()):
        return "", ""
    return title, found.group(1)


def _title_line(para: Para, text: str) -> bool:
    if not text or len(text) > TITLE_LINE_CHARS or text.endswith((".", ",", ";", ":")):
        return False
    return para.hint == ParaKind.HEADING or (para.hint == ParaKind.TEXT and set_apart(para))
