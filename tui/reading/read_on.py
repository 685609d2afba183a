"""Whether another window read on in a book open here too, told by when each place was read to."""

from __future__ import annotations


class ReadOn:
    """When this window's place was read to, and the newest reading it knows of.

    The same book open in two windows (two chapbooks on one library) has one place. Another
    window has read on when the place it kept was read to there (a move of its own: a page
    turned, a jump) after every place this window read to, opened at or took up: this window
    then takes that place up rather than keep its own over it. A place another window only
    saved again (it opened the book there and did not move, or took this window's place up)
    keeps the time it was read to, so it is no news here, and a move made here is kept.
    """

    def __init__(self) -> None:
        # When the place on screen was read to: a move here, or the reading of the place the
        # book opened at or took up (None: neither known yet).
        self.reached: float | None = None
        # The newest reading this window knows of: the place it last kept, opened at or took
        # up. A place read to later elsewhere is newer (None until the library knows the book).
        self.known: float | None = None

    def opened(self, reached: float) -> None:
        """The library knows the book, whose place was read to at ``reached`` (0: never read).
        A move made here while it was opening stays the newer."""
        self.known = reached
        self.reached = max(reached, self.reached or 0.0)

    def moved(self, now: float) -> None:
        """The reader moved on here, at ``now``: reading."""
        self.reached = now

    def kept(self) -> None:
        """The place on screen was saved: what was read to here is known to the library."""
        if self.reached is not None:
            self.known = max(self.reached, self.known or 0.0)

    def read_on_elsewhere(self, reached: float) -> bool:
        """Whether a place kept for the book, read to at ``reached``, was read to in another
        window after everything this window read to, opened at or took up."""
        return self.known is not None and reached > self.known

    def take_up(self, reached: float) -> None:
        """The place read to elsewhere at ``reached`` is this window's now."""
        self.reached = reached
        self.known = max(reached, self.known or 0.0)
