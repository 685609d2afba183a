"""Whether a changed file still holds the work the library knew, or a different story saved
under the same name (whose place and bookmarks must not be carried over)."""

from __future__ import annotations

from pathlib import Path

from tui.book.anchor import fingerprint
from tui.book.model import Book

SAMPLE_SIZE = 24  # paragraphs remembered of each book, spread over it
# Shorter paragraphs (headings, scene breaks, "Yes.") are found in any story: they tell
# nothing about which story a file holds.
TELLING_LENGTH = 60
# Under this share of the remembered paragraphs found again, the file holds another story:
# an update or an edit keeps most of a story's paragraphs as they were.
FOUND_AT_LEAST = 0.2
JUDGED_FROM = 3  # fewer remembered paragraphs than this decide nothing


def paragraph_sample(book: Book) -> list[str]:
    """Fingerprints of up to `SAMPLE_SIZE` telling paragraphs spread over ``book``."""
    count = len(book)
    if not count:
        return []
    step = max(1, count // (SAMPLE_SIZE * 2))
    telling = [
        para
        for para in range(0, count, step)
        if len(" ".join(book.paragraph(para).split())) >= TELLING_LENGTH
    ]
    every = max(1, len(telling) // SAMPLE_SIZE)
    sample = dict.fromkeys(fingerprint(book.paragraph(para)) for para in telling[::every])
    return list(sample)[:SAMPLE_SIZE]


def _name(value: str | None, path: str) -> str:
    """A title or author as compared: case and spacing aside; a title that is only the file's
    name (the format had none) is no title."""
    text = " ".join((value or "").split()).casefold()
    return "" if text == Path(path).stem.casefold() else text


def different_by_metadata(
    old_title: str, old_author: str | None, new_title: str, new_author: str | None, path: str
) -> bool | None:
    """True when the title and the author both changed, False when either stayed; None when
    either side lacks one of them (the format has no metadata)."""
    names = [
        _name(old_title, path),
        _name(old_author, path),
        _name(new_title, path),
        _name(new_author, path),
    ]
    if not all(names):
        return None
    return names[0] != names[2] and names[1] != names[3]


def different_by_text(known: list[str], book: Book) -> bool:
    """Nearly none of the paragraphs remembered of the old file (``known``: fingerprints of
    its sample, place and bookmarks) are in ``book``. Too few remembered decide nothing."""
    known = list(dict.fromkeys(known))
    if len(known) < JUDGED_FROM:
        return False
    wanted = set(known)
    found = {
        mark for para in range(len(book)) if (mark := fingerprint(book.paragraph(para))) in wanted
    }
    return len(found) < FOUND_AT_LEAST * len(known)
