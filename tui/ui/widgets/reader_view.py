"""The reading view: a Line-API widget that draws only the rows on screen, from a `Pager`."""

from __future__ import annotations

import itertools
import re
from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.cache import LRUCache
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from tui.book.model import Book
from tui.reading.pager import LayoutOptions, Pager, Pos
from tui.reading.row_marks import Mark, row_marks
from tui.reading.wrapping import Row, RowKind, measure
from tui.ui.terminal.output import DISPUTED

_ROW_STYLE = {
    RowKind.HEADING: "reader-view--heading",
    RowKind.ORNAMENT: "reader-view--ornament",
    RowKind.MATTER: "reader-view--matter",
    RowKind.NOTE: "reader-view--note",
    RowKind.LABEL: "reader-view--label",
}
_INLINE = {"italic": Style(italic=True), "bold": Style(bold=True)}
# Rows moved by one turn of the mouse wheel.
WHEEL_ROWS = 3
# Rows of context above the words a finder jump lands on (fewer on a very short screen).
WORDS_CONTEXT = 2
# Blank cells right of the text column, inside the widget (taken from the right margin, so
# the text stays centred): an emoji the terminal draws wider than measured at the very end of
# a row (a justified row) spills into them, and they are redrawn with the row, where the
# screen's margin beside the widget would not be.
GUTTER = 2


