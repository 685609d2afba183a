"""What the reader's status line says: the title and the place, and a word said for a while."""

from __future__ import annotations

from collections.abc import Callable

from tui.reading.session import ReadingSession
from tui.reading.status_text import status_text, waiting_note
from tui.ui.widgets.reader_view import ReaderView
from tui.ui.widgets.status_line import StatusLine


class StatusFlow:
    """The status line shows the book's title, how far in the page is and what waits (from
    `status_text`), or `opening…` until the first page is in; a word said of the place on
    screen (`mark ‘a’ set`) stays only until the reader moves from it."""

    def __init__(
        self,
        session: ReadingSession,
        view: Callable[[], ReaderView],
        status: Callable[[], StatusLine],
        title: Callable[[], str],
    ) -> None:
        self.session = session
        self.view = view
        self.status = status
        self.title = title  # the book's title as known so far
        self._place_said_at: int | None = None  # the top of the screen when a place was said of

    def refresh(self) -> None:
        """Say where the reader is now."""
        status = self.status()
        pager = self.view().pager
        if pager is None:  # `opening…`, and what was asked meanwhile
            status.set_note(" · ".join(p for p in ("opening…", waiting_note(self.session)) if p))
            return
        shown = status_text(self.session, pager, self.title())
        if shown is not None:
            status.show(shown.title, shown.progress, shown.note)

    def say(self, message: str, seconds: float = 3, about: str = "") -> None:
        """See `ReaderHost.say`."""
        self.status().say(message, seconds, about)
        if about == "place":  # (said of the place on screen: moving from it takes it away)
            self._place_said_at = self.view().top_offset()

    def moved_to(self, offset: int) -> None:
        """The page moved to ``offset``: what was said of the place left goes, and the line
        says where the reader is now."""
        # (`mark ‘a’ set` and `Bookmarked` were said of the place left; what was said of a
        # place a jump went to, as it went, is of the place this message tells of)
        if offset != self._place_said_at:
            self.status().unsay(about="place")
        self.refresh()
