"""The reader's search as it stands: its words and way, the part it keeps to, the match found."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from tui.book.model import Book
from tui.reading.search import Match, compile_query


@dataclass(frozen=True, slots=True)
class SearchPart:
    """The span a chapter search keeps to, and what to call it in a sentence: "this chapter",
    "the front matter", "the end matter" or "the text between two chapters"."""

    start: int
    end: int
    name: str

    @property
    def span(self) -> tuple[int, int]:
        return self.start, self.end


# Whose start or end a search kept to a part went round to, by the part's name: short, so
# that `wrapped to the front matter's start` fits beside `match 12/170` at 80 columns.
_WRAPPED_OWNERS = {
    "this chapter": "this chapter's",
    "the front matter": "the front matter's",
    "the end matter": "the end matter's",
    "the text between two chapters": "this stretch's",
}


def wrapped_note(part: SearchPart | None, backward: bool) -> str:
    """What the status line says of a search that went round: `search wrapped to the
    beginning` (or `the end`) of the book, `wrapped to this chapter's start` (or `end`) of a
    chapter search."""
    if part is None:
        return f"search wrapped to {'the end' if backward else 'the beginning'}"
    owner = _WRAPPED_OWNERS.get(part.name, "this part's")
    return f"wrapped to {owner} {'end' if backward else 'start'}"


def search_part(book: Book, para: int) -> SearchPart | None:
    """What a chapter search (`search_chapter`) from paragraph ``para`` searches: its chapter,
    or, outside the chapters, the front matter before them, the end matter after them, or
    what stands between two of them. None for a book without chapters (the search is then
    the whole book's)."""
    if not book.chapters or not len(book):
        return None
    index = book.chapter_at(para)
    if index is not None:
        chapter = book.chapters[index]
        first, end, name = chapter.start, chapter.end, "this chapter"
    elif para < book.chapters[0].start:
        first, end, name = 0, book.chapters[0].start, "the front matter"
    elif para >= book.chapters[-1].end:
        first, end, name = book.chapters[-1].end, len(book), "the end matter"
    else:
        after = bisect.bisect_right(book.chapters, para, key=lambda c: c.start)
        first, end = book.chapters[after - 1].end, book.chapters[after].start
        name = "the text between two chapters"
    if end <= first:
        return None
    return SearchPart(int(book.starts[first]), int(book.ends[end - 1]), name)


class SearchState:
    """What was searched for, which way, the match on screen, and a serial number so that a
    newer search makes an older one's answer stale."""

    def __init__(self) -> None:
        self.text = ""
        self.backward = False
        self.pattern: re.Pattern[str] | None = None
        self.part: SearchPart | None = None  # a chapter search's part; None: the whole book
        self.shown = False  # highlights on screen (cleared with Escape)
        self.match: Match | None = None
        self.match_starts: list[int] | None = None  # every match's start, once counted
        self.matches_before: int | None = None  # matches before the current one, counted
        # The top of the page when the current match was landed on: while the page stays
        # there, the match's chapter is the one the status line names.
        self.landed_top: int | None = None
        self.serial = 0

    @property
    def within(self) -> tuple[int, int] | None:
        """The characters a chapter search keeps to; None when the search is the book's."""
        return self.part.span if self.part is not None else None

    @property
    def part_name(self) -> str:
        """What a chapter search keeps to, in a sentence ("this chapter" ...); "" for none."""
        return self.part.name if self.part is not None else ""

    def start(
        self,
        text: str,
        backward: bool,
        *,
        regex: bool = False,
        within: SearchPart | None = None,
    ) -> None:
        """A new search, of the whole book or ``within`` a part of it; raises `BadQuery`
        (with a one-line message) for a bad pattern."""
        pattern = compile_query(text.strip(), regex=regex)
        self.text = text.strip()
        self.backward = backward
        self.pattern = pattern
        self.part = within
        self.shown = pattern is not None
        self.match = None
        self.match_starts = None
        self.matches_before = None
        self.landed_top = None

    def clear(self) -> bool:
        """Take the highlights off (`n` brings them back, from the match that was current);
        True when there were any."""
        shown = self.shown
        self.shown = False
        return shown

    def found(self, match: Match, top: int | None = None) -> None:
        """``match`` is the current one, landed on with the page's top at ``top``."""
        self.match = match
        self.shown = True
        self.matches_before = None
        self.landed_top = top

    def origin(self, top: int, bottom: int, backward: bool) -> int:
        """Where a search starts: from the current match when it is on screen, else the top."""
        match = self.match
        if match is not None and top <= match.start < bottom:
            return match.start if backward else match.start + 1
        return top

    def next_serial(self) -> int:
        """A serial number for a new search; answers of older ones are stale from now on."""
        self.serial += 1
        return self.serial

    def is_current(self, serial: int) -> bool:
        return serial == self.serial
