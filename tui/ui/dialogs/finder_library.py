"""The finder over the library: books, and bookmarks of any book.

A book by its title, author, fandom, characters or tags, or a bookmark of any book by its label
or quote.
"""

from __future__ import annotations

from tui.finder.book_finder import Hit
from tui.finder.library_finder import (
    LibraryFinder,
    MarkedShelf,
    library_bookmarks,
    library_entries,
)
from tui.ui.dialogs.finder import FinderScreen
from tui.ui.widgets.keyhint import key_hint


class LibraryFinderScreen(FinderScreen[Hit]):
    """The finder over the library's books and their bookmarks; dismisses with the hit
    chosen (a book's `path`, and a bookmark's `anchor`)."""

    PLACEHOLDER = "Find a book: title, author, fandom, characters, tags · ' bookmarks"
    ACCEPT_WORD = "open"

    def __init__(self, library: MarkedShelf) -> None:
        super().__init__(LibraryFinder(library_entries(library), library_bookmarks(library)))

    def chosen(self, hit: Hit) -> Hit | None:
        return hit if hit.path else None

    def status(self, query: str) -> str:
        listing = query.strip() in ("", "'")  # every book, or with `'` every bookmark
        if not listing or query != self.shown_query:
            return super().status(query)  # (`searching…` until they are listed)
        count = len(self.hits)
        if query.strip() == "'":
            if not count:
                return f"No bookmarks yet: {key_hint(self.app, 'bookmark')} in a book adds one"
            return f"{count} bookmark{'s' if count != 1 else ''}"
        return f"{count} book{'s' if count != 1 else ''}"
