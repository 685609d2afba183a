"""A bibliography or glossary among the chapters: a list of works, whose gaps part no scenes."""

from __future__ import annotations

import re

from tui.book.markup.producers import title_key
from tui.book.model import Book, ParaKind

# The names of a list of works or of terms, at the end of its title (`Article 19.
# BIBLIOGRAPHY.`, `Select Bibliography`, `Works Cited`).
_REFERENCE_LIST = re.compile(
    r"(?:^|\s)(?:bibliography|bibliographie|bibliografia|bibliografía|bibliografie|"
    r"references|works cited|further reading|glossary)$"
)
MAX_TITLE_WORDS = 4  # a longer title is a chapter's about these things, not the list


def is_reference_list(title: str) -> bool:
    """Whether a chapter's title names a list of works or terms (a bibliography)."""
    key = title_key(title)
    return len(key.split()) <= MAX_TITLE_WORDS and _REFERENCE_LIST.search(key) is not None


def reference_lists(book: Book) -> list[tuple[int, int]]:
    """The paragraph ranges of the chapters that are lists of works or terms, whose empty
    paragraphs group the entries (the works before a note, those published since): their
    breaks are left blank lines, and no scene opens inside them."""
    spans = [(c.start, c.end) for c in book.chapters if is_reference_list(c.title)]
    kinds = book.kinds
    for start, end in spans:
        for k in range(start, end):
            if kinds[k] == ParaKind.BREAK:
                kinds[k] = ParaKind.LABEL
    return spans
