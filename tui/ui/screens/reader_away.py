"""The book off the screen and back on: its place kept, its reading time stopped and started."""

from __future__ import annotations

from textual.screen import ModalScreen

from tui.ui.screens.reader_host import ReaderHost
from tui.ui.screens.reader_info import InfoFlow
from tui.ui.screens.reader_keeping import KeepingFlow


class AwayFlow:
    """A dialog over the page leaves the book on screen: its place is saved. The library,
    another book or the settings in its place, or chapbook suspended (ctrl+z), take it away:
    its reading time stops (`Library.put_away`) until it is back on screen."""

    def __init__(self, host: ReaderHost, keeping: KeepingFlow, info: InfoFlow) -> None:
        self.host = host
        self.keeping = keeping
        self.info = info

    def put_away(self) -> None:
        """The book is off the screen: its reading time stops (see `Library.put_away`)."""
        book_id = self.host.session.book_id
        if book_id is not None:
            self.host.app.library.put_away(book_id)

    def take_up(self) -> None:
        """The book is on screen again: its reading time goes on."""
        book_id = self.host.session.book_id
        if book_id is not None:
            self.host.app.library.take_up(book_id)

    def covered(self) -> bool:
        """Another screen went over the reader; True when that closed the book, for good or
        for another (its notices, `Updated · … U to go there`, are then not the next
        screen's either)."""
        if isinstance(self.host.app.screen, ModalScreen):
            self.keeping.save_now()
            return False
        self.keeping.put_down()
        self.info.withdraw()  # (the book's facts are not the next screen's)
        self.put_away()
        return self._book_closed()

    def _book_closed(self) -> bool:
        """The book is off the screen for good or for another: left (`q`), or the library or
        another book in its place (the settings or the help over it come back to it)."""
        app = self.host.app
        shown = app.screen
        return (
            self.host not in app.screen_stack
            or isinstance(shown, type(self.host))  # (another book)
            or app.screens.is_library(shown)
        )

    def back(self) -> None:
        """The reader is on top again."""
        keeping = self.keeping
        if keeping.read_again_if_changed():
            return
        self.take_up()
        if keeping.catch_up():
            self.host.say("Moved to where you last read this book", about="place")
        self.host.app.pick_up_settings_file()  # edited by hand meanwhile
        keeping.apply_settings()
        self.host.view.focus()
