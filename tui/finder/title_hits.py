"""Hits by title: chapters, parts and named matter, found by the words of their titles.

The hits are chapters, the parts they open, and the named parts of the front and end matter.
"""

from __future__ import annotations

from rapidfuzz import fuzz, process
from rapidfuzz.utils import default_process

from tui.book.model import Book
from tui.book.rules.title_numbers import parse_number
from tui.book.section_names import END, FRONT, MatterPart, matter_parts
from tui.finder.hits import Hit, HitMaker, title_similarity
from tui.finder.tokens import compatible, joined_tens, part_name

TITLE_SHOWN = 70.0  # a chapter title matching this well joins the mixed list
CHAPTER_SHOWN = 30.0  # with `#`, chapters scoring less than this are left out
TITLES_SCORED = 64  # chapter titles scored in full per query


class TitleHits:
    """Finds a book's chapters and named parts by their titles."""

    def __init__(self, book: Book, hits: HitMaker) -> None:
        self.book = book
        self.hits = hits
        self._processed_titles: list[str] | None = None
        self._parts: list[MatterPart] | None = None
        self._openers: dict[int, str] | None = None

    def chapters(
        self,
        text: str,
        kind: str | None,
        scored_scenes: list[Hit] | None = None,
        exclude: set[int | None] | None = None,
    ) -> list[Hit]:
        """Chapters by title; with `#`, also by their best scene's score."""
        best_scene: dict[int, float] = {}
        for hit in scored_scenes or ():
            if hit.chapter is not None:
                best_scene[hit.chapter] = max(best_scene.get(hit.chapter, 0.0), hit.score)
        # Titles roughly like the query, found by rapidfuzz in C, then the closest scored in
        # full (a serial has thousands of chapters; a title far down this list is not shown).
        close = process.extract(
            default_process(compatible(text)),
            self._titles(),
            scorer=fuzz.WRatio,
            score_cutoff=50,
            limit=TITLES_SCORED,
        )
        title_scores = {i: title_similarity(text, self.book.chapters[i].title) for _, _, i in close}
        # A part's name finds its first chapter: `first epilogue`, `book the second`.
        spelt = _numbers_as_digits(text)
        for i, part in self._part_openers().items():
            score = max(title_similarity(text, part), title_similarity(spelt, part_name(part)))
            title_scores[i] = max(title_scores.get(i, 0.0), score)
        hits = []
        for position, chapter in enumerate(self.book.chapters):
            if exclude and chapter.index in exclude:
                continue
            title_score = title_scores.get(position, 0.0)
            score = max(title_score, 0.9 * best_scene.get(chapter.index, 0.0))
            if title_score >= TITLE_SHOWN or (kind == "chapter" and score >= CHAPTER_SHOWN):
                hits.append(self.hits.chapter(chapter, score, text))
        return hits

    def sections(self, text: str) -> list[Hit]:
        """The parts of the front and end matter whose names match as a chapter's title must
        (`etymology` finds Moby-Dick's Etymology, above the Cetology chapter)."""
        if self._parts is None:
            self._parts = matter_parts(self.book, FRONT) + matter_parts(self.book, END)
        hits = []
        for part in self._parts:
            score = title_similarity(text, part.name)
            if score >= TITLE_SHOWN:
                hits.append(self.hits.section(part, score, text))
        return hits

    def without_headings_again(self, found: list[Hit]) -> list[Hit]:
        """Leave out a scene found only by its chapter's heading when that chapter is listed
        by its title: `morlocks` would show `IX: The Morlocks` and, further down, its one
        scene with `The Morlocks` as the passage, two rows for one place."""
        listed = {hit.chapter for hit in found if hit.kind == "chapter"}
        if not listed:
            return found
        chapters = self.book.chapters

        def heading_again(hit: Hit) -> bool:
            if hit.kind != "scene" or hit.chapter is None or hit.focus is None:
                return False
            if hit.chapter not in listed:
                return False
            chapter = chapters[hit.chapter]
            body = chapter.scenes[0].start if chapter.scenes else chapter.end
            return chapter.start <= hit.focus < body

        return [hit for hit in found if not heading_again(hit)]

    def _part_openers(self) -> dict[int, str]:
        """The first chapter of each part (book, volume, epilogue) and the part's own name:
        the innermost level of a part inside another (`BOOK ONE · PART 2` -> `PART 2`)."""
        if self._openers is None:
            self._openers = {}
            before = ""
            for chapter in self.book.chapters:
                if chapter.part and chapter.part != before:
                    self._openers[chapter.index] = chapter.part.split(" · ")[-1]
                before = chapter.part
        return self._openers

    def _titles(self) -> list[str]:
        if self._processed_titles is None:
            self._processed_titles = [
                default_process(compatible(c.title)) for c in self.book.chapters
            ]
        return self._processed_titles


def _numbers_as_digits(text: str) -> str:
    """A query's numbers in words or Roman numerals as digits, as the finder names parts:
    `part two` -> `part 2`, `book iv` -> `book 4`."""
    return " ".join(
        str(number) if (number := parse_number(word)) is not None else word
        for word in joined_tens(text).split()
    )
