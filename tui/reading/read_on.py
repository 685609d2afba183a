"""Whether another window read on in a book open here too, told by when each place was read to."""

from __future__ import annotations

# A window not used for this long before another window read on was left behind (a tmux
# session on another machine, read on from elsewhere since): its next move takes the other's
# place up. One used more lately is open beside the other, for a second place on purpose (a
# chapter looked up, a mark set, a passage compared there takes a minute or two): it stays
# where it is and is offered the other's place. Ten minutes is well above such a look and
# well under the sitting elsewhere that leaves a window behind.
LEFT_BEHIND_AFTER = 10 * 60.0


class ReadOn:
    """When this window's place was read to, and the newest reading it knows of.

    The same book open in two windows (two chapbooks on one library) has one place. Another
    window has read on when the place it kept was read to there (a move of its own: a page
    turned, a jump) after every place this window read to, opened at or took up. A window left
    behind (not used for `LEFT_BEHIND_AFTER` before that reading) then takes that place up
    rather than keep its own over it; one in use beside the other keeps its own, and is
    offered the other's. A place another window only saved again (it opened the book there
    and did not move, or took this window's place up) keeps the time it was read to, so it
    is no news here, and a move made here is kept.
    """

    def __init__(self) -> None:
        # When the place on screen was read to: a move here, or the reading of the place the
        # book opened at or took up (None: neither known yet).
        self.reached: float | None = None
        # The newest reading this window knows of: the place it last kept, opened at or took
        # up. A place read to later elsewhere is newer (None until the library knows the book).
        self.known: float | None = None
        # When this window was last used (the book opened here, a move), and when as of its
        # last save: the moves since are what finds the other window's reading, not what
        # came before it.
        self.last_used: float | None = None
        self.used_when_kept: float | None = None

    def opened(self, reached: float, now: float) -> None:
        """The library knows the book, whose place was read to at ``reached`` (0: never read),
        at ``now``. A move made here while it was opening stays the newer."""
        self.known = reached
        self.reached = max(reached, self.reached or 0.0)
        self.last_used = self.used_when_kept = max(now, self.last_used or 0.0)

    def moved(self, now: float) -> None:
        """The reader moved on here, at ``now``: reading."""
        self.reached = now
        self.last_used = now

    def kept(self) -> None:
        """The place on screen was saved: what was read to here is known to the library."""
        if self.reached is not None:
            self.known = max(self.reached, self.known or 0.0)
        self.used_when_kept = self.last_used

    def read_on_elsewhere(self, reached: float) -> bool:
        """Whether a place kept for the book, read to at ``reached``, was read to in another
        window after everything this window read to, opened at or took up."""
        return self.known is not None and reached > self.known

    def left_behind(self, reached: float) -> bool:
        """Whether this window had not been used for `LEFT_BEHIND_AFTER` when another window
        read to ``reached``: its place is older than the other's, not a second one kept."""
        used = self.used_when_kept
        return used is not None and reached - used > LEFT_BEHIND_AFTER

    def take_up(self, reached: float) -> None:
        """The place read to elsewhere at ``reached`` is this window's now."""
        self.reached = reached
        self.known = max(reached, self.known or 0.0)

    def offered(self, reached: float) -> None:
        """The place read to elsewhere at ``reached`` was offered here, this window's own kept:
        it is no news from now."""
        self.known = max(reached, self.known or 0.0)
