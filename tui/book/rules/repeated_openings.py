"""Lines a book repeats at the head of its chapters, which no scene is known by.

The story's title under each heading, or `Chapter 12` restating it.
"""

from __future__ import annotations

import re

from tui.book.model import Book, ParaKind
from tui.book.rules.headings import names_a_chapter
from tui.book.rules.scene_headers import scene_headers
from tui.book.rules.sentence_ends import CLOSING_QUOTES, FULL_STOPS

TEXT = int(ParaKind.TEXT)
# A line this short at most can be a repeated title; longer ones are prose.
LONGEST_REPEATED = 80
# How many of a chapter's first paragraphs of prose are looked at.
HEAD_PARAGRAPHS = 3
# A scene's label passes over this many repeated lines at most.
MOST_PASSED = 3
# A line repeats when it opens at least this many chapters, and at least half of them.
FEWEST_CHAPTERS = 3

# A line ending so is a sentence, the story's own: a line ending in a colon leads into the
# text under it (`PAN STONE:`, a place or a speaker, as much the scene's own), but a comma
# or a semicolon may close a line repeated over every chapter (`Dear Diary,`).
_SENTENCE_ENDS = (*FULL_STOPS, *CLOSING_QUOTES, ":")
_LETTER = re.compile(r"[^\W\d_]")
_MARKS = re.compile(r"[*_~]+")
_NUMBER = re.compile(r"\d+")


def opening_key(text: str) -> str:
    """What a short line says, as its repeats are compared: without emphasis marks, case or
    spacing (`**My Paper Heart **` is `my paper heart`), and in a line shaped like a chapter's
    heading any number standing for every number (`Chapter 12` is `chapter #`; a year over a
    scene, `2019`, is itself); "" for a line too long to be a title, or a sentence."""
    if len(text) > LONGEST_REPEATED * 2:
        return ""
    words = _words(text)
    if not words or len(words) > LONGEST_REPEATED:
        return ""
    if names_a_chapter(words):
        return _NUMBER.sub("#", words)
    return "" if words.endswith(_SENTENCE_ENDS) else words  # (a sentence is the story's)


def _words(text: str) -> str:
    """A line's words as `opening_key` compares them: without marks, case or spacing."""
    return " ".join(_MARKS.sub(" ", text).split()).casefold()


def _is_passed(text: str, passed: frozenset[str]) -> bool:
    """Whether ``opening_key(text)`` is among ``passed``. A key is "" or a line's words, as
    they stand or with their numbers as `#`: a line whose words are among neither is not read
    as a heading at all (that reading is the slow part, and most scenes open on no repeated
    line)."""
    if "" not in passed:
        if len(text) > LONGEST_REPEATED * 2:
            return False
        words = _words(text)
        if words not in passed and _NUMBER.sub("#", words) not in passed:
            return False
    return opening_key(text) in passed


def repeated_openings(book: Book) -> frozenset[str]:
    """Keys (`opening_key`) of the lines a scene's label passes over: the book's title, and a
    line among the first few of most chapters."""
    found: dict[str, int] = {}
    for chapter in book.chapters:
        keys: set[str] = set()
        at = chapter.start
        looked = 0
        while at < chapter.end and looked < HEAD_PARAGRAPHS:
            if book.kinds[at] == TEXT:
                keys.add(opening_key(book.text[book.starts[at] : book.ends[at]].strip()))
                looked += 1
            at += 1
        for key in keys - {""}:
            found[key] = found.get(key, 0) + 1
    least = max(FEWEST_CHAPTERS, (len(book.chapters) + 1) // 2)
    # (a line without letters, a year over the scene, `2005`, tells when it happens)
    repeated = {key for key, n in found.items() if n >= least and _LETTER.search(key)}
    repeated -= scene_headers(book, opening_key)
    title = opening_key(book.title)
    return frozenset(repeated | ({title} if title else set()))


def past_repeats(book: Book, start: int, end: int, passed: frozenset[str]) -> int:
    """Where the words a scene is known by begin: past the lines at its ``start`` that the
    book repeats (keys in ``passed``), when story follows them before its ``end``."""
    at = found = start
    count = 0
    while at < end and count < MOST_PASSED:
        if book.kinds[at] == TEXT:
            head = book.text[book.starts[at] : min(book.ends[at], book.starts[at] + 400)]
            if not _is_passed(head.strip(), passed):
                break
            count += 1
            found = at + 1
        at += 1
    return found if book.kinds.find(TEXT, found, end) >= 0 else start


def mark_repeated_openings(book: Book, repeated: frozenset[str] | None = None) -> None:
    """The lines most chapters repeat right under their heading (the story's title, `Chapter
    2` restating `2. Chapter 2`) are labels, shown dimmed, not the first lines of the story:
    a download puts them there, the author did not write them into the chapter. Only where
    they repeat over the book (`repeated_openings`, the title aside; ``repeated``, if read
    already) and story follows."""
    repeated = repeated_openings(book) if repeated is None else repeated
    passed = repeated - {opening_key(book.title)}
    if not passed:
        return
    label = int(ParaKind.LABEL)
    for chapter in book.chapters:
        if chapter.heading is None:
            continue
        body = chapter.heading + 1
        while body < chapter.end and book.kinds[body] == int(ParaKind.HEADING):
            body += 1
        story = past_repeats(book, body, chapter.end, passed | {opening_key(book.title)})
        for at in range(body, story):
            if book.kinds[at] == TEXT:
                book.kinds[at] = label
