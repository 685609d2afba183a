"""What the reader asked for while only a preview was in, answered once the book is."""

from __future__ import annotations

from textual import events

from tui.reading.pending import LANDING_KINDS, Pending
from tui.reading.whole_text import WholeText
from tui.ui.screens.reader_host import ReaderHost
from tui.ui.screens.reader_moves import MovesFlow
from tui.ui.screens.reader_places import PlacesFlow
from tui.ui.screens.reader_saved import SavedPlacesFlow
from tui.ui.screens.reader_search import SearchFlow


class PendingFlow:
    """A move, a search, the finder or the contents asked for before the whole book (or its
    whole text) was in waits in the session (`Pending`); here it is made once it can be, by
    the flow that makes it."""

    def __init__(
        self,
        host: ReaderHost,
        moves: MovesFlow,
        places: PlacesFlow,
        saved: SavedPlacesFlow,
        searching: SearchFlow,
    ) -> None:
        self.host = host
        self.moves = moves
        self.places = places
        self.saved = saved
        self.searching = searching

    def text_read(self, whole: WholeText) -> None:
        """The book's whole text is read (not parsed yet): moves asked for before it go now."""
        session = self.host.session
        if session.final:
            return
        session.whole_text = whole
        pending = session.waiting.take_text_moves()  # (asked before the text was read)
        if pending is not None:
            self.answer(pending)

    def answer(self, pending: Pending) -> None:
        """What was asked while only a preview was in, now the whole book is."""
        host = self.host
        if pending.kind in LANDING_KINDS:
            kind, forward = LANDING_KINDS[pending.kind]
            self.moves.landing(kind, forward, int(pending.value))
        elif pending.kind == "finder":
            host.status.unsay()
            self.places.find(pending.value, accept=pending.accept)
        elif pending.kind == "contents":
            keys = host.session.waiting.take_keys_ahead()
            self.places.contents()
            # What was typed for it meanwhile goes to it now, in order, as typed.
            host.app.key_turns.replay([events.Key(key, character) for key, character in keys])
        elif pending.kind == "place" and pending.anchor is not None:
            self.saved.go(pending.anchor, pending.value)
        elif pending.kind == "back":
            self.moves.go_back_to(int(pending.value))
        elif pending.kind == "line":
            self.moves.go_to_line(int(pending.value))
        elif pending.kind == "percent" and self.searching.percent_before_the_parse(pending.value):
            return
        elif pending.kind == "bottom" and not host.session.final:
            self.moves.bottom()
        else:
            self.searching.answer(pending.kind, pending.value, pending.count)
