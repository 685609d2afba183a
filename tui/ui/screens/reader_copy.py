"""The reader's copying: `yank` to the clipboard (OSC 52), visual mode, and saving quotes."""

from __future__ import annotations

from tui.reading.bookmarks import new_bookmark
from tui.reading.pager import Pos
from tui.reading.passage import (
    Selection,
    copied_notice,
    first_paragraph_shown,
    passage_size,
    passage_text,
)
from tui.ui.screens.reader_host import ReaderHost
from tui.ui.terminal.clipboard import copy_kept_by_tmux


class CopyFlow:
    """`visual` selects the paragraph at the top of the page, `line_down` and `line_up` grow
    the selection by paragraphs, other moves grow it to where they go, `yank` copies it (or,
    with none, the top paragraph) and `quote` keeps it as a bookmark with its text. What is
    copied is the book's own text, paragraphs apart by a blank line, never the wrapped lines
    of the screen."""

    def __init__(self, host: ReaderHost) -> None:
        self.host = host
        self._scrolled_to: int | None = None  # where `extend` moved the page, to show the head

    @property
    def active(self) -> bool:
        return self.host.session.selection is not None

    def _top(self) -> int | None:
        book, pager = self.host.session.book, self.host.view.pager
        if book is None or pager is None or not len(book):
            self.host.notify("Still opening the book…", timeout=2)
            return None
        return first_paragraph_shown(book, pager.top_para(), pager.bottom_offset())

    def _passage(self) -> tuple[int, int, str] | None:
        """The selection (or the top paragraph) and its text."""
        session = self.host.session
        selection = session.selection
        if selection is None:
            top = self._top()
            if top is None:
                return None
            selection = Selection(top, top)
        assert session.book is not None
        text = passage_text(session.book, selection.first, selection.last)
        if not text:
            self.host.notify("Nothing to copy here", timeout=2)
            return None
        return selection.first, selection.last, text

    def start(self) -> None:
        top = self._top()
        if top is not None:
            self.host.status.unsay(about="copy")  # (what the last copy said is not this one)
            self.host.session.selection = Selection(top, top)
            self._show()

    def extend(self, by: int) -> bool:
        """Grow or shrink the selection; False when visual mode is off (the key moves)."""
        session, view = self.host.session, self.host.view
        selection, book = session.selection, session.book
        if selection is None or book is None:
            return False
        selection = session.selection = selection.extended(by * session.count.take(), len(book))
        head, top = selection.head, view.top_offset()
        if book.starts[head] < view.top_offset():
            view.go_to(Pos(head))
        else:
            rows = 0
            while book.ends[head] > view.bottom_offset() and rows < 4 * view.size.height:
                if not view.scroll_rows(1):
                    break
                rows += 1
        if view.top_offset() != top:
            self._scrolled_to = view.top_offset()
        self._show()
        return True

    def follow(self, para: int | None = None) -> None:
        """The page moved (a page key, a jump) or a search went to paragraph ``para``: in
        visual mode the selection grows to it, as in vim, where the move takes the cursor
        along. A head the page left behind goes to the first paragraph shown, or, at the end
        of the book, to the last; one still on screen stays (a turn of the mouse wheel)."""
        session, view = self.host.session, self.host.view
        selection, book, pager = session.selection, session.book, view.pager
        if selection is None or book is None or pager is None or not len(book):
            self._scrolled_to = None
            return
        head, top, bottom = selection.head, pager.top_offset(), pager.bottom_offset()
        if para is not None:
            head = para
        elif top == self._scrolled_to:  # (the page moved to show the head `extend` moved)
            self._scrolled_to = None
            return
        elif book.starts[head] < bottom and book.ends[head] > top:
            return  # still on screen
        elif pager.at_end and book.starts[head] < top:
            head = len(book) - 1
        else:
            head = first_paragraph_shown(book, pager.top_para(), bottom)
        session.selection = Selection(selection.anchor, head)
        self._show()

    def end_before(self, para: int | None) -> None:
        """The selection grows to the paragraph before ``para`` (a scene or chapter moved to),
        and stays so as the page settles there."""
        session, view = self.host.session, self.host.view
        selection = session.selection
        if selection is None or para is None:
            return
        session.selection = Selection(selection.anchor, max(selection.anchor, para - 1))
        self._scrolled_to = view.top_offset()
        self._show()

    def leave(self) -> bool:
        """Leave visual mode; False when it was not on."""
        if not self.active:
            return False
        self.host.session.selection = None
        self._show()
        return True

    def _show(self) -> None:
        selection = self.host.session.selection
        self.host.view.set_selection(
            (selection.first, selection.last) if selection is not None else None
        )
        self.host.refresh_status()

    def yank(self) -> None:
        passage = self._passage()
        if passage is None:
            return
        text = passage[2]
        self.host.app.copy_to_clipboard(text)
        kept = copy_kept_by_tmux(passage_size(text))
        if kept:  # (a notice: too long for the status line, and worth reading)
            self.host.notify(kept, title="Not copied", severity="warning", timeout=8, markup=False)
        else:  # (the status line: the page stays clear)
            self.host.say(copied_notice(text), seconds=3, about="copy")
        self.leave()

    def _shown_start(self, para: int) -> int:
        """Where paragraph ``para`` starts on the page: the top of the page when it began
        above it. A quote is kept there, the place `M` marks and the status line measures,
        so the three give one percentage."""
        book = self.host.session.book
        assert book is not None
        start, top = int(book.starts[para]), self.host.view.top_offset()
        return top if start <= top < int(book.ends[para]) else start

    def quote(self) -> None:
        """Keep the passage as a bookmark with its text (`chapbook bookmarks` prints them)."""
        host, session = self.host, self.host.session
        passage = self._passage()
        if passage is None:
            return
        first, _, text = passage
        book, book_id = session.book, session.book_id
        if book is None or book_id is None:
            host.notify("Still opening the book…", timeout=2)
            return
        mark = new_bookmark(book, self._shown_start(first), "", quote=text)
        host.app.library.add_bookmark(book_id, mark)
        host.app.library.save()
        host.say(f"Saved a quote of {passage_size(text)}", seconds=3, about="copy")
        self.leave()
