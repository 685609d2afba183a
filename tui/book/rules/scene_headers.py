"""Scene headers a book repeats: point-of-view names after its breaks, and entries' `Day N`."""

from __future__ import annotations

import re
from collections.abc import Callable

from tui.book.model import Book, ParaKind
from tui.book.rules.sentence_ends import SENTENCE_ENDS

TEXT, BREAK = int(ParaKind.TEXT), int(ParaKind.BREAK)
# A scene header is a name or two: this many characters and words at most, and no sentence.
HEADER_CHARS = 30
HEADER_WORDS = 3
# Chapters in which a line opens a scene after a break that make it the book's scene header.
FEWEST_CHAPTERS = 3
# Scenes opened by lines of one first word that make them a book's entries.
MIN_ENTRIES = 5
_LETTER = re.compile(r"[^\W\d_]")


def header_key(text: str) -> str:
    """A short line as its repeats are compared (case and spacing aside); "" for a line too
    long or too wordy to be a header, a sentence, or one without letters."""
    words = " ".join(text.replace("*", " ").split()).casefold()
    if not words or len(words) > HEADER_CHARS or len(words.split()) > HEADER_WORDS:
        return ""
    if words.endswith(SENTENCE_ENDS) or words.startswith(("“", '"', "‘", "'")):
        return ""
    return words if _LETTER.search(words) else ""


def _line(book: Book, i: int) -> str:
    return book.text[book.starts[i] : min(book.ends[i], book.starts[i] + HEADER_CHARS * 4)]


def scene_headers(book: Book, key: Callable[[str], str] = header_key) -> set[str]:
    """Keys (by ``key``) of the lines that open scenes right after a break in at least
    FEWEST_CHAPTERS chapters and a quarter of them: the author's headers of scenes (whose
    point of view, `Satoru`, `Suguru`), what those scenes are known by."""
    counts: dict[str, int] = {}
    kinds = book.kinds
    for chapter in book.chapters:
        seen: set[str] = set()
        at = kinds.find(BREAK, chapter.start, chapter.end)
        while at >= 0 and at + 1 < chapter.end:
            if kinds[at + 1] == TEXT and header_key(_line(book, at + 1)):
                seen.add(key(_line(book, at + 1).strip()))
            at = kinds.find(BREAK, at + 1, chapter.end)
        for found in seen - {""}:
            counts[found] = counts.get(found, 0) + 1
    least = max(FEWEST_CHAPTERS, (len(book.chapters) + 3) // 4)
    return {found for found, n in counts.items() if n >= least}


def header_starts(book: Book) -> list[int]:
    """Paragraphs inside chapters that are one of the book's scene headers standing alone in
    the run of the text (no break before it, the story right before it): each opens a scene,
    the point of view switching. A chapter's first lines aside (its first scene opens there
    anyway)."""
    headers = scene_headers(book)
    if not headers:
        return []
    kinds = book.kinds
    out = []
    for chapter in book.chapters:
        first = kinds.find(TEXT, chapter.start, chapter.end)
        if first < 0:
            continue
        for i in range(first + 1, chapter.end - 1):
            if kinds[i] != TEXT or kinds[i - 1] != TEXT or kinds.find(TEXT, i + 1, i + 2) < 0:
                continue
            if header_key(_line(book, i - 1)):
                continue  # (under `Part One`, among the lines heading a scene: not a switch)
            if header_key(_line(book, i)) in headers:
                out.append(i)
    return out


def entry_words(book: Book) -> frozenset[str]:
    """The first word shared by the short lines that open most of a book's scenes right after
    their breaks (`Day One:`, `Day Two`, `Day Forty-Six`: a diary's entries), when at least
    MIN_ENTRIES do: a run that such a line heads is an entry of its own, however short."""
    firsts: dict[str, int] = {}
    opened = 0
    kinds = book.kinds
    for chapter in book.chapters:
        at = kinds.find(BREAK, chapter.start, chapter.end)
        while at >= 0 and at + 1 < chapter.end:
            if kinds[at + 1] == TEXT:
                opened += 1
                word = entry_word(_line(book, at + 1))
                if word:
                    firsts[word] = firsts.get(word, 0) + 1
            at = kinds.find(BREAK, at + 1, chapter.end)
    return frozenset(word for word, n in firsts.items() if n >= MIN_ENTRIES and 2 * n >= opened)


def entry_word(line: str) -> str:
    """The first word of a line short enough to head an entry (`Day Two:`), else ""."""
    words = line.strip().rstrip(":").split()
    if not 2 <= len(words) <= HEADER_WORDS or len(line.strip()) > HEADER_CHARS:
        return ""
    if words[-1].endswith(SENTENCE_ENDS) or not _LETTER.search(words[0]):
        return ""
    return words[0].casefold()
