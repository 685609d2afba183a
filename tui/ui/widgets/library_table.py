"""The library list: a virtualised table (Line API) that renders only the rows on screen."""

from __future__ import annotations

from typing import ClassVar

from rich.cells import set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.cache import LRUCache
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from tui.book.look_alikes import look_alike_names
from tui.library.columns import (
    GAP,
    Column,
    ColumnNeeds,
    cell_text,
    fitted_cell,
    layout_columns,
    title_cell,
)
from tui.library.records import BookRecord
from tui.reading.wrapping import measure


def empty_text(query: str, has_books: bool, add_key: str = "a") -> str:
    """What the list shows when it has no rows; ``add_key``: the key that adds books here."""
    if has_books:
        return f"No book matches “{query}”.\n\nEscape clears the filter."
    return (
        "Your library is empty.\n\n"
        f"Press {add_key} to add a book file or a folder of them,\n"
        "or from the command line:\n"
        "chapbook ~/fics       adds a folder and opens the library\n"
        "chapbook add PATH…    adds books or folders"
    )


class LibraryTable(ScrollView, can_focus=True, inherit_bindings=False):
    """Rows of books under a fixed header; the cursor row is the highlighted book.

    Its keys are bound on the library screen (so they also work from the filter box).
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "library-table--header",
        "library-table--cursor",
        "library-table--missing",
        "library-table--updated",
        "library-table--finished",
        "library-table--empty",
    }

    DEFAULT_CSS = """
    LibraryTable {
        height: 1fr;
        overflow-x: hidden;
        background: $surface;
        color: $foreground;
        & > .library-table--header { text-style: bold; background: $panel; color: $foreground; }
        & > .library-table--cursor {
            background: $block-cursor-blurred-background;
            color: $block-cursor-blurred-foreground;
            text-style: $block-cursor-blurred-text-style;
        }
        &:focus > .library-table--cursor {
            background: $block-cursor-background;
            color: $block-cursor-foreground;
            text-style: $block-cursor-text-style;
        }
        & > .library-table--missing { color: $text-error; text-style: italic; }
        & > .library-table--updated { color: $text-success; text-style: bold; }
        & > .library-table--finished { color: $text-muted; }
        & > .library-table--empty { color: $text-muted; }
    }
    """

    cursor: reactive[int] = reactive(0, always_update=True)

    class Highlighted(Message):
        """The cursor moved to another book (or to none)."""

        def __init__(self, record: BookRecord | None) -> None:
            super().__init__()
            self.record = record

    class Chosen(Message):
        """A book was double-clicked."""

        def __init__(self, record: BookRecord) -> None:
            super().__init__()
            self.record = record

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.rows: list[BookRecord] = []
        self.now = 0.0  # "now" for the last-read column
        self.sort_key = "last_read"
        self.sort_arrow = "▼"
        self.empty_text = ""
        # For rows that would read the same: their file name, then the others' it must differ from.
        self.apart: dict[str, tuple[str, ...]] = {}
        self._columns: list[Column] = []
        self._columns_width = -1
        self._needs: ColumnNeeds | None = None  # what the books hold, for the column widths
        self._shelf: list[BookRecord] = []  # the books the column widths were measured on
        self._strips: LRUCache[tuple, Strip] = LRUCache(1024)

    # -- data ----------------------------------------------------------------------------------
    def set_rows(
        self,
        rows: list[BookRecord],
        now: float,
        *,
        keep: str | None = None,
        shelf: list[BookRecord] | None = None,
    ) -> None:
        """Show these books; the cursor stays on the book with id ``keep`` when it is there.

        ``shelf``: the books ``rows`` were filtered from. The columns are shaped by them, and
        stay as they are while the same shelf is filtered again (no measuring per key typed).
        """
        self.rows = rows
        self.now = now
        self.apart = look_alike_names((r.path, r.display_title, r.author or "") for r in rows)
        self._columns_width = -1
        shelf = rows if shelf is None else shelf
        if shelf is not self._shelf or not shelf:
            self._shelf, self._needs = shelf, None
        self.virtual_size = Size(0, len(rows) + 1)
        index = next((i for i, r in enumerate(rows) if r.id == keep), 0) if keep else 0
        # No Highlighted message here: the caller knows what it showed (one repaint, not two).
        self.set_reactive(LibraryTable.cursor, self.validate_cursor(index))
        self._scroll_to_cursor()
        self.refresh()

    @property
    def current(self) -> BookRecord | None:
        return self.rows[self.cursor] if 0 <= self.cursor < len(self.rows) else None

    def validate_cursor(self, value: int) -> int:
        return max(0, min(value, len(self.rows) - 1))

    def watch_cursor(self, old: int, value: int) -> None:
        top = int(self.scroll_y)
        self._scroll_to_cursor()
        if int(self.scroll_y) == top:  # only the two rows that changed are drawn again
            width = self.size.width
            for row in (old, value):
                self.refresh(Region(0, row - top + 1, width, 1))
        else:
            self.refresh()
        self.post_message(self.Highlighted(self.current))

    def _scroll_to_cursor(self) -> None:
        visible = max(1, self.scrollable_content_region.height - 1)
        top = int(self.scroll_y)
        if self.cursor < top:
            self.scroll_to(y=self.cursor, animate=False)
        elif self.cursor >= top + visible:
            self.scroll_to(y=self.cursor - visible + 1, animate=False)

    # -- moving (called by the screen's bindings) ----------------------------------------
    def move(self, delta: int) -> None:
        self.cursor = self.cursor + delta

    def page(self, direction: int) -> None:
        self.move(direction * max(1, self.scrollable_content_region.height - 2))

    def half_page(self, direction: int) -> None:
        """Half the rows in view, as ctrl+d and ctrl+u move in less and vim."""
        self.move(direction * max(1, (self.scrollable_content_region.height - 1) // 2))

    def on_click(self, event: events.Click) -> None:
        if event.y < 1 or not self.rows:
            return
        index = int(self.scroll_y) + event.y - 1
        if 0 <= index < len(self.rows):
            self.cursor = index
            if event.chain >= 2:
                self.post_message(self.Chosen(self.rows[index]))

    def on_resize(self, event: events.Resize) -> None:
        self.virtual_size = Size(0, len(self.rows) + 1)
        # The cursor row kept in view, without a Highlighted message: the book is the same,
        # and a message handled after a scan's new rows would say the reader moved.
        self._scroll_to_cursor()
        self.refresh()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._strips.clear()

    # -- rendering -----------------------------------------------------------------------------
    def _layout(self, width: int) -> list[Column]:
        if width != self._columns_width:
            shelf = self._shelf
            if self._needs is None and shelf:  # (no books: the usual columns' headings)
                apart = (
                    self.apart
                    if shelf is self.rows
                    else look_alike_names((r.path, r.display_title, r.author or "") for r in shelf)
                )
                self._needs = ColumnNeeds.of(shelf, self.now, apart)
            columns = layout_columns(width, self._needs, self.sort_key)
            if columns != self._columns:  # rows drawn for other columns are no use now
                self._strips.clear()
            self._columns = columns
            self._columns_width = width
        return self._columns

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        base = self.rich_style
        columns = self._layout(width)
        if y == 0:
            return self._header(columns, width)
        if not self.rows:
            return self._empty_line(y, width, base)
        index = int(self.scroll_y) + y - 1
        if index >= len(self.rows):
            return Strip.blank(width, base)
        record = self.rows[index]
        selected = index == self.cursor
        cells = tuple(self._cell(record, c) for c in columns)
        flags = (record.missing, record.updated, record.status)
        key = (cells, flags, width, selected, self.has_focus)
        strip = self._strips.get(key)
        if strip is None:
            strip = self._row(cells, columns, record, width, selected, base)
            self._strips[key] = strip
        return strip

    def _cell(self, record: BookRecord, column: Column) -> str:
        if column.key == "title":
            return title_cell(record.display_title, self.apart.get(record.path), column.width)
        return cell_text(record, column.key, self.now, column.compact)

    def _header(self, columns: list[Column], width: int) -> Strip:
        style = self.get_component_rich_style("library-table--header")
        labels = []
        for column in columns:
            label = column.label
            if column.key == self.sort_key:
                arrow = self.sort_arrow
                # after its label, numbers' columns too: `Ch ▼ Read` read as sorted by Ch
                label = f"{label} {arrow}"
            labels.append(label)
        return self._cells_strip(tuple(labels), columns, width, style, [style] * len(columns))

    def _row(
        self,
        cells: tuple[str, ...],
        columns: list[Column],
        record: BookRecord,
        width: int,
        selected: bool,
        base: Style,
    ) -> Strip:
        row_style = base
        if selected:
            row_style = base + self.get_component_rich_style("library-table--cursor")
        cell_styles = [row_style] * len(columns)
        keys = [c.key for c in columns]
        accent = None
        if record.missing:
            accent = self.get_component_rich_style("library-table--missing", partial=True)
            cell_styles = [row_style + accent] * len(columns)
        elif record.updated:
            accent = self.get_component_rich_style("library-table--updated", partial=True)
        elif record.status == "finished":
            accent = self.get_component_rich_style("library-table--finished", partial=True)
        # The status shows in its own column, or (compact) in the `Read` one.
        state = "status" if "status" in keys else "progress"
        if accent is not None and state in keys and not record.missing:
            cell_styles[keys.index(state)] = row_style + accent
        return self._cells_strip(cells, columns, width, row_style, cell_styles)

    @staticmethod
    def _cells_strip(
        cells: tuple[str, ...],
        columns: list[Column],
        width: int,
        fill: Style,
        styles: list[Style],
    ) -> Strip:
        segments = [Segment(" ", fill)]
        for text, column, style in zip(cells, columns, styles, strict=True):
            segments.append(Segment(fitted_cell(text, column.width, column.right), style))
            segments.append(Segment(" " * GAP, fill))
        return Strip(segments).crop_extend(0, width, fill)

    def _empty_line(self, y: int, width: int, base: Style) -> Strip:
        lines = self.empty_text.splitlines()
        top = max(2, (self.scrollable_content_region.height - len(lines)) // 3)
        if not top <= y < top + len(lines):
            return Strip.blank(width, base)
        text = lines[y - top]
        if measure(text) > width - 2:  # a long filter: cut with an ellipsis, not at the edge
            text = set_cell_size(text, max(0, width - 3)) + "…"
        style = base + self.get_component_rich_style("library-table--empty", partial=True)
        # The message is a block: centred as a whole, its lines aligned on the left.
        pad = max(0, (width - max(measure(line) for line in lines)) // 2) if width > 2 else 0
        return Strip([Segment(" " * pad, base), Segment(text, style)]).crop_extend(0, width, base)
