"""A seeded storm of input for the running app: keys, bursts, pastes, resizes, clicks, scrolls.

`Storm` drives a Pilot-run `ChapbookApp` with random events, as a restless user, a cat on the
keyboard or a laggy link would, and now and then goes to a given screen with the keys bound
right now, so that every screen gets its share. Keys arrive in bursts (all queued before the
first is handled), as from a paste or a slow connection. The same seed gives the same events.
"""

from __future__ import annotations

import random
import string
import tomllib
import unicodedata
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from textual import events
from textual.errors import NoWidget
from textual.widgets import Input

from tui.paths import default_config_path

# Keys that end the app (the storm would stop there): Textual's own, and those bound to
# chapbook's `quit` and `quit_keys` (`Q`; `Z`, which then `Z` or `Q` quits) right now (the
# storm may save a preset that binds others): see `quitting`.
ENDING = {"q", "ctrl+q", "ctrl+c"}
QUITTING_ACTIONS = ("quit", "quit_keys")
NAMED = [
    "enter", "escape", "tab", "shift+tab", "backspace", "delete", "insert", "space", "home",
    "end", "pageup", "pagedown", "up", "down", "left", "right",
    *(f"f{n}" for n in range(1, 13)),
]  # fmt: skip
MODIFIED_BASES = ["a", "e", "j", "k", "n", "p", "v", "left", "right", "up", "down", "home"]
MODIFIERS = ["ctrl+", "alt+", "shift+", "ctrl+shift+", "ctrl+alt+"]
# Characters as Textual names them in keys, when they are not their own name.
CHARACTERS = {"space": " ", "enter": "\r", "tab": "\t", "escape": "\x1b", "backspace": "\x7f"}
HUGE = 200_000


def screen_kind(screen) -> str:
    """A screen's class name; either finder (a book's, the library's) counts as `FinderScreen`."""
    from tui.ui.dialogs.finder import FinderScreen

    return "FinderScreen" if isinstance(screen, FinderScreen) else type(screen).__name__


def bound_keys() -> list[str]:
    """Every key `config/default.toml` binds, in any table or preset."""
    config = tomllib.loads(default_config_path().read_text(encoding="utf-8"))
    tables = [config["keys"], *config.get("keymaps", {}).values()]
    keys = {key.strip() for table in tables for value in table.values() for key in value.split(",")}
    return sorted(keys - {""})


def quitting(keys: Mapping[str, str]) -> set[str]:
    """The keys that quit with the key table ``keys`` (action id to its keys)."""
    bound = {key.strip() for action in QUITTING_ACTIONS for key in keys.get(action, "").split(",")}
    bound -= {""}
    # Alt and a key the screen does not bind are Escape then that key, as from a terminal (it
    # sends the two as one): alt and a quit key quit too.
    return ENDING | bound | {f"alt+{key}" for key in bound | ENDING if "+" not in key}


def quits_when_pressed(app, x: int, y: int) -> bool:
    """Whether a mouse button pressed at screen cell ``x``, ``y`` lands on a footer key that
    quits (`q Quit`): Textual's footer presses its key when clicked, so such a click is the
    user asking to quit, which the storm never does."""
    try:
        widget, _ = app.screen.get_widget_at(x, y)
    except NoWidget:
        return False
    if type(widget).__name__ != "FooterKey":
        return False
    action = str(getattr(widget, "action", "")).rpartition(".")[2]
    return action in QUITTING_ACTIONS or getattr(widget, "key", "") in quitting(app.settings.keys)


def vocabulary() -> list[str]:
    """The storm's keys: every bound key, letters, digits, named keys and modified keys, less
    those that quit with the default keys."""
    config = tomllib.loads(default_config_path().read_text(encoding="utf-8"))
    keys = set(bound_keys()) | set(string.ascii_letters) | set(string.digits) | set(NAMED)
    keys |= {modifier + base for modifier in MODIFIERS for base in MODIFIED_BASES}
    keys |= {"comma", "full_stop", "slash", "question_mark", "apostrophe", "percent_sign"}
    return sorted(keys - quitting(config["keys"]))


