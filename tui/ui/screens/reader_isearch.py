"""emacs's isearch kept going in the reader after `C-s word C-s`.

Each `C-s` is the next match and `C-r` the one before, as they are in emacs, until another key
ends it.
"""

from __future__ import annotations

from textual import events

from tui.reading.pending import PendingKind
from tui.ui.screens.reader_host import ReaderHost
from tui.ui.screens.reader_search import SearchFlow
from tui.ui.widgets.prompt_bar import PromptBar, search_key


class IsearchFlow:
    """While a search answered by a search key (ctrl+s in its prompt) goes on, the search keys
    that type nothing step through its matches instead of opening the prompt again."""

    def __init__(self, host: ReaderHost, searching: SearchFlow) -> None:
        self.host = host
        self.searching = searching
        self.going = False

    def submitted(self, message: PromptBar.Submitted) -> None:
        """A prompt was answered: by a search key, the search goes on from there."""
        self.going = message.by_search_key and message.kind in ("search", "search_back")

    def arriving(self, event: events.Key) -> None:
        """Every key, before its binding: any but a search key ends the search."""
        if self.going and search_key(self.host.app, event) is None:
            self.going = False

    def step(self, kind: PendingKind) -> bool:
        """The search key of ``kind`` pressed: True when the search goes on, to the next match
        (ctrl+s) or the one before (ctrl+r); False when it opens the prompt as ever."""
        if not self.going:
            return False
        backward = kind == "search_back"
        self.searching.repeat(reverse=backward != self.host.session.search.backward)
        return True
