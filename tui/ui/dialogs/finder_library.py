"""The finder over the library: a book by its title, author, fandom, characters or tags."""

from __future__ import annotations

from tui.finder.book_finder import Hit
from tui.finder.library_finder import LibraryFinder, Shelf, library_entries
from tui.ui.dialogs.finder import FinderScreen


class LibraryFinderScreen(FinderScreen[str]):
    """The finder over the library's books; dismisses with the path of the book to open."""

    PLACEHOLDER = "Find a book: title, author, fandom, characters, tags"
    ACCEPT_WORD = "open"

    def __init__(self, library: Shelf) -> None:
        super().__init__(LibraryFinder(library_entries(library)))

    def chosen(self, hit: Hit) -> str | None:
        return hit.path

    def status(self, query: str) -> str:
        if query.strip() or query != self.shown_query:
            return super().status(query)  # (`searching…` until the books are listed)
        return f"{len(self.hits)} book{'s' if len(self.hits) != 1 else ''}"
