"""The soak's screens: what each looks like in the terminal, and the keys that go to it.

`screens_on` names what a captured screen shows (by words only that screen draws), so the soak
can say which screens its storm drove; `visits`, made now and then among the random events
(`go_to`), take chapbook to each one on purpose with the keys the settings bind (`KeyBook`), as
`tests/storm_support.py` does for the Pilot storm, and paste odd text into every box.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from soak_checks import settle
from soak_events import tmux_key
from tmux_term import TmuxTerminal

VISIT_SETTLE = 3.0  # seconds a visited screen is given to show


def _last_row(screen: str) -> str:
    rows = [row for row in screen.splitlines() if row.strip()]
    return rows[-1] if rows else ""


# Each screen (or open prompt) and a test on the captured text that only it passes.
MARKS: dict[str, Callable[[str], bool]] = {
    "help": lambda s: "Keys ·" in s,
    "contents": lambda s: "⏎ jumps there" in s,
    # (the finders keep what was typed last, which hides the prompt's words)
    "book finder": lambda s: "Find: words of a scene" in s or "⏎ jump  esc back" in s,
    "library finder": lambda s: "Find a book:" in s or "⏎ open  esc back" in s,
    "bookmarks": lambda s: "No bookmarks yet" in s or "Bookmarks (" in s,
    "bookmark label": lambda s: "Enter saves it, Escape cancels" in s,
    "search prompt": lambda s: _last_row(s).lstrip().startswith(("/ search", "? search")),
    "command prompt": lambda s: _last_row(s).lstrip().startswith(": a line number"),
    "percent prompt": lambda s: _last_row(s).lstrip().startswith("Go to %"),
    "settings": lambda s: s.lstrip().startswith("Settings"),
    "value entry": lambda s: "Enter sets it" in s,
    "key capture": lambda s: "Press the new key for" in s,
    "library": lambda s: s.lstrip().startswith("Library ·"),
    "library filter": lambda s: "esc Clear filter" in s or "match “" in s,
    "sort menu": lambda s: "Sort by" in s,
    "confirm remove": lambda s: "Remove from the library?" in s,
    "add prompt": lambda s: "Add a file or folder" in s,
    "confirm add": lambda s: "Add all these files?" in s,
    "settings problem": lambda s: "unknown setting" in s,
    "skipped files": lambda s: "not a book" in s,
    "file missing": lambda s: "File missing" in s or "missing" in _last_row(s),
    "reader": lambda s: "%" in _last_row(s) and not _last_row(s).lstrip().startswith("Go to"),
}


def screens_on(screen: str) -> set[str]:
    """The screens, prompts and panels the captured ``screen`` shows."""
    return {name for name, shows in MARKS.items() if shows(screen)}


@dataclass(frozen=True)
class Visit:
    """From the reader (or the library), these actions' keys (a step written ``+Key`` is that
    tmux key); ``text`` is typed after them, then ``after`` sent (actions or ``+Key`` too).
    ``expect`` is the screen it should reach (None: whatever happens); with ``paste``, odd text
    is pasted once it is there."""

    base: str
    keys: tuple[str, ...]
    expect: str | None
    text: str = ""
    after: tuple[str, ...] = ()
    paste: bool = False


class KeyBook:
    """The tmux keys of chapbook's actions in a settings file's keymap (a preset, user keys)."""

    def __init__(self, keys: Mapping[str, str]) -> None:
        self.keys = keys

    def of(self, action: str) -> str | None:
        """The first of ``action``'s keys tmux can send (None: none); a ``+Key`` is that key."""
        if action.startswith("+"):
            return action[1:]
        written = [key.strip() for key in self.keys.get(action, "").split(",")]
        return next((k for k in map(tmux_key, written) if k), None)

    def ways_out(self) -> list[str]:
        """The keys that close what is open: the close key, and the finder's (which a user may
        have left on Escape while giving close another key)."""
        keys = [self.of("close"), self.of("finder_cancel")]
        return list(dict.fromkeys(key for key in keys if key)) or ["Escape"]

    def send(self, term: TmuxTerminal, action: str) -> None:
        key = self.of(action)
        if key is None and action in INSTEAD:  # (a keymap that binds no key to it)
            for step in INSTEAD[action]:
                self.send(term, step)
        elif key is not None:
            term.send(key)


# The way to an action's dialog in a keymap that binds no key to the action: vim's has no
# bookmark key, and names a bookmark with m then Enter.
INSTEAD = {"bookmark": ("set_mark", "+Enter")}


