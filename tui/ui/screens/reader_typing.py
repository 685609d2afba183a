"""Keys typed in the reader that are not its actions.

A count's digits, a mark's letter, and a word for a key the reader does not have.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, Protocol

from textual import events
from textual.binding import ActiveBinding
from textual.timer import Timer

from tui.reading.counts import COUNT_LASTS
from tui.settings.key_display import display_key
from tui.settings.key_names import sent_as
from tui.ui.actions import takes_count
from tui.ui.screens.reader_host import ReaderHost
from tui.ui.screens.reader_marks import MarksFlow
from tui.ui.screens.reader_moves import MovesFlow
from tui.ui.widgets.keyhint import key_hint, typed_key

# A control or alt key with a letter (ctrl+w, alt+h): unbound, it gets the same notice as a
# printable key.
MODIFIED_LETTER = re.compile(r"(?:ctrl|alt)\+[a-z]")

# After the quit_keys key (`Z`), the keys that leave the book: vim's ZZ and ZQ.
QUIT_SECOND_KEYS = ("Z", "Q")

# vim's keys that move its cursor to the top, middle or bottom row of the screen: the reader has
# no cursor, and says so of them, rather than calling them no keys at all (the vim preset turns
# pages with H and L, and leaves M without a key).
CURSOR_KEYS = {"H": "top", "M": "middle", "L": "bottom"}
# vim's keys that move its cursor along a line or by words, where the keymap leaves them
# unbound (h and l in the vim preset): said of as H, M and L are.
CURSOR_MOVES = {
    **{"h": "left", "l": "right", "w": "a word on", "W": "a word on"},
    **{"B": "a word back", "E": "to a word's end", "$": "to the line's end"},
    **{"^": "to the line's start", "|": "to a column"},
}

# less's F follows a growing file, as `tail -f` does: the reader does so on its own, and says so
# of it, rather than calling it no key at all.
FOLLOW_KEY = "F"
FOLLOWS = "F: chapbook reads in what the file gains on its own"

# Keys that begin another program's commands of two keys: vim's `z` (zt, zz, zb scroll the
# cursor's line to the top, middle or bottom) and less's `-` (-i, -N, -S set an option). Where
# the keymap leaves such a key unbound (`z` in the vim preset, `-` in the default and less
# ones), the key typed after it is taken with it, as it is there, and runs nothing: `zt` had
# opened the contents, `zb` turned a page back and `-N` searched backward.
PREFIX_KEYS = {"z": "vim's z commands", "-": "less's options", "_": "less's options"}
# less's `_` (`_N`: what an option is set to) waits as its `-` does, only where `-` is unbound:
# in the vim preset `-` is a key (the library), and `_` alone is vim's (a motion), not less's.
LESS_OPTION_KEYS = ("-", "_")
# What vim's z commands would do, said of each: the reader has no cursor to scroll with.
Z_ENDS = {"t": "top", "enter": "top", ".": "middle", "z": "middle", "b": "bottom", "-": "bottom"}

# In the vim preset `g` begins vim's g commands, as `z` does its z commands, rather than going to
# the top at once: `gj` and `gk` (a screen line down and up) went to the top and then moved. The
# g commands the reader has, by the key after `g`, and the action each runs (with the count
# typed before the `g`: `50gg` is line 50, `5gj` five lines down).
G_ENDS = {"g": "top", "j": "line_down", "k": "line_up", "down": "line_down", "up": "line_up"}
VIM_G = "vim's g commands"
# less's `--`, a long option's name typed after it up to Enter (`--quit-at-eof`): the name is
# taken, up to this many characters, and runs no key (its `q` had left the book).
LONG_OPTION, LONG_OPTION_MOST = "--", 40
# The keys that give up a command waiting for its second key (`z`, `g`, `-`).
GIVE_UP_KEYS = ("escape", "ctrl+c")

# The longest message said on the status line rather than in a notice.
SAID_AT_MOST = 60


class TypingHost(ReaderHost, Protocol):
    """What typing needs of the screen beyond what every flow does."""

    @property
    def active_bindings(self) -> dict[str, ActiveBinding]: ...

    def set_timer(
        self,
        delay: float,
        callback: Callable[[], Any] | None = None,
        *,
        name: str | None = None,
        pause: bool = False,
    ) -> Timer: ...


class TypingFlow:
    """Looks at each key before the reader's bindings do."""

    def __init__(
        self,
        host: TypingHost,
        moves: MovesFlow,
        marking: MarksFlow,
        show_typed_ahead: Callable[[], None],
        leave: Callable[[], object],
        run: Callable[[str], None],
    ) -> None:
        self.host = host
        self.run = run  # runs the reader's action of that id (`top` for vim's `gg`)
        self.moves = moves
        self.marking = marking
        self.show_typed_ahead = show_typed_ahead  # the finder's query typed while it waits
        self.leave = leave
        self.quit_waits = False  # the quit_keys key (`Z`) was pressed: ZZ or ZQ leaves
        self.prefix_waits = ""  # an unbound `PREFIX_KEYS` key was pressed: the next is its
        self.option_typed = ""  # the name of less's `--` option typed so far

    def key(self, event: events.Key) -> bool:
        """True when the key was taken here (a digit of a count, a mark's letter): its
        binding, if any, must not run."""
        if self._typed_ahead(event):
            return True
        if self.quit_waits:
            self.quit_waits = False
            if event.character in QUIT_SECOND_KEYS:
                self.leave()
                return True
        if self.prefix_waits == LONG_OPTION:
            return self._long_option(event)
        if self.prefix_waits:
            first, self.prefix_waits = self.prefix_waits, ""
            if event.key in GIVE_UP_KEYS:
                # They give the command up, and only that, as a mark's Escape does: the search's
                # highlights and visual mode stay, as they do after vim's `g` then Escape.
                self.moves.drop_count()
                return True
            if first == "g":
                return self._after_g(event)
            if first == "-" and event.character == "-":
                self.prefix_waits, self.option_typed = LONG_OPTION, ""
                self._say_long_option()
                return True
            self.host.say(self._prefixed(first, event), about="key")
            return True
        self.host.app.notice_board.startup_seen()
        if not self.binds(event.key, "top"):
            self.moves.line_by_count = False  # only a top key right after `200g` makes `200gg`
        if self.marking.key(event.key, event.character) or self.moves.type_count(event.character):
            return True
        host = self.host
        unbound = event.key not in host.active_bindings
        if event.key == "g" and self._g_waits(unbound):
            # (a count stays for the g command: `50gg`, `5gj`)
            self.prefix_waits = "g"
            self.host.say(f"g… ({VIM_G})", about="key")
            return True
        if host.session.count.pending:
            if unbound:  # no action takes the count: it goes now (`0` then `$`)
                self.moves.drop_count()
            else:
                # The key's own action runs after this (it may use the count), so the count
                # is dropped by the next key, or soon after, when it is still there.
                self.moves.key_after_count()
                drop = host.session.count.dropper()
                host.set_timer(COUNT_LASTS, lambda: self.moves.forget_count(drop))
        if unbound and event.character in PREFIX_KEYS and self._prefix_here(event.character):
            self.moves.drop_count()  # (`5zt`: no move takes it)
            self.prefix_waits = event.character
            self.host.say(f"{event.character}… ({PREFIX_KEYS[event.character]})", about="key")
            return True
        if unbound and (event.is_printable or MODIFIED_LETTER.fullmatch(event.key)):
            # (`:q` from vim, `w` or ctrl+w from less): say so, rather than do nothing
            # Said on the status line, where it covers none of the page; a longer word of
            # explanation (ctrl+i from a terminal that tells it from tab) is a notice.
            message = self._not_a_key(event)
            if len(message) <= SAID_AT_MOST:
                host.say(message, about="key")
            else:
                host.notify(message, timeout=3, markup=False)
        return False

    def count_meets(self, key: str) -> None:
        """``key`` comes after a count: its action uses the count or, taking none (`t`, `M`,
        ctrl+p, `B`), drops it at once, as the registry says (`takes_count`)."""
        if not self.host.session.count.pending or self.host.session.mark_pending:
            return  # (a mark's letter is no action)
        active = self.host.active_bindings.get(key)
        if active is not None and not takes_count(active.binding.id or ""):
            self.moves.drop_count()

    def _typed_ahead(self, event: events.Key) -> bool:
        """While the finder waits for the whole book, what is typed is its query: letters and
        backspace go into it; Escape or ctrl+c gives up the wait. While the contents waits,
        what is typed is kept for it."""
        session = self.host.session
        if not session.waiting.typing_ahead():
            return False
        if not session.waiting.waiting_to_find():
            # The contents waits: Escape gives it up (the reader's close does), every other
            # key goes to it once it opens, in order, as the status line shows.
            if self.binds(event.key, "close"):
                return False
            session.waiting.key_ahead(event.key, event.character)
            self.host.refresh_status()
            return True
        if event.key in ("escape", "ctrl+c"):
            session.waiting.pending = None
            self.host.say("Finder closed", seconds=2)
            return True
        if session.waiting.type_ahead(event.key, event.character):
            self.show_typed_ahead()
            return True
        return False

    def _not_a_key(self, event: events.Key) -> str:
        """What the notice for a key the reader does not have says."""
        host = self.host
        typed = typed_key(event)
        twin = sent_as(event.key)
        active = host.active_bindings.get(twin) if twin is not None else None
        if active is not None and twin is not None:
            # ctrl+i from a terminal that tells it apart from tab (most send tab for it, and
            # then it runs tab's action): name what tab does, not the list of every key.
            does = active.binding.description or active.binding.action
            shown = display_key(twin)
            return (
                f"{typed} is not a reader key in this terminal, which sends it apart from "
                f"{shown}. {shown}: {does}"
            )
        if typed == FOLLOW_KEY:
            return FOLLOWS
        if typed in CURSOR_KEYS:
            return f"{typed}: no cursor here to move to the screen's {CURSOR_KEYS[typed]}"
        if typed in CURSOR_MOVES:
            help_key = key_hint(host.app, "help")
            return f"{typed}: no cursor here to move {CURSOR_MOVES[typed]} ({help_key}: keys)"
        return self._no_such_key(typed)

    def _no_such_key(self, typed: str) -> str:
        """What is said of ``typed`` when the reader has no key of that name."""
        help_key, quit_key = key_hint(self.host.app, "help"), key_hint(self.host.app, "quit")
        return f"{typed}: not a reader key ({help_key}: keys, {quit_key}: quit)"

    def _long_option(self, event: events.Key) -> bool:
        """A key typed after less's `--`: the option's name, up to Enter, which says what
        chapbook has instead; Escape gives it up, as Backspace does once nothing is left."""
        typed = self.option_typed
        if event.key in GIVE_UP_KEYS or (event.key == "backspace" and not typed):
            self.prefix_waits = self.option_typed = ""
            return True
        if event.key == "enter":
            self.prefix_waits = self.option_typed = ""
            settings = key_hint(self.host.app, "settings")
            option = _tail(f"{LONG_OPTION}{typed}", LONG_OPTION_MOST // 2)
            self.host.say(
                f"{option}: chapbook's options are its settings ({settings})", about="key"
            )
            return True
        if event.key == "backspace":
            self.option_typed = typed[:-1]
        elif event.is_printable and event.character and len(typed) < LONG_OPTION_MOST:
            self.option_typed = typed + event.character
        self._say_long_option()
        return True

    def _say_long_option(self) -> None:
        """What the status line says while less's `--` takes an option's name."""
        name = _tail(f"{LONG_OPTION}{self.option_typed}", LONG_OPTION_MOST // 2)
        self.host.say(f"{name}… (less's long option, then Enter)", seconds=30, about="key")

    def _prefix_here(self, first: str) -> bool:
        """True when the unbound ``first`` waits for the key after it here: less's `_` does
        only where less's `-` does."""
        return first != "_" or "minus" not in self.host.active_bindings

    def keys_shown(self, action_id: str, keys: list[str]) -> list[str]:
        """``keys`` of ``action_id`` as the help shows them: where `g` waits for the key after
        it, the top's is `gg`."""
        if action_id == "top" and "g" in keys and self._g_waits(unbound=False):
            return ["gg" if key == "g" else key for key in keys]
        return keys

    def _g_waits(self, unbound: bool) -> bool:
        """True when `g` begins vim's g commands: in the vim preset, where it is the key of
        `top` (or of nothing)."""
        vim = self.host.app.settings.keymap == "vim"
        return vim and (unbound or self.binds("g", "top"))

    def _after_g(self, event: events.Key) -> bool:
        """The key after vim's `g`: `gg`, `gj` and `gk` run their action, with the count
        typed before; any other key is no chapbook key."""
        action_id = G_ENDS.get(event.key)
        if action_id is None:
            self.moves.drop_count()
            self.host.say(self._prefixed("g", event), about="key")
            return True
        # (`200gg` counted on the second g of a `200g` going to line 200 and staying there:
        # here the first g waited, so the second goes where `gg` goes)
        self.moves.line_by_count = False
        self.run(action_id)
        return True

    def _prefixed(self, first: str, event: events.Key) -> str:
        """What the status line says of ``first`` (`z` or `-`) and the key typed after it."""
        typed = f"{first}{typed_key(event) if event.is_printable else display_key(event.key)}"
        second = event.character if event.is_printable else event.key
        if first == "z" and second in Z_ENDS:
            return f"{typed}: no cursor here to scroll to the screen's {Z_ENDS[second]}"
        if first in LESS_OPTION_KEYS:
            settings = key_hint(self.host.app, "settings")
            return f"{typed}: chapbook's options are its settings ({settings})"
        return self._no_such_key(typed)

    def binds(self, key: str, action_id: str) -> bool:
        """True when ``key`` runs ``action_id`` in the reader."""
        active = self.host.active_bindings.get(key)
        return active is not None and active.binding.id == action_id


def _tail(text: str, most: int) -> str:
    """The end of ``text``, at most ``most`` characters, `…` in place of what goes: what is
    typed last stays in view."""
    return text if len(text) <= most else "…" + text[-(most - 1) :]
