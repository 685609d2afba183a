"""The notice of the settings file's problems: short, and warnings alone told once.

Titled problems or warnings as they are; warnings alone are not told at every start while they
stay the same.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from tui.settings.settings import Problem, config_command
from tui.settings.warnings_told import note_told, told_already

PROBLEM_TITLES = ("Settings problem", "Settings problems")
WARNING_TITLES = ("Settings warning", "Settings warnings")
# Every title the notice may have: what is withdrawn when the file is read again.
TITLES = (*PROBLEM_TITLES, *WARNING_TITLES)
# How many of the warned settings the notice names (the command lists every one).
NAMED = 2


def settings_notice(problems: Sequence[Problem], path: Path | None) -> tuple[str, str] | None:
    """The notice's title and text for ``problems`` of the settings file at ``path``, or None
    when there is nothing to tell: no problems, or only warnings told before, the same ones
    (a key moved to another action on purpose is used, and needs no word at every start)."""
    if not problems:
        return None
    if all(problem.warning for problem in problems):
        if told_already(problems):
            return None
        note_told(problems)
        return WARNING_TITLES[len(problems) > 1], warnings_text(problems, path)
    return PROBLEM_TITLES[len(problems) > 1], problems_text(problems, path)


# A warning this long or shorter is told whole (a config.toml left unread beside settings.toml);
# a longer one (a key taken from another action, what it keeps and how to give it one) would
# cover half of an 80-column screen, and is named and counted instead.
WHOLE_WARNING = 200


def warnings_text(problems: Sequence[Problem], path: Path | None) -> str:
    """`2 warnings in settings.toml (keys.next_chapter, keys.search): …`: how many, where, of
    what, and the command that says each in full; a single short warning, whole."""
    count = len(problems)
    them, change = ("it", "it changes") if count == 1 else ("them", "they change")
    told = f"`{config_command('check', path)}` lists {them}; not shown again until {change}"
    if count == 1 and len(problems[0].brief()) <= WHOLE_WARNING:
        return f"{problems[0].brief()}\n({told}.)"
    files = " and ".join(dict.fromkeys(problem.path.name for problem in problems))
    named = list(dict.fromkeys(problem.setting for problem in problems if problem.setting))
    about = ", ".join(named[:NAMED]) + (", …" if len(named) > NAMED else "")
    return (
        f"{count} warning{'' if count == 1 else 's'} in {files}"
        + (f" ({about})" if about else "")
        + f". {told}."
    )


def problems_text(problems: Sequence[Problem], path: Path | None) -> str:
    """The first problem that keeps a setting from being used, and how to see any others."""
    first = next(problem for problem in problems if not problem.warning)
    message = first.brief()
    rest = [problem for problem in problems if problem is not first]
    if rest:
        wrong = sum(not problem.warning for problem in rest)
        more = " and ".join(
            f"{count} more {word}{'' if count == 1 else 's'}"
            for count, word in ((wrong, "problem"), (len(rest) - wrong, "warning"))
            if count
        )
        message += f"\n{more}: `{config_command('check', path)}` lists every one."
    return message
