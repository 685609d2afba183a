"""Segments of a markup book: where a chapter or a block of front or end matter starts."""

from __future__ import annotations

from dataclasses import dataclass

CHAPTER, FRONT, END = "chapter", "front", "end"
# Priority when two marks start at the same paragraph: what the book says beats a guess.
TOC, PRODUCER, HEADING_GUESS = 3, 2, 1


@dataclass(slots=True)
class Segment:
    """A stretch of the book from ``start`` to the next segment: a chapter or a matter block."""

    start: int
    role: str  # chapter, front, end
    kind: str  # for front/end: title, toc, preface, afterword ...; "" for chapters
    title: str
    source: str  # the section (spine item) where it starts
    weight: int = TOC
    depth: int = 0  # how deep in the table of contents its entry is
