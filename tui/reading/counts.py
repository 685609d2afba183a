"""The count typed before a move, as in vim and less: `5j`, `3]`, `50%`."""

from __future__ import annotations

from collections.abc import Callable

# A count is at most this many digits: enough for any line of an 80 MB serial (`1500000G`),
# while a held-down key stops short of asking for more moves than an int holds comfortably.
MOST_DIGITS = 9

# Seconds a count stays after the key that followed it did not use it.
COUNT_LASTS = 0.5


class CountPrefix:
    """Digits typed before a move. `take()` gives the count (1 when none was typed) and
    forgets it, so every count is used once."""

    def __init__(self) -> None:
        self._digits = ""
        self._spent = False  # a key after the digits was handled: the count is its, or none's
        self._typed = 0  # counts how often the count changed, so a late drop knows its own

    def key_after(self) -> bool:
        """A key that is not a digit was pressed. The first such key's action may take the
        count; on the next one a count still there was not used, and is dropped (True)."""
        if not self._digits:
            return False
        if self._spent:
            self.clear()
            return True
        self._spent = True
        return False

    @property
    def pending(self) -> str:
        """The digits typed so far ("" when none), for the status line."""
        return self._digits

    def type(self, digit: str) -> bool:
        """Add a digit; False when it is not one. A count may start with 0, as `0%` (the
        start of the book, as in less) does; a move with a count of 0 moves once."""
        if not (len(digit) == 1 and digit.isascii() and digit.isdigit()):
            return False
        if len(self._digits) < MOST_DIGITS:
            self._digits += digit
        self._spent = False
        self._typed += 1
        return True

    def drop_unused(self) -> bool:
        """Drop the count if a key after it was handled without using it (True)."""
        return self._spent and self.clear()

    def dropper(self) -> Callable[[], bool]:
        """`drop_unused` for a moment later, of this count only: a count typed since (the `5`
        of `5G` typed just after a `j`) is not dropped by the `j`'s timer."""
        typed = self._typed
        return lambda: typed == self._typed and self.drop_unused()

    def value(self) -> int | None:
        """The count typed, without forgetting it; None when none was."""
        return int(self._digits) if self._digits else None

    def take(self) -> int:
        """The count typed (1 when none was), forgotten from now on."""
        count = self.value() or 1
        self.clear()
        return count

    def clear(self) -> bool:
        """Forget the count; True when there was one."""
        had = bool(self._digits)
        self._digits = ""
        self._spent = False
        self._typed += 1
        return had
