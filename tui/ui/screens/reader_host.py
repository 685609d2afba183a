"""What the reader's flows (search, places) need from the screen that holds them."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol, TypeVar

from textual.message import Message
from textual.notifications import SeverityLevel
from textual.screen import Screen

from tui.book.anchor import Anchor
from tui.book.model import Book
from tui.reading.session import ReadingSession
from tui.ui.app import ChapbookApp
from tui.ui.widgets.reader_view import ReaderView
from tui.ui.widgets.status_line import StatusLine

T = TypeVar("T")


class ReaderHost(Protocol):
    """The reader screen as its flows see it: the session, the view, the status line, jumps."""

    session: ReadingSession

    @property
    def app(self) -> ChapbookApp: ...

    @property
    def view(self) -> ReaderView: ...

    @property
    def status(self) -> StatusLine: ...

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None: ...

    def say(self, message: str, seconds: float = 3, about: str = "") -> None:
        """A short word on the status line for a few seconds (`search wrapped to the end`),
        where it covers none of the page, as a notice in the corner would. ``about``: what it
        is about (`search`), so that the next one of those can take it away; what is said
        about the `place` on screen goes when the reader moves from it."""
        ...

    def post_message(self, message: Message) -> bool: ...

    def ask(self, dialog: Screen[T], answered: Callable[[T], Any]) -> None:
        """Open ``dialog``; its answer reaches ``answered`` only while the reader is open."""
        ...

    def jump(self, move: Callable[[], None]) -> None:
        """Make a jump, remembering where it left from so `jump_back` returns there."""
        ...

    def jump_to_offset(self, offset: int) -> None: ...

    def jump_to_place(self, anchor: Anchor, name: str) -> None:
        """Jump to a saved place (a mark, a bookmark): right, or once the whole book is in."""
        ...

    def go_before_the_parse(
        self,
        around: int,
        go: Callable[[], None],
        jump: bool = True,
        holds: Callable[[Book], bool] | None = None,
        otherwise: Callable[[], None] | None = None,
    ) -> bool:
        """Make a move to ``around`` (by ``go``; ``jump``: kept in the jump list) in the whole
        text while it is still parsed; False when the text is not read yet. ``holds``: whether
        the preview made there holds what the move looks for; when not, ``otherwise`` runs
        instead, and nothing moves."""
        ...

    def went_to(self, para: int) -> None:
        """A search went to paragraph ``para``: in visual mode the selection grows to it."""
        ...

    def refresh_status(self) -> None: ...

    def set_timer(self, delay: float, callback: Callable[[], object]) -> object: ...

    def run_worker(
        self,
        work: Callable[[], None],
        name: str | None = ...,
        group: str = ...,
        description: str = ...,
        exit_on_error: bool = ...,
        start: bool = ...,
        exclusive: bool = ...,
        thread: bool = ...,
    ) -> object: ...

    def whole_book(self) -> bool:
        """True once the whole book is in; otherwise tells the reader to wait."""
        ...


def take_count(session: ReadingSession, refresh_status: Callable[[], None]) -> int:
    """The count typed before a command (1 when none was), taken off the status line at once:
    the number goes whether the command then moves or is refused with a notice."""
    typed = session.count.value()
    count = session.count.take()
    if typed is not None:
        refresh_status()
    return count
