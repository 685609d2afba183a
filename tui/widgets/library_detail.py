"""The two lines under the library list that tell more about the highlighted book."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from tui.core.catalog import format_ago, format_duration, format_words, update_text
from tui.core.library import Library
from tui.core.records import BookRecord
from tui.widgets.keyhint import key_hint


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


class LibraryDetail(Static):
    """Fandom and tags, then what is special about the book: missing, updated, its stats."""

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

    def show(self, record: BookRecord | None, library: Library) -> None:
        if record is None:
            self.update("")
            return
        about = " · ".join(p for p in (record.fandom, ", ".join(record.tag_list()[:12])) if p)
        self.update(Content.assemble(about or record.name, "\n", self._state(record, library)))

    def _state(self, record: BookRecord, library: Library) -> Content:
        if record.missing:
            rescan = key_hint(self.app, "rescan")
            return Content.assemble(
                ("File missing: ", "bold $text-error"),
                f"{record.name} is not where it was. {rescan} looks for it in the library folders.",
            )
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
