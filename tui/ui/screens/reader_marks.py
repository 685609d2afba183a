"""The reader's places: bookmarks (set, list, jump, remove) and the finder."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from tui.book.anchor import Bookmark, anchor_paragraph, make_anchor, resolve_anchor
from tui.book.loader import safe_name
from tui.book.model import Book, ParaKind
from tui.reading.progress import ProgressMeter
from tui.ui.screens.reader_exits import optional_screen

if TYPE_CHECKING:
    from tui.ui.dialogs.bookmarks import BookmarkEntry
    from tui.ui.widgets.reader_view import ReaderView


class ReaderMarks:
    """Bookmarks and the finder for `ReaderScreen` (a mixin: it uses the screen's book, view
    and jump list). Bookmarks live in the library index, as content anchors."""

    # Provided by ReaderScreen.
    path: Path
    view: ReaderView
    book: Book | None
    book_id: str | None
    final: bool
    meter: ProgressMeter | None
    jump_to_offset: Callable[[int], None]

    def action_bookmark(self) -> None:
        if self.book is None or self.book_id is None or self.meter is None:
            self.notify("Still opening the book…", timeout=2)
            return
        offset = self.view.top_offset()
        place = self.meter.place(self.view.pager.top_para()) if self.view.pager else ""

        def done(label: str | None) -> None:
            if label is None or self.book is None or self.book_id is None:
                return
            mark = Bookmark(make_anchor(self.book, offset), label)
            self.app.library.add_bookmark(self.book_id, mark)
            self.app.library.save()
            self.notify(f"Bookmarked: {label}" if label else "Bookmarked", timeout=3)

        from tui.ui.dialogs.bookmarks import BookmarkLabelScreen

        self.app.push_screen(BookmarkLabelScreen(place or safe_name(self.path)), done)

    def _bookmark_entries(self) -> list[BookmarkEntry]:
        from tui.ui.dialogs.bookmarks import BookmarkEntry

        book, meter = self.book, self.meter
        if book is None or meter is None or self.book_id is None:
            return []
        entries = []
        for mark in self.app.library.bookmarks(self.book_id):
            offset, _ = resolve_anchor(book, mark.anchor, whole_book=False)
            para = _labelled_paragraph(book, anchor_paragraph(book, offset, mark.anchor.within))
            snippet = " ".join(book.paragraph(para).split()[:12]) if len(book) else ""
            percent = 100 * offset / max(1, len(book.text))
            entries.append(BookmarkEntry(mark, meter.place(para), percent, snippet))
        return entries

    def action_bookmarks(self) -> None:
        if self.book is None or self.book_id is None:
            self.notify("Still opening the book…", timeout=2)
            return
        book_id = self.book_id

        def remove(mark: Bookmark) -> None:
            self.app.library.remove_bookmark(book_id, mark)
            self.app.library.save()

        def chosen(mark: Bookmark | None) -> None:
            if mark is not None and self.book is not None:
                # Nearby only: a scan of a whole 84 MB book would hold up the screen.
                offset, exact = resolve_anchor(self.book, mark.anchor, whole_book=False)
                if not exact:
                    self.notify("The book changed: the bookmark is at the nearest place")
                self.jump_to_offset(offset)

        from tui.ui.dialogs.bookmarks import BookmarksScreen

        self.app.push_screen(BookmarksScreen(self._bookmark_entries(), remove), chosen)

    def action_find(self) -> None:
        finder = optional_screen("tui.ui.dialogs.finder", "FinderScreen")
        if finder is None:
            self.notify("The finder is not available in this build", severity="warning")
            return
        if self.book is None or not self.final:
            self.notify("Still indexing the book: try again in a moment", timeout=3)
            return
        marks = self.app.library.bookmarks(self.book_id) if self.book_id else []

        def chosen(offset: int | None) -> None:
            if offset is not None:
                self.jump_to_offset(int(offset))

        screen = finder(book=self.book, bookmarks=marks, position=self.view.top_offset())
        self.app.push_screen(screen, chosen)


def _labelled_paragraph(book: Book, para: int) -> int:
    """The paragraph a bookmark quotes: ``para``, or the first one after it that is not a
    scene-break line (an ornament says nothing about the place)."""
    at = para
    while at < len(book) and book.kinds[at] == ParaKind.BREAK:
        at += 1
    return at if at < len(book) else para
