"""Test helpers for the finder: small hand-built Books with known chapters and scenes."""

from __future__ import annotations

import json
import re
from array import array
from collections import Counter
from pathlib import Path

from tui.book.model import Book, Chapter, ParaKind, Scene
from tui.finder.book_finder import BookFinder

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "finder"
LIGHTHOUSE = FIXTURES / "lighthouse.txt"
CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"

_HEADING = re.compile(r"^(?:Chapter \d+|Prologue|Epilogue|Interlude)\b")
_NAME = re.compile(r"\b[A-Z][a-z]+\b")
_NOT_NAMES = {"The", "He", "She", "They", "It", "In", "On", "By", "Then", "Her", "His", "Among"}


def build_book(text: str) -> Book:
    """Paragraphs split on blank lines; `Chapter N`, `Prologue`, `Epilogue`, `Interlude` lines
    are headings; `* * *` breaks scenes.

    Enough structure for finder tests without depending on the real parser's choices.
    """
    starts, ends, lines, kinds = array("q"), array("q"), array("q"), bytearray()
    for match in re.finditer(r"[^\n]+(?:\n[^\n]+)*", text):
        if not match.group().strip():
            continue
        starts.append(match.start())
        ends.append(match.end())
        lines.append(text.count("\n", 0, match.start()) + 1)
        para = match.group().strip()
        if _HEADING.match(para):
            kinds.append(ParaKind.HEADING)
        elif para == "* * *":
            kinds.append(ParaKind.BREAK)
        elif para == "The End":
            kinds.append(ParaKind.END)
        else:
            kinds.append(ParaKind.TEXT)
    book = Book(text, starts, ends, kinds, lines, title="test")
    headings = [i for i, k in enumerate(kinds) if k == ParaKind.HEADING]
    end = next((i for i, k in enumerate(kinds) if k == ParaKind.END), len(kinds))
    for number, heading in enumerate(headings):
        stop = headings[number + 1] if number + 1 < len(headings) else end
        chapter = Chapter(number, book.paragraph(heading), heading, heading, stop)
        bounds = [heading + 1] + [i + 1 for i in range(heading, stop) if kinds[i] == ParaKind.BREAK]
        for index, first in enumerate(bounds):
            last = bounds[index + 1] - 1 if index + 1 < len(bounds) else stop
            body = " ".join(book.paragraph(i) for i in range(first, last))
            names = [
                n for n, _ in Counter(_NAME.findall(body)).most_common(6) if n not in _NOT_NAMES
            ]
            first_words = " ".join(book.paragraph(first).split()[:5])
            chapter.scenes.append(Scene(number, index, first, last, first_words, names[:3]))
        book.chapters.append(chapter)
    return book


def lighthouse() -> Book:
    return build_book(LIGHTHOUSE.read_text(encoding="utf-8"))


def scene_line(book: Book, offset: int) -> int:
    """The first line of the scene holding ``offset`` (the chapter's first scene for a heading)."""
    scene = book.scene_at(book.para_at(offset))
    assert scene is not None
    return book.line_of(scene.start) or 0


def built_finder(text: str) -> BookFinder:
    """A finder over a hand-built book, its index built."""
    found = BookFinder(build_book(text))
    assert found.build()
    return found


def scene_lines(finder: BookFinder, query: str) -> list[int]:
    """The first line of each scene hit for a finished ``query``, best first."""
    hits = finder.search(query, typing=False)
    return [scene_line(finder.book, h.offset) for h in hits if h.kind == "scene"]


def line_in(text: str, words: str) -> int:
    """The 1-based line of ``text`` where ``words`` are."""
    return text[: text.index(words)].count("\n") + 1


def scene_spans(name: str) -> dict[int, tuple[int, int]]:
    """Scene start line -> [first line, end line) of that scene, from the expected outline of
    corpus text ``name``; a chapter's first scene starts at the chapter's heading."""
    expected = json.loads((CORPUS / name.replace(".txt", ".expected.json")).read_text())
    end_lines = [e.get("heading_line", e.get("line")) for e in expected["end_matter"]]
    end_of_story = min(end_lines) if end_lines else 10**9
    spans = {}
    chapters = expected["chapters"]
    for number, chapter in enumerate(chapters):
        after = chapters[number + 1]["line"] if number + 1 < len(chapters) else end_of_story
        scenes = chapter["scenes"]
        for index, start in enumerate(scenes):
            first = chapter["line"] if index == 0 else start
            spans[start] = (first, scenes[index + 1] if index + 1 < len(scenes) else after)
    return spans