# What odd text is made of: marks that turn text right to left (and isolate or embed it),
# right-to-left and wide scripts, combining marks, control characters (C0 and C1), escape
# sequences (a clear screen, a clipboard write, a title), tabs and line ends, joined emoji.
ODD_PIECES = [
    "\u200f", "\u200e", "\u202e", "\u202b", "\u2066", "\u2069", "\u061c", "שלום ", "مرحبا ",
    "漢字かな", "ｶﾀｶﾅ", "e\u0301\u0302\u0303", "\t", "\r\n", "\n\n", "\r", "\x00", "\x7f",
    "\x9b31m", "\x85", "\x1b[2J", "\x1b]52;c;aGVsbG8=\x07", "\x1b]0;title\x1b\\", "\x1bc",
    "\ufdfd", "👩\u200d👩\u200d👧", "\ufe0f", "\u00ad", "\u2028", "\ufffd", " ", "word ", "50%",
]  # fmt: skip
ODD_LENGTH = 10_000


def odd_text(rng: random.Random, length: int = ODD_LENGTH) -> str:
    """About ``length`` characters of `ODD_PIECES` in a random order."""
    text = []
    while sum(map(len, text)) < length:
        text.append(rng.choice(ODD_PIECES))
    return "".join(text)


def pastes(rng: random.Random) -> str:
    """Something pasted: empty, huge, control characters, escape sequences, emoji, lines, and
    10,000 characters of everything odd at once."""
    choices = [
        None,  # odd text, made only when chosen
        "",
        "lantern",
        "x" * HUGE,
        "\n".join(f"line {n} of a pasted chapter" for n in range(3000)),
        "".join(chr(n) for n in range(32)) + "\x7f",
        "\x1b[31mred\x1b[0m \x1b[2J\x1b[H \x1b]0;title\x07 \x1b[200~nested\x1b[201~",
        "\x1b[A\x1b[B\x1b[5~\x1b[6~\x1bOP",
        "👍🏽 ❤️ e\u0301 \u202eevil\u202c \ufeff \u200b 🇬🇧 \U0010ffff",
        "ch3 s5",
        "'#*/",
        "%" * 50 + "99",
    ]
    chosen = rng.choice(choices)
    return odd_text(rng) if chosen is None else chosen


def character(key: str) -> str | None:
    """The character a terminal sends with ``key``, as Textual's own key presses give it."""
    if len(key) == 1:
        return key
    if key in CHARACTERS:
        return CHARACTERS[key]
    if "+" in key:
        return None
    try:
        return unicodedata.lookup(key.upper().replace("_", " "))
    except KeyError:
        return None


def key_name(char: str) -> str:
    """The key Textual names for typing ``char``."""
    names = {"%": "percent_sign", "/": "slash", " ": "space", ".": "full_stop"}
    return names.get(char, char)


@dataclass(frozen=True)
class Visit:
    """Go to a screen: from a base screen (`reader` or `library`), press these actions' keys;
    a step written ``=text`` types the text instead, one written ``+key`` presses that key."""

    base: str
    actions: tuple[str, ...]


# Where the storm goes now and then, in turn: every screen and dialog chapbook has.
VISITS = [
    Visit("reader", ("help",)),
    Visit("library", ("remove",)),
    Visit("reader", ("find",)),
    Visit("reader", ("settings", "bottom", "rebind")),  # the key-capture dialog
    Visit("library", ("sort",)),
    Visit("reader", ("bookmark",)),  # the bookmark's label
    Visit("reader", ("bookmark", "+enter", "bookmarks")),
    Visit("library", ("find",)),
    Visit("reader", ("search",)),  # the reader's prompt
    Visit("library", ("settings",)),
    Visit("reader", ("goto_percent",)),
    Visit("library", ("help",)),
    Visit("library", ("open_update",)),
    Visit("reader", ("contents",)),
    Visit("reader", ("command",)),  # the `:` prompt
    Visit("reader", ("settings", "filter", "=width", "+enter", "rebind")),  # a value's entry
    Visit("library", ("filter", "=b")),
    Visit("library", ("add_books",)),
    Visit("library", ("add_books", "=shelf", "+enter")),  # more files than `ask_above`: asks
    Visit("reader", ("command", "=50%", "+enter")),
]
# The way to an action's dialog in a keymap that binds no key to the action: vim's has no
# bookmark key, and names a bookmark with m then Enter.
INSTEAD = {"bookmark": ("set_mark", "+enter")}
BASES = {"reader": "ReaderScreen", "library": "LibraryScreen"}
VISIT_LOOKS = 20  # looks at the screen after a visit's keys, 0.05 s apart


