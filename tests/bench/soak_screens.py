"""The soak's screens: what each looks like in the terminal, and the keys that go to it.

`screens_on` names what a captured screen shows (by words only that screen draws), so the soak
can say which screens its storm drove; `visits`, made now and then among the random events
(`go_to`), take chapbook to each one on purpose with the default keys, as
`tests/storm_support.py` does for the Pilot storm, and paste odd text into every box.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from soak_checks import settle
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
    """From the reader (or the library), these tmux keys; ``text`` is typed after them, then
    ``after`` sent. ``expect`` is the screen it should reach (None: whatever happens); with
    ``paste``, odd text is pasted once it is there."""

    base: str
    keys: tuple[str, ...]
    expect: str | None
    text: str = ""
    after: tuple[str, ...] = ()
    paste: bool = False


def visits(shelf: Path) -> list[Visit]:
    """Every screen and dialog, in turn; the shelf is added, then one of its books is gone."""
    return [
        Visit("reader", ("F1",), "help"),
        Visit("reader", ("t",), "contents"),
        Visit("reader", ("C-p",), "book finder"),
        Visit("reader", ("M",), "bookmark label"),
        Visit("reader", ("B",), "bookmarks"),
        Visit("reader", ("/",), "search prompt"),
        Visit("reader", (":",), "command prompt"),
        Visit("reader", ("%",), "percent prompt"),
        Visit("reader", (",",), "settings"),
        Visit("reader", (",", "/"), "value entry", "width", ("Enter", "Enter")),
        Visit("reader", (",", "End", "Enter"), "key capture"),
        Visit("library", (), "library"),
        Visit("library", ("C-p",), "library finder"),
        Visit("library", ("s",), "sort menu"),
        Visit("library", ("x",), "confirm remove"),
        Visit("library", ("a",), "add prompt"),
        Visit("library", ("a",), "confirm add", str(shelf), ("Enter",)),
        Visit("library", ("/",), "library filter", "b3"),
        Visit("library", ("/",), None, "b3", ("Enter", "Enter")),  # the file is gone by then
        Visit("reader", (":",), None, "50%", ("Enter",)),
        # Odd text pasted into every box: the finders, the prompts, the bookmark's label (new,
        # and renaming one from the list), the filters of the contents, the help and the
        # settings, a value's entry, the library's filter and add prompt.
        Visit("reader", ("M",), None, after=("Enter",)),  # a bookmark, for the renaming
        Visit("reader", ("B", "r"), "bookmark label", paste=True),
        Visit("reader", ("t", "/"), "contents", paste=True),
        Visit("reader", ("F1", "/"), "help", paste=True),
        Visit("reader", ("C-p",), "book finder", paste=True),
        Visit("reader", ("/",), "search prompt", paste=True),
        Visit("reader", (":",), "command prompt", paste=True),
        Visit("reader", ("%",), "percent prompt", paste=True),
        Visit("reader", ("M",), "bookmark label", paste=True),
        Visit("reader", (",", "/"), "settings", paste=True),
        Visit("reader", (",", "/"), "value entry", "width", ("Enter", "Enter"), paste=True),
        Visit("library", ("C-p",), "library finder", paste=True),
        Visit("library", ("/",), "library filter", paste=True),
        Visit("library", ("a",), "add prompt", paste=True),
    ]


def go_to(term: TmuxTerminal, visit: Visit, paste: Callable[[], None]) -> set[str]:
    """Out of whatever is open, to the visit's base screen, then its keys (and ``paste``
    when the visit pastes); what showed. The storm before it is worked through first, so that
    the visit's keys meet the screen they were meant for."""
    seen: set[str] = set()
    settle(term)
    if term.width < 60 or term.height < 20:
        term.resize(80, 24)
    for _ in range(4):
        term.send("Escape")
    settle(term)
    screen = term.screen()
    seen |= screens_on(screen)
    on_library = "library" in screens_on(screen)
    if visit.base == "library" and not on_library:
        term.send("L")
    elif visit.base == "reader" and on_library:
        term.send("Escape")  # back to the book it came from
        settle(term)
        if "library" in screens_on(term.screen()):
            term.send("Enter")  # none: the book under the cursor
    settle(term)
    seen |= screens_on(term.screen())
    for key in visit.keys:
        term.send(key)
        time.sleep(0.1)
    if visit.text:
        settle(term)
        term.type(visit.text)
    for key in visit.after:
        settle(term)
        term.send(key)
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