def visits(shelf: Path) -> list[Visit]:
    """Every screen and dialog, in turn; the shelf is added, then one of its books is gone."""
    return [
        Visit("reader", ("help",), "help"),
        Visit("reader", ("contents",), "contents"),
        Visit("reader", ("find",), "book finder"),
        Visit("reader", ("bookmark",), "bookmark label"),
        Visit("reader", ("bookmarks",), "bookmarks"),
        Visit("reader", ("search",), "search prompt"),
        Visit("reader", ("command",), "command prompt"),
        Visit("reader", ("goto_percent",), "percent prompt"),
        Visit("reader", ("settings",), "settings"),
        Visit("reader", ("settings", "filter"), "value entry", "width", ("+Enter", "rebind")),
        Visit("reader", ("settings", "bottom", "rebind"), "key capture"),
        Visit("library", (), "library"),
        Visit("library", ("find",), "library finder"),
        Visit("library", ("sort",), "sort menu"),
        Visit("library", ("remove",), "confirm remove"),
        Visit("library", ("add_books",), "add prompt"),
        Visit("library", ("add_books",), "confirm add", str(shelf), ("+Enter",)),
        Visit("library", ("filter",), "library filter", "b3"),
        # (the file is gone by then)
        Visit("library", ("filter",), None, "b3", ("+Enter", "open_book")),
        Visit("reader", ("command",), None, "50%", ("+Enter",)),
        # Odd text pasted into every box: the finders, the prompts, the bookmark's label (new,
        # and renaming one from the list), the filters of the contents, the help and the
        # settings, a value's entry, the library's filter and add prompt.
        Visit("reader", ("bookmark",), None, after=("+Enter",)),  # a bookmark, for the renaming
        Visit("reader", ("bookmarks", "rename_bookmark"), "bookmark label", paste=True),
        Visit("reader", ("contents", "search"), "contents", paste=True),
        Visit("reader", ("help", "search"), "help", paste=True),
        Visit("reader", ("find",), "book finder", paste=True),
        Visit("reader", ("search",), "search prompt", paste=True),
        Visit("reader", ("command",), "command prompt", paste=True),
        Visit("reader", ("goto_percent",), "percent prompt", paste=True),
        Visit("reader", ("bookmark",), "bookmark label", paste=True),
        Visit("reader", ("settings", "filter"), "settings", paste=True),
        Visit("reader", ("settings", "filter"), "value entry", "width", ("+Enter", "rebind"), True),
        Visit("library", ("find",), "library finder", paste=True),
        Visit("library", ("filter",), "library filter", paste=True),
        Visit("library", ("add_books",), "add prompt", paste=True),
    ]


def go_to(
    term: TmuxTerminal,
    keys: KeyBook,
    visit: Visit,
    paste: Callable[[], None],
    steps: list[str] | None = None,
) -> set[str]:
    """Out of whatever is open, to the visit's base screen, then its keys (and ``paste``
    when the visit pastes); what showed. The storm before it is worked through first, so that
    the visit's keys meet the screen they were meant for. ``steps`` gets the screen before the
    visit's keys and after each of them, for the report of a visit that missed."""
    steps = [] if steps is None else steps
    seen: set[str] = set()
    settle(term)
    if term.width < 60 or term.height < 20:
        term.resize(80, 24)
    for _ in range(4):
        term.send(*keys.ways_out())
    settle(term)
    screen = term.screen()
    seen |= screens_on(screen)
    on_library = "library" in screens_on(screen)
    if visit.base == "library" and not on_library:
        keys.send(term, "library")
    elif visit.base == "reader" and on_library:
        keys.send(term, "close")  # back to the book it came from
        settle(term)
        if "library" in screens_on(term.screen()):
            keys.send(term, "open_book")  # none: the book under the cursor
    settle(term)
    seen |= screens_on(term.screen())
    steps.append("before the visit's keys:\n" + term.screen())
    for action in visit.keys:
        keys.send(term, action)
        time.sleep(0.1)
        steps.append(f"after {action} ({keys.of(action)}):\n" + term.screen())
    if visit.text:
        settle(term)
        steps.append(f"before typing {visit.text!r}:\n" + term.screen())
        term.type(visit.text)
    for action in visit.after:
        settle(term)
        keys.send(term, action)
    deadline = time.monotonic() + VISIT_SETTLE
    while True:
        now = screens_on(term.screen())
        if visit.expect in now or time.monotonic() > deadline:
            break
        time.sleep(0.1)
    if visit.paste:
        paste()
        settle(term)
        now |= screens_on(term.screen())
    return seen | now