@dataclass
class Storm:
    """``count`` random events on the app under ``pilot``, from ``seed``."""

    pilot: object
    seed: int
    count: int
    visit_every: int = 0  # events between visits; 0: every visit at least once
    seen: Counter[str] = field(default_factory=Counter)
    sent: Counter[str] = field(default_factory=Counter)
    # Focus, drags, the settings file and the book changing too (`storm_changes.Changes`).
    changes: Any = None
    visits: list[Visit] = field(default_factory=lambda: VISITS)

    def __post_init__(self) -> None:
        self.rng = random.Random(self.seed)
        self.all_keys = vocabulary()
        self.app = self.pilot.app  # type: ignore[attr-defined]
        self.visit_every = self.visit_every or max(
            1, min(100, self.count // (len(self.visits) + 1))
        )
        self._quit_keys: set[str] | None = None
        self.keys = self.all_keys

    def storm_keys(self) -> list[str]:
        """The vocabulary less the keys that quit with the keys bound right now."""
        ending = quitting(self.app.settings.keys)
        if self.changes is not None:  # (and with those of a settings file not read yet)
            ending |= quitting(self.changes.written_keys)
        if ending != self._quit_keys:
            self._quit_keys = ending
            self.keys = [key for key in self.all_keys if key not in ending]
        return self.keys

    @property
    def ended(self) -> bool:
        """The app has stopped: an exception escaped (run_test raises it) or it quit."""
        return self.app.return_code is not None or not self.app.is_running

    async def run(self) -> None:
        done = 0
        visits = 0
        while done < self.count and not self.ended:
            if done // self.visit_every > visits:
                await self.visit(self.visits[visits % len(self.visits)])
                visits += 1
            done += await self.step()
            self.note_screen()

    def note_screen(self) -> None:
        """Count the screen on top, and the prompt, box or panel open on it."""
        screen = self.app.screen
        self.seen[screen_kind(screen)] += 1
        prompt = self.open_prompt()
        if prompt is not None:
            self.seen["PromptBar"] += 1
            self.seen[f"PromptBar:{prompt.kind}"] += 1
        for each in screen.query(".-open, .-shown"):
            self.seen[f"{type(each).__name__}#{each.id}"] += 1

    async def step(self) -> int:
        """A few random things sent at once, then the app catches up; returns how many events
        were sent. Sent together they arrive as from a paste or a laggy link: each screen
        must cope with input meant for the one before it."""
        rng = self.rng
        if rng.random() < 0.06:
            await self.resize()
            return 1
        if self.changes is not None and rng.random() < 0.05:
            self.sent[self.changes.one().split()[0]] += 1
            await self.pilot.pause()  # type: ignore[attr-defined]
            return 1
        sent = 0
        for _ in range(rng.choice((1, 1, 2, 3, 4, 6, 8))):
            roll = rng.random()
            if roll < 0.80:
                keys = self.storm_keys()
                burst = [rng.choice(keys) for _ in range(rng.choice((1, 1, 1, 2, 3, 5)))]
                for key in burst:
                    self.app.post_message(events.Key(key, character(key)))
                self.sent["key"] += len(burst)
                sent += len(burst)
                continue
            if roll < 0.88:
                self.app.post_message(events.Paste(pastes(rng)))
                self.sent["paste"] += 1
            else:
                self.mouse(scroll=roll >= 0.94)
            sent += 1
        await self.pilot.pause()  # type: ignore[attr-defined]
        return sent

    async def resize(self) -> None:
        rng = self.rng
        width = rng.choice((10, 20, 21, 40, 80, 120, 250, rng.randint(10, 250)))
        height = rng.choice((3, 5, 6, 7, 12, 24, 40, 80, rng.randint(3, 80)))
        self.sent["resize"] += 1
        await self.pilot.resize_terminal(width, height)  # type: ignore[attr-defined]

    def mouse(self, *, scroll: bool) -> None:
        """A click or a scroll where the terminal would put it: in screen coordinates."""
        rng = self.rng
        width, height = self.app.size
        x, y = rng.randrange(max(width, 1)), rng.randrange(max(height, 1))
        if quits_when_pressed(self.app, x, y):
            x, y = 0, 0  # (the top left corner instead: the random draws stay the seed's)
        where = {"screen_x": x, "screen_y": y}
        if scroll:
            kind = rng.choice((events.MouseScrollDown, events.MouseScrollUp))
            self.app.post_message(kind(None, x, y, 0, 0, 0, False, False, False, **where))
            self.sent["scroll"] += 1
            return
        button = rng.choice((1, 1, 1, 2, 3))
        for kind in (events.MouseDown, events.MouseUp):
            self.app.post_message(kind(None, x, y, 0, 0, button, False, False, False, **where))
        self.sent["click"] += 1

    # -- going somewhere on purpose ------------------------------------------------------------
    def key_for(self, action: str) -> str | None:
        """The first key bound to ``action`` right now (the storm may have saved new keys)."""
        keys = self.app.settings.keys.get(action, "")
        first = keys.split(",")[0].strip() if keys else ""
        return first or None

    async def press_action(self, action: str) -> None:
        key = self.key_for(action)
        if key is not None and key not in quitting(self.app.settings.keys):
            await self.pilot.press(key)  # type: ignore[attr-defined]

    async def to_base(self, wanted: str | None = None) -> bool:
        """Close dialogs until a reader or the library is on top (``wanted`` if given)."""
        for _ in range(12):
            if self.ended:
                return False
            name = screen_kind(self.app.screen)
            prompt = self.open_prompt()
            typing = isinstance(self.app.focused, Input)  # the library's filter box, a prompt
            stack = self.app.screen_stack
            over = len(stack) > 1 and type(stack[-2]).__name__ == BASES["reader"]
            if name in BASES.values() and prompt is None and not typing:
                if wanted is None or name == BASES[wanted]:
                    if name == BASES["reader"]:
                        # Escape first, as a user would: it drops a half-typed command (a
                        # count, `m` or `'` waiting for its letter), which would take the
                        # visit's first key as its own. (In the library it goes back a book.)
                        await self.press_action("close")
                    return True
                if wanted == "reader" and (getattr(self.app.screen, "filter_text", "") or over):
                    # Escape, as a user would: back to the book the library was opened over,
                    # or (a filter the storm typed may keep no book to open) all books shown.
                    # (The book under the cursor may be gone, or the storm removed them all.)
                    await self.press_action("close")
                    continue
                await self.press_action("library" if wanted == "library" else "open_book")
                continue
            if prompt is not None and not prompt.has_focus_within:
                # A click on the page took the focus from the prompt: as a user would, ask
                # again (which focuses it), then close it.
                await self.press_action("search")
            if name == "UpdateOffer" and wanted == "reader":
                await self.press_action("open_book")
            elif name == "FinderScreen":
                await self.press_action("finder_cancel")
            else:  # the key-capture dialog takes `close` as its cancel too
                await self.press_action("close")
        return False

    def open_prompt(self):
        """The reader's prompt bar when it is open on the screen on top, else None."""
        prompts = self.app.screen.query(".-open")
        return next((p for p in prompts if type(p).__name__ == "PromptBar"), None)

    async def visit(self, visit: Visit) -> None:
        if await self.to_base(visit.base):
            self.seen[screen_kind(self.app.screen)] += 1  # the visit's keys go to this screen
            for action in visit.actions:
                await self.visit_step(action)
            # What the visit opens may come a moment later (the add question waits for the
            # folder's scan, a worker): looked for a while, so that the storm's next keys do
            # not close it unseen on a loaded machine.
            for _ in range(VISIT_LOOKS):
                self.note_screen()
                if screen_kind(self.app.screen) not in BASES.values():
                    break  # a dialog is up
                await self.pilot.pause(0.05)  # type: ignore[attr-defined]

    async def visit_step(self, action: str) -> None:
        """One step of a visit: text typed (``=text``), a key (``+key``) or an action's key."""
        if action.startswith("="):
            await self.pilot.press(*(key_name(c) for c in action[1:]))  # type: ignore[attr-defined]
        elif action.startswith("+"):
            await self.pilot.press(action[1:])  # type: ignore[attr-defined]
        elif self.key_for(action) is None and action in INSTEAD:
            for step in INSTEAD[action]:  # (a keymap that binds no key to it)
                await self.visit_step(step)
        else:
            await self.press_action(action)
