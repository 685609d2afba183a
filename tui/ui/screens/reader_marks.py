"""The reader's named marks and bookmarks, as in vim and less.

`m` and a letter sets one, `'` and the letter goes there; `m` Enter bookmarks with a label, `'`
Enter lists the bookmarks, `''` goes back.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from tui.book.anchor import Bookmark, is_mark_name
from tui.library.library import Library
from tui.reading.bookmarks import mark_label, new_bookmark
from tui.reading.progress import fit
from tui.reading.session import MarkKind
from tui.reading.status_text import para_named
from tui.ui.screens.reader_host import ReaderHost

# Keys that, after `'`, go back to where the last jump left, and again back (vim's '' and ``).
BACK_KEYS = ("'", "`")


# How much of a mark's own label the status line repeats when the mark is set again.
LABEL_SAID = 24


class MarksFlow:
    """Named marks are bookmarks with a letter, kept per book in the library with the other
    bookmarks (so they show in the bookmark list and survive re-downloads the same way)."""

    def __init__(
        self,
        host: ReaderHost,
        add_bookmark: Callable[[], None],
        list_bookmarks: Callable[[], None],
        swap_back: Callable[[], None],
        save_place: Callable[[], None],
    ) -> None:
        self.host = host
        self.add_bookmark = add_bookmark
        self.list_bookmarks = list_bookmarks
        self.swap_back = swap_back
        self.save_place = save_place  # before another book takes this one's place

    def begin(self, kind: MarkKind) -> None:
        """`m` or `'`: the next key names the mark, even while the book is still being read
        (a mark set then says it cannot be yet): the letter typed after it is never read as
        a key of its own (`a: not a reader key`)."""
        session = self.host.session
        session.mark_pending = kind
        self.host.status.unsay(about="place")  # (the last `mark ‘a’ set` is not this one)
        self.host.refresh_status()

    def key(self, key: str, character: str | None) -> bool:
        """The key after `m` or `'`; False when no mark was waiting for one."""
        session = self.host.session
        kind = session.mark_pending
        if kind is None:
            return False
        session.mark_pending = None
        self.host.refresh_status()
        if key == "escape":
            return True
        if key == "enter":
            (self.add_bookmark if kind == "set" else self.list_bookmarks)()
        elif character and is_mark_name(character):
            (self.set if kind == "set" else self.go)(character)
        elif kind == "goto" and character in BACK_KEYS:
            self.swap_back()
        else:
            self.host.notify("Marks are letters: m then a–z sets one, ' then a–z goes there")
        return True

    def set(self, name: str) -> None:
        host, session = self.host, self.host.session
        book, book_id = session.book, session.book_id
        if book is None or book_id is None or host.view.pager is None:
            # (a book new to the library has no entry to keep marks in until it is read)
            host.say(f"mark ‘{name}’ not set: book still being read", seconds=3, about="place")
            return
        library = host.app.library
        label = mark_label(name)
        for old in _marked(library, book_id, name):
            label = old.label  # the reader's name for the mark stays with it
            library.remove_bookmark(book_id, old)
        pager = host.view.pager
        # (listed under the chapter the status line names here)
        chapter = para_named(session, pager) if pager is not None else None
        mark = new_bookmark(book, host.view.top_offset(), label, mark=name, named=chapter)
        library.add_bookmark(book_id, mark)
        if name.isupper():
            # As in vim, a capital names one place among all the books: set here, it is no
            # longer the other book's.
            before = library.set_file_mark(name, book_id)
            if before is not None:
                for old in _marked(library, before, name):
                    library.remove_bookmark(before, old)
        library.save()
        named = f" ({fit(label, LABEL_SAID)})" if label and label != mark_label(name) else ""
        # While the book is indexed the status line names no chapter: the word said does.
        where = session.place_name(chapter) if chapter is not None and not session.final else ""
        said_where = f" in {fit(where, LABEL_SAID)}" if where else ""
        host.say(f"mark ‘{name}’{named} set{said_where}", seconds=2, about="place")

    def go(self, name: str) -> None:
        host, session = self.host, self.host.session
        book_id = session.book_id
        mark = next(iter(_marked(host.app.library, book_id, name)), None) if book_id else None
        if mark is None and name.isupper() and self._go_to_other_book(name):
            return
        if mark is None:
            # On the status line, as vim and less say it: a notice would cover the page.
            host.say(f"no mark ‘{name}’: set it with m {name}", seconds=3, about="place")
            return
        host.jump_to_place(mark.anchor, f"mark ‘{name}’")

    def _go_to_other_book(self, name: str) -> bool:
        """`'A` where capital A names a place in another book: that book, opened there (the
        place read in this one saved first). False when no other book has the mark."""
        host = self.host
        library = host.app.library
        book_id = library.file_mark(name)
        record = library.get(book_id) if book_id is not None else None
        if record is None or book_id == host.session.book_id:
            return False
        mark = next(iter(_marked(library, record.id, name)), None)
        if mark is None:
            return False
        if record.missing:
            host.notify(f"Mark ‘{name}’ is in {record.display_title}, whose file is missing")
            return True
        self.save_place()
        # (by its anchor: found again by its paragraph, should the file have changed since)
        reader = host.app.screens.reader(
            Path(record.path), mark.anchor, came_from=host.session.path
        )
        host.app.switch_screen(reader)
        return True

    def back_to_other_book(self) -> None:
        """`jump_back` as far back as this book's jumps go, in a book a capital mark opened
        from another: that book again, where it was left (this one's place saved first)."""
        host = self.host
        came_from = host.session.came_from
        if came_from is None:
            return
        self.save_place()
        host.app.switch_screen(host.app.screens.reader(came_from))


def _marked(library: Library, book_id: str, name: str) -> list[Bookmark]:
    """The bookmarks of ``book_id`` that are mark ``name``."""
    return [bookmark for bookmark in library.bookmarks(book_id) if bookmark.mark == name]
