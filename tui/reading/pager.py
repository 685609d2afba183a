"""The reading view's model: rows laid out around a top position, never the whole book at once."""

from __future__ import annotations

from collections import OrderedDict
from typing import NamedTuple

from tui.book.model import Book, ParaKind
from tui.reading.paragraph_rows import LayoutOptions, ParagraphRows
from tui.reading.wrapping import Row, RowKind

__all__ = ["LayoutOptions", "Pager", "Pos"]


class Pos(NamedTuple):
    """A row in the laid-out book: paragraph, piece of a huge paragraph, row in that block."""

    para: int
    piece: int = 0
    row: int = 0


class Pager:
    """Rows of a book around a top position, wrapped on demand and cached by paragraph.

    Moving by rows or pages touches only the paragraphs it passes, so the cost of a page turn
    does not depend on the size of the book.
    """

    def __init__(self, book: Book, options: LayoutOptions, height: int, cache: int = 4096):
        self.book = book
        self.options = options
        self.height = max(1, height)
        self.layout = ParagraphRows(book)
        self.shown = self.layout.shown
        self._blocks: OrderedDict[tuple[int, int], list[Row]] = OrderedDict()
        self._cache_size = cache
        self._end_top: Pos | None = None
        self.top = Pos(0)
        # The rows of the page left that a page turn keeps in view (`page_overlap`).
        self.overlap = 0
        # The character a re-wrap keeps at the top. Set by a re-wrap, dropped by any move: a
        # re-wrap must not restart from the first character of the re-wrapped top row, or
        # every resize (narrower, then back) would creep the page backwards.
        self._kept: int | None = None

    # -- configuration ---------------------------------------------------------------------
    def relayout(self, options: LayoutOptions, height: int) -> None:
        """Re-wrap for new options or height, keeping the text at the top of the screen."""
        if options == self.options and max(1, height) == self.height:
            return
        offset = self.top_offset()
        self._kept = offset
        if options != self.options:
            self._blocks.clear()
        self.options = options
        self.height = max(1, height)
        self._end_top = None
        self.top = self._clamp(self.pos_of_offset(offset))

    # -- blocks ----------------------------------------------------------------------------
    def block(self, para: int, piece: int = 0) -> list[Row]:
        """The rows of one paragraph (or one piece of a huge one), decoration included."""
        key = (para, piece)
        rows = self._blocks.get(key)
        if rows is None:
            rows = self.layout.build(para, piece, self.options)
            self._blocks[key] = rows
            if len(self._blocks) > self._cache_size:
                self._blocks.popitem(last=False)
        else:
            self._blocks.move_to_end(key)
        return rows

    # -- walking ---------------------------------------------------------------------------
    @property
    def end(self) -> Pos:
        """The position just past the last row."""
        return Pos(len(self.book))

    def _next_block(self, para: int, piece: int) -> Pos:
        if piece + 1 < self.shown.pieces(para):
            return Pos(para, piece + 1)
        return Pos(para + 1)

    def _prev_block(self, para: int, piece: int) -> tuple[int, int] | None:
        if piece > 0:
            return para, piece - 1
        if para <= 0:
            return None
        return para - 1, self.shown.pieces(para - 1) - 1

    def advance(self, pos: Pos, count: int) -> Pos:
        """``count`` rows below ``pos`` (stopping at the end)."""
        para, piece, row = pos
        end = len(self.book)
        while para < end:
            rows = len(self.block(para, piece))
            if row + count < rows:
                return Pos(para, piece, row + count)
            count -= rows - row
            para, piece, row = self._next_block(para, piece)
        return self.end

    def retreat(self, pos: Pos, count: int) -> Pos:
        """``count`` rows above ``pos`` (stopping at the first row)."""
        para, piece, row = pos
        if para >= len(self.book):
            prev = self._prev_block(len(self.book), 0)
            if prev is None:
                return Pos(0)
            para, piece = prev
            row = len(self.block(para, piece))
        while True:
            if row - count >= 0:
                return Pos(para, piece, row - count)
            count -= row
            prev = self._prev_block(para, piece)
            if prev is None:
                return Pos(0)
            para, piece = prev
            row = len(self.block(para, piece))

    def rows(self, pos: Pos, count: int) -> list[Row]:
        """Up to ``count`` rows starting at ``pos``."""
        out: list[Row] = []
        para, piece, row = pos
        while para < len(self.book) and len(out) < count:
            block = self.block(para, piece)
            out.extend(block[row : row + count - len(out)])
            para, piece, row = self._next_block(para, piece)
        return out

    def screen(self) -> list[Row]:
        """The rows on screen, top to bottom (fewer than ``height`` only for a short book);
        a heading kept for the next page (see `shown_rows`) leaves blank rows at the foot."""
        rows = self.rows(self.top, self.height)
        shown = self.shown_rows()
        return rows[:shown] + [Row(RowKind.BLANK, row.para) for row in rows[shown:]]

    def shown_rows(self, top: Pos | None = None) -> int:
        """How many rows the page from ``top`` (the screen's, by default) shows: all of
        them, unless its last text is a chapter heading (with its title line) whose next line
        is on the next page. Then, as a printed page does, the page ends above the heading,
        which opens the next page instead of being parted from what it heads."""
        top = self.top if top is None else top
        rows = self.rows(top, self.height)
        if len(rows) < self.height or self.advance(top, self.height) >= self.end:
            return len(rows)  # (nothing follows the page to part the heading from)
        last = next((n for n in range(len(rows) - 1, -1, -1) if _has_text(rows[n])), -1)
        if last < 0 or rows[last].kind != RowKind.HEADING:
            return self.height
        first = last
        for n in range(last - 1, -1, -1):
            if rows[n].kind == RowKind.HEADING:
                first = n  # (a heading line over its title, a part's title over a chapter's)
            elif rows[n].kind != RowKind.BLANK:
                break
        if not any(_has_text(row) for row in rows[:first]):
            return self.height  # a heading taller than the page: shown as it comes
        return first

    # -- moving ----------------------------------------------------------------------------
    @property
    def end_top(self) -> Pos:
        """The lowest top position: the one that shows the last row at the bottom."""
        if self._end_top is None:
            self._end_top = self.retreat(self.end, self.height) if len(self.book) else Pos(0)
        return self._end_top

    def _clamp(self, pos: Pos) -> Pos:
        return min(pos, self.end_top)

    def scroll(self, count: int) -> bool:
        """Move the top by ``count`` rows (negative: up). True when it moved."""
        old = self.top
        if count > 0:
            self.top = (
                max(old, self._clamp(self.advance(old, count))) if old < self.end_top else old
            )
        elif count < 0:
            self.top = self.retreat(old, -count)
        if self.top == old:
            return False
        self._kept = None
        return True

    def turn_pages(self, count: int) -> bool:
        """Turn ``count`` pages (negative: back). True when the top moved. A page forward
        starts at the first row the page did not show, so a heading kept for the next page
        (`shown_rows`) opens it; a page back ends where this one starts, unless it would
        end above a heading hidden at its foot: then it ends lower, showing the heading with
        its title and first line again (a line seen twice, rather than a heading never).
        With an `overlap`, each turn keeps that many rows of the page left in view: the last
        ones at the top of the next page, the first ones at the foot of the one before."""
        old = self.top
        overlap = max(0, min(self.overlap, self.height - 1))
        for _ in range(abs(count)):
            here = self.top
            if count > 0:
                self.scroll(max(1, self.shown_rows() - overlap))
                if self.top == here:
                    break  # (the last page: a count past it goes no further, at once)
                continue
            end = self.advance(here, overlap) if overlap else here  # where the page back ends
            back = self.retreat(end, self.height)
            if self.advance(back, self.height) == end:  # (not stopped by the book's start)
                while (shown := self.shown_rows(back)) < self.height:
                    lower = self.advance(back, self.height - shown)
                    if self.advance(back, shown) >= end or lower >= here:
                        break
                    back = lower
            if back == here:
                break  # (the first page)
            self.top = back
            self._kept = None
        return self.top != old

    def go_to(self, pos: Pos, context: int = 0) -> None:
        """Put ``pos`` at the top, or ``context`` rows below it."""
        self._kept = None
        self.top = self._clamp(self.retreat(pos, context) if context else pos)

    def go_to_offset(self, offset: int, context: int = 0) -> None:
        self.go_to(self.pos_of_offset(offset), context)

    def go_to_row_from(self, offset: int) -> None:
        """Put at the top the first row that begins at ``offset`` or after it: a place
        measured as a share of the book (`80%`) is then read as that share, not a little
        less, by a status line that rounds down."""
        pos = self.pos_of_offset(offset)
        if self.offset_of(pos) < offset:
            pos = self.advance(pos, 1)
        self.go_to(pos)

    def go_to_words(self, offset: int, words: tuple[int, int], above: int) -> None:
        """Put ``offset`` (the start of a passage) at the top if the words from character
        ``words[0]`` on then start within ``above`` rows of it; otherwise put the words' first
        row ``above`` rows below the top: near the top, as less puts a match, with a line or
        two before them for context."""
        self.go_to_offset(offset)
        first = self.pos_of_offset(words[0])
        if self.top <= first < self.advance(self.top, above + 1):
            return
        self.go_to(first, min(above, self.height - 1))

    @property
    def at_end(self) -> bool:
        return self.top >= self.end_top

    # -- offsets ---------------------------------------------------------------------------
    def pos_of_offset(self, offset: int) -> Pos:
        """The row showing character ``offset`` of ``book.text``."""
        book = self.book
        if not len(book):
            return Pos(0)
        offset = max(0, min(offset, len(book.text)))
        para = book.para_at(offset)
        if offset >= book.ends[para] and para + 1 < len(book):
            # Between paragraphs: each character of the gap stands for one row of it.
            between = self._between(para)
            if not between:
                return Pos(para + 1)
            return between[min(offset - book.ends[para], len(between) - 1)]
        if offset < book.starts[para]:
            return Pos(para)
        index = self.shown(para).to_shown(offset - book.starts[para])
        piece = self.shown.piece_of(para, index)
        block = self.block(para, piece)
        if not block:
            return self._shown_for(para, piece)
        best = None
        for n, row in enumerate(block):
            if row.start >= 0 and (best is None or row.start <= index):
                best = n
        return Pos(para, piece, self._body_row(para, block) if best is None else best)

    def offset_of(self, pos: Pos) -> int:
        """The character offset a row stands for: its first character; a break line's start
        for its ornament; for a row between two paragraphs, a character of the gap between
        them (see `_between`), so that `pos_of_offset` gives that same row back."""
        book = self.book
        if pos.para >= len(book):
            return len(book.text)
        block = self.block(pos.para, pos.piece)
        if not block:
            return book.starts[pos.para]  # (a paragraph not shown: a collapsed note's)
        row = block[min(pos.row, len(block) - 1)]
        if row.start >= 0:
            return book.starts[pos.para] + self.shown(pos.para).to_raw(row.start)
        is_break = book.kinds[pos.para] == ParaKind.BREAK
        body = next(
            (
                n
                for n, r in enumerate(block)
                if r.start >= 0 or (is_break and r.kind == RowKind.ORNAMENT)
            ),
            len(block),
        )
        if is_break and (pos.row == body or body == len(block)):
            return book.starts[pos.para]  # the ornament (or spacer) is the break line itself
        above = pos.para if pos.row > body or pos.piece > 0 else pos.para - 1
        if above < 0:
            return 0
        if above + 1 >= len(book):
            return book.ends[above]
        # A row between two paragraphs: the gap's n-th character stands for its n-th row, so
        # that the row (not just the paragraph below) comes back on resume.
        here = Pos(pos.para, pos.piece, min(pos.row, len(block) - 1))
        between = self._between(above)
        room = book.starts[above + 1] - book.ends[above]
        index = between.index(here) if here in between else 0
        return book.ends[above] + max(0, min(index, room - 1))

    def _shown_for(self, para: int, piece: int) -> Pos:
        """The row that stands for a block not shown (the rest of a collapsed note): the last
        row of text above it."""
        prev = self._prev_block(para, piece)
        while prev is not None:
            block = self.block(*prev)
            if block:
                rows = [n for n, row in enumerate(block) if row.start >= 0]
                return Pos(*prev, rows[-1] if rows else 0)
            prev = self._prev_block(*prev)
        return Pos(0)

    def _between(self, para: int) -> list[Pos]:
        """The rows between paragraph ``para``'s text and the next one's (blank rows and
        scene ornaments; a break line's own rows belong to it, not to the gap)."""
        out: list[Pos] = []
        piece = self.shown.pieces(para) - 1
        block = self.block(para, piece)
        last = max(
            (n for n, r in enumerate(block) if r.start >= 0 or r.kind == RowKind.ORNAMENT),
            default=-1,
        )
        if last < 0 and self.book.kinds[para] == ParaKind.BREAK:
            last = len(block) - 1  # a spacer: its blank row is the break itself
        out.extend(Pos(para, piece, n) for n in range(last + 1, len(block)))
        nxt = para + 1
        if nxt < len(self.book):
            lead = self.block(nxt, 0)
            out.extend(Pos(nxt, 0, n) for n in range(self._body_row(nxt, lead)))
        return out

    def _body_row(self, para: int, block: list[Row]) -> int:
        """The first row of a block that shows the paragraph itself (0 for a spacer)."""
        is_break = self.book.kinds[para] == ParaKind.BREAK
        for n, row in enumerate(block):
            if row.start >= 0 or (is_break and row.kind == RowKind.ORNAMENT):
                return n
        return 0 if is_break else len(block)

    def top_offset(self) -> int:
        return self.offset_of(self.top) if self._kept is None else self._kept

    def bottom_offset(self) -> int:
        """The offset just past the last row shown (a heading kept for the next page is not)."""
        return self.offset_of(self.advance(self.top, self.shown_rows()))

    def top_para(self) -> int:
        """The paragraph being read: the first one with text on screen. The status line names
        its chapter and scene, and the scene and chapter moves start from it."""
        rows = self.screen()
        for row in rows:
            if row.start >= 0:
                return row.para
        for row in rows:
            if row.kind == RowKind.ORNAMENT:
                return row.para
        return min(self.top.para, max(len(self.book) - 1, 0))

    def first_start_shown(self) -> int:
        """The first paragraph whose beginning is on screen: the top's own when the top row is
        at or above its first row of text (or its ornament), else the next one."""
        para, piece, row = self.top
        if para >= len(self.book):
            return para
        if piece == 0 and row <= self._body_row(para, self.block(para, 0)):
            return para
        return para + 1


def _has_text(row: Row) -> bool:
    """Whether a row shows something of its paragraph: text, or a scene break's ornament."""
    return row.start >= 0 or row.kind == RowKind.ORNAMENT
