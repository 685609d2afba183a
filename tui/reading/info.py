"""What `info` tells about the open book: the file, its size in words, and where you are."""

from __future__ import annotations

import os
import time
from dataclasses import dataclass
from pathlib import Path

from tui.book.loader import safe_name
from tui.book.model import Book
from tui.paths import cells, shown_percent
from tui.reading.progress import story_percent


@dataclass(frozen=True, slots=True)
class BookFacts:
    """The facts `info` shows, one per line."""

    file: str
    encoding: str
    size: str  # words, chapters and scenes
    place: str  # line and percentage
    changed: str

    def lines(self, width: int | None = None) -> list[str]:
        """The facts, one per line; on lines of ``width`` cells, a fact too long for one is
        broken where it parts best (between its counts, before its percentage, before the
        file's age), rather than wherever the line ends (`61` on one line, `scenes` below)."""
        facts = [self.file, self.encoding, self.size, self.place, self.changed]
        if width is None:
            return facts
        shown = []
        for fact, joiner in zip(facts, ("", "", ", ", " · ", " ("), strict=True):
            if not joiner or cells(fact) <= width:
                shown.append(fact)
                continue
            pieces = fact.split(joiner)
            if joiner == " (":  # (the age keeps its bracket)
                pieces[1:] = ["(" + piece for piece in pieces[1:]]
                joiner = " "
            shown += _packed(pieces, joiner, width)
        return shown


def _packed(pieces: list[str], joiner: str, width: int) -> list[str]:
    """``pieces`` joined by ``joiner`` into as few lines of ``width`` cells as they fit in,
    the last ones kept together (`59 chapters, 61 scenes` under `187,584 words,`); a piece
    longer than a line is a line of its own. A comma ends the line it breaks; a ` · ` or a
    space is left out."""
    lines = [pieces[-1]]
    for piece in reversed(pieces[:-1]):
        joined = piece + joiner + lines[0]
        if cells(joined) <= width:
            lines[0] = joined
        else:
            lines.insert(0, piece + (joiner.rstrip() if joiner.strip() == "," else ""))
    return lines


def _plural(count: int, word: str) -> str:
    return f"{count:,} {word}{'' if count == 1 else 's'}"


def _age(seconds: float) -> str:
    if seconds < 90:
        return "just now"
    for unit, size in (("day", 86400), ("hour", 3600), ("minute", 60)):
        if seconds >= size:
            return f"{_plural(int(seconds // size), unit)} ago"
    return "just now"


def book_facts(
    book: Book,
    path: Path,
    offset: int,
    para: int,
    now: float | None = None,
    story_ended: bool = False,
) -> BookFacts:
    """The facts about ``book`` read from ``path``, with the top of the screen at ``offset``
    (in paragraph ``para``); ``story_ended``: the story's end is on screen, which is 100%, as
    the status line says (a book that fits on one screen is read through on its first)."""
    scenes = sum(len(chapter.scenes) for chapter in book.chapters)
    size = (
        f"{_plural(book.word_count, 'word')}, {_plural(len(book.chapters), 'chapter')}, "
        f"{_plural(scenes, 'scene')}"
    )
    percent = 100.0 if story_ended else story_percent(book, offset)
    line = book.line_of(para)
    total = book.line_count()
    if line is not None and total:
        place = f"Line {line:,} of {total:,} · {shown_percent(percent)}"
    else:
        place = f"{shown_percent(percent)} of the way in"
    try:
        changed_at = os.stat(path).st_mtime
    except OSError:
        changed = "File: no longer on disk"
    else:
        when = time.strftime("%Y-%m-%d %H:%M", time.localtime(changed_at))
        age = _age((time.time() if now is None else now) - changed_at)
        changed = f"Changed {when} ({age})"
    return BookFacts(
        file=safe_name(path),
        encoding=f"Encoding: {book.encoding}",
        size=size,
        place=place,
        changed=changed,
    )
