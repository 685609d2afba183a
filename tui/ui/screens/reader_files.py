"""The reader's `:e FILE`: another book opened in this one's place, as vim's `:e` opens a file."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from tui.book.loader import safe_name
from tui.library.catalog import read_last
from tui.library.typed_paths import book_problem, expanded
from tui.paths import unbroken
from tui.reading.commands import OTHER_FILE
from tui.ui.notices import notice_text
from tui.ui.screens.reader_host import ReaderHost
from tui.ui.widgets.keyhint import key_hint

# `:e FOLDER`: the reader opens books, and the library adds folders.
A_FOLDER = "{folder} is a folder: the library adds a folder's books ({add} there)"
# `:e #` with no other book read yet.
NO_OTHER_BOOK = "No other book read yet (:e # opens the one read before this one)"
# `:e` alone in a book whose file has not changed since it was read.
UNCHANGED = "{name}: the file is as it was read"


class FilesFlow:
    """Opens the book a path names (saving the place in this one first), or says why not."""

    def __init__(
        self,
        host: ReaderHost,
        save_now: Callable[[], None],
        read_again_if_changed: Callable[[], bool],
    ) -> None:
        self.host = host
        self.save_now = save_now
        self.read_again_if_changed = read_again_if_changed

    def edit(self, typed: str) -> None:
        """`:e FILE` opens FILE (`~` and a path relative to where chapbook started, as at the
        command line); `:e` alone reads this book's file again if it changed; `:e #` opens
        the book this one was opened from, or the one read before it (vim's alternate file)."""
        host = self.host
        session = host.session
        if typed == OTHER_FILE:
            before = session.came_from or self._read_before()
            if before is None:
                host.say(NO_OTHER_BOOK, seconds=4)
                return
            self._open(before)
            return
        if not typed or self._same_file(expanded(typed)):
            if not self.read_again_if_changed():
                host.say(UNCHANGED.format(name=safe_name(session.path.name)), seconds=3)
            return
        wrong = book_problem(typed, unbroken)
        path = expanded(typed)
        if not wrong and path.is_dir():
            wrong = A_FOLDER.format(folder=unbroken(typed), add=key_hint(host.app, "add_books"))
        if wrong:
            host.notify(notice_text(host.app, wrong), severity="error", timeout=8, markup=False)
            return
        self._open(path)

    def _read_before(self) -> Path | None:
        """The book read last before this one, as the library keeps them."""
        last = read_last(self.host.app.library.records(), but=self.host.session.book_id)
        return Path(last.path) if last is not None else None

    def _same_file(self, path: Path) -> bool:
        try:
            return path.exists() and path.samefile(self.host.session.path)
        except OSError:
            return False

    def _open(self, path: Path) -> None:
        """The book at ``path`` in this one's place: `jump_back` at its first place comes back
        here, as ctrl+o does in vim after `:e`."""
        host = self.host
        self.save_now()
        host.app.switch_screen(host.app.screens.reader(path, came_from=host.session.path))
