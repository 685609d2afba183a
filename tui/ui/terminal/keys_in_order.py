"""Keys are handled one at a time, in the order they were typed.

Textual reads a key's priority bindings (`%`, `/`, ctrl+p) the moment the key arrives, but
passes other keys through queues, widget to screen to app, before their bindings run. Keys
that arrive together (a fast typist, one SSH packet, a paste outside brackets) then overtook
each other: in `50%` the `%` prompt opened before the digits were read, in `'a` the `a` was
read before `'` had asked for a mark letter, and letters typed right after `/` went to the
reader instead of the search box. So a key is let in only when the one before it is done: when
a note sent after it has come back up the same queues, and the focus it moved has settled.

Nor is a key let in before the screen it goes to has settled. Keys typed while chapbook starts
are all waiting when its first screen comes up, ahead of the focus that screen gives as it
mounts (to the page, to the list), which Textual sets a loop later: `/` opened the search and
that focus then took the keys from it (`/tea` opened the contents at `t`; in the library
`/xylophone` removed a book at `x`, `y`). A screen that came up other than by a key (the
first, or the library's question about adding many files) takes keys once it has been painted.
"""

from __future__ import annotations

import weakref
from collections import deque
from collections.abc import Awaitable, Callable
from time import monotonic

from textual import events
from textual.app import App
from textual.message import Message
from textual.message_pump import MessagePump
from textual.screen import Screen
from textual.timer import Timer

# A key whose note never comes back holds the next for this long at most; a note whose widget
# was removed or whose screen closed (a dialog the key closed) is given up sooner, when seen.
# Otherwise a note does come back, if late: a screen just up on a loaded machine (the library
# starting its check of the files) took 0.3 s to pass a key on, and a key let in sooner
# overtook it (of `a~/books` typed while chapbook started, the `/` opened the filter before
# the `a` opened the add prompt).
LONGEST_TURN = 3.0
LOOK_AGAIN = 0.02
# A screen not painted after this long (seconds) takes the keys waiting for it all the same:
# keys that go astray are better than keys that go nowhere.
LONGEST_SETTLING = LONGEST_TURN


class KeyDone(Message):
    """Sent after a key to where the key went; reaching the app, the key has been handled."""

    def __init__(self, turn: int, lap: int = 1) -> None:
        super().__init__()
        self.turn = turn
        self.lap = lap


class KeyTurns:
    """The keys waiting for the one being handled."""

    def __init__(self, app: App[object], handle: Callable[[events.Key], Awaitable[None]]) -> None:
        self.app = app
        self.handle = handle
        self.waiting: deque[events.Key] = deque()
        self.turn = 0  # the number of the key being handled, 0 when none is
        self.ended = 0  # the number of the last key whose turn is over
        self.count = 0
        self.timer: Timer | None = None
        self.settled: weakref.ref[Screen[object]] | None = None  # the screen seen painted last
        self.settling: Timer | None = None  # the keys wait for the screen on top to be painted

    def waits(self, key: events.Key) -> bool:
        """True when ``key`` must wait for the keys before it, or for its screen to settle;
        it is handled in its turn."""
        if self.turn or self.waiting:
            self.waiting.append(key)
            return True
        if not self._screen_settled():
            self.waiting.append(key)
            self._settle()
            return True
        return False

    def replay(self, keys: list[events.Key]) -> None:
        """Handle ``keys``, typed earlier and kept (for a screen that waited for the book),
        before any key typed since, once the screen on top has settled."""
        if not keys:
            return
        self.waiting.extendleft(reversed(keys))
        if not self.turn:
            self._settle()

    def _screen_settled(self) -> bool:
        return self.settled is not None and self.settled() is self.app.screen

    def _settle(self) -> None:
        """Let the waiting keys in once the screen on top has been painted: mounted, and the
        focus it gave as it mounted in place."""
        if self.settling is not None:
            return
        self.settling = self.app.set_timer(LONGEST_SETTLING, self._settled)
        self.app.call_after_refresh(self._painted, self.app.screen)

    def _painted(self, screen: Screen[object]) -> None:
        if self.settling is None:
            return  # (given up waiting already)
        if screen is not self.app.screen or not screen.is_mounted:
            # Another screen came up meanwhile: the keys are for it.
            self.app.call_after_refresh(self._painted, self.app.screen)
            return
        self._settled()

    def _settled(self) -> None:
        if self.settling is None:
            return
        self.settling.stop()
        self.settling = None
        self.settled = weakref.ref(self.app.screen)
        # After the callbacks the screen queued as it came up, such as the focus it gave.
        self.app.call_later(self._next)

    async def take(self, key: events.Key) -> None:
        """Handle ``key`` now, then send the note that ends its turn after it."""
        self.count += 1
        turn = self.turn = self.count
        screen = self.app.screen
        await self.handle(key)
        self.timer = self.app.set_timer(LONGEST_TURN, lambda: self.done(turn))
        if self.app.screen is not screen:
            # A screen opened or closed: its widgets and focus are in place after a refresh.
            self.app.call_after_refresh(self._screen_changed, turn)
        else:
            self._send_note(turn)

    def _screen_changed(self, turn: int) -> None:
        if self.app.screen_stack:
            self.settled = weakref.ref(self.app.screen)
        self._send_note(turn)

    def _send_note(self, turn: int, lap: int = 1) -> None:
        if turn != self.turn:
            return
        if not self.app.screen_stack:
            # Leaving: the last screen is gone, and with it any key's turn still out.
            self.done(turn)
            return
        target: MessagePump = self.app.focused or self.app.screen
        target.post_message(KeyDone(turn, lap))
        self._watch(turn, target, monotonic() + LONGEST_TURN)

    def returned(self, note: KeyDone) -> None:
        """A key's note came back. The first time it has only overtaken what the key's own
        handling sent (Enter in a box sends `Submitted`, queued behind the note): a second
        note, sent now, comes back behind all of that, and ends the turn."""
        if note.lap == 1 and note.turn == self.turn and note.turn != self.ended:
            self._send_note(note.turn, lap=2)
            return
        self.done(note.turn)

    def _watch(self, turn: int, target: MessagePump, until: float) -> None:
        """Give the turn up when the note's widget is gone, or at ``until``."""
        if turn != self.turn:
            return
        if self._gone(target) or monotonic() >= until:
            self.done(turn)
            return
        if self.timer is not None:
            self.timer.stop()
        self.timer = self.app.set_timer(LOOK_AGAIN, lambda: self._watch(turn, target, until))

    def _gone(self, target: MessagePump) -> bool:
        """The note's widget was removed, or its screen closed: the note will not come back."""
        if not target.is_attached:
            return True
        screen = getattr(target, "screen", None)
        return screen is not None and screen not in self.app.screen_stack

    def done(self, turn: int) -> None:
        """The note of key ``turn`` came back (or took too long): the next key may go."""
        if turn != self.turn or not turn or turn == self.ended:
            return  # (a note can come back after its turn was given up)
        self.ended = turn
        if self.timer is not None:
            self.timer.stop()
            self.timer = None
        if self.waiting:
            # After the callbacks the key queued, such as the focus it moved.
            self.app.call_later(self._next)
        else:
            self.turn = 0

    async def _next(self) -> None:
        if not self.waiting:
            self.turn = 0
        elif not self._screen_settled():
            self._settle()  # (a screen came up meanwhile, not by a key: `_next` comes again)
        else:
            await self.take(self.waiting.popleft())
