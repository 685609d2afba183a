"""The `chapbook` command line: dispatches to subcommands without importing Textual for them."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from tui import __version__
from tui.book.model import BookError

# Subcommands that never need the terminal UI: their modules import no Textual, so they
# start fast and work on a server with no usable terminal.
COMMANDS = ("outline", "find", "bookmarks", "add", "list", "config")


def _parser(prog: str = "chapbook") -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=prog,
        description="A terminal reader for long-form fiction.",
        epilog=(
            "commands: outline FILE [--json] | find FILE QUERY [--json] [--limit N] | "
            "bookmarks FILE [--markdown] | "
            "add PATH... [--yes] | list [--json] | config check|path|init"
        ),
    )
    parser.add_argument("--config", metavar="FILE", help="settings file to use")
    parser.add_argument("--version", action="version", version=f"chapbook {__version__}")
    return parser


def _open_parser() -> argparse.ArgumentParser:
    parser = _parser()
    parser.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="a book to read, or folders to add to the library (none: open the library)",
    )
    return parser


DESCRIPTIONS = {
    "outline": "Print a book's structure: title, author, chapters, scenes, front and end matter.",
    "find": "Fuzzy-find scenes, chapters, bookmarks and passages of a book, best first.",
    "bookmarks": "Print a book's bookmarks and quotes, with chapter and scene.",
    "add": "Add books, or folders of books (recursively), to the library.",
    "list": "List the books in the library.",
    "config": "Check, locate or create your settings.toml.",
}


def _command_parser(name: str) -> argparse.ArgumentParser:
    parser = _parser(f"chapbook {name}")
    parser.description = DESCRIPTIONS[name]
    parser.epilog = None
    if name == "outline":
        parser.add_argument("file", help="a .txt, .epub or .html book")
        parser.add_argument("--json", action="store_true", help="print JSON")
    elif name == "find":
        parser.add_argument("file", help="a .txt, .epub or .html book")
        parser.add_argument(
            "query",
            nargs="+",
            help="words of a scene; `ch3 s5`; prefixes: # chapters, * scenes, ' bookmarks, / text",
        )
        parser.add_argument("--json", action="store_true", help="print JSON")
        parser.add_argument("--limit", type=int, default=10, help="how many hits (default 10)")
    elif name == "bookmarks":
        parser.add_argument("file", help="a book in the library")
        parser.add_argument("--markdown", action="store_true", help="print Markdown")
    elif name == "add":
        parser.add_argument("paths", nargs="+", metavar="PATH", help="books or folders")
        parser.add_argument(
            "--yes",
            "-y",
            action="store_true",
            help="add a big folder without asking (see library.ask_above in the settings)",
        )
    elif name == "list":
        parser.add_argument("--json", action="store_true", help="print JSON")
    elif name == "config":
        parser.add_argument(
            "action",
            choices=("check", "path", "init"),
            help="check: report problems (exit 1 if any); path: where the file is; "
            "init: write a commented template",
        )
    return parser


def _command(name: str) -> Callable[[argparse.Namespace], int]:
    if name == "outline":
        from tui.cli.outline import run
    elif name == "find":
        from tui.cli.find import run
    elif name == "bookmarks":
        from tui.cli.bookmarks import run
    elif name in ("add", "list"):
        from tui.cli.library import run
    else:
        from tui.cli.config import run
    return run


def _command_name(args: list[str]) -> str | None:
    """The first word that is neither an option nor an option's value (`--config FILE`)."""
    skip = False
    for arg in args:
        if skip:
            skip = False
        elif arg == "--config":
            skip = True
        elif arg == "--":
            return None
        elif not arg.startswith("-"):
            return arg
    return None


def _parsed(parser: argparse.ArgumentParser, args: list[str]) -> argparse.Namespace:
    """``args`` parsed; a file whose name starts with `-` (`-notes.txt`), which argparse takes
    for an option it does not know (`unrecognized arguments`, or `the following arguments are
    required: file`), is named with the way to write it."""
    try:
        return parser.parse_args(args)
    except SystemExit as leaving:
        dashed = [a for a in args if a.startswith("-") and len(a) > 1 and os.path.lexists(a)]
        if leaving.code == 2 and dashed:
            name = dashed[0]
            print(
                f"chapbook: {name} is read as an option: for the file, write ./{name}, or put "
                "-- before it",
                file=sys.stderr,
            )
        raise


def _missing_book(args: argparse.Namespace) -> str:
    """Why the book a command names is not there, with the near name the reader offers
    (`no such file or folder: pg_dracula.tx; did you mean pg_dracula.txt?`); "" when it is."""
    given = getattr(args, "file", None)
    if not given:
        return ""
    from tui.paths import missing

    path = Path(given).expanduser()
    if missing(path) is None or os.path.islink(path):  # (a broken link is said by the loader)
        return ""
    from tui.library.typed_paths import missing_said

    return missing_said(path) or ""


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    first = _command_name(args_list)
    try:
        if first in COMMANDS:
            idx = args_list.index(first)
            rest = args_list[:idx] + args_list[idx + 1 :]
            args = _parsed(_command_parser(first), rest)
            args.command = first
            wrong = _missing_book(args)
            if wrong:
                print(f"chapbook: {wrong}", file=sys.stderr)
                return 2
            return _command(first)(args)
        args = _parsed(_open_parser(), args_list)
        args.command = None
        from tui.cli.open import run

        return run(args)
    except BookError as err:
        print(f"chapbook: {err}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
    except Exception as error:
        # Anything else is a bug: the details go to a crash log, the user gets one line.
        from tui.cli.crash import CrashLog, debugging

        if debugging():
            raise
        crash_log = CrashLog()
        crash_log.record(error)
        crash_log.announce()
        return 1


if __name__ == "__main__":
    raise SystemExit(main())
