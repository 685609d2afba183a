"""emacs's isearch kept going in the reader after `C-s word C-s`.

Each `C-s` is the next match and `C-r` the one before, as they are in emacs, until another key
ends it; `C-g` ends it where it began.
"""

from __future__ import annotations

from textual import events

from tui.reading.pending import PendingKind
from tui.ui.screens.reader_host import ReaderHost
from tui.ui.screens.reader_search import SearchFlow
from tui.ui.widgets.keyhint import bound_keys
from tui.ui.widgets.prompt_bar import PromptBar, search_key

# The key that gives the search up, back where it began, as emacs's C-g quits an isearch; one of
# close's keys (emacs preset), as a key that only ends the search keeps the match, as in emacs.
QUIT_KEY = "ctrl+g"


class IsearchFlow:
    """While a search answered by a search key (ctrl+s in its prompt) goes on, the search keys
    that type nothing step through its matches instead of opening the prompt again."""

    def __init__(self, host: ReaderHost, searching: SearchFlow) -> None:
        self.host = host
        self.searching = searching
        self.going = False
        self.began_at = 0  # where the page was when the search was typed

    def submitted(self, message: PromptBar.Submitted) -> None:
        """A prompt was answered: by a search key, the search goes on from there."""
        self.going = message.by_search_key and message.kind in ("search", "search_back")
        self.began_at = self.host.view.top_offset()  # (the search moves the page after this)

    def arriving(self, event: events.Key) -> None:
        """Every key, before its binding: any but a search key ends the search; ctrl+g, when
        it closes (emacs preset), ends it back where it began (then its binding takes the
        highlights off), as emacs's C-g quits an isearch. It stayed on the match."""
        if not self.going or search_key(self.host.app, event) is not None:
            return
        self.going = False
        quits = event.key == QUIT_KEY and QUIT_KEY in bound_keys(self.host.app, "close")
        if quits and self.host.view.top_offset() != self.began_at:
            self.host.jump_to_offset(self.began_at)  # (ctrl+o goes back to the match)

    def step(self, kind: PendingKind) -> bool:
        """The search key of ``kind`` pressed: True when the search goes on, to the next match
        (ctrl+s) or the one before (ctrl+r); False when it opens the prompt as ever."""
        if not self.going:
            return False
        backward = kind == "search_back"
        self.searching.repeat(reverse=backward != self.host.session.search.backward)
        return True
