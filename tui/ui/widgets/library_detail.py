"""The lines under the library list, about the highlighted book.

The highlighted book whole, however narrow its row is cut (its full title and author, fandom
and tags), how far it is read and where it was left, or what is wrong with its file.
"""

from __future__ import annotations

from textual.content import Content
from textual.widget import Widget

from tui.library.catalog import update_text
from tui.library.detail_text import (
    SEPARATOR,
    about_text,
    missing_text,
    one_line,
    reading_parts,
    updated_parts,
)
from tui.library.library import Library
from tui.library.records import BookRecord
from tui.paths import shown_path
from tui.ui.widgets.keyhint import key_hint

LINES = 3  # the book's name (two lines when long), what it is about, how it is being read
ABOUT_LEAST = 12  # cells the fandom and tags need beside a long title's end to be worth showing
CUT_LEAST = 24  # cells a part of the reading line needs to be shown cut (a chapter's name)


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


class LibraryDetail(Widget):
    """Three lines about the highlighted book: its title in bold and its author; its fandom
    and tags; how far it is read and where it was left.

    A title too long for its line goes on over the second (the title cut short only past
    that, never the author), the fandom and tags after it there when they have room. A missing
    file's advice takes the two lines under the title. Its height never changes, so moving
    along the list never moves the list.
    """

    DEFAULT_CSS = f"""
    LibraryDetail {{
        height: {LINES};
        padding: 0 1;
        background: $boost;
        color: $text-muted;
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }}
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._record: BookRecord | None = None
        self._about = Content("")  # fandom and tags, or a duplicate's paths
        self._state: list[Content] = []  # how it is being read, the most telling first
        self._trouble: Content | None = None  # a missing or unreadable file's advice, instead

    def show(self, record: BookRecord | None, library: Library) -> None:
        self._record = record
        if record is not None:
            self._about = self._about_of(record, library)
            self._state, self._trouble = self._state_of(record, library)
        self.refresh()

    def render(self) -> Content:
        record = self._record
        if record is None:
            return Content("")
        width = max(1, self.content_region.width)
        lines = book_name(record, width, LINES - 1).wrap(width)
        if self._trouble is not None:  # (a narrow screen's name takes every line: keep one)
            lines = lines[: LINES - 1]
        if len(lines) > 1:  # a long title: its fandom and tags after it, if they have room
            room = width - lines[-1].cell_length - len(SEPARATOR)
            if room >= ABOUT_LEAST:
                lines[-1] += Content.assemble(SEPARATOR, self._about.truncate(room, ellipsis=True))
        elif self._trouble is None or self._trouble.cell_length <= width:
            lines.append(self._about)
        if self._trouble is not None:
            lines += wrapped(self._trouble, width, LINES - len(lines))
        else:
            lines.append(fitted(self._state, width))
        return Content("\n").join(line.truncate(width, ellipsis=True) for line in lines)

    def _about_of(self, record: BookRecord, library: Library) -> Content:
        copies = library.copies_of(record)
        if copies:
            return Content.assemble(
                ("Duplicate: ", "bold $text-warning"),
                f"this copy {shown_path(record.path)} · also at ",
                ", ".join(shown_path(c.path) for c in copies),
            )
        about = Content(about_text(record, shares_title(record, library)))
        label, kept = kept_copies_text(record)
        if kept:  # (where the story's other files are: not listed, not deleted)
            about = Content.assemble((label, "bold"), kept, " · ", about)
        return about

    def _state_of(
        self, record: BookRecord, library: Library
    ) -> tuple[list[Content], Content | None]:
        if record.missing:
            holder = library.find_by_path(record.path)
            advice = missing_text(record, holder, library.folders, key_hint(self.app, "rescan"))
            return [], Content.assemble(("File missing: ", "bold $text-error"), advice)
        if record.error:
            return [], Content.assemble(("Could not be read: ", "bold $text-warning"), record.error)
        if record.updated:
            jump = key_hint(self.app, "open_update")
            news = Content.styled(update_text(record), "bold $text-success")
            return [news, *map(Content, updated_parts(record, jump))], None
        details = library.details(record.id)
        return [Content(part) for part in reading_parts(record, details, library.clock())], None


def book_name(record: BookRecord, width: int, most: int) -> Content:
    """The title in bold, and `by` its author, in at most ``most`` lines ``width`` cells wide:
    a title that takes more is cut short with `…`; the author is never the part cut."""
    title = one_line(record.display_title)
    author = one_line(record.author or "")
    by = (" by ", author) if author else ("",)
    name = Content.assemble((title, "bold $foreground"), *by)
    words = title.split(" ")
    while len(words) > 1 and len(name.wrap(width)) > most:
        words.pop()
        name = Content.assemble((" ".join(words).rstrip(",;:") + "…", "bold $foreground"), *by)
    return name


def fitted(parts: list[Content], width: int) -> Content:
    """As many of ``parts`` as fit ``width`` cells, in order, ` · ` between them. The first
    that does not fit is cut with `…` when `CUT_LEAST` cells are left for it (a long chapter's
    name: `9% read · at PART I · Book II · Chapter VII: A Young Man…`, where the line said
    `9% read` and no more), and left out with those after it otherwise."""
    line = Content("")
    for part in parts:
        piece = Content.assemble(SEPARATOR, part) if line else part
        if line.cell_length + piece.cell_length > width:
            room = width - line.cell_length
            if room >= CUT_LEAST or not line:
                return line + piece.truncate(room, ellipsis=True)
            return line
        line += piece
    return line


def wrapped(content: Content, width: int, most: int) -> list[Content]:
    """``content`` over at most ``most`` lines ``width`` cells wide, the last ending in `…`
    when there was more."""
    lines = content.wrap(width)
    if most <= 0:
        return []
    if len(lines) <= most:
        return lines
    kept = lines[:most]
    last = kept[-1].rstrip()
    kept[-1] = last.truncate(width - 1) + "…"
    return kept
