"""The reader's ways out: back to the library it was opened from, or quitting, the place saved."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from tui.ui.screens.reader_host import ReaderHost
from tui.ui.screens.registry import screen_below


class LeavingHost(ReaderHost, Protocol):
    """What leaving needs of the screen beyond what every flow does."""

    def dismiss(self, result: None = None) -> object: ...

    def call_after_refresh(self, callback: Callable[[], object]) -> bool: ...


class LeavingFlow:
    """`library` and `quit` go back to the library when the book was opened from there,
    saving the place and the library first; otherwise `library` opens the library over the
    book, and `quit` saves the place and ends chapbook. `quit_all` ends chapbook from either."""

    def __init__(self, host: LeavingHost, save_state: Callable[[], None]) -> None:
        self.host = host
        self.save_state = save_state
        self._library_coming = False  # `library` was asked for, and is on its way

    def from_library(self) -> bool:
        """The screen under the reader is the library (the book was opened from it)."""
        below = screen_below(self.host.app, self.host)
        return below is not None and self.host.app.screens.is_library(below)

    def library(self) -> None:
        if self.from_library():
            self._leave()
            return
        screens = self.host.app.screens
        if screens.library_ready():
            self.host.app.push_screen(screens.library())
            return
        # Its code is still coming in (a big book's parse holds the interpreter): the key is
        # answered at once on the status line, and the library follows once that is drawn.
        if self._library_coming:
            return  # (a second `L` meanwhile opens no second library)
        self._library_coming = True
        self.host.say("opening the library…")

        def show() -> None:
            self._library_coming = False
            self.host.app.push_screen(screens.library())

        self.host.call_after_refresh(show)

    async def quit(self) -> None:
        """Back to the library when the book was opened from there, otherwise quit."""
        if self.from_library():
            self._leave()
            return
        self.save_state()
        await self.host.app.action_quit()

    async def quit_all(self) -> None:
        """End chapbook from here, wherever the book was opened from (vim's `:qa`)."""
        self.save_state()
        await self.host.app.action_quit()

    def _leave(self) -> None:
        self.save_state()
        self.host.app.library.save()
        self.host.dismiss()
