"""The reader's `info` (less `=`, vim ctrl+g): the file, its size and the place, in a notice."""

from __future__ import annotations

from tui.reading.info import book_facts
from tui.ui.notices import notice_text, notice_width, reading_seconds
from tui.ui.screens.reader_host import ReaderHost


class InfoFlow:
    """Shows what the reader may want to know about the open book, in one notice."""

    def __init__(self, host: ReaderHost) -> None:
        self.host = host
        self._shown: tuple[str, str] | None = None  # the notice's text and title, while it stands

    def show(self) -> None:
        host, session = self.host, self.host.session
        pager = host.view.pager
        if session.book is None or pager is None or not session.final:
            host.notify("Still opening the book…", timeout=2)
            return
        ended = session.story_ended(pager.bottom_offset(), pager.at_end)
        facts = book_facts(
            session.book, session.path, host.view.top_offset(), pager.top_para(), story_ended=ended
        )
        title = session.book.title or session.path.stem
        # (the path shortened for the notice's line, never split: `~/…/fics/story.txt`)
        # and each fact broken where it parts best, not wherever a line of the notice ends
        width = notice_width(host.app.size.width)
        text = notice_text(host.app, "\n".join(facts.lines(width)))
        # As less's `=`: it stands until the next key (`withdraw`), or its reading time, so
        # that it does not hide the page for long.
        host.notify(text, title=title, timeout=reading_seconds(text), markup=False)
        self._shown = (text, title)

    def withdraw(self) -> None:
        """Take the facts off the screen if they are still there: the next key is pressed
        (they were read), or a dialog opens over the page (they would be drawn over it).
        Other notices stay."""
        if self._shown is None:
            return
        text, title = self._shown
        self._shown = None
        self.host.app.notice_board.withdraw(lambda key: key[:2] == (text, title))
