"""The finder over the book being read.

Scenes, chapters, passages and bookmarks, with the book's word index built in a worker on first
use.
"""

from __future__ import annotations

from textual.message import Message
from textual.reactive import reactive
from textual.worker import get_current_worker

from tui.book.anchor import Bookmark
from tui.book.model import Book
from tui.finder.book_finder import BookFinder, Hit, Preview, split_prefix
from tui.finder.cache import IndexJob, index_job
from tui.paths import shown_percent
from tui.reading.set_lines import SetLines
from tui.ui.dialogs.finder import FinderScreen
from tui.ui.dialogs.finder_parts import QueryInput
from tui.ui.widgets.keyhint import key_hint


class BookFinderScreen(FinderScreen[Hit]):
    """The finder over the book being read; dismisses with the hit to jump to (its `offset`,
    and the matched `words` to bring into view).

    The book's word index is built in an app worker, on first use; until it is ready, chapters,
    `ch3 s5`, scene names, bookmarks and words typed literally are found, and the status line
    says the index is still being built.
    """

    PLACEHOLDER = "Find: words of a scene · ch3 s5 · #chapter · *scene · 'bookmark · /text"
    ACCEPT_WORD = "jump"

    indexing: reactive[float | None] = reactive(None)  # fraction done while indexing

    class IndexProgress(Message):
        def __init__(self, fraction: float) -> None:
            super().__init__()
            self.fraction = fraction

        def can_replace(self, message: Message) -> bool:
            return isinstance(message, BookFinderScreen.IndexProgress)

    class IndexReady(Message):
        pass

    def __init__(
        self,
        book: Book,
        bookmarks: list[Bookmark] | None = None,
        position: int | None = None,
        query: str = "",
        accept: bool = False,
        last: str = "",
        reading: bool = False,
    ) -> None:
        self.book_finder = BookFinder(book, bookmarks or [])
        super().__init__(self.book_finder, query, accept, last)
        self.book = book
        self.position = position
        # Opened while the whole book is still being read (``book`` is a preview): what is
        # typed waits in the box, and is searched once `book_in` gives the whole book.
        self.reading = reading
        self._job: IndexJob | None = None
        self._lines: SetLines | None = None  # which of the book's lines are verse, for previews

    def on_mount(self) -> None:
        if self.is_open and not self.reading and not self.book_finder.ready:
            self._start_index()
        super().on_mount()

    def book_in(self, book: Book, bookmarks: list[Bookmark]) -> None:
        """The whole book is in: its index is built (or read back), and what was typed is
        searched."""
        if not self.reading:
            return
        self.reading = False
        self.book_finder = BookFinder(book, bookmarks)
        self.finder = self.book_finder
        self.book = book
        self._lines = None
        if not self.is_open or not self.has_widgets:
            return
        if not self.book_finder.ready:
            self._start_index()
        self._start_search(self.query_one(QueryInput).value)

    def _start_search(self, query: str) -> None:
        if self.reading:  # (searched once the whole book is in)
            self._show_status()
            return
        super()._start_search(query)

    def chosen(self, hit: Hit) -> Hit | None:
        return hit if hit.offset is not None else None

    def preview(self, hit: Hit, room: int, row: int = 0) -> Preview:
        """The passage at ``hit``, its matched words within ``room`` characters (in rows of
        ``row``), and scene breaks drawn with the reader's ornament."""
        settings = getattr(self.app, "settings", None)
        ornament = settings.reader.scene_ornament if settings is not None else "⁂"
        if self._lines is None:
            self._lines = SetLines(self.book)
        return self.book_finder.preview(
            hit, room=room, row=row, ornament=ornament, lines=self._lines
        )

    def prepare(self, hit: Hit) -> None:
        """Find where the top hit's words are: in a paragraph as long as a book, a second's
        work the preview would otherwise do as the hits are shown, with the keys waiting."""
        hit.words_in(self.book)

    def text_search(self) -> str | None:
        """The words of a `/words` query (a search of the text), or None for any other query."""
        kind, text = split_prefix(self.shown_query or "")
        return text.strip() if kind == "text" and text.strip() else None

    def final(self) -> bool:
        if self.reading:
            return False
        indexed = self.indexing is None and not self.shown_partial
        return indexed or not self.book_finder.needs_index(self.shown_query or "")

    def searched_in_part(self, query: str) -> bool:
        return not self.book_finder.ready and self.book_finder.needs_index(query)

    def _first_highlight(self, query: str) -> int:
        """The top hit; for an empty query, the chapter being read."""
        if query.strip() or self.position is None or not len(self.book):
            return 0
        reading = self.book.starts[self.book.para_read_at(self.position)]
        best = 0
        for number, hit in enumerate(self.hits):
            if hit.kind == "chapter" and hit.offset is not None and hit.offset <= reading:
                best = number
        return best

    def nothing_found(self, query: str) -> str:
        """Why nothing was found: a place the book lacks, or words that may be another book's
        (a title typed in the wrong book): then the keys that find a book by its title. A query for
        one kind of place (`'mark`, `#chapter`) asks for other words."""
        kind, _words = split_prefix(query)
        if kind is not None:  # (`'mark`, `#chapter`: a part of this book was asked for)
            return self.book_finder.nothing_found(query)
        missing = self.book_finder.missing_place(query)
        if missing:
            return missing
        # The library's finder finds books by their titles, authors and tags, not by their
        # words: the hint says so, not that it searches the library for these words.
        library, find = key_hint(self.app, "library"), key_hint(self.app, "find")
        return f"No matches in this book · a book by title, author, tag: {library} then {find}"

    def listed(self) -> str:
        """What an empty query lists, counted: `2 bookmarks · 7 chapters`."""
        total = len(self.book.chapters)
        hits = self.hits if self.shown_query is not None and not self.shown_query.strip() else []
        bookmarks = sum(hit.kind == "bookmark" for hit in hits)
        chapters = sum(hit.kind == "chapter" for hit in hits)
        counts = [f"{bookmarks} bookmark{'s' if bookmarks != 1 else ''}"] if bookmarks else []
        shown = f"{chapters} of {total}" if 0 < chapters < total else f"{total}"
        counts.append(f"{shown} chapter{'s' if total != 1 else ''}")
        return " · ".join(counts)

    def status(self, query: str) -> str:
        if self.reading:
            then = "jumping to the top hit" if self._accept_when_found else "searching"
            return f"Reading the whole book… then indexing its words · {then} when done"
        if not query.strip():
            found = self.listed()
        elif query != self.shown_query:
            # The hits listed are an earlier query's (the indexing's progress redraws this
            # line while the search for what was typed still runs): they are not its count.
            found = "searching…"
        elif self.indexing is None or self.hits:
            found = super().status(query)
        elif missing := self.book_finder.missing_place(query):
            found = missing  # `ch 1200`: a place the book lacks needs no word index to say so
        else:
            found = "no matches yet"
        if self.indexing is None:
            # (the index came in since these hits were found: the search runs again with it)
            partial = self.shown_partial and self.hits and query == self.shown_query
            return f"{found} so far" if partial else found
        if self._accept_when_found:
            # Enter was pressed: say it is not lost, and why nothing happens yet.
            found = "jumping to the top hit when done"
            return f"Indexing the book’s words… {shown_percent(self.indexing * 100)} · {found}"
        so_far = " so far" if query.strip() and self.hits and query == self.shown_query else ""
        return f"Indexing the book’s words… {shown_percent(self.indexing * 100)} · {found}{so_far}"

    # -- the index ----------------------------------------------------------------------------
    def _start_index(self) -> None:
        """Build the book's word index in an app worker, so it survives this overlay and the
        next finder opens at once; a build already running for the book is joined."""
        self.indexing = 0.0
        job, start = index_job(self.book)
        self._job = job
        job.listen(self._job_progress)
        if start:
            self.app.run_worker(
                lambda: job.run(should_stop=lambda: get_current_worker().is_cancelled),
                thread=True,
                group="finder-index",
                exit_on_error=False,
            )
        elif job.done.is_set():
            self.post_message(self.IndexReady())

    def _job_progress(self, fraction: float, done: bool) -> None:
        # Called in the indexing thread: reach the UI by message only.
        self.post_message(self.IndexReady() if done else self.IndexProgress(fraction))

    def on_unmount(self) -> None:
        if self._job is not None:
            self._job.unlisten(self._job_progress)

    def on_book_finder_screen_index_progress(self, message: IndexProgress) -> None:
        if self.indexing is not None:
            self.indexing = message.fraction

    def on_book_finder_screen_index_ready(self, message: IndexReady) -> None:
        if self.book_finder.adopt_index():
            self.indexing = None
            if not self.has_widgets:
                return
            # Scenes and passages can now be ranked by their words: run the query again.
            self._start_search(self.query_one(QueryInput).value)

    def watch_indexing(self, value: float | None) -> None:
        self._show_status()
