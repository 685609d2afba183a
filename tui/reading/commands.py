"""What is typed at a `:` prompt, read as a vim user types it.

At the reader's prompt and the library's: a line number, lines on or back, a percentage, a
search, clearing its highlights, the help, vim's `:set` and `:settings` (the settings screen),
`:e FILE` (open a book), `:file` (where one is), `:marks`, or quit.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import get_close_matches
from typing import Literal

# vim's ways to quit, as typed at its `:` prompt (nothing is written: chapbook keeps the
# place on its own). These leave the book: back to the library it was opened from.
QUIT_WORDS = frozenset({"q", "q!", "quit", "quit!", "wq", "wq!", "x", "x!", "xit", "exit"})
# vim's ways to quit every window: these end chapbook, from a book opened from the library too.
QUIT_ALL_WORDS = frozenset(
    {
        "qa",
        "qa!",
        "qall",
        "qall!",
        "quita",
        "quitall",
        "quitall!",
        "wqa",
        "wqa!",
        "wqall",
        "wqall!",
        "xa",
        "xa!",
        "xall",
        "xall!",
    }
)
HELP_WORDS = frozenset({"h", "help"})
# vim's ways to change an option: chapbook's settings have a screen and a file of their own.
SET_WORDS = frozenset({"se", "set", "setl", "setlocal", "setg", "setglobal"})
# What opens the settings screen, as vim's `:set` alone and `:options` show its options.
SETTINGS_WORDS = frozenset({"settings", "options", "opt", "option"})
# What `:set NAME=VALUE` is told, wherever it is typed: `{settings}` is the settings key.
SETTINGS_ELSEWHERE = (
    "chapbook has no :set NAME=VALUE: its settings (the text width, the theme, the keys) are on "
    "the settings screen (:set, or the key {settings}) and in settings.toml"
)
# vim's :nohlsearch, and every shortening of it it accepts (:noh, :nohl ...).
CLEAR_WORDS = frozenset("nohlsearch"[:end] for end in range(3, len("nohlsearch") + 1))
# vim's ways to write the file: nothing needs writing, the place is kept anyway.
WRITE_WORDS = frozenset({"w", "w!", "write", "write!", "up", "update"})
# vim's ways to open a file (`:e FILE`; `:e` alone reads the file open again, `:e #` the one
# before), read-only as `:view` opens it, in the one window chapbook has (`:sp`, `:tabe`).
EDIT_WORDS = frozenset(
    {"e", "e!", "edit", "edit!", "vi", "visual", "vie", "view", "view!", "sv", "sview"}
    | {"tabe", "tabedit", "sp", "split", "vs", "vsplit"}
)
# vim's `:f[ile]` and less's `:f`, which say the file's name and the place in it, as ctrl+g does.
# vim's `:nu[mber]` prints the line it is on with its number: so do the facts ctrl+g shows.
FILE_WORDS = frozenset({"f", "fi", "fil", "file", "nu", "number"})
# vim's `:marks`, which lists the marks: chapbook's list of bookmarks holds them.
MARKS_WORDS = frozenset({"marks"})
# vim's `:colorscheme`: chapbook's colours are its theme, answered as `:set background` is.
COLOUR_WORDS = frozenset({"colo", "colorscheme"})
# `:e #`: vim's alternate file, the book this one was opened from.
OTHER_FILE = "#"
LINE = re.compile(r"\d+")
# vim's `:+10` and `:-10` (`:+` and `:-` alone: one), lines on or back from here.
LINES = re.compile(r"([+-])(\d*)")
# `:50%`, as `50%` goes halfway.
PERCENT = re.compile(r"(\d+(?:\.\d+)?)\s*%")
END = "$"

CommandKind = Literal[
    "line",
    "lines",
    "percent",
    "end",
    "quit",
    "quit_all",
    "search",
    "search_back",
    "clear_search",
    "write",
    "edit",
    "help",
    "set",
    "settings",
    "file",
    "marks",
    "none",
    "unknown",
]
# vim's `:/pattern` and `:?pattern`, the next line matching forward and backward: a search.
SEARCHES: dict[str, CommandKind] = {"/": "search", "?": "search_back"}


@dataclass(frozen=True)
class Command:
    """A command read from the prompt: ``line`` the line number for a "line" command and the
    lines on (back, below 0) for a "lines" one; ``words`` what a search looks for (empty: the
    last search again, as `:/` in vim), the percentage of a "percent" command, the option
    a "set" one names, the file an "edit" one opens (empty: the one open, read again), or the
    command an "unknown" one is close to (`help` for `hepl`; empty: none is)."""

    kind: CommandKind
    line: int = 0
    words: str = ""


def read_command(typed: str) -> Command:
    """The command ``typed`` at the `:` prompt (blanks and a leading `:` left out)."""
    text = typed.strip().lstrip(":").strip()
    if not text:
        return Command("none")
    if text[0] in SEARCHES:
        return Command(SEARCHES[text[0]], words=search_words(text[1:], text[0]))
    if LINE.fullmatch(text):
        return Command("line", int(text))
    lines = LINES.fullmatch(text)
    if lines:
        count = int(lines[2] or 1)
        return Command("lines", count if lines[1] == "+" else -count)
    percent = PERCENT.fullmatch(text)
    if percent:
        return Command("percent", words=percent[1])
    if text in CLEAR_WORDS:
        return Command("clear_search")
    if text in WRITE_WORDS:
        return Command("write")
    if text == END:
        return Command("end")
    if text in QUIT_WORDS:
        return Command("quit")
    if text in QUIT_ALL_WORDS:
        return Command("quit_all")
    if text in FILE_WORDS:
        return Command("file")
    if text in MARKS_WORDS:
        return Command("marks")
    first, _, rest = text.partition(" ")
    if first.endswith(OTHER_FILE) and first[: -len(OTHER_FILE)] in EDIT_WORDS and not rest:
        return Command("edit", words=OTHER_FILE)  # (`:e#`, as vim takes it too)
    if first in EDIT_WORDS:
        return Command("edit", words=rest.strip())
    if first in HELP_WORDS:  # (`:help marks`: the help, all of it)
        return Command("help")
    if first in SET_WORDS and rest.strip():
        return Command("set", words=rest.strip())
    if first in SET_WORDS or text in SETTINGS_WORDS:
        return Command("settings")
    if first in COLOUR_WORDS:
        return Command("set", words="background")
    return Command("unknown", words=near_command(first))


# The commands a slip is matched against, each by its full name (`:hepl`: did you mean `:help`?).
NEAR_WORDS: tuple[str, ...] = (
    *("quit", "qall", "write", "help", "set", "settings", "nohlsearch", "edit", "file"),
    *("marks", "options", "view", "split"),
)
# Those the library's prompt has (the others are the reader's).
LIBRARY_WORDS = ("quit", "qall", "write", "help", "set", "settings", "edit", "options", "view")
# How like a command a slip must be to name it: a transposed pair (`hepl`, `marsk`) is.
NEAR_ENOUGH = 0.75


def unknown_said(
    listing: str,
    typed: str,
    command: Command,
    where: str = "chapbook",
    has: tuple[str, ...] = NEAR_WORDS,
) -> str:
    """What is said of ``command``, typed as ``typed``, which is no command ``where`` (the
    prompt's screen): `did you mean :help?` when it is an unknown one close to a command
    there has (its ``words``, one of ``has``), else ``listing`` (which lists the commands,
    `{typed}` in it the command as typed)."""
    if command.kind == "unknown" and command.words in has:
        return f"“:{typed.strip()}” is not a {where} command; did you mean :{command.words}?"
    return listing.format(typed=typed.strip())


def near_command(word: str) -> str:
    """The command ``word`` was likely meant to be, or "" (a word shorter than three letters
    is too short to tell from)."""
    if len(word) < 3:
        return ""
    near = get_close_matches(word.lower(), NEAR_WORDS, n=1, cutoff=NEAR_ENOUGH)
    return near[0] if near else ""


def search_words(typed: str, delimiter: str) -> str:
    """What `:/words/` searches for: vim's closing delimiter is optional, and left out here
    (unless a backslash makes it part of the words)."""
    if typed.endswith(delimiter) and not typed.endswith("\\" + delimiter):
        return typed[: -len(delimiter)]
    return typed


def file_typed(typed: str) -> tuple[str, str] | None:
    """``typed`` split into its `:e ` (the command and the blanks after it) and the path after
    it, for Tab to complete the path; None when ``typed`` is no command that opens a file."""
    match = re.match(r"(\s*:*\s*(\S+)\s+)(.*)", typed, re.DOTALL)
    if match is None or match[2] not in EDIT_WORDS:
        return None
    return match[1], match[3]
