"""The reader's moves: lines, pages, the ends of the book, scenes, chapters and the jump list."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from tui.reading.jumps import OTHER_BOOK
from tui.reading.navigation import (
    LandingKind,
    landing,
    line_in_paragraph,
    line_past_the_end,
    line_place,
    past_notes,
)
from tui.reading.pager import Pos
from tui.reading.saved_places import held_by_part
from tui.reading.session import Look, ReadingSession
from tui.ui.screens.reader_host import take_count
from tui.ui.widgets.reader_view import ReaderView


class Notify(Protocol):
    """Shows a notice for ``timeout`` seconds (brief by default)."""

    def __call__(self, message: str, timeout: float = 2) -> None: ...


class MovesFlow:
    """Line and page moves scroll; everything else is a jump, remembered in the session's
    jump list so that `jump_back` returns. Each move refreshes the status line at once, so
    the text and the status line go out in one frame."""

    def __init__(
        self,
        session: ReadingSession,
        view: Callable[[], ReaderView],
        refresh_status: Callable[[], None],
        notify: Notify,
        key_of: Callable[[str], str],
        back_to_other_book: Callable[[], None] = lambda: None,
        before_the_parse: Callable[[int, Callable[[], None], bool], bool] = (
            lambda around, go, jump: False
        ),
    ) -> None:
        self.session = session
        self.back_to_other_book = back_to_other_book
        # Makes a move to a place of the whole text while it is still parsed (False when the
        # text is not read yet).
        self.before_the_parse = before_the_parse
        self._view = view
        self.refresh_status = refresh_status
        self.notify = notify
        self.key_of = key_of  # the key the reader has for an action, for what notices say
        # `200g` went to a line: a top key right after it is the second g of vim's `200gg`.
        self.line_by_count = False

    @property
    def view(self) -> ReaderView:
        return self._view()

    def scroll(self, rows: int = 0, pages: float = 0) -> None:
        view = self.view
        if view.pager is None:
            return
        glancing, before = self.session.glancing, view.top_offset()
        unjudged = self.session.unjudged_jump
        self.session.reader_moved()
        self.session.aimed = None
        if self.session.waiting.drop_moves():
            self.notify("The move waiting for the whole book is dropped: you moved on")
        count = take_count(self.session, self.refresh_status)
        if pages:
            view.scroll_pages(pages * count)
        else:
            view.scroll_rows(rows * count)
        self.still_glancing(glancing, before, unjudged)
        self.refresh_status()

    def still_glancing(self, glancing: bool, before: int, unjudged: int | None = None) -> None:
        """A move back from a glance at the end itself (`G`, then `k` or `b` to see the lines
        above; a search back from there) is still looking, not reading to the end: only a
        move on from there reads on. (After a jump to a chapter in the end, `}` or `U` to a
        short last chapter, any move is reading it, as ever.)"""
        if glancing and self.session.peeking and self.view.top_offset() < before:
            self.session.glancing = True
        elif unjudged is not None and self.session.peeking and self.view.top_offset() < before:
            self.session.unjudged_jump = unjudged  # (in a preview: judged once the book is in)

    def screen(self, forward: bool) -> None:
        """less's Space and `b`: a page (or the window `z` or `w` set), or the lines a count
        before it gives (`20 space` is twenty lines down, as less's `20 SPACE`; vim's ctrl+f
        takes a count as pages)."""
        rows = self.session.window_rows
        if self.session.count.value():
            self.scroll(rows=1 if forward else -1)
        elif rows is not None:
            self.scroll(rows=rows if forward else -rows)
        else:
            self.scroll(pages=1 if forward else -1)

    def window(self, forward: bool) -> None:
        """less's `z` and `w`: a window on or back, as Space and `b`; a count before them sets
        the window's lines, for them and for Space and `b` from then on (`10z`, as in less)."""
        typed = self.session.count.value()
        if typed is not None:
            self.session.count.take()
            if typed:  # (`0z` keeps the window as it was)
                self.session.window_rows = typed
        self.screen(forward)

    def half_page(self, forward: bool) -> None:
        """`d`/`u`, ctrl+d/ctrl+u: half a page, or, as in vim and less, the rows a count
        before it gives, which every later one then moves too (`10 ctrl+d`)."""
        typed = self.session.count.value()
        if typed is not None:
            self.session.count.take()
            if typed:  # (`0 ctrl+d` keeps the rows as they were)
                self.session.half_page_rows = typed
        rows = self.session.half_page_rows
        if rows is None:
            self.scroll(pages=0.5 if forward else -0.5)
        else:
            self.scroll(rows=rows if forward else -rows)

    def type_count(self, character: str | None) -> bool:
        """A digit typed before a move: True when it went into the count (shown in the
        status line until a move uses it)."""
        if self.view.pager is None or character is None or not self.session.count.type(character):
            return False
        self.refresh_status()
        return True

    def key_after_count(self) -> None:
        """A key that is not a digit: its action may use the count; the next key drops it."""
        if self.session.count.key_after():
            self.refresh_status()

    def drop_count(self) -> None:
        """A count before a key that is no move is dropped at once."""
        if self.session.count.clear():
            self.refresh_status()

    def forget_count(self, drop: Callable[[], bool]) -> None:
        """A count the key after it did not use is dropped (by ``drop``, of that count only)."""
        if drop():
            self.refresh_status()

    def jump(self, move: Callable[[], None], aim: int | None = None) -> None:
        """Make a jump, remembering where it left from so `jump_back` can return. ``aim``:
        the paragraph it goes to, named by the status line even when the end of the book
        keeps it below the top of the screen."""
        view = self.view
        if view.pager is None:
            return
        session = self.session
        here, before = self.here(), view.top_offset()
        # (a look at new chapters, `U`, keeps the place it left)
        left = session.look or Look(before, view.pager.at_end)
        aimed, session.aimed = session.aimed, aim
        move()
        if view.top_offset() == before and self.here() == here:
            session.aimed = aimed  # a jump to where the reader is already moves nothing
            self.refresh_status()
            return
        glancing = session.glancing
        session.reader_moved()
        session.jumps.push(here)
        self.still_glancing(glancing, before)
        pager = view.pager
        if pager is not None and session.glanced_at_end(
            left.offset, view.top_offset(), pager.bottom_offset(), pager.at_end
        ):
            # A glance at the end: the place kept is there, but the book is not finished
            # until the reader reads on from there.
            session.glancing = True
            session.peeking = aim is None  # (not to a chapter's or a scene's start)
        elif not session.final:  # (judged once the whole book is in)
            session.unjudged_jump = left.offset
            session.peeking = aim is None
        if pager is not None:
            session.glimpse(pager.bottom_offset())
        self.refresh_status()

    def here(self) -> int:
        """The place being read, as the jump list keeps it: the top of the screen, or the
        start of the paragraph a jump went to when the end of the book kept it lower."""
        pager = self.view.pager
        if pager is None:
            return self.view.top_offset()
        return self.session.place_read(
            self.view.top_offset(), pager.top_para(), pager.bottom_offset()
        )

    def jump_to_offset(self, offset: int) -> None:
        book = self.session.book
        aim = book.para_read_at(offset) if book is not None and len(book) else None
        self.jump(lambda: self.view.go_to_offset(offset), aim)

    def top(self) -> None:
        if self.line_by_count:  # `200gg`: the first g went to line 200, the second stays
            self.line_by_count = False
        elif self.count_to_line():
            self.line_by_count = True
        elif self.session.final or self.session.preview_has_start():
            self.jump(lambda: self.view.go_to(Pos(0)))
        else:  # a preview around the saved place: its first page is not the book's
            self.notify(self.session.waiting.wait_for_book("top"))
            self.refresh_status()

    def bottom(self) -> None:
        if self.count_to_line():
            return
        whole = self.session.whole_text
        if self.session.final:
            self.jump(self.view.go_to_end)
        elif whole is not None and self.before_the_parse(whole.length, self.view.go_to_end, True):
            return  # the end of the text is known before its chapters are
        else:  # the end is not known yet: go there when it is
            self.notify(self.session.waiting.wait_for_book("bottom"))
            self.refresh_status()

    def count_to_line(self) -> bool:
        """`50G` or `50g`: a count before top or bottom goes to that line of the file, as in
        less and vim, with its paragraph at the top. False when no count was typed."""
        line = self.session.count.value()
        if line is None:
            return False
        take_count(self.session, self.refresh_status)
        self.go_to_line(line)
        return True

    def go_to_line(self, line: int) -> None:
        """Line ``line`` of the file at the top (`200G`, `:200`): the row holding its start."""
        line = max(1, line)  # `0G`: the first line, as in vim
        if self.view.pager is None or self.line_before_the_parse(line):
            return
        if line == 1 and not self.session.final and self.session.preview_has_start():
            self.jump(lambda: self.view.go_to(Pos(0)))  # (the top is on screen already)
            return
        if not self.session.final:  # the text is not read yet: go there once it is
            self.notify(self.session.waiting.wait_for_book("line", str(line)))
            self.refresh_status()
            return
        book = self.session.book
        place = line_place(book, line) if book is not None else None
        if place is None and line == 1:  # (a book without lines of its own still has a top)
            self.jump(lambda: self.view.go_to(Pos(0)))
            return
        if place is None:
            percent, contents = self.key_of("goto_percent"), self.key_of("contents")
            self.notify(
                f"No line {line:,}: this book has no lines of its own (chapbook made its "
                f"text from the file's markup). A number before {percent} goes that far in "
                f"(50{percent}), {contents} lists the chapters",
                timeout=6,
            )
            return
        offset, note = place
        if offset is None or book is None:
            self.jump(self.view.go_to_end)
        else:
            self.jump(lambda: self.view.go_to_offset(offset), book.para_at(offset))
        if note:
            self.notify(note)

    def line_before_the_parse(self, line: int) -> bool:
        """Line ``line`` of the whole text while it is still parsed: at the top (or the end,
        past the last line). False when it must wait for the whole book."""
        session, whole = self.session, self.session.whole_text
        if session.final or whole is None:
            return False
        offset = whole.line_offset(line)
        if offset is None:
            note = line_past_the_end(line, whole.line_count())
            if not self.before_the_parse(whole.length, self.view.go_to_end, True):
                return False
            self.notify(note)
            return True

        def go() -> None:
            book = session.book
            if book is not None:
                self.view.go_to_offset(line_in_paragraph(book, offset))

        return self.before_the_parse(offset, go, True)

    def whole_book(self) -> bool:
        """True once the whole book is in; otherwise says so (the preview is partial)."""
        if self.session.final:
            return True
        if self.view.pager is not None:
            self.notify("Still reading the whole book: try again in a moment")
        return False

    def landing(self, kind: LandingKind, forward: bool, count: int | None = None) -> None:
        """A scene or chapter move (``count`` of them: by default the count typed). Asked
        while only a preview is in, it waits for the whole book: a preview's chapters may
        be its contents list."""
        pager = self.view.pager
        if pager is None:
            return
        session = self.session
        count = take_count(session, self.refresh_status) if count is None else count
        if not session.final:
            self.notify(session.waiting.wait_for_landing(kind, forward, count))
            self.refresh_status()  # (the status line says the move waits)
            return
        reading = session.para_read(pager.top_para(), pager.bottom_offset())
        landings = session.scene_marks if kind == "scene" else session.chapter_marks
        first_shown = pager.first_start_shown()
        target = landing(landings, kind, forward, reading, first_shown, count, final=session.final)
        if isinstance(target, str):
            self.notify(target)
            return
        before = self.view.top_offset()
        self.jump(lambda: self.view.go_to(Pos(target)), target)
        if forward and self.view.top_offset() == before:  # the page cannot go further
            self.notify(f"The next {kind} is on this page, the book's last")

    def skip_notes(self) -> None:
        """Past the author's notes on the page (the first shown), to the story."""
        pager = self.view.pager
        if pager is None:
            return
        book = self.session.book
        if book is None:
            self.notify("Still opening the book…")
            return
        target = past_notes(book, pager.top_para(), pager.bottom_offset())
        if isinstance(target, str):
            self.notify(target)
            return
        self.jump(lambda: self.view.go_to(Pos(target)))

    def first_new_chapter(self) -> None:
        """`U`: to the first chapter added since the book was last read (a jump). It is a
        look: the saved place stays where the reader left until they move on from there."""
        offset, pager = self.session.new_chapter_offset, self.view.pager
        if offset is None:
            self.notify("No new chapters since you last read this book")
            return
        if pager is None:
            return
        left = Look(self.here(), pager.at_end)
        self.session.look_at(left, lambda: self.jump_to_offset(offset))

    def jump_back(self, forward: bool = False) -> None:
        """Back through the jump list, as many places as the count typed (`3 ctrl+o`, as in
        vim); ``forward``: undo steps back (ctrl+i)."""
        if self.view.pager is None:
            return
        jumps, here = self.session.jumps, self.here()
        place = None
        for _ in range(take_count(self.session, self.refresh_status)):
            step = jumps.forward(here) if forward else jumps.back(here)
            if step is None:
                break
            if step == OTHER_BOOK:  # (as far back as this book goes: the book before it)
                self.back_to_other_book()
                return
            place = here = step
        if place is None:
            self.notify("No later place to go to" if forward else "No earlier place to go back to")
            return
        self.go_back_to(place)

    def swap_back(self) -> None:
        """`''`: to where the last jump left, and again back, as in vim and less."""
        if self.view.pager is None:
            return
        place = self.session.jumps.swap(self.here())
        if place is None:
            self.notify("No earlier place to go back to")
            return
        if place == OTHER_BOOK:
            self.back_to_other_book()
            return
        self.go_back_to(place)

    def _back(self, place: int) -> Callable[[], None]:
        return lambda: self.go_back_to(place)

    def go_back_to(self, place: int) -> None:
        """Show a place taken from the jump list (not itself a new jump)."""
        view = self.view
        session = self.session
        book = session.book
        if not session.final and (book is None or not held_by_part(book, place)):
            # A place of the text the preview on screen does not hold: a preview around it
            # first, or, before the whole text is read, once the whole book is in.
            if not self.before_the_parse(place, self._back(place), False):
                self.notify(session.waiting.wait_for_book("back", str(place)))
                self.refresh_status()
            return
        glancing, before = session.glancing, view.top_offset()
        session.reader_moved()
        # A place kept below the top of the screen by the end of the book is named again.
        session.aimed = session.book.para_read_at(place) if session.book is not None else None
        view.go_to_offset(place)
        self.still_glancing(glancing, before)
        pager = view.pager
        if pager is not None and session.glanced_at_end(
            before, view.top_offset(), pager.bottom_offset(), pager.at_end
        ):
            # (back at the end a glance went to is a glance again)
            session.glancing = session.peeking = True
        self.refresh_status()
