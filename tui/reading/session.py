"""A book being read, without an interface: what the reader screen keeps and decides."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, Protocol

from tui.book.anchor import Anchor, Bookmark, anchor_paragraph, make_anchor, resolve_anchor
from tui.book.heading_text import quoted_text
from tui.book.model import Book, ParaKind
from tui.reading.counts import CountPrefix
from tui.reading.jumps import JumpList
from tui.reading.navigation import chapter_landings, next_landing, prev_landing, scene_landings
from tui.reading.passage import Selection
from tui.reading.progress import Progress, ProgressMeter
from tui.reading.search import Match, compile_query
from tui.reading.stages import Stage

# What can wait for the whole book: a prompt's answer, or going to the end.
PendingKind = Literal["search", "search_back", "search_chapter", "percent", "bottom"]
LandingKind = Literal["scene", "chapter"]
# After `m` (set) or `'` (go to), the next key names the mark.
MarkKind = Literal["set", "goto"]
# How far below the top `skip_notes` looks for notes (a heading and a label may come first).
NOTES_NEAR = 4


class PlaceKeeper(Protocol):
    """Where places and bookmarks are kept (the library)."""

    def set_position(self, book_id: str, anchor: Anchor, *, at_end: bool = False) -> None: ...

    def bookmarks(self, book_id: str) -> list[Bookmark]: ...


@dataclass(frozen=True, slots=True)
class Pending:
    """Something asked while only a preview was in, done once the whole book is."""

    kind: PendingKind
    value: str = ""


SNIPPET_WORDS = 12  # the opening words a bookmark's row quotes


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


@dataclass(frozen=True, slots=True)
class BookmarkRow:
    """A bookmark as its list shows it: where it is, how far in, and the words there."""

    bookmark: Bookmark
    place: str
    percent: float
    snippet: str

    @property
    def name(self) -> str:
        """What the list calls it: see `Bookmark.name`."""
        return self.bookmark.name


class ReadingSession:
    """One open book: the stage on screen, the jump list, search state, what waits for the
    whole book, and whether the place has moved since it was saved.

    The screen tells it what happened (a stage arrived, the view moved, a search finished)
    and asks it what to do (where a move lands, what to save); it never touches a widget.
    """

    def __init__(self, path: Path, words_per_minute: int = 250) -> None:
        self.path = path
        self.words_per_minute = max(1, words_per_minute)
        self.book: Book | None = None
        self.final = False  # the whole book is in, not only a preview
        self.meter: ProgressMeter | None = None
        self.book_id: str | None = None  # the library's, once it knows the book
        self.jumps = JumpList()
        self.count = CountPrefix()  # digits typed before a move
        self.selection: Selection | None = None  # visual mode's paragraphs
        self.mark_pending: MarkKind | None = None  # `m` or `'` pressed: a letter comes next
        self.scene_marks: list[int] = []
        self.chapter_marks: list[int] = []
        self.user_moved = False  # the reader moved since the book was opened
        # Opened at a jump (`U`: the first new chapter), not at the saved place: until the
        # reader moves, nothing is saved, so a look at the new chapter moves no place.
        self.opened_at_jump = False
        # Where the first chapter added since the book was last read starts, if any.
        self.new_chapter_offset: int | None = None
        # The paragraph the last jump went to: while the end of the book keeps it below the
        # top of the screen (a short last chapter), the status line names it, not the one above.
        self.aimed: int | None = None
        self.pending: Pending | None = None
        # Search: what was searched for, which way, the match on screen, and a serial number
        # so that a newer search makes an older one's answer stale.
        self.search_text = ""
        self.search_backward = False
        self.search_pattern: re.Pattern[str] | None = None
        self.searched_part: SearchPart | None = None  # a chapter search's part; None: the book
        self.search_shown = False  # highlights on screen (cleared with Escape)
        self.match: Match | None = None
        self.match_starts: list[int] | None = None  # every match's start, once counted
        self.matches_before: int | None = None  # matches before the current one, counted
        self.search_serial = 0
        self._dirty = False
        self._saved_offset: int | None = None

    # -- opening -----------------------------------------------------------------------------
    def show_stage(self, stage: Stage) -> None:
        """A preview or the whole book arrived."""
        self.book = stage.book
        self.final = stage.final
        self.meter = ProgressMeter(stage.book, self.words_per_minute)
        self.scene_marks = scene_landings(stage.book)
        self.chapter_marks = chapter_landings(stage.book)

    def set_words_per_minute(self, words_per_minute: int) -> None:
        self.words_per_minute = max(1, words_per_minute)
        if self.meter is not None:
            self.meter.words_per_minute = self.words_per_minute

    # -- the place ---------------------------------------------------------------------------
    def moved_to(self, offset: int) -> None:
        """The top of the screen is at ``offset`` now."""
        if offset != self._saved_offset:
            self._dirty = True

    @property
    def dirty(self) -> bool:
        """The place moved since it was last saved, and there is somewhere to save it. A book
        opened at a jump and not moved since is only being looked at: not dirty."""
        if self.opened_at_jump and not self.user_moved:
            return False
        return self._dirty and self.book_id is not None

    @property
    def search_within(self) -> tuple[int, int] | None:
        """The characters a chapter search keeps to; None when the search is the book's."""
        return self.searched_part.span if self.searched_part is not None else None

    @property
    def search_part_name(self) -> str:
        """What a chapter search keeps to, in a sentence ("this chapter" ...); "" for none."""
        return self.searched_part.name if self.searched_part is not None else ""

    def save(self, keeper: PlaceKeeper, top_offset: int, at_end: bool) -> bool:
        """Store the place in ``keeper``; False when there was nothing to store."""
        if not self.dirty or self.book is None or self.book_id is None:
            return False
        anchor = make_anchor(self.book, top_offset)
        # The end on screen makes the book finished (a preview does not know where it ends;
        # a book without text has no end to reach).
        ended = self.final and at_end and len(self.book) > 0
        keeper.set_position(self.book_id, anchor, at_end=ended)
        self._saved_offset = anchor.offset
        self._dirty = False
        return True

    def progress(self, offset: int, para: int, at_end: bool) -> Progress | None:
        """What the status line says about ``offset``; None until the whole book is in, and
        for a book without text (no `100%` or time left for what is not there)."""
        if self.meter is None or not self.final or not len(self.meter.book):
            return None
        return self.meter.at(offset, para, at_end)

    def para_read(self, top_para: int, bottom: int) -> int:
        """The paragraph being read: the top one (`Pager.top_para`), or the one the last jump
        went to when it is on screen below it (the end of the book kept it from the top).
        ``bottom``: the offset just past the last row on screen."""
        aimed, book = self.aimed, self.book
        if aimed is None or book is None or not top_para < aimed < len(book):
            return top_para
        return aimed if book.starts[aimed] < bottom else top_para

    def place_name(self, para: int) -> str:
        """`Chapter 3 · scene 2`, or the like, for the paragraph ``para``."""
        return self.meter.place(para) if self.meter is not None else ""

    # -- moves -------------------------------------------------------------------------------
    def landing(
        self, kind: LandingKind, forward: bool, para: int, first_shown: int, count: int = 1
    ) -> int | str:
        """The paragraph ``count`` scene or chapter moves land on (as far as there are scenes
        or chapters), or why there is none. They start from ``para``, the paragraph being
        read, which is the one the status line names (`Pager.top_para`), so that the next
        chapter is the one after the chapter it shows; ``first_shown`` is the first paragraph
        whose beginning is on screen (`Pager.first_start_shown`): a backward move goes to the
        start of the current scene or chapter only when that start is above the screen."""
        marks = self.scene_marks if kind == "scene" else self.chapter_marks
        target = None
        for _ in range(max(1, count)):
            if forward:
                step = next_landing(marks, para)
            else:
                step = prev_landing(marks, para, first_shown)
            if step is None:
                break
            target = para = first_shown = step
        if target is not None:
            return target
        if not marks:
            return f"This book has no {kind}s" if self.final else "Still indexing…"
        return f"No {'next' if forward else 'previous'} {kind}"

    def past_notes(self, para: int) -> int | str:
        """The first paragraph after the author's notes at ``para`` (or starting within a few
        paragraphs of it: a chapter heading, then its notes), or why there is none."""
        book = self.book
        if book is None:
            return "Still opening the book…"
        notes = (ParaKind.NOTE, ParaKind.FRONT)  # a chapter's notes, or the work's before it
        at = para
        while at < min(len(book), para + NOTES_NEAR) and book.kinds[at] not in notes:
            at += 1
        if at >= len(book) or book.kinds[at] not in notes:
            return "No author's notes here"
        while at < len(book) and book.kinds[at] in (*notes, ParaKind.LABEL):
            at += 1
        return at if at < len(book) else "The notes run to the end of the book"

    def percent_offset(self, value: str) -> tuple[int, str] | None:
        """The offset ``value`` percent of the way in, and what to tell the reader ("" when
        nothing): a percentage past either end goes to that end and says so, as a count past
        the last scene goes to the last; None when ``value`` is not a number."""
        typed = value.strip().rstrip("%").strip()
        try:
            percent = float(typed)
        except ValueError:
            return None
        if self.book is None or percent != percent:  # NaN
            return None
        note = ""
        if percent > 100:
            note = f"{typed}% is past the end: went to the end"
        elif percent < 0:
            note = f"{typed}% is before the start: went to the start"
        return int(len(self.book.text) * max(0.0, min(100.0, percent)) / 100), note

    def line_place(self, line: int) -> tuple[int | None, str] | None:
        """Where line ``line`` of the book's file is (`50G`, as in less and vim): the paragraph
        holding it, and what to tell the reader ("" when nothing). A line past the end gives
        no paragraph (go to the end) and says so, as a percentage past it does. None when the
        book has no lines of its own (an EPUB or a web page, whose text chapbook made)."""
        book = self.book
        if book is None or not len(book) or book.line_of(len(book) - 1) is None:
            return None
        text = book.text
        last = text.count("\n") + (0 if text.endswith("\n") else 1)
        if line > last:
            return None, f"Line {line:,} is past the end ({last:,} lines): went to the end"
        return book.para_of_line(line), ""

    # -- what waits for the whole book -------------------------------------------------------
    def wait_for_book(self, kind: PendingKind, value: str = "") -> str:
        """Keep ``kind`` for when the whole book is in; returns what to tell the reader."""
        self.pending = Pending(kind, value)
        what = "Going there" if kind in ("percent", "bottom") else "Searching"
        return f"{what} once the whole book is read…"

    def take_pending(self) -> Pending | None:
        """What was asked while indexing, once the whole book is in (and only once)."""
        if self.pending is None or not self.final:
            return None
        pending, self.pending = self.pending, None
        return pending

    # -- search ------------------------------------------------------------------------------
    def start_search(
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
        self.search_text = text.strip()
        self.search_backward = backward
        self.search_pattern = pattern
        self.searched_part = within
        self.search_shown = pattern is not None
        self.match = None
        self.match_starts = None
        self.matches_before = None

    def clear_search(self) -> bool:
        """Take the highlights off (`n` brings them back, from the match that was current);
        True when there were any."""
        shown = self.search_shown
        self.search_shown = False
        return shown

    def found(self, match: Match) -> None:
        self.match = match
        self.search_shown = True
        self.matches_before = None

    def match_note(self, visible: tuple[int, int] | None = None) -> str:
        """`match 3/17` for the status line; `match 3/…` while the matches are counted. With
        the ``visible`` characters given and the current match not among them (a jump went
        elsewhere), only how many there are: `17 matches`."""
        match = self.match
        if not self.search_shown or match is None:
            return ""
        starts = self.match_starts
        if visible is not None and not visible[0] <= match.start < visible[1]:
            if starts is None:
                return "matches …"
            return f"{len(starts)} match{'' if len(starts) == 1 else 'es'}"
        if starts is None:
            before = self.matches_before
            return f"match {before + 1}/…" if before is not None else "match …"
        at = bisect.bisect_left(starts, match.start)
        if at >= len(starts) or starts[at] != match.start:
            return f"match ?/{len(starts)}"
        return f"match {at + 1}/{len(starts)}"

    def status_note(self, visible: tuple[int, int] | None = None) -> str:
        """What the status line says beside the place: visual mode, the match, a count
        (``visible``: the characters on screen, see `match_note`)."""
        selection = self.selection
        visual = ""
        if selection is not None:
            size = selection.last - selection.first + 1
            visual = f"visual: {size} paragraph{'' if size == 1 else 's'}"
        waiting = {"set": "mark: a letter", "goto": "go to mark: a letter"}.get(
            self.mark_pending or "", ""
        )
        parts = (waiting, visual, self.match_note(visible), self.count.pending)
        return " · ".join(part for part in parts if part)

    def search_part(self, para: int) -> SearchPart | None:
        """What a chapter search (`search_chapter`) from paragraph ``para`` searches: its
        chapter, or, outside the chapters, the front matter before them, the end matter after
        them, or what stands between two of them. None for a book without chapters (the
        search is then the whole book's)."""
        book = self.book
        if book is None or not book.chapters or not len(book):
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

    def search_origin(self, top: int, bottom: int, backward: bool) -> int:
        """Where a search starts: from the current match when it is on screen, else the top."""
        match = self.match
        if match is not None and top <= match.start < bottom:
            return match.start if backward else match.start + 1
        return top

    def next_search(self) -> int:
        """A serial number for a new search; answers of older ones are stale from now on."""
        self.search_serial += 1
        return self.search_serial

    def is_current(self, serial: int) -> bool:
        return serial == self.search_serial

    # -- bookmarks ---------------------------------------------------------------------------
    def new_bookmark(
        self, offset: int, label: str, quote: str = "", mark: str = ""
    ) -> Bookmark | None:
        if self.book is None:
            return None
        return Bookmark(make_anchor(self.book, offset), label, quote=quote, mark=mark)

    def bookmark_rows(self, marks: list[Bookmark]) -> list[BookmarkRow]:
        """The bookmarks as their list shows them, each found near where it was left."""
        book, meter = self.book, self.meter
        if book is None or meter is None:
            return []
        rows = []
        for mark in marks:
            offset, _ = resolve_anchor(book, mark.anchor, whole_book=False)
            para = labelled_paragraph(book, anchor_paragraph(book, offset, mark.anchor.within))
            snippet = self.bookmark_snippet(para)
            percent = 100 * offset / max(1, len(book.text))
            rows.append(BookmarkRow(mark, meter.place(para), percent, snippet))
        return rows

    def bookmark_snippet(self, para: int) -> str:
        """The opening words a bookmark at ``para`` quotes ("" without a book)."""
        book = self.book
        if book is None or not len(book):
            return ""
        words = quoted_text(book, labelled_paragraph(book, para)).split()
        return " ".join(words[:SNIPPET_WORDS])

    def bookmark_offset(self, mark: Bookmark) -> tuple[int, bool]:
        """Where ``mark`` is now, and whether it was found exactly (the book may have changed).
        Only nearby: a scan of a whole 84 MB book would hold up the screen."""
        assert self.book is not None
        return resolve_anchor(self.book, mark.anchor, whole_book=False)


def labelled_paragraph(book: Book, para: int) -> int:
    """The paragraph a bookmark quotes: ``para``, or the first one after it that is not a
    scene-break line (an ornament says nothing about the place)."""
    at = para
    while at < len(book) and book.kinds[at] == ParaKind.BREAK:
        at += 1
    return at if at < len(book) else para
