"""The reader's `info` (less `=`, vim ctrl+g): the file, its size and the place, in a notice."""

from __future__ import annotations

import time

from tui.reading.info import book_facts
from tui.ui.notices import notice_text
from tui.ui.screens.reader_host import ReaderHost

INFO_SECONDS = 10


class InfoFlow:
    """Shows what the reader may want to know about the open book, in one notice."""

    def __init__(self, host: ReaderHost) -> None:
        self.host = host
        self._shown_at: float = -INFO_SECONDS  # (monotonic time)

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
        text = notice_text(host.app, "\n".join(facts.lines()))
        host.notify(text, title=title, timeout=INFO_SECONDS, markup=False)
        self._shown_at = time.monotonic()

    def withdraw(self) -> None:
        """Take the facts off the screen if they are still there (a dialog opens over the
        page: a notice would be drawn over it)."""
        if time.monotonic() - self._shown_at < INFO_SECONDS:
            self._shown_at = -INFO_SECONDS
            self.host.app.clear_notifications()
