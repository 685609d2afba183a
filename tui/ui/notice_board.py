"""The notices standing on the screen: each once at a time, what each is about, some taken away."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any, Protocol, cast

from textual.notifications import SeverityLevel
from textual.screen import Screen

# A notice as the board knows it: its message, title and severity.
Notice = tuple[str, str, str]

# Seconds the notices shown at start-up (a settings problem) stand before a key takes them
# away: enough to read them, while a reader who starts at once keeps the page clear after.
STARTUP_NOTICES_READ = 4.0
# Or after this many keys, once they have stood this many seconds (a glance): a reader who is
# paging and searching has seen them, and is owed the page back (they stood over G, 50%, a
# search and four j). `chapbook config check` and the settings screen still list them.
STARTUP_KEYS_READ, STARTUP_GLANCE = 4, 1.5


class NoticeHost(Protocol):
    """The app, which shows notices and can take every one away at once."""

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None: ...

    def clear_notifications(self) -> None: ...


class NoticeBoard:
    """Which notices stand and until when, which screen each came over, and which were shown
    at start-up. Textual can take away only every notice at once: to take some away, the
    board has the others shown again."""

    def __init__(self, host: NoticeHost) -> None:
        self.host = host
        self._shown: dict[Notice, float] = {}  # notice → until when
        self._markup: dict[Notice, bool] = {}  # to show one again
        # The screen each notice is about: the one on top, under any dialog, when it came.
        self._about: dict[Notice, Screen[Any] | None] = {}
        self._startup: set[Notice] = set()
        self._started_at = time.monotonic()
        self._keys_since_start = 0  # keys pressed while the start-up notices stand

    def admit(
        self,
        notice: Notice,
        stands_until: float,
        markup: bool,
        about: Screen[Any] | None,
        most: int,
        clear_all: Callable[[], object],
    ) -> bool:
        """Whether ``notice`` is to be shown now (standing until ``stands_until``, a
        `monotonic` time): not when it already stands. With ``most`` standing already, ``clear_all``
        takes them away first."""
        now = time.monotonic()
        shown = {key: until for key, until in self._shown.items() if until > now}
        if notice in shown:
            return False
        if len(shown) >= most:
            clear_all()
            shown.clear()
        shown[notice] = stands_until
        self._shown = shown
        self._markup = {key: self._markup.get(key, markup) for key in shown}
        self._markup[notice] = markup
        self._about = {key: self._about.get(key) for key in shown}
        self._about[notice] = about
        return True

    def cleared(self) -> None:
        """Every notice was taken away."""
        self._shown = {}

    def started(self) -> None:
        """The app has started: the notices standing now are the start-up ones."""
        self._startup = set(self._shown)
        self._started_at = time.monotonic()

    def withdraw_startup(self, titles: tuple[str, ...] | None = None) -> None:
        """Take away the notices shown at start-up (only those titled one of ``titles``, if
        given) that still stand, for a screen that says the same or needs the room; any other
        notice stays for the rest of its time."""
        self.withdraw(lambda key: key in self._startup and (titles is None or key[1] in titles))

    def withdraw_passing(self) -> None:
        """Take away the notices about what was just done on the screen being left (`File
        missing` in the library, a book's facts in the reader), so that they do not stand over
        the next one; those shown at start-up stay for the rest of their time."""
        self.withdraw(lambda key: key not in self._startup)

    def withdraw_of(self, screen: Screen[Any]) -> None:
        """Take away the notices that came while ``screen`` was the one shown (a book's
        `Updated · … U to go there`, as the book is closed); others, and those shown at
        start-up, stay their time."""
        self.withdraw(lambda key: key not in self._startup and self._about.get(key) is screen)

    def withdraw_titled(self, title: str) -> None:
        """Take away the notices titled ``title`` (a dialog's, as it closes)."""
        self.withdraw(lambda key: key[1] == title)

    def startup_seen(self) -> None:
        """A key pressed while the start-up notices have stood a while: they were read, and
        they go, rather than cover the page for the rest of their time."""
        if not self._startup:
            return
        self._keys_since_start += 1
        standing = time.monotonic() - self._started_at
        if standing >= STARTUP_NOTICES_READ or (
            standing >= STARTUP_GLANCE and self._keys_since_start >= STARTUP_KEYS_READ
        ):
            self.withdraw_startup()

    def withdraw(self, going_if: Callable[[Notice], bool]) -> None:
        """Take away the standing notices ``going_if`` picks."""
        now = time.monotonic()
        shown = {key: until for key, until in self._shown.items() if until > now}
        going = [key for key in shown if going_if(key)]
        if not going:
            return
        self._startup -= set(going)
        staying = {key: until for key, until in shown.items() if key not in going}
        markup, about = dict(self._markup), dict(self._about)
        # Textual can take away only every notice at once: the others are shown again.
        self.host.clear_notifications()
        for (message, title, severity), until in staying.items():
            self.host.notify(
                message,
                title=title,
                severity=cast(SeverityLevel, severity),
                timeout=until - now,
                markup=markup.get((message, title, severity), True),
            )
        # (still about the screen they came on, not the one they are shown again over)
        self._about = {key: about.get(key) for key in self._about}
