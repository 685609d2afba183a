"""The line over the library list.

How many books, what the filter kept, the sort order, and a count being typed.
"""

from __future__ import annotations

from rich.cells import set_cell_size
from textual.content import Content
from textual.widget import Widget

from tui.reading.wrapping import measure


def matches_text(count: int) -> str:
    """`no matches`, `1 match`, `12 matches`: how many books the filter keeps."""
    if count == 0:
        return "no matches"
    return f"{count:,} match{'es' if count != 1 else ''}"


def count_text(total: int, matches: int, query: str) -> str:
    """The title bar's left side: `Library · 50 books`, and with a filter `· 4 matches “…”`."""
    text = f"Library · {total:,} book{'s' if total != 1 else ''}"
    if query:
        text += f" · {matches_text(matches)} “{query}”"
    return text


QUERY_KEPT = 8  # letters of a long filter worth more than the sort order beside it


class LibraryBar(Widget):
    """`Library · 50 books · 4 match “…”` on the left, the sort order on the right, and a
    count being typed (`6j`) before it, as the reader's status line shows one."""

    DEFAULT_CSS = """
    LibraryBar { height: 1; background: $panel; padding: 0 1; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.left, self.right, self.short_right = "", "", ""
        self.count = ""

    def show(self, left: str, right: str, short_right: str = "") -> None:
        """``left`` and ``right`` on the line; ``short_right``, a shorter form of ``right``
        for when both do not fit (`by last read ▼` for `sorted by last read ▼`)."""
        if (left, right, short_right) != (self.left, self.right, self.short_right):
            self.left, self.right, self.short_right = left, right, short_right
            self.refresh()  # one line, always: no new layout needed

    def show_count(self, count: str) -> None:
        """The digits of a count typed so far ("": none)."""
        if count != self.count:
            self.count = count
            self.refresh()

    def render(self) -> Content:
        # The count is never left out: the digits typed show until a move uses them.
        width = self.content_region.width - measure(f"{self.count} · " if self.count else "")
        left, right = self.left, self.right
        if measure(left) + 1 + measure(right) > width and fitted_count(left, 0) != left:
            # The filter echoed in quotes gives way first, then the sort order: one line.
            if measure(fitted_count(left, 0)) + QUERY_KEPT + 1 + measure(right) > width:
                right = ""
            left = fitted_count(left, width - measure(right) - (1 if right else 0))
        # Then the sort order in its short form, then none; a line still too long is cut with
        # `…`, never at the screen's edge.
        for shorter in (self.short_right, ""):
            if right and measure(left) + 1 + measure(right) > width:
                right = shorter
        if measure(left) > width:
            left = set_cell_size(left, max(0, width - 1)) + "…"
        count = f"{self.count} · " if self.count and right else self.count
        room = self.content_region.width - measure(left) - measure(count) - measure(right)
        gap = max(1 if count or right else 0, room)
        return Content.assemble((left, "bold"), " " * gap, count, (right, "$text-muted"))


def fitted_count(text: str, room: int) -> str:
    """`count_text` in ``room`` cells: the filter it echoes cut short with `…` (at least its
    first letter kept), or the text as it is when it fits or holds no filter."""
    if measure(text) <= room:
        return text
    head, quote, query = text.rpartition(" “")
    if not quote or not query.endswith("”"):
        return text
    query = query[:-1]
    keep = max(1, room - measure(head) - len(" “…”"))
    while len(query) > 1 and measure(query) > keep:
        query = query[:-1]
    return f"{head} “{query}…”"
