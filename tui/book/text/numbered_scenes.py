"""Scenes headed by a word and a number that counts up again under every chapter.

The word is the book's own: a play's `Явление I`, `Явление II` … under each act, `Scene 1`,
`Scene 2` ….

A line of one word and a number (digits, a Roman numeral, a number word, or the word for
`last`: `Явление последнее`), a paragraph of its own, heads a scene where the same word heads
such lines that start at one under at least two chapter headings and count up from there: the
count starting over in every chapter tells them from the book's chapters. Each is a label; each
but a chapter's first opens a scene (the first scene of a chapter opens with the chapter).

In a play, whose chapters are its acts, the scene's heading is its first line (a reader of a
play looks for `Scene 2` and the persons under it); elsewhere (`Section 2` under each chapter of
a novel) the number stands over its section, as a bare `II` does, and the section opens under
it.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from typing import NamedTuple

from tui.book.model import Book, Chapter, ParaKind
from tui.book.rules.headings import match_heading
from tui.book.rules.number_words import word_value
from tui.book.rules.numerals import parse_number

TEXT = int(ParaKind.TEXT)

# `Явление IV`, `SCENE 2.`: a word, then a number alone on its line.
_HEAD = re.compile(r"(?P<word>[^\W\d_]{3,20})[ \t]+(?P<num>\d{1,3}|[^\W\d_]{1,20})\.?")
# The number after the book's word, to the line's end.
_NUMBER_AFTER = r"[ \t]+(?P<num>\d{1,3}|[^\W\d_]{1,20})\.?[ \t\u00a0]*(?=\n|$)"
# The first scene's heading stands within this many paragraphs under its chapter's.
FIRST_WITHIN = 4
# The count starts over under at least this many chapters.
MIN_CHAPTERS = 2
# At least this share of the steps from one number to the next add one (a number printed
# twice, or one skipped, is a slip).
COUNTING_SHARE = 0.8
LAST = 0  # the number of `последнее`, `dernière`: the last of its count


class SceneHeadings(NamedTuple):
    """The paragraphs heading numbered scenes, and those of them that open a scene."""

    labels: list[int]
    openers: list[int]
    in_play: bool = False  # the chapters are a play's acts: each heading is its scene's own


def numbered_scene_headings(book: Book) -> SceneHeadings:
    """The book's numbered scene headings (see the module's docstring), by paragraph."""
    # (the word is looked for right under the chapters' headings first: the whole text is
    # searched only for a word found there, so a big book is not read line by line)
    firsts = Counter(word for c in book.chapters if (word := _first_scene_word(book, c)))
    labels: list[int] = []
    openers: list[int] = []
    for word, chapters in firsts.items():
        if chapters < MIN_CHAPTERS:
            continue
        lines = _numbered_lines(book, word)
        if _counts_in_chapters(book, lines):
            labels += [i for i, _ in lines]
            openers += [i for i, number in lines if number != 1]
    return SceneHeadings(sorted(labels), sorted(openers), _in_acts(book) if labels else False)


# The words a play names its acts by (`ACT II`, `Действие второе`).
ACT_WORDS = frozenset(("act", "действие"))


def _in_acts(book: Book) -> bool:
    """Most of the book's chapter headings name acts."""
    headed = [c for c in book.chapters if c.heading is not None]
    acts = 0
    for chapter in headed:
        assert chapter.heading is not None
        found = match_heading(book.paragraph(chapter.heading).strip())
        acts += found is not None and found.word in ACT_WORDS
    return 2 * acts > len(headed)


def _first_scene_word(book: Book, chapter: Chapter) -> str:
    """The word of a line numbered one right under the chapter's heading ("" for none)."""
    if chapter.heading is None:
        return ""
    for i in range(chapter.heading + 1, min(chapter.end, chapter.heading + 1 + FIRST_WITHIN)):
        found = _HEAD.fullmatch(book.paragraph(i).strip())
        if found and _number(found["num"]) == 1:
            return found["word"]
    return ""


def _numbered_lines(book: Book, word: str) -> list[tuple[int, int]]:
    """Each paragraph inside a chapter that is ``word`` and a number alone, with the number."""
    found: list[tuple[int, int]] = []
    starts, ends, text = book.starts, book.ends, book.text
    for m in re.finditer(re.escape(word) + _NUMBER_AFTER, text):
        number = _number(m["num"])
        if number is None:
            continue
        i = book.para_at(m.start())
        if text[starts[i] : m.start()].strip() or ends[i] > m.end():
            continue  # (part of a longer paragraph)
        if book.kinds[i] == TEXT and book.chapter_at(i) is not None:
            found.append((i, number))
    return found


def _number(token: str) -> int | None:
    """The number a heading's token says (LAST for `last`), None for any other word."""
    value = word_value(token)
    if value is not None:
        return value
    return parse_number(token) if token.isdigit() or token.isupper() else None


def _counts_in_chapters(book: Book, lines: list[tuple[int, int]]) -> bool:
    """The numbered lines start at one in every chapter they stand in, in two at least, and
    count up from there."""
    by_chapter: dict[int, list[int]] = {}
    for i, number in lines:
        by_chapter.setdefault(book.chapter_at(i) or 0, []).append(number)
    if len(by_chapter) < MIN_CHAPTERS or any(nums[0] != 1 for nums in by_chapter.values()):
        return False
    steps = [(a, b) for nums in by_chapter.values() for a, b in itertools.pairwise(nums)]
    counting = sum(1 for a, b in steps if b == a + 1 or b == LAST)
    return bool(steps) and counting >= COUNTING_SHARE * len(steps)
