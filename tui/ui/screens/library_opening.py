"""Opening a book from the library, or saying why it cannot be.

A book opens at its place or its first new chapter, or at what the finder found.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.screen import Screen

from tui.finder.book_finder import Hit
from tui.library.detail_text import missing_text
from tui.library.library import Library
from tui.library.records import BookRecord
from tui.reading.stages import StartAt
from tui.ui.app import ChapbookApp
from tui.ui.dialogs.library import UpdateOffer
from tui.ui.dialogs.once import ask
from tui.ui.notices import notice_text
from tui.ui.screens.reader import ReaderScreen
from tui.ui.widgets.keyhint import key_hint
from tui.ui.widgets.library_table import LibraryTable


def open_book(screen: Screen[Any], library: Library, record: BookRecord) -> None:
    """Read ``record`` where it was left; a book with new chapters first asks whether to
    start at the first of them."""
    if record.updated and not record.missing:

        def answered(choice: str | None) -> None:
            if choice == "update":
                read_book(screen, library, record, record.new_offset)
            elif choice == "resume":
                read_book(screen, library, record, None, update_offered=True)

        ask(screen, UpdateOffer(record), answered)
        return
    read_book(screen, library, record, None)


def read_book(
    screen: Screen[Any],
    library: Library,
    record: BookRecord,
    start_at: StartAt | None,
    *,
    update_offered: bool = False,
) -> None:
    """``record`` in the reader at ``start_at`` (an offset, or a bookmark's anchor; None:
    where it was left); a file no longer there
    is a notice instead, saying what will find it. ``update_offered``: the new chapters were
    just offered, and the reader said no."""
    if record.missing or not Path(record.path).is_file():
        if not record.missing:  # (gone since the library last looked: its row says so now,
            library.mark_missing(record.id)  # and the footer offers the rescan named below)
            for table in screen.query(LibraryTable):
                table.refresh()
            screen.refresh_bindings()
        rescan = key_hint(screen.app, "rescan")
        holder = library.find_by_path(record.path)
        advice = missing_text(record, holder, library.folders, rescan)
        screen.notify(
            notice_text(screen.app, advice), title="File missing", severity="error", timeout=12
        )
        return
    if isinstance(
        screen.app, ChapbookApp
    ):  # (the list's notices, `File missing`, are not the book's)
        screen.app.notice_board.withdraw_passing()
    screen.app.push_screen(
        ReaderScreen(Path(record.path), start_at=start_at, update_offered=update_offered)
    )


def open_found(screen: Screen[Any], library: Library, hit: Hit | None) -> None:
    """What the library's finder found: a bookmark's book there, a book where it was left (or
    at its new chapters, if asked); a book gone from the library meanwhile, as a file."""
    if hit is None or hit.path is None:
        return
    record = library.find_by_path(hit.path)
    if record is None:  # (gone from the library while the finder was open)
        screen.app.push_screen(ReaderScreen(Path(hit.path)))
    elif hit.anchor is not None:  # a bookmark: the book opens there
        read_book(screen, library, record, hit.anchor)
    else:
        open_book(screen, library, record)
