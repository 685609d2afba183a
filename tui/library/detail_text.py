"""What the library's detail lines say of the highlighted book, in words.

What it is about, how far it is read and where it was left, and what is wrong with its file.
"""

from __future__ import annotations

from pathlib import Path

from tui.library.catalog import format_ago, format_duration, format_progress, format_words
from tui.library.folders import holding_books
from tui.library.records import STATUS_FINISHED, STATUS_NEW, BookRecord
from tui.library.store.details import Details
from tui.paths import shown_path

SEPARATOR = " · "
TAGS_SHOWN = 12  # tags past these are for the filter, not the line


def one_line(text: str) -> str:
    """``text`` with its runs of spaces, tabs and line ends made one space (metadata may hold
    any of them)."""
    return " ".join(text.split())


def about_text(record: BookRecord, shares_title: bool) -> str:
    """Fandom and tags, or the file name when the book has neither; for a book whose title
    another book has too, its path first: that is what tells the two apart."""
    tags = ", ".join(record.tag_list()[:TAGS_SHOWN])
    text = SEPARATOR.join(p for p in (one_line(record.fandom), one_line(tags)) if p) or record.name
    return f"{shown_path(record.path)}{SEPARATOR}{text}" if shares_title else text


def place_text(record: BookRecord) -> str:
    """Where the book was left, as the reader's status line named it there, and which chapter
    of how many that is: `at Chapter 4: The Oath (4 of 10)`; "" when not known (a place kept
    before chapbook noted it, or a book never opened)."""
    if record.offset < 0 or not record.place_title:
        return ""
    text = f"at {one_line(record.place_title)}"
    if record.place_chapter and record.chapters > 1:
        text += f" ({record.place_chapter} of {record.chapters})"
    return text


def reading_parts(record: BookRecord, details: Details, now: float) -> list[str]:
    """How far the book is read and where it was left, then the rest worth knowing, the most
    telling first (a narrow line keeps the first that fit): `42% read`, `at Chapter 4: The Oath
    (4 of 10)`, `last read 3d ago`, `2h 05m in 3 sessions`, `39.4k words`, `added 2w ago`."""
    status = record.status
    parts = [
        status if status in (STATUS_NEW, STATUS_FINISHED) else f"{format_progress(record)} read"
    ]
    place = place_text(record) if status != STATUS_FINISHED else ""
    parts.append(place)
    if record.last_read:
        parts.append(f"last read {format_ago(record.last_read, now)}")
        sessions = len(details.sessions)
        if sessions:
            plural = "s" if sessions != 1 else ""
            parts.append(f"{format_duration(details.seconds)} in {sessions} session{plural}")
    if record.chapters and not (place and record.place_chapter):
        parts.append(f"{record.chapters} chapter{'s' if record.chapters != 1 else ''}")
    if record.words:
        parts.append(f"{format_words(record.words)} words")
    if record.added:
        parts.append(f"added {format_ago(record.added, now)}")
    return [p for p in parts if p]


def updated_parts(record: BookRecord, jump: str) -> list[str]:
    """After `updated: 2 new chapters`: the first of them, the key that goes there (``jump``),
    and where the book was left before them."""
    parts = [f"first new: {one_line(record.new_title) or '(untitled)'}", f"{jump} jumps there"]
    if record.offset >= 0:
        parts += [f"{format_progress(record)} read", place_text(record)]
    return [p for p in parts if p]


def missing_text(
    record: BookRecord, holder: BookRecord | None, folders: list[str], rescan: str
) -> str:
    """Where a missing file was, and what will find it: a rescan (key ``rescan``) looks only
    in the library's ``folders``; opening the file where it is now always works, and keeps the
    place. ``holder``: the book at its path now, when another story is there."""
    if holder is not None and holder.id != record.id:
        return (
            f"{shown_path(record.path)} now holds another story: this one's place and "
            "bookmarks are kept here. To read on, open a copy of its file with :e NEWPATH "
            "(or `chapbook NEWPATH`; your place is kept)."
        )
    text = f"{record.name} is not in {shown_path(str(Path(record.path).parent))} any more."
    reopen = "open it where it is now with :e NEWPATH (or `chapbook NEWPATH`; your place is kept)"
    if folders and holding_books(folders, [record.path]):
        return f"{text} Press {rescan} to look for it in the library folders, or {reopen}."
    if folders:  # (added alone: a rescan looks only in the folders, and would not find it)
        return f"{text} It was in no library folder, so a rescan will not find it: {reopen}."
    return f"{text} If it was moved or renamed, {reopen}."
