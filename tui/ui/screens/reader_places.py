"""The reader's places: bookmarks (set, list, jump, remove), the contents and the finder."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from tui.book.anchor import Bookmark, named_paragraph
from tui.book.loader import safe_name
from tui.reading.bookmarks import (
    bookmark_here,
    bookmark_rows,
    bookmark_snippet,
    new_bookmark,
)
from tui.reading.contents import contents_rows, current_row
from tui.reading.pager import Pos
from tui.reading.progress import fit
from tui.reading.search import BadQuery, Match, any_of_words, compile_query, match_around
from tui.reading.status_text import para_named
from tui.ui.screens.reader_host import ReaderHost
from tui.ui.screens.reader_marks import LABEL_SAID

if TYPE_CHECKING:  # the finder and the dialogs are imported when first opened, not for the
    # first page
    from tui.finder.hits import Hit
    from tui.ui.dialogs.bookmarks import BookmarksScreen
    from tui.ui.dialogs.finder_book import BookFinderScreen

# Bytes of a kept word index read back as soon as the book is in (a 1 MB novel's is about 1 MB).
READ_BACK_AHEAD = 8_000_000
# How far around the place the finder lands on its words are looked for (a passage or two).
NEARBY = 2000

# How much of a chapter's name the status line says of a bookmark made while the book is read.
PLACE_SAID = 24

# Seconds a word on the status line lasts while the finder waits for the book.
WAIT_SAID = 3600


class PlacesFlow:
    """Bookmarks and the finder for the reader. Bookmarks live in the library index, as
    content anchors, so they survive reflow and re-downloads."""

    def __init__(self, host: ReaderHost, keep_search: Callable[[str, Match], None]) -> None:
        self.host = host
        # Makes words the current search, and where they were found its match (see `find`).
        self.keep_search = keep_search
        # The bookmark list, when it was opened from a preview: filled again once the whole
        # book is in.
        self._listed_early: BookmarksScreen | None = None
        # The finder, when it was opened while the book was still read: it searches once the
        # whole book is in.
        self._finding_early: BookFinderScreen | None = None
        # The finder's query when it last closed, and the book it searched: offered again.
        self._last_find: tuple[object, str] | None = None
        # A bookmark labelled before a book new to the library had its entry there: made
        # once it has (`registered`).
        self._bookmark_waiting: Callable[[], None] | None = None

    def add_bookmark(self) -> None:
        """The label box, over the page on screen, even while the book is still being read
        (the label typed then is never read as the reader's keys: `o` opened the pager)."""
        host, session = self.host, self.host.session
        pager = host.view.pager
        if session.book is None or pager is None:
            host.notify("Still opening the book…", timeout=2)
            return
        offset = host.view.top_offset()  # (a preview's offsets agree with the whole book's)
        # (named as the status line names it: a chapter whose heading is on the upper half)
        named = para_named(session, pager)
        place = session.place_name(named) or safe_name(session.path)
        library = host.app.library
        # A place bookmarked already is not bookmarked twice: the box offers its label, as
        # `r` in the list does (Enter keeps it, typing renames it), as vim's `ma` sets a mark
        # again rather than adding another.
        marks = library.bookmarks(session.book_id) if session.book_id else []
        there = bookmark_here(session.book, marks, offset)

        # While the book is indexed the status line names no chapter: what is said of the
        # bookmark does (once the whole book is in, or as the preview knows it).
        early = not session.final

        def chapter(mark: Bookmark | None = None) -> str:
            book = session.book
            if mark is None or not session.final or book is None or not len(book):
                return session.place_name(named)  # (the preview's, or "" when it knows none)
            # (as the bookmark list names it, from the whole book)
            return session.place_name(
                named_paragraph(book, mark, offset, book.para_read_at(offset))
            )

        def done(label: str | None) -> None:
            book, book_id = session.book, session.book_id
            if label is None or book is None:
                return
            if book_id is None:  # (a new book: its library entry is made once it is read)
                self._bookmark_waiting = lambda: done(label)
                where = chapter()
                host.say(
                    f"Bookmarked once read: {fit(where, PLACE_SAID)}"
                    if where
                    else "Bookmarked once read; its chapter named then",
                    about="place",
                )
                return
            if there is not None and label == there.label:
                host.say(f"Already bookmarked here: {_named(there.label)}", about="place")
                return
            if there is not None:  # a new bookmark in its place, as a rename makes
                library.remove_bookmark(book_id, there)
                renamed = f"{_named(there.label)} → {_named(label)}"
                host.say(f"Bookmark here renamed: {renamed}", about="place")
            mark = new_bookmark(book, offset, label, named=named)
            if there is None:
                said = f"Bookmarked: {label}" if label else "Bookmarked"
                where = chapter(mark) if early else ""
                host.say(f"{said} ({fit(where, PLACE_SAID)})" if where else said, about="place")
            library.add_bookmark(book_id, mark)
            library.save()

        from tui.ui.dialogs.bookmarks import BookmarkLabelScreen

        quote = bookmark_snippet(session.book, pager.top_para(), offset)
        label = there.label if there is not None else ""
        host.ask(BookmarkLabelScreen(place, label, quote=quote, again=there is not None), done)

    def list_bookmarks(self) -> None:
        host, session = self.host, self.host.session
        book_id = session.book_id
        if session.book is None or book_id is None:
            host.notify("Still opening the book…", timeout=2)
            return
        library = host.app.library

        def remove(mark: Bookmark) -> None:
            library.remove_bookmark(book_id, mark)
            library.save()

        def rename(mark: Bookmark, label: str) -> Bookmark:
            # A new bookmark in its place: removals are kept by creation time, so another
            # chapbook's copy of the old one cannot come back in a merge.
            renamed = Bookmark(
                mark.anchor, label, quote=mark.quote, mark=mark.mark, named_ahead=mark.named_ahead
            )
            library.remove_bookmark(book_id, mark)
            library.add_bookmark(book_id, renamed)
            library.save()
            return renamed

        def restore(mark: Bookmark) -> Bookmark:
            # A new bookmark, as a rename makes: the removal stays kept for merges.
            back = Bookmark(
                mark.anchor,
                mark.label,
                quote=mark.quote,
                mark=mark.mark,
                named_ahead=mark.named_ahead,
            )
            library.add_bookmark(book_id, back)
            library.save()
            return back

        def chosen(mark: Bookmark | None) -> None:
            if mark is not None:
                name = f"bookmark “{fit(mark.name, LABEL_SAID)}”" if mark.name else "the bookmark"
                host.jump_to_place(mark.anchor, name)

        from tui.ui.dialogs.bookmarks import BookmarksScreen

        meter = session.meter
        marks = library.bookmarks(book_id)
        rows = bookmark_rows(meter, marks, whole=session.final) if meter is not None else []
        screen = BookmarksScreen(rows, remove, rename, restore)
        self._listed_early = None if session.final else screen
        host.ask(screen, chosen)

    def registered(self) -> None:
        """The book has its entry in the library: a bookmark labelled before is made now."""
        waiting, self._bookmark_waiting = self._bookmark_waiting, None
        if waiting is not None:
            waiting()

    def book_complete(self) -> None:
        """The whole book is in: a bookmark list opened from the preview shows the bookmarks
        again, with their percentages and chapters' full names; the finder's word index, kept
        from an earlier opening, is read back."""
        self._read_back_index()
        finder, self._finding_early = self._finding_early, None
        session = self.host.session
        if finder is not None and finder.is_attached and session.book is not None:
            library = self.host.app.library
            marks = library.bookmarks(session.book_id) if session.book_id else []
            finder.book_in(session.book, marks)
        screen, self._listed_early = self._listed_early, None
        meter = self.host.session.meter
        if screen is None or meter is None or not screen.is_attached:
            return
        screen.book_complete(lambda marks: bookmark_rows(meter, marks))

    def _read_back_index(self) -> None:
        """The word index of a book whose finder was opened before, kept on disk, read back in
        a worker now, so that the finder opens on it at once. A big one is read back only when
        the finder opens: reading it holds the interpreter, and page turns would wait."""
        book = self.host.session.book
        if book is None or not len(book):
            return

        def read_back() -> None:
            from tui.finder.cache import take_kept_index

            take_kept_index(book, largest=READ_BACK_AHEAD)

        self.host.run_worker(read_back, thread=True, group="finder-index", exit_on_error=False)

    def contents(self) -> None:
        """The chapters and their scenes, the current place selected; Enter jumps there."""
        host, session = self.host, self.host.session
        pager = host.view.pager
        if session.book is None or pager is None or not session.final:
            # Its chapters are not known yet: it opens once they are.
            host.notify(session.waiting.wait_for_book("contents"), timeout=3)
            host.refresh_status()  # (the status line says it is coming, and what is typed)
            return
        rows = contents_rows(session.book)
        title = session.book.title or session.path.stem

        def chosen(para: int | None) -> None:
            if para is not None:
                host.jump(lambda: host.view.go_to(Pos(para)))

        from tui.ui.dialogs.contents import ContentsScreen

        screen = ContentsScreen(title, rows, current_row(rows, para_named(session, pager)))
        host.ask(screen, chosen)

    def find(self, query: str = "", accept: bool = False) -> None:
        """The finder over the book; asked while only the start of the book is in, it opens
        once the whole book is, with what was typed meanwhile as its query."""
        host, session = self.host, self.host.session
        if session.book is None:
            if not session.waiting.waiting_to_find():
                session.waiting.wait_for_book("finder")  # asked again: what was typed stays
            self.show_typed_ahead()
            return
        library = host.app.library
        marks = library.bookmarks(session.book_id) if session.book_id else []

        def chosen(hit: Hit | None) -> None:
            self._last_find = (session.path, screen.typed)
            if hit is None or hit.offset is None or session.book is None:
                return
            offset, words_at = hit.offset, hit.words_in(session.book)
            if words_at is None:
                host.jump_to_offset(offset)
            else:  # the matched words on screen, not only the top of their passage
                host.jump(lambda: host.view.go_to_words(offset, words_at))
            # A `/words` query found them as written here: they are the current match, and `n`
            # and `N` go on from it. They are looked for around the matched words, which may be
            # far into a long paragraph, as the reader's search finds them: across line ends,
            # past emphasis marks. Words found otherwise (in other forms, apart, a scene's)
            # are the search as the words matched: highlighted as a search's, and `n` goes on
            # to the next of them, not on with an older search.
            near = offset if words_at is None else words_at[0]
            for words in (screen.text_search(), self._matched(hit, words_at)):
                found = _found_near(session.book.text, words, near)
                if words is not None and found is not None:
                    self.keep_search(words, found)
                    return

        # Imported when first wanted: the finder and its fuzzy matching are not needed for the
        # first page.
        from tui.ui.dialogs.finder_book import BookFinderScreen

        last = self._last_find[1] if self._last_find and self._last_find[0] == session.path else ""
        # Asked while the whole book is still read: it opens now, and searches what is typed
        # once the book is in (`book_complete`).
        reading = not session.final
        screen = BookFinderScreen(
            session.book, marks, host.view.top_offset(), query, accept, last=last, reading=reading
        )
        self._finding_early = screen if reading else None
        host.ask(screen, chosen)

    def _matched(self, hit: Hit, words_at: tuple[int, int] | None) -> str | None:
        """A search for the words ``hit`` matched where it lands (``words_at``): any of them."""
        book = self.host.session.book
        if words_at is None or book is None:
            return None
        from tui.finder.excerpts import highlight  # (with the finder, when first wanted)

        start, end = words_at
        text = book.text[start:end]
        matched = [text[a:b] for a, b in highlight(text, hit.keys)]
        return any_of_words(matched) if matched else None

    def show_typed_ahead(self) -> None:
        """While the finder waits for the whole book: what is typed for it, on the status line
        (the keys go into its query, not to the reader)."""
        pending = self.host.session.waiting.pending
        typed = pending.value if pending is not None else ""
        # Said until the finder opens, however long the book takes (a minute for 80 MB).
        self.host.say(f"Find: {typed}▏ (opens soon)", seconds=WAIT_SAID)


def _named(label: str) -> str:
    """A bookmark's label as the status line says it: cut to fit, or `(no label)`."""
    return fit(label, LABEL_SAID) if label else "(no label)"


def _found_near(text: str, words: str | None, near: int) -> Match | None:
    """Where the search for ``words`` matches at character ``near`` of ``text`` or just after
    it; None for no words, a bad pattern or no match there."""
    if words is None:
        return None
    try:
        pattern = compile_query(words)
    except BadQuery:
        return None
    return match_around(text, pattern, near, NEARBY) if pattern is not None else None
