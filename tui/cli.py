"""The `chapbook` command line: dispatches to subcommands without importing Textual for them."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence

from tui.core.model import BookError

# Subcommands that never need the terminal UI: their modules import no Textual, so they
# start fast and work on a server with no usable terminal.
COMMANDS = ("outline", "find", "add", "list", "config")


def _parser(prog: str = "chapbook") -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=prog,
        description="A terminal reader for long-form fiction.",
        epilog=(
            "commands: outline FILE [--json] | find FILE QUERY [--json] [--limit N] | "
            "add PATH... | list [--json] | config check|path|init"
        ),
    )
    parser.add_argument("--config", metavar="FILE", help="settings file to use")
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


def _command_parser(name: str) -> argparse.ArgumentParser:
    parser = _parser(f"chapbook {name}")
    if name == "outline":
        parser.add_argument("file")
        parser.add_argument("--json", action="store_true", help="print JSON")
    elif name == "find":
        parser.add_argument("file")
        parser.add_argument("query", nargs="+")
        parser.add_argument("--json", action="store_true", help="print JSON")
        parser.add_argument("--limit", type=int, default=10, help="how many hits (default 10)")
    elif name == "add":
        parser.add_argument("paths", nargs="+", metavar="PATH")
    elif name == "list":
        parser.add_argument("--json", action="store_true", help="print JSON")
    elif name == "config":
        parser.add_argument("action", choices=("check", "path", "init"))
    return parser


def _command(name: str) -> Callable[[argparse.Namespace], int]:
    if name == "outline":
        from tui.commands.outline import run
    elif name == "find":
        from tui.commands.find import run
    elif name in ("add", "list"):
        from tui.commands.library import run
    else:
        from tui.commands.config import run
    return run


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    # `--config FILE` may come before the command name.
    head = [a for a in args_list if not a.startswith("-")]
    first = head[0] if head else None
    try:
        if first in COMMANDS:
            idx = args_list.index(first)
            rest = args_list[:idx] + args_list[idx + 1 :]
            args = _command_parser(first).parse_args(rest)
            args.command = first
            return _command(first)(args)
        args = _open_parser().parse_args(args_list)
        args.command = None
        from tui.commands.open import run

        return run(args)
    except BookError as err:
        print(f"chapbook: {err}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    raise SystemExit(main())
