"""Chapters and scenes a finder query names by number or by a chapter's word.

Queries name them by number (`ch3 s5`, `chapter twelve`, `part 2 ch 5`, `scene 4`), or by the
name of a chapter the finder labels with a word (`prologue s5`); this says which chapters and
scenes they are, and why a book has none.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from tui.book.model import Book, Chapter
from tui.book.rules.title_numbers import chapter_numbers, parse_number
from tui.finder.hits import Hit, HitMaker
from tui.finder.tokens import (
    Structural,
    numbers_itself,
    parse_structural,
    part_name,
    part_number,
    words,
)

# `ch5` in a book that numbers its chapters again in each part: a later part's chapter 5.
OTHER_PART = 90.0
# `pro s5`: the start of a chapter's name, not all of it.
NAME_BEGUN = 90.0
NAME_LEAST = 3  # letters of a chapter's name typed before it names the chapter
# A chapter's name, then its scene as the labels say it (`Prologue · Scene 5`) or shortened
# (`prologue s5`, `prologue sc 5`).
_NAMED_SCENE = re.compile(
    r"^\s*(?P<name>.*?[^\W\d_].*?)\s*[,.:;·/\-]?\s*"
    r"(?:(?:scene|sc)\.?\s*(?P<sc>\d+|[a-z]+)|s\s*(?P<sc_digits>\d+))\s*$",
    re.IGNORECASE,
)


def plain(text: str) -> str:
    """Only the words of ``text``, folded as the finder folds them: `Prologue: Paradise` ->
    `prologue paradise`."""
    return " ".join(words(text))


@dataclass(frozen=True)
class NamedScene:
    """A scene of a chapter the finder labels with a word, named as the label says
    (`prologue s5`): the chapters that name fits (0-based), with how sure that is."""

    name: str  # as typed
    chapters: tuple[tuple[int, float], ...]
    scene: int  # 1-based


Place = Structural | NamedScene


def plural(count: int, noun: str) -> str:
    """`1 chapter`, `7 chapters`."""
    return f"{count} {noun}{'' if count == 1 else 's'}"


def _part_word(parts: Sequence[str]) -> tuple[str, int]:
    """What a book calls its numbered parts, and how many it has: `book`, 15 (War and
    Peace's epilogues, after its books, are not counted)."""
    words = [part_name(p).split()[0].lower() for p in parts if part_number(p) is not None]
    if not words:
        return part_name(parts[-1]).split()[0].lower(), len(parts)
    word = Counter(words).most_common(1)[0][0]
    return word, words.count(word)


class NumberedPlaces:
    """One book's chapters as its headings number them (`Ch 4` after a prologue), and the
    places a query names by those numbers."""

    def __init__(self, book: Book, hit_maker: HitMaker) -> None:
        self.book = book
        self.hit_maker = hit_maker
        titles = [c.title for c in book.chapters]
        self.chapter_numbers = chapter_numbers(titles)
        # Each chapter's part: the book's own, or its volume (volumes joined in one file).
        self.parts = [c.part for c in book.chapters]
        self.numbered = numbers_itself(titles, self.parts)
        # The chapters the labels name with words (`Prologue`, `Interlude`), not a number (in
        # a book whose headings number the rest), by their label and their title, words only.
        self.word_named = [
            (position, plain(hit_maker.chapter_name(position) or ""), plain(title))
            for position, (title, number) in enumerate(
                zip(titles, self.chapter_numbers, strict=True)
            )
            if self.numbered and number is None
        ]

    def named(self, kind: str | None, text: str) -> Place | None:
        """The place ``text`` names by number (`ch3 s5`; a bare number after `#`) or by the
        name of a chapter labelled with a word (`prologue s5`), if any; none after the prefix
        of bookmarks or passages, which look for words."""
        if kind in ("bookmark", "text"):
            return None
        place = parse_structural(text)
        if place is None and kind == "chapter" and parse_number(text.strip()) is not None:
            place = Structural(parse_number(text.strip()), None)
        if place is None:
            return self._named_scene(text)
        return place

    def _named_scene(self, text: str) -> NamedScene | None:
        """`prologue s5`, `Prologue · Scene 5`, `epilogue sc 2`: a scene of a chapter the
        labels name with a word, the name typed whole or begun (`pro s5`)."""
        match = _NAMED_SCENE.match(text)
        if not match or not self.word_named:
            return None
        scene = parse_number(match.group("sc") or match.group("sc_digits"))
        name = plain(match.group("name"))
        if not scene or len(name) < NAME_LEAST:
            return None
        found = []
        for chapter, label, title in self.word_named:
            if name in (label, title):
                found.append((chapter, 100.0))
            elif label.startswith(name) or title.startswith(name):
                found.append((chapter, NAME_BEGUN))
        if not found:
            return None
        found.sort(key=lambda pair: -pair[1])  # whole names first, each in book order
        return NamedScene(match.group("name").strip(), tuple(found), scene)

    def hits(self, place: Place) -> list[Hit]:
        """The hits for a place named by number (`ch3 s5`, `scene 4`) or by a chapter's name
        (`prologue s5`): none when the book does not have it (`missing` says why)."""
        if isinstance(place, NamedScene):
            chapters = self.book.chapters
            return [
                self.hit_maker.scene(chapters[at].scenes[place.scene - 1], score)
                for at, score in place.chapters
                if len(chapters[at].scenes) >= place.scene
            ]
        if place.chapter is None:
            # `scene 4`: the fourth scene of every chapter, in order.
            return [
                self.hit_maker.scene(c.scenes[place.scene - 1], 90.0)
                for c in self.book.chapters
                if place.scene is not None and len(c.scenes) >= place.scene
            ]
        hits = []
        for chapter, score in self._numbered(place):
            if place.scene is None:
                hits.append(self.hit_maker.chapter(chapter, score))
            elif 0 < place.scene <= len(chapter.scenes):
                hits.append(self.hit_maker.scene(chapter.scenes[place.scene - 1], score))
        return hits

    def _numbered(self, place: Structural) -> list[tuple[Chapter, float]]:
        """The chapters `chapter N` names, with how sure that is. In a book whose headings
        number themselves, the chapters whose heading says N (`Chapter 4:`, even after a
        prologue), as the labels say, and no other: `ch7` in a book of a prologue and chapters
        1 to 6 is no chapter. A book in parts that numbers its chapters again in each part has
        one in each part: the first part's comes first, and `part 2 ch 5` picks one. Otherwise
        the Nth, then any whose title says N."""
        chapters = self.book.chapters
        number = place.chapter
        said = [c for c, n in zip(chapters, self.chapter_numbers, strict=True) if n == number]
        if place.part is not None:
            said = [c for c in said if part_number(self.parts[c.index]) == place.part]
        if self.numbered and (said or place.part is None):
            return [(c, 100.0 if n == 0 else OTHER_PART) for n, c in enumerate(said)]
        # (`book 2 ch 3` where the chapters are numbered on through the books: the third of
        # book 2, as where the titles do not number themselves)
        if place.part is not None:
            # `part 2 ch 3` where the titles do not number themselves (bare `I`, `II` in
            # each part): the third chapter of part 2.
            chapters = [c for c in chapters if part_number(self.parts[c.index]) == place.part]
        if number is None or not 0 < number <= len(chapters):
            return [(c, 90.0) for c in said]
        nth = chapters[number - 1]
        return [(nth, 100.0)] + [(c, 90.0) for c in said if c is not nth]

    def missing(self, place: Place) -> str | None:
        """Why the book has no ``place``; None when it has it."""
        chapters = self.book.chapters
        if isinstance(place, NamedScene):
            most = max(len(chapters[at].scenes) for at, _ in place.chapters)
            if most >= place.scene:
                return None
            name = self.hit_maker.chapter_name(place.chapters[0][0])
            return f"No scene {place.scene}: {name} has {plural(most, 'scene')}"
        if place.chapter is None:
            if place.scene is None or any(len(c.scenes) >= place.scene for c in chapters):
                return None
            return f"No chapter has a scene {place.scene}"
        found = [c for c, _ in self._numbered(place)]
        if not found and place.part is not None:
            parts = [p for p in dict.fromkeys(self.parts) if p]
            if parts and place.part not in {part_number(p) for p in parts}:
                word, count = _part_word(parts)
                return f"No {word} {place.part}: this book has {plural(count, word)}"
        if not found:
            return self._no_chapter(place.chapter)
        if place.scene is None or any(len(c.scenes) >= place.scene for c in found):
            return None
        most = max(len(c.scenes) for c in found)
        if len(found) == 1:
            return f"No scene {place.scene}: chapter {place.chapter} has {plural(most, 'scene')}"
        return (
            f"No scene {place.scene}: the chapters numbered {place.chapter} have at most "
            f"{plural(most, 'scene')}"
        )

    def _no_chapter(self, number: int) -> str:
        """`No chapter 9: this book has 7 chapters`; where the headings number themselves
        other than 1 to the count, the numbers they use too."""
        chapters = self.book.chapters
        count = plural(len(chapters), "chapter") if chapters else "no chapters"
        numbers = sorted({n for n in self.chapter_numbers if n is not None})
        if not self.numbered or numbers == list(range(1, len(chapters) + 1)):
            return f"No chapter {number}: this book has {count}"
        below = [n for n in numbers if n < number]
        above = [n for n in numbers if n > number]
        if below and above:
            return f"No chapter {number}: the headings go from {below[-1]} to {above[0]}"
        span = f"{numbers[0]}" if len(numbers) == 1 else f"{numbers[0]} to {numbers[-1]}"
        parts = [p for p in dict.fromkeys(self.parts) if p]
        if len(parts) > 1 and numbers[0] <= (last := numbers[-1]):
            # Chapters numbered again in each part or volume: say how to name one.
            word, how_many = _part_word(parts)
            return (
                f"No chapter {number}: the chapters are numbered {span} again in each of "
                f"{how_many} {word}s · try `{word} {how_many} ch {last}`"
            )
        return f"No chapter {number}: this book has {count}, numbered {span}"
