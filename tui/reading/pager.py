"""The reading view's model: rows laid out around a top position, never the whole book at once."""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass
from typing import NamedTuple

from tui.book.model import Book, ParaKind, scene_top
from tui.reading.shown_text import ShownCache
from tui.reading.wrapping import Row, RowKind, centre, justify, wrap

_ROW_KIND = {
    ParaKind.TEXT: RowKind.TEXT,
    ParaKind.HEADING: RowKind.HEADING,
    ParaKind.BREAK: RowKind.ORNAMENT,
    ParaKind.FRONT: RowKind.MATTER,
    ParaKind.END: RowKind.MATTER,
    ParaKind.LABEL: RowKind.LABEL,
    ParaKind.NOTE: RowKind.NOTE,
}


@dataclass(frozen=True, slots=True)
class LayoutOptions:
    """How paragraphs are laid out; any change re-wraps."""

    column: int = 72  # text column width in cells
    paragraph_style: str = "blank"  # "blank" line between paragraphs, or first-line "indent"
    justify: bool = False
    ornament: str = "⁂"
    indent: int = 2  # first-line indent in the "indent" style
    notes: str = "show"  # a chapter's author's notes: "show" them, or "collapse" each to a line


class Pos(NamedTuple):
    """A row in the laid-out book: paragraph, piece of a huge paragraph, row in that block."""

    para: int
    piece: int = 0
    row: int = 0


def gap_scene_starts(book: Book) -> frozenset[int]:
    """Paragraphs opening a scene that no ornament line marks (the break was a blank gap)."""
    starts = set()
    for chapter in book.chapters:
        for scene in chapter.scenes[1:]:
            at = scene_top(book, scene)  # the break goes above the line that titles the scene
            if 0 < at < len(book) and ParaKind.BREAK not in (book.kinds[at - 1], book.kinds[at]):
                starts.add(at)
    return frozenset(starts)


def scene_break_lines(book: Book) -> frozenset[int] | None:
    """Break lines (ornament or spacer paragraphs) that end a scene; None when the book has no
    scenes yet (a preview), so that every break line is drawn as one."""
    if not any(chapter.scenes for chapter in book.chapters):
        return None
    lines = set()
    for chapter in book.chapters:
        for scene in chapter.scenes[1:]:
            at = scene_top(book, scene) - 1
            while 0 <= at < len(book) and book.kinds[at] == ParaKind.BREAK:
                lines.add(at)
                at -= 1
    return frozenset(lines)


