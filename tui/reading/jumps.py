"""The jump list: where the reader was before each jump, so `jump_back` can return there."""

from __future__ import annotations

# The place left by a jump from another book (`'A`, a capital mark opening this book): back
# there is that book, where it was left, as vim's jump list goes back to the file before.
OTHER_BOOK = -1


class JumpList:
    """Places left by jumps (character offsets), most recent last.

    Every jump (a chapter, a search hit, the finder, a bookmark...) records the place it left;
    `back()` returns the most recent one and forgets it, so pressing it again goes further back.
    `forward()` undoes `back()`, as ctrl+i undoes ctrl+o in vim, until a new jump is made.
    `swap()` is vim's and less's '': it goes to the most recent place and leaves the current
    one in its stead, so pressing it again comes back. Right after `back()` or `forward()`
    it goes to where that step left, as vim's first ctrl+o records where you were.
    """

    def __init__(self, limit: int = 100) -> None:
        self._places: list[int] = []
        self._ahead: list[int] = []  # places left by `back()`, most recent last
        self._stepped_from: int | None = None  # where the last `back()` or `forward()` left
        self._limit = limit

    def __len__(self) -> int:
        return len(self._places)

    def push(self, offset: int) -> None:
        """Remember ``offset`` as a place left by a jump (a repeat of the last one is skipped)."""
        self._ahead.clear()  # a new jump forgets the way forward
        self._stepped_from = None
        if self._places and self._places[-1] == offset:
            return
        self._places.append(offset)
        if len(self._places) > self._limit:
            del self._places[0]

    def back(self, current: int | None = None) -> int | None:
        """The most recent place left, skipping any equal to ``current``; None when empty."""
        while self._places:
            place = self._places.pop()
            if place != current:
                if current is not None:
                    self._ahead.append(current)
                    self._stepped_from = current
                return place
        return None

    def forward(self, current: int | None = None) -> int | None:
        """Where the last `back()` left from; None when there was none since the last jump."""
        while self._ahead:
            place = self._ahead.pop()
            if place != current:
                if current is not None:
                    self._places.append(current)
                    self._stepped_from = current
                return place
        return None

    def swap(self, current: int) -> int | None:
        """The most recent place left (skipping any equal to ``current``), with ``current``
        kept in its stead: a swap is itself a jump, so the next swap returns. None when empty.
        Right after a step back or forward, where that step left, ``current`` kept so that the
        next swap returns (the steps' way back and forward stays as it was)."""
        stepped_from, self._stepped_from = self._stepped_from, None
        if stepped_from is not None and stepped_from != current:
            self._stepped_from = current
            return stepped_from
        while self._places:
            place = self._places.pop()
            if place != current:
                self.push(current)
                return place
        return None

    @property
    def places(self) -> list[int]:
        """The places left by jumps, oldest first (what `back()` walks, from the end)."""
        return list(self._places)

    def take_in_older(self, places: list[int]) -> None:
        """Put ``places`` (oldest first: the list kept when the book was last read) before the
        ones left in this reading, as vim takes its jump list back after a restart."""
        older = [place for place in places if place not in self._places]
        self._places[:0] = older
        del self._places[: max(0, len(self._places) - self._limit)]

    def clear(self) -> None:
        self._places.clear()
        self._ahead.clear()
        self._stepped_from = None
