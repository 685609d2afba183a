"""The reader's prompted moves: search forward and backward, repeat, and go to a percentage."""

from __future__ import annotations

from typing import Protocol

from textual.message import Message

from tui.reading.search import Match, compile_query
from tui.reading.session import PendingKind
from tui.ui.screens.reader_host import ReaderHost

PROMPTS: dict[PendingKind, tuple[str, str]] = {
    "search": ("/", "search forward"),
    "search_back": ("?", "search backward"),
    "percent": ("Go to %", "0–100, then Enter"),
}


class SearchStarter(Protocol):
    def __call__(
        self, text: str, query: str, origin: int, backward: bool, serial: int
    ) -> object: ...


class SearchFinished(Message):
    """A search ended: ``match`` is None when nothing matched."""

    def __init__(self, match: Match | None, query: str, serial: int) -> None:
        super().__init__()
        self.match = match
        self.query = query
        self.serial = serial


class SearchFlow:
    """Search and go-to-percent in the reader: what a prompt's answer does, and what a
    finished search shows. The search itself runs in the screen's worker, in chunks, so the
    interface stays responsive on an 84 MB book; a newer search makes an older one stale."""

    def __init__(self, host: ReaderHost, start: SearchStarter) -> None:
        self.host = host
        self.start = start  # runs the search in a worker, which posts `SearchFinished`

    def submitted(self, kind: PendingKind, value: str) -> None:
        """The prompt was answered."""
        host = self.host
        if not host.session.final and value.strip():
            # The prompt opens at once even while the book is being indexed, so what is
            # typed goes into it; the search or the jump waits for the whole book.
            host.notify(host.session.wait_for_book(kind, value), timeout=3)
            return
        self.answer(kind, value)

    def percent_from_count(self) -> bool:
        """`50%`: a count typed before the percentage key goes straight there."""
        count = self.host.session.count.value()
        if count is None:
            return False
        self.host.session.count.clear()
        self.submitted("percent", str(count))
        return True

    def answer(self, kind: PendingKind, value: str) -> None:
        session, view = self.host.session, self.host.view
        if kind == "percent":
            offset = session.percent_offset(value)
            if offset is None:
                self.host.notify("Type a percentage, 0–100", severity="warning", timeout=3)
                return
            self.host.jump(lambda: view.go_to_offset(offset))
        elif kind == "bottom":
            self.host.jump(view.go_to_end)
        elif value.strip():
            session.start_search(value, backward=kind == "search_back")
            view.set_search(compile_query(session.search_text), None)
            self.run(backward=session.search_backward)

    def repeat(self, reverse: bool) -> None:
        """`n` and `N`: the last search again, the same way or the other way."""
        session = self.host.session
        if not self.host.whole_book():
            return
        if not session.search_text:
            self.host.notify("No search yet: press / to search", timeout=3)
            return
        self.run(backward=session.search_backward != reverse)

    def run(self, backward: bool) -> None:
        """Search from the current match if it is on screen, else from the top of the screen."""
        host, session = self.host, self.host.session
        if compile_query(session.search_text) is None or session.book is None:
            return
        view = host.view
        origin = session.search_origin(view.top_offset(), view.bottom_offset(), backward)
        serial = session.next_search()
        host.status.set_note(f"searching for “{session.search_text}”…")
        self.start(session.book.text, session.search_text, origin, backward, serial)

    def finished(self, message: SearchFinished) -> None:
        host, session = self.host, self.host.session
        if not session.is_current(message.serial):
            return  # a newer search replaced this one
        host.status.set_note("")
        host.refresh_status()
        match = message.match
        if match is None:
            host.notify(f"Not found: {message.query}", severity="warning", timeout=3)
            return
        session.match = match
        view = host.view
        if match.wrapped:
            where = "the end" if session.search_backward else "the beginning"
            host.notify(f"Search wrapped around to {where}", timeout=3)
        if not view.top_offset() <= match.start < view.bottom_offset():
            host.jump(lambda: view.go_to_offset(match.start, context=view.size.height // 3))
        view.set_search(compile_query(message.query), (match.start, match.end))
