"""The lines around the library list: the title bar above it and the book detail below."""

from __future__ import annotations

from pathlib import Path

from rich.cells import set_cell_size
from textual.content import Content
from textual.widget import Widget

from tui.library.catalog import format_ago, format_duration, format_words, update_text
from tui.library.folders import holding_books
from tui.library.library import Library
from tui.library.records import BookRecord
from tui.paths import shown_path
from tui.reading.wrapping import measure
from tui.ui.widgets.keyhint import key_hint


def empty_text(query: str, has_books: bool) -> str:
    """What the list shows when it has no rows."""
    if has_books:
        return f"No book matches “{query}”.\n\nEscape clears the filter."
    return (
        "Your library is empty.\n\n"
        "Add books from the command line:\n"
        "chapbook ~/fics       adds a folder and opens the library\n"
        "chapbook add PATH…    adds books or folders"
    )


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


def missing_text(record: BookRecord, library: Library, rescan: str) -> str:
    """Where a missing file was, and what will find it: a rescan (key ``rescan``) looks only
    in the library's folders; opening the file where it is now always works, and keeps the
    place. A file that now holds another story says so."""
    has_folders = bool(library.folders)
    holder = library.find_by_path(record.path)
    if holder is not None and holder.id != record.id:
        return (
            f"{shown_path(record.path)} now holds another story: this one's place and "
            "bookmarks are kept here. To read on, open a copy of its file with "
            "`chapbook NEWPATH` (your place is kept)."
        )
    text = f"{record.name} is not in {shown_path(str(Path(record.path).parent))} any more."
    reopen = "open it where it is now with `chapbook NEWPATH` (your place is kept)"
    if has_folders and holding_books(library.folders, [record.path]):
        return f"{text} Press {rescan} to look for it in the library folders, or {reopen}."
    if has_folders:  # (added alone: a rescan looks only in the folders, and would not find it)
        return f"{text} It was in no library folder, so a rescan will not find it: {reopen}."
    return f"{text} If it was moved or renamed, {reopen}."


def kept_copies_text(record: BookRecord) -> tuple[str, str]:
    """(`Older copy kept: `, `~/Downloads/Primadonna.html, 5 chapters, not listed`) for a book
    read from the newest file of its story with others on disk; ("", "") when it has none."""
    kept = record.older_copies
    if not kept:
        return "", ""
    older = all(copy.chapters < record.chapters for copy in kept)
    label = ("Older copy" if older else "Copy") + (" kept: " if len(kept) == 1 else "s kept: ")
    latest = kept[-1]
    where = shown_path(latest.path)
    if latest.chapters:
        where += f", {latest.chapters} chapter{'s' if latest.chapters != 1 else ''}"
    if len(kept) > 1:
        where += f" and {len(kept) - 1} more"
    return label, f"{where}, not listed"


def shares_title(record: BookRecord, library: Library) -> bool:
    """Another book in the library has the same title."""
    title = record.display_title.casefold()
    return any(r.id != record.id and r.display_title.casefold() == title for r in library.records())


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


class LibraryDetail(Widget):
    """Fandom and tags, then what is special about the book: missing, updated, its stats.

    Its height never changes, so an update repaints it without a new layout of the screen.
    """

    DEFAULT_CSS = """
    LibraryDetail {
        height: 2;
        padding: 0 1;
        background: $boost;
        color: $text-muted;
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._content = Content("")

    def render(self) -> Content:
        return self._content

    def show(self, record: BookRecord | None, library: Library) -> None:
        if record is None:
            self._content = Content("")
        else:
            copies = library.copies_of(record)
            if copies:
                about = Content.assemble(
                    ("Duplicate: ", "bold $text-warning"),
                    f"this copy {shown_path(record.path)} · also at ",
                    ", ".join(shown_path(c.path) for c in copies),
                )
            else:
                tags = ", ".join(record.tag_list()[:12])
                text = " · ".join(p for p in (record.fandom, tags) if p) or record.name
                if shares_title(record, library):  # the path is what tells the two apart
                    text = f"{shown_path(record.path)} · {text}"
                about = Content(text)
                label, kept = kept_copies_text(record)
                if kept:  # (where the story's other files are: not listed, not deleted)
                    about = Content.assemble((label, "bold"), kept, " · ", about)
            self._content = Content.assemble(about, "\n", self._state(record, library))
        self.refresh()

    def _state(self, record: BookRecord, library: Library) -> Content:
        if record.missing:
            advice = missing_text(record, library, key_hint(self.app, "rescan"))
            return Content.assemble(("File missing: ", "bold $text-error"), advice)
        if record.error:
            return Content.assemble(("Could not be read: ", "bold $text-warning"), record.error)
        if record.updated:
            jump = key_hint(self.app, "open_update")
            return Content.assemble(
                (update_text(record), "bold $text-success"),
                f" · first new: {record.new_title or '(untitled)'} · {jump} jumps there",
            )
        parts = []
        if record.chapters:
            parts.append(f"{record.chapters} chapter{'s' if record.chapters != 1 else ''}")
        if record.words:
            parts.append(f"{format_words(record.words)} words")
        if record.added:
            parts.append(f"added {format_ago(record.added, library.clock())}")
        if record.last_read:
            details = library.details(record.id)
            sessions = len(details.sessions)
            if sessions:
                plural = "s" if sessions != 1 else ""
                parts.append(
                    f"read {format_duration(details.seconds)} in {sessions} session{plural}"
                )
        return Content(" · ".join(parts))
