"""The reader's prompted moves: search forward and backward, repeat, and go to a percentage."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING

from textual import work
from textual.message import Message
from textual.worker import get_current_worker

from tui.book.model import Book
from tui.reading.search import Hit, compile_query, find

if TYPE_CHECKING:
    from tui.ui.widgets.prompt_bar import PromptBar
    from tui.ui.widgets.reader_view import ReaderView
    from tui.ui.widgets.status_line import StatusLine


class ReaderSearch:
    """Search and go-to-percent for `ReaderScreen` (a mixin: it uses the screen's view,
    status line and jump list). Searching runs in a thread worker, in chunks, so the
    interface stays responsive on an 84 MB book; a newer search cancels an older one."""

    # Provided by ReaderScreen.
    view: ReaderView
    status: StatusLine
    book: Book | None
    final: bool
    _whole_book: Callable[[], bool]
    _jump: Callable[[Callable[[], None]], None]
    _refresh_status: Callable[[], None]
    _ask: Callable[[str, str, str], Awaitable[None]]

    class Finished(Message):
        """A search ended: ``hit`` is None when nothing matched."""

        def __init__(self, hit: Hit | None, query: str, serial: int) -> None:
            super().__init__()
            self.hit = hit
            self.query = query
            self.serial = serial

    search_text = ""
    # What was asked while the book was still being indexed: (prompt kind or "bottom", text).
    pending: tuple[str, str] | None = None
    search_backward = False
    hit: Hit | None = None
    _search_serial = 0

    # -- the prompt (made by the screen: `ReaderScreen._ask`) ------------------------------------
    def on_prompt_bar_submitted(self, message: PromptBar.Submitted) -> None:
        self.view.focus()
        if not self.final and message.value.strip():
            # The prompt opens at once even while the book is being indexed, so what is
            # typed goes into it; the search or the jump waits for the whole book.
            self._wait_for_book(message.kind, message.value)
            return
        self._submit(message.kind, message.value)

    def _wait_for_book(self, kind: str, value: str) -> None:
        self.pending = (kind, value)
        what = "Going there" if kind in ("percent", "bottom") else "Searching"
        self.notify(f"{what} once the whole book is read…", timeout=3)

    def run_pending(self) -> None:
        """Do what was asked while the book was being indexed (the whole book is in now)."""
        if self.pending is None or not self.final:
            return
        kind, value = self.pending
        self.pending = None
        if kind == "bottom":
            self._jump(self.view.go_to_end)
        else:
            self._submit(kind, value)

    def _submit(self, kind: str, value: str) -> None:
        if kind == "percent":
            self._go_percent(value)
        elif kind in ("search", "search_back") and value.strip():
            self.search_text = value.strip()
            self.search_backward = kind == "search_back"
            self.hit = None
            self.view.set_search(compile_query(self.search_text), None)
            self._run_search(self.search_text, self.search_backward)

    def on_prompt_bar_cancelled(self, message: PromptBar.Cancelled) -> None:
        self.view.focus()

    # -- go to a percentage ------------------------------------------------------------------
    async def action_goto_percent(self) -> None:
        await self._ask("percent", "Go to %", placeholder="0–100, then Enter")

    def _go_percent(self, value: str) -> None:
        try:
            percent = float(value.strip().rstrip("%").strip())
        except ValueError:
            self.notify("Type a percentage, 0–100", severity="warning", timeout=3)
            return
        if self.book is None:
            return
        offset = int(len(self.book.text) * max(0.0, min(100.0, percent)) / 100)
        self._jump(lambda: self.view.go_to_offset(offset))

    # -- search ------------------------------------------------------------------------------
    async def action_search(self) -> None:
        await self._ask("search", "/", placeholder="search forward")

    async def action_search_back(self) -> None:
        await self._ask("search_back", "?", placeholder="search backward")

    def action_search_next(self) -> None:
        self._repeat_search(self.search_backward)

    def action_search_prev(self) -> None:
        self._repeat_search(not self.search_backward)

    def _repeat_search(self, backward: bool) -> None:
        if not self._whole_book():
            return
        if not self.search_text:
            self.notify("No search yet: press / to search", timeout=3)
            return
        self._run_search(self.search_text, backward)

    def _run_search(self, query: str, backward: bool) -> None:
        """Search from the current match if it is on screen, else from the top of the screen."""
        if compile_query(query) is None or self.book is None:
            return
        view = self.view
        top = view.top_offset()
        hit = self.hit
        if hit is not None and top <= hit.start < view.bottom_offset():
            origin = hit.start if backward else hit.start + 1
        else:
            origin = top
        self._search_serial += 1
        self.status.set_note(f"searching for “{query}”…")
        self._search(self.book.text, query, origin, backward, self._search_serial)

    # A description of its own: by default Textual describes a worker by the repr() of its
    # arguments, which for the text of an 84 MB book froze the screen for a second.
    @work(thread=True, exclusive=True, group="search", description="searching the book")
    def _search(self, text: str, query: str, origin: int, backward: bool, serial: int) -> None:
        worker = get_current_worker()
        pattern = compile_query(query)
        if pattern is None:
            return
        hit = find(text, pattern, origin, backward=backward, cancelled=lambda: worker.is_cancelled)
        if not worker.is_cancelled:
            self.post_message(self.Finished(hit, query, serial))

    def on_reader_search_finished(self, message: Finished) -> None:
        if message.serial != self._search_serial:
            return  # a newer search replaced this one
        self.status.set_note("")
        self._refresh_status()
        hit = message.hit
        if hit is None:
            self.notify(f"Not found: {message.query}", severity="warning", timeout=3)
            return
        self.hit = hit
        view = self.view
        if hit.wrapped:
            where = "the end" if self.search_backward else "the beginning"
            self.notify(f"Search wrapped around to {where}", timeout=3)
        if not view.top_offset() <= hit.start < view.bottom_offset():
            self._jump(lambda: view.go_to_offset(hit.start, context=view.size.height // 3))
        view.set_search(compile_query(message.query), (hit.start, hit.end))