class Pager:
    """Rows of a book around a top position, wrapped on demand and cached by paragraph.

    Moving by rows or pages touches only the paragraphs it passes, so the cost of a page turn
    does not depend on the size of the book.
    """

    def __init__(self, book: Book, options: LayoutOptions, height: int, cache: int = 4096):
        self.book = book
        self.options = options
        self.height = max(1, height)
        self.shown = ShownCache(book)
        self.gap_scenes = gap_scene_starts(book)
        self.break_lines = scene_break_lines(book)
        self._blocks: OrderedDict[tuple[int, int], list[Row]] = OrderedDict()
        self._cache_size = cache
        self._end_top: Pos | None = None
        self.top = Pos(0)
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
            rows = self._build(para, piece)
            self._blocks[key] = rows
            if len(self._blocks) > self._cache_size:
                self._blocks.popitem(last=False)
        else:
            self._blocks.move_to_end(key)
        return rows

    def _build(self, para: int, piece: int) -> list[Row]:
        book, opts = self.book, self.options
        kind = ParaKind(book.kinds[para])
        blank_style = opts.paragraph_style != "indent"
        pieces = self.shown.pieces(para)
        rows: list[Row] = []
        blank = Row(RowKind.BLANK, para)
        if kind == ParaKind.BREAK and self.break_lines is not None and para not in self.break_lines:
            return [blank]  # a spacer that sets off a line inside a scene: a wider gap only
        if piece == 0:
            if para in self.gap_scenes:
                if not blank_style:
                    rows.append(blank)
                rows.append(self._ornament(para))
                rows.append(blank)
            elif kind == ParaKind.HEADING and para > 0:
                rows.append(blank)  # air above a chapter title
            elif kind == ParaKind.BREAK and not blank_style:
                rows.append(blank)
        if kind == ParaKind.BREAK:
            rows.append(self._ornament(para))
        else:
            rows.extend(self._text_rows(para, piece, kind))
        if piece == pieces - 1 and self._blank_after(para, kind, blank_style):
            rows.append(blank)
        return rows

    def _ornament(self, para: int) -> Row:
        text = self.options.ornament or "*"
        return Row(RowKind.ORNAMENT, para, text, centre(text, self.options.column))

    def _text_rows(self, para: int, piece: int, kind: ParaKind) -> list[Row]:
        opts = self.options
        shown = self.shown(para)
        start, end = self.shown.piece(para, piece)
        text = shown.text[start:end]
        row_kind = _ROW_KIND.get(kind, RowKind.TEXT)
        first_indent = 0
        if opts.paragraph_style == "indent" and kind == ParaKind.TEXT and piece == 0:
            first_indent = 0 if self._opens_section(para) else opts.indent
        spans = wrap(text, opts.column, first_indent)
        collapsed = kind == ParaKind.NOTE and opts.notes == "collapse" and len(spans) > 1
        if collapsed:  # one line, its last word given up for the ellipsis
            a, b = spans[0]
            cut = text.rfind(" ", a, max(a, b - 2))
            spans = [(a, cut if cut > a else max(a, b - 1))]
        rows = []
        last = len(spans) - 1
        for n, (a, b) in enumerate(spans):
            line = text[a:b]
            indent = first_indent if n == 0 else 0
            inserts: tuple[tuple[int, int], ...] = ()
            if row_kind == RowKind.HEADING:
                indent = centre(line, opts.column)
            elif (
                opts.justify
                and n < last
                and row_kind != RowKind.LABEL
                and "\n" not in text[b : spans[n + 1][0]]  # a line the book ends stays ragged
            ):
                line, inserts = justify(line, opts.column - indent)
            if collapsed:
                line += " …"
            rows.append(Row(row_kind, para, line, indent, start + a, start + b, inserts))
        return rows

    def _opens_section(self, para: int) -> bool:
        """No first-line indent after a heading, a scene break or at the start of the book."""
        if para == 0 or para in self.gap_scenes:
            return True
        return self.book.kinds[para - 1] in (ParaKind.HEADING, ParaKind.BREAK, ParaKind.LABEL)

    def _blank_after(self, para: int, kind: ParaKind, blank_style: bool) -> bool:
        if blank_style or kind in (ParaKind.HEADING, ParaKind.BREAK):
            return True
        if para + 1 >= len(self.book):
            return False
        nxt = self.book.kinds[para + 1]
        # In the indent style a blank row still sets off front matter, notes and headings.
        return nxt != kind and (nxt == ParaKind.HEADING or kind != ParaKind.TEXT)

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
        """The rows on screen, top to bottom (fewer than ``height`` only for a short book)."""
        return self.rows(self.top, self.height)

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

    def go_to(self, pos: Pos, context: int = 0) -> None:
        """Put ``pos`` at the top, or ``context`` rows below it."""
        self._kept = None
        self.top = self._clamp(self.retreat(pos, context) if context else pos)

    def go_to_offset(self, offset: int, context: int = 0) -> None:
        self.go_to(self.pos_of_offset(offset), context)

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
        """The offset just past the last row on screen."""
        return self.offset_of(self.advance(self.top, self.height))

    def top_para(self) -> int:
        """The paragraph being read: the first one with text on screen."""
        rows = self.screen()
        for row in rows:
            if row.start >= 0:
                return row.para
        for row in rows:
            if row.kind == RowKind.ORNAMENT:
                return row.para
        return min(self.top.para, max(len(self.book) - 1, 0))
