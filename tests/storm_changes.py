"""What else changes under a storm: the terminal's focus, drags, the settings file, the book.

`Changes.one` makes one such change to a Pilot-run app, at random: the terminal loses the focus
(and gets it back later), a drag with a button held, the settings file written over as from an
editor in another window (a keymap preset, user keys with odd bindings, a file that is not
TOML, no file at all), or the book's file taken away, emptied, cut short, turned to binary,
written over with another story, and put back.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from pathlib import Path

from storm_support import quits_when_pressed
from textual import events

from tui.settings.settings import load_settings

PRESETS = ("default", "vim", "less", "emacs")
# User keys a settings file may hold: bindings that clash, keys every screen uses given to
# something else, names that are no key, the way out bound elsewhere, keys lists and odd
# characters. chapbook must read each (telling what it cannot use) and go on.
ODD_KEYS = [
    'help = "f5"\nclose = "ctrl+g"',
    'line_down = "q"\nquit = "x"',
    'find = "enter"\nopen_book = "space"',
    'quit = ""\nhelp = ""',
    'page_down = "ctrl+shift+alt+meta+super+hyper+x"\nbookmark = "é,€,ß"',
    'search = ["slash", "s", 7]\nfilter = ""',
    'close = "a,escape"\nadd_books = "escape"',
    'settings = "ctrl+@,ctrl+space,f24"\ncontents = "comma"',
    'next_chapter = "right_curly_bracket,right_curly_bracket"\nyank = " "',
    'finder_accept = "tab"\nfinder_down = "enter"\nfinder_cancel = "q"',
    'rebind = "space"\nsave_settings = "enter"\nreset_setting = "escape"',
    'confirm = "n"\ndecline = "y"\nremove = "y"',
    'nonsense_action = "k"\nline_up = "ctrl+c,ctrl+q,k"',
]
NOT_TOML = ['[keys\nhelp = "f1"', "keymap = vim", "\ufeff\x00\xff theme = 3", 'keymap = "nope"']


def settings_text(rng: random.Random) -> str | None:
    """A settings file as a user might leave it (None: the file removed)."""
    roll = rng.random()
    if roll < 0.08:
        return None
    if roll < 0.16:
        return rng.choice(NOT_TOML)
    lines = ["[library]", "ask_above = 10", f'\nkeymap = "{rng.choice(PRESETS)}"']
    lines.insert(0, lines.pop())  # (a top-level key goes before the first table)
    if rng.random() < 0.6:
        lines += ["[keys]", rng.choice(ODD_KEYS)]
    if rng.random() < 0.3:
        lines += ["[reader]", f"width = {rng.choice((20, 30, 72, 400))}", "justify = true"]
    return "\n".join(lines) + "\n"


@dataclass
class BookFile:
    """The book's file, for changing under the reader and putting back as it was."""

    path: Path
    original: bytes = field(init=False)

    def __post_init__(self) -> None:
        self.original = self.path.read_bytes()

    def change(self, rng: random.Random) -> str:
        """One change; its name."""
        kind = rng.choice(("gone", "empty", "cut short", "binary", "another story", "back"))
        if kind == "gone":
            self.path.unlink(missing_ok=True)
        elif kind == "empty":
            self.path.write_bytes(b"")
        elif kind == "cut short":
            self.path.write_bytes(self.original[: len(self.original) // 3])
        elif kind == "binary":
            self.path.write_bytes(rng.randbytes(20_000))
        elif kind == "another story":
            chapters = "".join(f"Chapter {n}\n\nA new night {n}.\n\n" for n in range(1, 9))
            self.path.write_text(f"Another\n\n{chapters}", encoding="utf-8")
        else:
            self.path.write_bytes(self.original)
        return kind


@dataclass
class Changes:
    """Changes to the app under ``pilot`` from ``rng``; ``settings`` is the settings file's path
    and ``book`` the book's file, when the storm may change it."""

    pilot: object
    rng: random.Random
    settings: Path
    book: BookFile | None = None
    blurred: bool = False
    made: list[str] = field(default_factory=list)
    written_keys: dict[str, str] = field(default_factory=dict)  # the keys the file gives

    @property
    def app(self):
        return self.pilot.app  # type: ignore[attr-defined]

    def one(self) -> str:
        """One change, at random; its name (also kept in ``made``)."""
        roll = self.rng.random()
        if roll < 0.35:
            made = self.focus()
        elif roll < 0.65:
            made = self.drag()
        elif roll < 0.85 or self.book is None:
            made = self.settings_file()
        else:
            made = "book " + self.book.change(self.rng)
        self.made.append(made)
        return made

    def focus(self) -> str:
        """The terminal loses the focus, or gets it back (when it comes back chapbook looks at
        the settings file)."""
        self.blurred = not self.blurred
        self.app.post_message(events.AppBlur() if self.blurred else events.AppFocus())
        return "focus lost" if self.blurred else "focus back"

    def drag(self) -> str:
        """A button pressed, the pointer moved a few times with it held, then released."""
        rng = self.rng
        width, height = self.app.size
        button = rng.choice((1, 1, 3))
        x, y = rng.randrange(max(width, 1)), rng.randrange(max(height, 1))
        if quits_when_pressed(self.app, x, y):
            x, y = 0, 0  # (the top left corner instead: the random draws stay the seed's)

        def post(kind, dx: int = 0, dy: int = 0, held: int = button) -> None:
            where = {"screen_x": x, "screen_y": y}
            self.app.post_message(kind(None, x, y, dx, dy, held, False, False, False, **where))

        post(events.MouseDown)
        for _ in range(rng.randint(1, 6)):
            dx, dy = rng.randint(-8, 8), rng.randint(-4, 4)
            x, y = min(max(x + dx, 0), width - 1), min(max(y + dy, 0), height - 1)
            post(events.MouseMove, dx, dy)
        post(events.MouseUp)
        return f"drag to {x},{y}"

    def settings_file(self) -> str:
        """The settings file written over (or removed) as from another window; half the time
        the terminal's focus then comes back, which has chapbook read it."""
        text = settings_text(self.rng)
        if text is None:
            self.settings.unlink(missing_ok=True)
        else:
            self.settings.parent.mkdir(parents=True, exist_ok=True)
            self.settings.write_text(text, encoding="utf-8", errors="surrogateescape")
        # The keys the file gives from the moment chapbook reads it, which may be in the middle
        # of a burst: the storm leaves out the keys that quit with them as well as now.
        self.written_keys = dict(load_settings(self.settings)[0].keys)
        if self.rng.random() < 0.5:
            self.blurred = False
            self.app.post_message(events.AppFocus())
        return "settings " + ("removed" if text is None else repr(text[:60]))
