"""A book being read, without an interface: what the reader screen keeps about it."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, Protocol

from tui.book.anchor import Anchor, Bookmark, make_anchor, resolve_anchor
from tui.book.model import Book
from tui.paths import file_stamp, shown_percent
from tui.reading.counts import CountPrefix
from tui.reading.file_written import BeingWritten, still_being_written
from tui.reading.jumps import JumpList
from tui.reading.navigation import chapter_landings, scene_landings
from tui.reading.passage import Selection
from tui.reading.pending import WaitingForBook
from tui.reading.progress import Progress, ProgressMeter
from tui.reading.read_on import ReadOn
from tui.reading.search_state import SearchState
from tui.reading.stages import Stage
from tui.reading.whole_text import WholeText

# After `m` (set) or `'` (go to), the next key names the mark.
MarkKind = Literal["set", "goto"]
# The places of the jump list kept with the book, for ctrl+o after a restart (the most recent).
KEPT_JUMPS = 30
# Seconds new chapters a jump showed (`U`, `}`) stay on screen before they count as read: a
# look that lasts this long is reading, and the place is kept there.
READ_AFTER = 4.0


class PlaceKeeper(Protocol):
    """Where places and bookmarks are kept (the library)."""

    def set_position(
        self,
        book_id: str,
        anchor: Anchor,
        *,
        at_end: bool = False,
        moved: bool = True,
        glanced: bool = False,
        new_read: bool = True,
        reached_at: float | None = None,
        place: tuple[str, int] = ("", 0),
    ) -> None: ...

    def bookmarks(self, book_id: str) -> list[Bookmark]: ...

    def keep_jumps(self, book_id: str, jumps: list[Anchor]) -> None: ...


@dataclass(frozen=True, slots=True)
class Look:
    """The place left for a look elsewhere (`U` in the reader), kept in the stead of the one
    on screen until the reader moves on."""

    offset: int
    at_end: bool


class ReadingSession:
    """One open book: the stage on screen, the jump list, the search, what waits for the whole
    book (`waiting`, a `WaitingForBook`), and whether the place has moved since it was saved.

    The screen tells it what happened (a stage arrived, the view moved, a search finished)
    and asks it what to save and what the place is called; it never touches a widget. Where
    moves land is `navigation`'s to say, with the landings kept here; bookmarks are made and
    listed by `bookmarks`, and the status line's note is written by `status_text`.
    """

    def __init__(self, path: Path, words_per_minute: int = 250) -> None:
        self.path = path
        # The file as it was before it was read: one written again since (a re-download, a
        # chapter posted) is not the text on screen.
        self._opened_stamp = file_stamp(path)
        self.words_per_minute = max(1, words_per_minute)
        self.book: Book | None = None
        self.final = False  # the whole book is in, not only a preview
        # The whole text, read while its parse goes on: the end, a percentage and a line
        # need only the text, not the chapters (None once the whole book is in).
        self.whole_text: WholeText | None = None
        # Rows a half-page move goes, once a count before one set them (`10 ctrl+d`).
        self.half_page_rows: int | None = None
        # Rows less's window is, once a count before `z` or `w` set it (`10z`): less's page
        # keys (Space, `b`) move that many too; None: a screen.
        self.window_rows: int | None = None
        self.meter: ProgressMeter | None = None
        self.book_id: str | None = None  # the library's, once it knows the book
        self.jumps = JumpList()
        # The book a capital mark in it opened this one from: `jump_back` returns to it.
        self.came_from: Path | None = None
        self.count = CountPrefix()  # digits typed before a move
        self.selection: Selection | None = None  # visual mode's paragraphs
        self.mark_pending: MarkKind | None = None  # `m` or `'` pressed: a letter comes next
        # Where scene and chapter moves land (`navigation.landing`), for the book on screen.
        self.scene_marks: list[int] = []
        self.chapter_marks: list[int] = []
        self.user_moved = False  # the reader moved since the book was opened
        # When the place was read to, here or in another window that has the book open too.
        self.read_on = ReadOn()
        # Opened at a jump (`U`: the first new chapter), not at the saved place: until the
        # reader moves, nothing is saved, so a look at the new chapter moves no place.
        self.opened_at_jump = False
        # Opened after the library offered the new chapters and the reader chose the saved
        # place: the notice of them would ask again what was just answered.
        self.update_offered = False
        # `U` pressed in the reader: the place it left, kept until the reader moves on.
        self.look: Look | None = None
        # The last jump showed the story's end only as a glance (`G` from the middle, a search
        # that found the notes at the back): the place kept is where it went, as less and
        # vim keep it, but the book is not finished until the reader reads on from there.
        self.glancing = False
        # The glance went to the end itself or a match there (`G`, a search), not to the start
        # of a chapter or scene: looking back up from it (`k`, `b`) is still the glance.
        self.peeking = False
        # Where the last jump left from, when it was made in a preview (`G` while a big book
        # is still parsed): a preview does not know where the story ends, so whether it was a
        # glance at the end is judged once the whole book is in (`judge_glance`).
        self.unjudged_jump: int | None = None
        # Where the first chapter added since the book was last read starts, if any.
        self.new_chapter_offset: int | None = None
        # When a jump (or the opening) showed the new chapters, while they are only glimpsed:
        # they are read once they have been on screen READ_AFTER seconds, or read on from.
        self._glimpsed_at: float | None = None
        # The paragraph the last jump went to: while the end of the book keeps it below the
        # top of the screen (a short last chapter), the status line names it, not the one above.
        self.aimed: int | None = None
        self.waiting = WaitingForBook()  # what was asked while only a preview was in
        self.search = SearchState()  # what was searched for, and the match on screen
        self._dirty = False
        self._saved_offset: int | None = None
        # The place last saved was anchored in a preview (the reader moved while the book
        # was still being read): anchored again in the whole book once it is in.
        self._saved_from_preview = False
        self._jumps_kept: list[int] = []  # the jump list's places as last given to the keeper

    # -- opening -----------------------------------------------------------------------------
    def show_stage(self, stage: Stage) -> None:
        """A preview or the whole book arrived."""
        self.book = stage.book
        self.final = stage.final
        if stage.final:
            self.whole_text = None
        self.meter = ProgressMeter(stage.book, self.words_per_minute)
        self.scene_marks = scene_landings(stage.book)
        self.chapter_marks = chapter_landings(stage.book)
        if stage.final and self._saved_from_preview:
            self._saved_from_preview = False
            self._dirty = True  # (its paragraph as the whole book has it)

    def set_words_per_minute(self, words_per_minute: int) -> None:
        self.words_per_minute = max(1, words_per_minute)
        if self.meter is not None:
            self.meter.words_per_minute = self.words_per_minute

    # -- the place ---------------------------------------------------------------------------
    @property
    def looking(self) -> bool:
        """Only looking (opened at the first new chapter, or `U` pressed since) and not moved
        on since: the saved place stays where it was."""
        return (self.opened_at_jump and not self.user_moved) or self.look is not None

    def reader_moved(self) -> None:
        """The reader moved on (a scroll or a jump): a look ends where it is, and the place
        kept from now on is the one on screen."""
        self.user_moved = True
        self.look = None
        if self.glancing:
            # Reading on from a glance at the end (`j` with the end on screen, where there is
            # nowhere to go) finishes the book, though the place stays where it was.
            self._dirty = True
        self.glancing = False
        self.unjudged_jump = None
        self._glimpsed_at = None
        self.read_on.moved(time.time())

    def glimpse(self, bottom: int) -> None:
        """A jump (or the opening) showed the page up to ``bottom`` (the offset just past its
        last row): new chapters on it are glimpsed from now, not read yet."""
        new = self.new_chapter_offset
        if new is not None and bottom > new:
            self._glimpsed_at = time.monotonic()

    @property
    def only_glimpsed(self) -> bool:
        """New chapters are on screen by a jump made less than READ_AFTER seconds ago, and
        not read on from: they are not read yet, nor is the story's end they show."""
        at = self._glimpsed_at
        return at is not None and time.monotonic() - at < READ_AFTER

    def glimpse_lasted(self) -> bool:
        """New chapters a jump showed have been on screen READ_AFTER seconds: they are read,
        and a look at them (`U`) is reading, its place kept there. True when that changed
        what there is to save."""
        if self._glimpsed_at is None or self.only_glimpsed:
            return False
        self._glimpsed_at = None
        if self.looking:
            self.look = None
            self.user_moved = True
            self.read_on.moved(time.time())  # (the place looked at is read from now)
        self._dirty = True  # (the same place, saved again with the new chapters read)
        return True

    def look_at(self, left: Look, go: Callable[[], None]) -> None:
        """``go`` somewhere only to look (`U`): until the reader moves on from there, the place
        kept is ``left``, or, during a look already, the one that look keeps."""
        already, user_moved, look = self.looking, self.user_moved, self.look
        glimpsed, reached = self._glimpsed_at, self.read_on.reached
        go()
        self.read_on.reached = reached  # (the place kept was read to when it was)
        if already:
            self.user_moved, self.look = user_moved, look
            # (a look from a look: its moment runs from the first)
            self._glimpsed_at = glimpsed if self._glimpsed_at is not None else None
        else:
            self.look = left

    def yield_place(self) -> None:
        """A newer place was kept elsewhere (another window): the one on screen is not kept
        over it, unless the reader moves on from it."""
        self._dirty = False

    def took_up(self, top_offset: int, reached: float) -> None:
        """The place the library keeps, read to at ``reached`` (in another window, or before
        the file held another story), is on screen at ``top_offset``, taken up here: it stays
        as it was kept, not saved again from here until the reader moves on (a glance or an
        end the jump there showed this window is not the reading that reached it)."""
        self.read_on.take_up(reached)
        self._saved_offset = top_offset
        self._dirty = False

    def moved_to(self, offset: int) -> None:
        """The top of the screen is at ``offset`` now."""
        if offset != self._saved_offset:
            self._dirty = True

    @property
    def dirty(self) -> bool:
        """The place moved since it was last saved, and there is somewhere to save it."""
        return self._moved_since_saved and self.book_id is not None

    @property
    def _moved_since_saved(self) -> bool:
        """The place moved since it was last saved. A book opened at a jump and not moved
        since is only being looked at: it has not; nor has one left for a look with `U`,
        unless the place it left was not saved yet. Nor has a book the reader has not moved
        in while only a preview is in: the place it opened at was found in part of the text,
        maybe only near the saved one, and is never kept over the saved anchor."""
        if not self.final and not self.user_moved:
            return False
        if self.look is not None:
            return self._dirty and self.look.offset != self._saved_offset
        return self._dirty and not self.looking

    def _kept(self, top_offset: int, at_end: bool) -> tuple[int, bool]:
        """The place to keep: the one on screen, or the one a look left."""
        if self.look is not None:
            return self.look.offset, self.look.at_end
        return top_offset, at_end

    def save(self, keeper: PlaceKeeper, top_offset: int, at_end: bool) -> bool:
        """Store the place in ``keeper``; False when there was nothing to store."""
        if not self.dirty or self.book is None or self.book_id is None:
            return False
        top_offset, at_end = self._kept(top_offset, at_end)
        anchor = make_anchor(self.book, top_offset)
        # The end on screen makes the book finished (a preview does not know where it ends;
        # a book without text has no end to reach).
        # The end of the text on screen is not the end of a file written again since: a
        # chapter posted meanwhile is still to read.
        # A glance at the end is not reading to it, nor is a glimpse of new chapters.
        # (the end on screen after a glance is kept too: the library then shows the 100% the
        # status line did, and the book is still being read)
        glanced = self.glancing or self.only_glimpsed
        ended = self.final and at_end and len(self.book) > 0 and not self.file_changed()
        # (whether the reader moved from where the book opened: a book only opened is new)
        keeper.set_position(
            self.book_id,
            anchor,
            at_end=ended,
            moved=self.user_moved,
            glanced=glanced,
            new_read=not self.only_glimpsed,
            reached_at=self.read_on.reached,
            place=self._place_at(top_offset),
        )
        self.read_on.kept()
        places = [place for place in self.jumps.places if place >= 0][-KEPT_JUMPS:]
        if self.final and places != self._jumps_kept:  # (anchored only when they changed)
            keeper.keep_jumps(self.book_id, [make_anchor(self.book, place) for place in places])
            self._jumps_kept = places
        self._saved_offset = anchor.offset
        self._saved_from_preview = not self.final
        self._dirty = False
        return True

    def _place_at(self, offset: int) -> tuple[str, int]:
        """The title of the chapter (or front or end matter) holding ``offset``, as the status
        line names it, and the chapter's number (0: none); not known in a preview."""
        book = self.book
        if book is None or self.meter is None or not self.final or not len(book):
            return "", 0
        para = book.para_read_at(offset)
        chapter = book.chapter_at(para) if book.chapters else None
        return self.meter.place(para), 0 if chapter is None else chapter + 1

    def file_changed(self) -> bool:
        """Whether the book's file was written again since it was read (one stat)."""
        now = file_stamp(self.path)
        return now is not None and self._opened_stamp is not None and now != self._opened_stamp

    def file_still_being_written(self) -> BeingWritten | None:
        """Why the book's file, written again since it was read, is not to be read again yet
        (empty, or holding only part of the text open: a download part-way); None when it
        looks whole."""
        if self.book is None or self._opened_stamp is None:
            return None
        return still_being_written(self.path, self.book, self._opened_stamp[1])

    def waiting_anchor(self, top_offset: int) -> Anchor | None:
        """The place to keep for a book the library does not have yet (left while it was
        still being read), when the reader moved: None otherwise."""
        if self.book is None or self.book_id is not None or not self._moved_since_saved:
            return None
        return make_anchor(self.book, self._kept(top_offset, False)[0])

    def progress(self, offset: int, para: int, at_end: bool) -> Progress | None:
        """What the status line says about ``offset``; None until the whole book is in, and
        for a book without text (no `100%` or time left for what is not there)."""
        if self.meter is None or not self.final or not len(self.meter.book):
            return None
        return self.meter.at(offset, para, at_end)

    def preview_has_start(self) -> bool:
        """Whether the book on screen holds its text's first paragraph: the whole book does,
        a preview of its head does, a preview around a place further in does not."""
        book = self.book
        if book is None:
            return False
        if self.final or not len(book):
            return True
        return not book.text[: int(book.starts[0])].strip()

    def story_ended(self, bottom: int, book_end_shown: bool) -> bool:
        """Whether the story's end is on screen: its last paragraph ends above ``bottom`` (the
        offset just past the last row on screen), or the book's end is shown. The end matter
        after the story (`THE END`, a licence) need not be read for the book to be finished."""
        book = self.book
        if book is None or not self.final:
            return book_end_shown
        return book_end_shown or (len(book) > 0 and bottom >= book.story_end)

    def take_up_jumps(self, kept: list[Anchor]) -> None:
        """The jump list kept when the book was last read, found in the text as it is now,
        before the jumps made since it opened."""
        if self.book is None or not self.final or not len(self.book):
            return
        self.jumps.take_in_older([resolve_anchor(self.book, anchor)[0] for anchor in kept])

    def glanced_at_end(self, left: int, top: int, bottom: int, book_end_shown: bool) -> bool:
        """Whether a jump from ``left`` to ``top`` (``bottom``: the offset just past the last
        row on screen) was a glance at the end, not reading to it: it left from before the
        story's last stretch (its last chapter and its last tenth) and went into it, to the
        end or a few lines short of it (a search that found the notes at the back, or its
        last match, `G` from the middle)."""
        book = self.book
        if book is None or not self.final or not len(book):
            return False
        end = book.story_end
        near = end - end // 10
        if book.chapters:
            near = min(near, int(book.starts[book.chapters[-1].start]))
        went = top >= near or self.story_ended(bottom, book_end_shown)
        return left < near and went

    def judge_glance(self, top: int, bottom: int, book_end_shown: bool) -> None:
        """The whole book is in: a jump made in its preview, the last move, is a glance at the
        end if it went into the story's last stretch from before it (`glanced_at_end`)."""
        left, self.unjudged_jump = self.unjudged_jump, None
        if left is not None and self.glanced_at_end(left, top, bottom, book_end_shown):
            self.glancing = True

    def place_read(self, top: int, top_para: int, bottom: int) -> int:
        """The place being read, as the jump list and the library keep it: the top of the
        screen (``top``, in paragraph ``top_para``), or the start of the paragraph the last
        jump went to when the end of the book keeps it lower (a short last chapter)."""
        reading, book = self.para_read(top_para, bottom), self.book
        if book is None or reading == top_para or book.para_read_at(top) == reading:
            return top  # (a top row in the gap above it is its place already)
        return int(book.starts[reading])

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

    def place_said(self, offset: int, at_end: bool = False) -> str:
        """Where ``offset`` is, as the status line says it: its chapter and how far in
        (`CHAPTER 4 · 61%`), as much of it as is known."""
        book = self.book
        para = book.para_read_at(offset) if book is not None and len(book) else 0
        progress = self.progress(offset, para, at_end)
        shown = [self.place_name(para), shown_percent(progress.percent) if progress else ""]
        return " · ".join(part for part in shown if part)