class ReaderView(ScrollView, can_focus=True, inherit_bindings=False):
    """A centred text column showing one screen of a book.

    Nothing is laid out beyond the screen: the `Pager` wraps the paragraphs it needs around
    the top position, and finished rows are cached as strips keyed by their content. The keys
    belong to the reader screen; this widget only draws and moves.
    """

    # Shown instead of a book (while opening, or on failure); a change repaints.
    message_text: reactive[str] = reactive("")

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "reader-view--heading",
        "reader-view--ornament",
        "reader-view--matter",
        "reader-view--note",
        "reader-view--label",
        "reader-view--match",
        "reader-view--current",
        "reader-view--selected",
    }
    DEFAULT_CSS = """
    ReaderView {
        overflow: hidden hidden;
        height: 1fr;
        width: 72;
        background: $background;
        color: $foreground;
    }
    ReaderView > .reader-view--heading { color: $accent; text-style: bold; }
    ReaderView > .reader-view--ornament { color: $text-muted; }
    ReaderView > .reader-view--matter { color: $text-muted; }
    ReaderView > .reader-view--note { color: $text-muted; text-style: italic; }
    ReaderView > .reader-view--label { color: $text-disabled; }
    /* Underlined as well as coloured: still marked where there is no colour (NO_COLOR). */
    ReaderView > .reader-view--match {
        background: $warning 35%; color: $foreground; text-style: underline;
    }
    /* Visual mode's paragraphs; bold too, so they show without colour. */
    ReaderView > .reader-view--selected {
        background: $accent 40%; color: $foreground; text-style: bold;
    }
    ReaderView > .reader-view--current {
        background: $warning; color: $background; text-style: bold underline;
    }
    """

    class PositionChanged(Message):
        """The top of the screen moved (or the book under it changed)."""

        def __init__(self, view: ReaderView, offset: int) -> None:
            super().__init__()
            self.view = view
            self.offset = offset  # character offset of the top row in book.text

        @property
        def control(self) -> ReaderView:
            return self.view

        def can_replace(self, message: Message) -> bool:
            # Only where the top is now matters: a burst of moves makes one message.
            return isinstance(message, ReaderView.PositionChanged) and message.view is self.view

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.pager: Pager | None = None
        self.options = LayoutOptions()
        self.margin = 2
        self.page_overlap = 0  # rows a page turn keeps in view (`[reader] page_overlap`)
        self._available = 0  # the screen's width, for fit()
        self._width = 0  # the column width fit() chose
        # What each screen row shows now: its strip key and how far its text reaches, so a
        # move redraws only rows (and parts of rows) that change.
        self._drawn: dict[int, tuple[tuple[object, ...] | None, int]] = {}
        self._has_drawn = False  # anything of this widget has reached the screen
        self._screen_rows: list[Row] | None = None
        self._strips: LRUCache[tuple, Strip] = LRUCache(1024)
        self._styles: dict[str, Style] = {}
        self.pattern: re.Pattern[str] | None = None
        self.current: tuple[int, int] | None = None  # the search hit in book.text offsets
        self._matches: dict[int, list[tuple[int, int]]] = {}
        self.selected: tuple[int, int] | None = None  # visual mode: first and last paragraph
        # The offset a book was opened at before the view had its size (the first page, set
        # before the screen was laid out): placed again at the real height.
        self._placed_unsized: int | None = None

    # -- state -------------------------------------------------------------------------------
    @property
    def book(self) -> Book | None:
        return self.pager.book if self.pager else None

    def set_message(self, text: str) -> None:
        self.message_text = text

    def set_book(self, book: Book, offset: int = 0) -> None:
        """Show ``book`` with character ``offset`` at the top."""
        self.pager = Pager(book, self._options(), self._height())
        self.pager.overlap = self.page_overlap
        self.pager.go_to_offset(offset)
        self._matches.clear()
        self._moved()
        self._placed_unsized = offset if not self.size.height else None

    def configure(self, options: LayoutOptions, margin: int, page_overlap: int = 0) -> None:
        """New layout settings (the column width in ``options`` is the maximum), and the rows
        a page turn keeps in view."""
        self.options = options
        self.margin = max(0, margin)
        self.page_overlap = max(0, page_overlap)
        if self.pager is not None:
            self.pager.overlap = self.page_overlap
        self.fit(self._available or options.column + 2 * self.margin)
        self._relayout()

    def fit(self, available: int) -> None:
        """Size the column for a screen ``available`` cells wide: the configured width, or
        less with ``margin`` blank cells each side, centred. The widget is the column and its
        gutter; the margins are not part of it, so page turns never redraw them."""
        self._available = available
        width = max(8, min(self.options.column, available - 2 * self.margin))
        self._width = width
        left = max(0, (available - width) // 2)
        outer = width + max(0, min(GUTTER, available - left - width))
        moved = self.styles.margin.left != left
        if moved:
            self.styles.margin = (0, 0, 0, left)
        if self.styles.width is None or self.styles.width.value != outer:
            self.styles.width = outer
            moved = True
        if moved and self.is_attached and self._has_drawn:
            # The column moved: the cells it leaves are the screen's, and a terminal keeps
            # what was drawn there until told otherwise. Repaint everything once the new
            # layout is in place, so no text of the old column is left beside the new one.
            self._drawn.clear()
            self.call_after_refresh(self._repaint_screen)

    def redraw(self) -> None:
        """Send every cell of the screen to the terminal again (ctrl+l): what it shows may
        have been garbled, and only changed cells are sent otherwise."""
        self._repaint_screen()

    def _repaint_screen(self) -> None:
        if not self.is_attached:
            # Asked for after a resize, run on the screen on top by then: the reader may have
            # gone meanwhile (back to the library, or the book read again), and its screen with
            # it. There is nothing of it left to repaint.
            return
        self._drawn.clear()
        self.screen.refresh()
        self.refresh()

    def _options(self) -> LayoutOptions:
        # The width the column is being given, not the one it had: a layout change reaches
        # `size` only after the next refresh, and rows wider than the widget would spill.
        column = self._width
        if not column:  # not fitted yet
            column = (
                max(8, self.size.width - 2 * GUTTER) if self.size.width else self.options.column
            )
        if column == self.options.column:
            return self.options
        return LayoutOptions(
            column,
            self.options.paragraph_style,
            self.options.justify,
            self.options.ornament,
            self.options.indent,
        )

    def _height(self) -> int:
        return max(1, self.size.height or 24)

    def _relayout(self) -> None:
        if self.pager is not None:
            before, was_at_end = self.pager.top, self.pager.at_end
            self.pager.relayout(self._options(), self._height())
            self._screen_rows = None
            self.refresh()
            # A taller page can bring the end of the book on screen without moving the top:
            # the status line's percentage changes all the same.
            if self.pager.top != before or self.pager.at_end != was_at_end:
                self._moved()

    def on_resize(self, event: events.Resize) -> None:
        self.virtual_size = Size(event.size.width, event.size.height)
        placed, self._placed_unsized = self._placed_unsized, None
        self._relayout()
        if placed is not None and self.pager is not None:
            # Laid out at a guessed height, a place on the last page kept the guessed page's
            # top: one row shorter, the end of the book fell off the screen (`99%`, named by
            # the chapter above a short last one). Placed again, the end stays in view.
            top = self.pager.top
            self.pager.go_to_offset(placed)
            if self.pager.top != top:
                self._moved()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._styles.clear()
        self._strips.clear()

    # -- moving ------------------------------------------------------------------------------
    def _moved(self) -> None:
        self._placed_unsized = None  # (moved from the place opened at: it is not placed again)
        self._screen_rows = None
        self._refresh_changed_rows()
        if self.pager is not None:
            self.post_message(self.PositionChanged(self, self.pager.top_offset()))

    def _refresh_changed_rows(self) -> None:
        """Refresh only the rows whose content changes, each only as wide as the text it had
        or gets: a blank row stays untouched, and the blank end of a row is never resent."""
        if self.pager is None or not self._drawn:
            self.refresh()
            return
        rows = self._rows()
        width = self.size.width
        for y in range(self.size.height):
            drawn = self._drawn.get(y)
            key, reach = self._key(rows[y]) if y < len(rows) else (None, 0)
            if drawn is None:
                self.refresh(Region(0, y, width, 1))
            elif drawn[0] != key:
                self.refresh(Region(0, y, max(1, min(width, max(reach, drawn[1]))), 1))

    def scroll_rows(self, count: int) -> bool:
        """Move by ``count`` rows (negative: up); False when already at that end."""
        if self.pager is None or not self.pager.scroll(count):
            return False
        self._moved()
        return True

    def scroll_pages(self, pages: float) -> bool:
        """Move by ``pages`` pages: whole ones page by page (a page may end early, before a
        heading it keeps for the next), else by the rows that part of the height makes."""
        if self.pager is None:
            return False
        if pages == int(pages):
            if not self.pager.turn_pages(int(pages)):
                return False
            self._moved()
            return True
        rows = max(1, int(self._height() * abs(pages)))
        return self.scroll_rows(rows if pages > 0 else -rows)

    def go_to(self, pos: Pos, context: int = 0) -> None:
        if self.pager is not None:
            self.pager.go_to(pos, context)
            self._moved()

    def go_to_offset(self, offset: int, context: int = 0) -> None:
        if self.pager is not None:
            self.pager.go_to_offset(offset, context)
            self._moved()

    def go_to_row_from(self, offset: int) -> None:
        """The first row beginning at ``offset`` or after it at the top (`Pager.go_to_row_from`)."""
        if self.pager is not None:
            self.pager.go_to_row_from(offset)
            self._moved()

    def go_to_words(self, offset: int, words: tuple[int, int]) -> None:
        """Go to ``offset``, bringing the words at ``words`` (book text offsets) near the top:
        a few rows down, when the passage's start cannot be at the top just above them."""
        if self.pager is not None:
            self.pager.go_to_words(offset, words, above=min(WORDS_CONTEXT, self.pager.height // 4))
            self._moved()

    def go_to_end(self) -> None:
        if self.pager is not None:
            self.go_to(self.pager.end_top)

    def top_offset(self) -> int:
        return self.pager.top_offset() if self.pager else 0

    def bottom_offset(self) -> int:
        return self.pager.bottom_offset() if self.pager else 0

    # The wheel moves the pager by rows. `prevent_default` keeps the handlers of the classes
    # below (Textual's own scrolling of the widget) from running as well.
    def on_mouse_scroll_down(self, event: events.MouseScrollDown) -> None:
        event.prevent_default()
        event.stop()
        self.scroll_rows(WHEEL_ROWS)

    def on_mouse_scroll_up(self, event: events.MouseScrollUp) -> None:
        event.prevent_default()
        event.stop()
        self.scroll_rows(-WHEEL_ROWS)

    # -- search highlights -------------------------------------------------------------------
    def set_search(self, pattern: re.Pattern[str] | None, current: tuple[int, int] | None) -> None:
        """Highlight every match of ``pattern`` on screen, and ``current`` more strongly."""
        if pattern is not self.pattern:
            self._matches.clear()
        self.pattern = pattern
        self.current = current
        self.refresh()

    def set_selection(self, paragraphs: tuple[int, int] | None) -> None:
        """Show paragraphs ``first`` to ``last`` as selected (visual mode); None for none."""
        if paragraphs != self.selected:
            self.selected = paragraphs
            self.refresh()

    def _marks(self, row: Row) -> tuple[Mark, ...]:
        if self.pager is None:
            return ()
        return row_marks(
            row,
            self.pager,
            selected=self.selected,
            pattern=self.pattern,
            current=self.current,
            matches=self._matches,
        )

    # -- drawing -----------------------------------------------------------------------------
    def _style(self, name: str | None) -> Style:
        key = name or ""
        style = self._styles.get(key)
        if style is None:
            if not name:
                style = self.rich_style
            elif name in _INLINE:
                style = _INLINE[name]
            elif name in ("match", "current", "selected"):
                # Full styles (colour and background), so a match is legible on any row.
                style = self.get_component_rich_style(f"reader-view--{name}")
            else:
                style = self.get_component_rich_style(name)
            self._styles[key] = style
        return style

    def _rows(self) -> list[Row]:
        if self._screen_rows is None:
            self._screen_rows = self.pager.screen() if self.pager else []
        return self._screen_rows

    def render_line(self, y: int) -> Strip:
        self._has_drawn = True
        width = self.size.width
        rows = self._rows()
        if self.pager is None or not rows:
            self._drawn.pop(y, None)
            if self.message_text and y == self.size.height // 2:
                text = self.message_text[:width].center(width)
                return Strip([Segment(text, self._style("reader-view--matter"))], width)
            return Strip([Segment(" " * width, self._style(None))], width)
        if y >= len(rows):
            self._drawn[y] = (None, 0)
            return Strip([Segment(" " * width, self._style(None))], width)
        key, reach = self._key(rows[y])
        self._drawn[y] = (key, reach)
        strip = self._strips.get(key)
        if strip is None:
            strip = self._build_strip(rows[y], key[2], width, key[4])
            self._strips[key] = strip
        return strip

    def _key(self, row: Row) -> tuple[tuple, int]:
        """A row's strip key (what it looks like) and the cell where its text ends."""
        left = row.indent
        key = (row.kind, row.text, left, self.size.width, self._marks(row))
        if DISPUTED.search(row.text):
            # Emoji the terminal may draw wider than measured: pinned to their cells on the
            # way out (`tui.ui.terminal.output.pin_disputed`), their excess is overwritten by what
            # follows them, so the row is redrawn to the widget's end.
            return key, self.size.width
        return key, left + measure(row.text)

    def _build_strip(self, row: Row, left: int, width: int, marks: tuple[Mark, ...]) -> Strip:
        """One segment per row for plain text (fewest bytes to the terminal), more only where
        the row has styled spans."""
        base = self._style(_ROW_STYLE.get(row.kind))
        text = row.text
        if not marks:
            pad = max(0, width - left - measure(text))
            strip = Strip([Segment(" " * left + text + " " * pad, base)])
            # Never wider than the column, whatever the row: a strip longer than the widget
            # would be written past its edge and left there.
            return strip if strip.cell_length == width else strip.adjust_cell_length(width, base)
        cuts = sorted({0, len(text), *(p for a, b, _ in marks for p in (a, b))})
        segments = [Segment(" " * left, base)] if left else []
        for a, b in itertools.pairwise(cuts):
            if b <= a:
                continue
            style = base
            for start, end, name in marks:
                if start <= a and b <= end:
                    style = style + self._style(name)
            segments.append(Segment(text[a:b], style))
        return Strip(segments).adjust_cell_length(width, base)
