"""Whether a file holds a work the library knows, by what it names and what it says.

A changed file may still be the same story, or a different one saved under its name; a new file
may be the same story downloaded again. It is told by the AO3 or FanFiction.net work the file
names, else by title, author and text, never by the file's name.
"""

from __future__ import annotations

import re
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
# A new file is the story downloaded again when it holds at least this share of the
# remembered paragraphs it should hold: an update keeps nearly all of them, another story
# (of the same title and author) next to none.
HOLDS_AT_LEAST = 0.5

# The work an address names, whatever the chapter or the form of the address: an AO3 work,
# a FanFiction.net or FictionPress story, by number.
_WORK_ADDRESSES = (
    ("ao3", re.compile(r"(?:archiveofourown\.(?:org|com|net)|ao3\.org)/works/(\d+)", re.I)),
    ("ffn", re.compile(r"fanfiction\.net/s/(\d+)", re.I)),
    ("fp", re.compile(r"fictionpress\.com/s/(\d+)", re.I)),
)
# Where a file names its work when its metadata does not: the front matter (AO3's `Posted
# originally on the Archive of Our Own at …`, a downloader's title page), before chapter 1.
FRONT_PARAGRAPHS = 40


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


def work_in(text: str) -> str:
    """`ao3:60961120` for the first work address in ``text``; "" when it names none."""
    found = [
        (match.start(), site, match.group(1))
        for site, rule in _WORK_ADDRESSES
        if (match := rule.search(text))
    ]
    if not found:
        return ""
    _at, site, number = min(found)
    return f"{site}:{number}"


def work_of(book: Book) -> str:
    """The AO3 or FanFiction.net work the file holds, by the address its metadata gives (a
    download's `Posted originally … at`, an EPUB's source, a downloader's `Story URL`), else
    one its front matter names; "" when it names none."""
    url = (book.meta or {}).get("url")
    if isinstance(url, str) and (work := work_in(url)):
        return work
    front = book.chapters[0].start if book.chapters else FRONT_PARAGRAPHS
    return work_in(
        "\n".join(book.paragraph(p) for p in range(min(front, FRONT_PARAGRAPHS, len(book))))
    )


def story_keys(work: str, title: str, author: str | None) -> list[str]:
    """What finds the books that may hold the same story as a file: its work, and its title
    with its author (none without an author: a file without metadata, whose title is its
    name). A browser names a download by its title, so a title like the file's name counts."""
    keys = [f"work {work}"] if work else []
    title_name, author_name = _plain(title), _plain(author)
    if title_name and author_name:
        keys.append(f"names {title_name}\n{author_name}")
    return keys


def _plain(value: str | None) -> str:
    return " ".join((value or "").split()).casefold()


def _name(value: str | None, path: str) -> str:
    """A title or author as compared: case and spacing aside; a title that is only the file's
    name (the format had none) is no title."""
    text = _plain(value)
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
    return _found(known, book) < FOUND_AT_LEAST * len(known)


def holds_the_story(known: list[str], book: Book, share: float) -> bool:
    """``book`` holds the story ``known`` remembers (fingerprints of paragraphs spread over
    it, its place and bookmarks): at least half of those it should hold, which is all of them
    for a copy as long or longer, its ``share`` of the length for a shorter one (an older copy,
    its last chapters not posted yet). Too few to look for decide nothing: False."""
    known = list(dict.fromkeys(known))
    expected = len(known) * min(1.0, share)
    if expected < JUDGED_FROM:
        return False
    found = _found(known, book)
    return found >= JUDGED_FROM and found >= HOLDS_AT_LEAST * expected


def _found(known: list[str], book: Book) -> int:
    """How many of the ``known`` fingerprints are those of paragraphs of ``book``."""
    wanted = set(known)
    return len(
        {mark for para in range(len(book)) if (mark := fingerprint(book.paragraph(para))) in wanted}
    )
