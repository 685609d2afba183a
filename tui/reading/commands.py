"""What is typed at the reader's `:` prompt, as a vim user types it: a line number, the help,
or quit."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

# vim's ways to quit, as typed at its `:` prompt (nothing is written: chapbook keeps the
# place on its own).
QUIT_WORDS = frozenset(
    {
        "q",
        "q!",
        "quit",
        "quit!",
        "qa",
        "qa!",
        "qall",
        "wq",
        "wq!",
        "x",
        "x!",
        "xit",
        "exit",
        "wqa",
        "xa",
    }
)
HELP_WORDS = frozenset({"h", "help"})
LINE = re.compile(r"\d+")
END = "$"

CommandKind = Literal["line", "end", "quit", "help", "none", "unknown"]


@dataclass(frozen=True)
class Command:
    """A command read from the prompt: ``line`` the line number for a "line" command."""

    kind: CommandKind
    line: int = 0


def read_command(typed: str) -> Command:
    """The command ``typed`` at the `:` prompt (blanks and a leading `:` left out)."""
    text = typed.strip().lstrip(":").strip()
    if not text:
        return Command("none")
    if LINE.fullmatch(text):
        return Command("line", int(text))
    if text == END:
        return Command("end")
    if text in QUIT_WORDS:
        return Command("quit")
    if text.split()[0] in HELP_WORDS:  # (`:help marks`: the help, all of it)
        return Command("help")
    return Command("unknown")
