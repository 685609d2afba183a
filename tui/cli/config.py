"""`chapbook config check|path|init`: check, locate or create the user's settings.toml."""

from __future__ import annotations

import argparse
import shutil
import sys
import textwrap
from pathlib import Path

from tui.paths import (
    NO_SUCH_FILE,
    file_in_the_way,
    in_the_way_text,
    missing,
    settings_path,
    shown_path,
)
from tui.settings.settings import Problem, config_command, load_settings, stray_settings_file
from tui.settings.template import write_template


def _path(args: argparse.Namespace) -> Path:
    config = getattr(args, "config", None)
    return Path(config).expanduser() if config else settings_path()


def run(args: argparse.Namespace) -> int:
    path = _path(args)
    given = path if getattr(args, "config", None) else None
    if args.action == "path":
        return _show_path(path, given)
    if args.action == "init":
        return _init(path, given)
    return _check(path, explicit=bool(getattr(args, "config", None)))


def _show_path(path: Path, given: Path | None) -> int:
    print(path)
    blocking = file_in_the_way(path)
    if blocking is not None:
        print(f"({in_the_way_text(blocking, 'its settings')})", file=sys.stderr)
    elif not path.exists():
        init = config_command("init", given)
        stray = None if given else stray_settings_file(path)
        if stray is not None:
            print(
                f"(not created yet: chapbook does not read {stray.name} beside it; "
                f"rename that {path.name} if it holds your settings)",
                file=sys.stderr,
            )
        else:
            print(f"(not created yet: `{init}` writes a template there)", file=sys.stderr)
    return 0


def _init(path: Path, given: Path | None) -> int:
    blocking = file_in_the_way(path)
    if blocking is not None:  # (it said the settings file already exists)
        print(
            f"chapbook: cannot write {path}: {in_the_way_text(blocking, 'its settings')}.",
            file=sys.stderr,
        )
        return 2
    try:
        write_template(path)
    except FileExistsError:
        print(
            f"chapbook: {path} already exists, so it was left as it is. "
            f"Edit it, or move it away and run `{config_command('init', given)}` again.",
            file=sys.stderr,
        )
        return 1
    except OSError as err:
        print(f"chapbook: cannot write {path}: {err.strerror or err}", file=sys.stderr)
        return 2
    print(f"Wrote {path}: every setting is there, commented out. Uncomment what you change.")
    return 0


def _for_terminal(text: str, stream) -> str:
    """``text`` broken between words at the terminal's width, its further lines indented, when
    ``stream`` is a terminal (a long problem cut mid-word at 80 columns is hard to read); as it
    is otherwise, one problem a line, for grep and scripts."""
    if not stream.isatty():
        return text
    width = shutil.get_terminal_size().columns
    return textwrap.fill(
        text,
        width=max(width - 1, 40),
        subsequent_indent="  ",
        break_long_words=False,
        break_on_hyphens=False,
    )


def _check(path: Path, *, explicit: bool) -> int:
    _settings, problems = load_settings(path if explicit else None)
    if explicit and missing(path) == NO_SUCH_FILE:
        # (`FILE: no such file. Using the default settings for now.`: said once, as an error,
        # not again in other words after it)
        for problem in problems:
            print(_for_terminal(str(problem), sys.stderr), file=sys.stderr)
        return 1 if problems else 0
    for problem in problems:
        print(_for_terminal(str(problem), sys.stdout))
    wrong = [problem for problem in problems if not problem.warning]
    if problems and not path.exists():
        # (a file beside it under another name, that chapbook does not read)
        print(f"{path} does not exist: chapbook uses the default settings", file=sys.stderr)
    elif problems:
        print(_summary(problems), file=sys.stderr)
    if wrong:
        return 1
    if problems:
        return 0  # (warnings only: every setting and key is used)
    if path.exists():
        print(f"{path}: no problems")
    else:
        print(f"{path} does not exist: chapbook uses the default settings")
    return 0


def _summary(problems: list[Problem]) -> str:
    """`1 problem and 1 warning in settings.toml`, each file named with what was found in it
    (a warning may be of another file beside it: `config.toml`, which chapbook does not read)."""
    by_path: dict[Path, list[Problem]] = {}
    for problem in problems:
        by_path.setdefault(problem.path, []).append(problem)
    parts = []
    for path, found in by_path.items():
        warned = sum(problem.warning for problem in found)
        said = [_counted(len(found) - warned, "problem"), _counted(warned, "warning")]
        parts.append(f"{' and '.join(word for word in said if word)} in {shown_path(path)}")
    return "; ".join(parts)


def _counted(count: int, word: str) -> str:
    """`1 problem`, `2 warnings`; "" for none."""
    return f"{count} {word}{'s' if count > 1 else ''}" if count else ""
