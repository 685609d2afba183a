"""User settings: the shipped defaults merged with the user's settings.toml, validated."""

from __future__ import annotations

import shlex
import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from tui.book.loader import neutralise
from tui.paths import (
    NO_SUCH_FILE,
    FileStamp,
    file_in_the_way,
    file_stamp,
    in_the_way_text,
    missing,
    settings_path,
    shown_path,
)
from tui.settings.defaults import defaults
from tui.settings.entry_words import (
    TABLES,
    is_tables,
    listed_table,
    unknown_setting,
    unknown_table,
    without_keymap_slips,
)
from tui.settings.keymap_check import check_keys
from tui.settings.keymaps import DEFAULT_PRESET, preset_keys
from tui.settings.schema import IGNORED_TABLE, NOT_SETTINGS, SCHEMA, sentence
from tui.settings.toml_words import locate, not_utf8, toml_error


@dataclass
class ReaderSettings:
    width: int = 72
    margin: int = 2
    paragraph_style: str = "blank"
    justify: bool = False
    page_overlap: int = 0  # rows of the page left that a page turn keeps in view
    words_per_minute: int = 250
    scene_ornament: str = "⁂"
    search_regex: bool = False
    chapter_notes: str = "show"


@dataclass
class LibrarySettings:
    sort: str = "last_read"
    ask_above: int = 300  # new files in one scan above which adding asks first


@dataclass
class DisplaySettings:
    borders: str = "rounded"


@dataclass
class Settings:
    theme: str = "textual-dark"
    keymap: str = "default"
    reader: ReaderSettings = field(default_factory=ReaderSettings)
    library: LibrarySettings = field(default_factory=LibrarySettings)
    display: DisplaySettings = field(default_factory=DisplaySettings)
    # Effective keys for every action id (defaults, preset, then the user's [keys]).
    keys: dict[str, str] = field(default_factory=dict)
    # The preset's actions that lost keys to the user's [keys]: action → {key: the user's
    # action that runs it now}. Part of `keys` already; kept to say so where keys are shown.
    taken: dict[str, dict[str, str]] = field(default_factory=dict, compare=False, repr=False)
    path: Path | None = None  # the user file these came from
    # The file as it was when these were read from it (None: missing, or not read), so that
    # a change on disk is seen with a stat; never part of comparing two settings.
    stamp: FileStamp | None = field(default=None, compare=False, repr=False)
    # Kept in use while the file they came from could not be read again (not the defaults).
    held_over: bool = field(default=False, compare=False, repr=False)

    def get(self, dotted: str) -> Any:
        """A setting by its dotted name: `get("reader.width")`."""
        target: Any = self
        for part in dotted.split("."):
            target = getattr(target, part)
        return target

    def user_keys(self) -> dict[str, str]:
        """The keys that differ from the keymap preset: what [keys] in settings.toml holds."""
        preset = preset_keys(self.keymap)
        return {action: keys for action, keys in self.keys.items() if preset.get(action) != keys}


@dataclass
class Problem:
    """One thing wrong in a settings file, worded for the user."""

    path: Path
    setting: str
    message: str
    line: int | None = None
    column: int | None = None
    # The file could not be read at all (not TOML, not UTF-8, unreadable): none of it is used.
    unread: bool = False
    # Said of an entry that is used all the same (a key written twice in one binding).
    warning: bool = False

    def __post_init__(self) -> None:
        self.setting = shown_words(self.setting)
        self.message = shown_words(self.message)

    def __str__(self) -> str:
        return self.worded(shown_path(self.path))

    def brief(self) -> str:
        """The problem with the file named but not its folder: short enough for a notice
        (`chapbook config check` gives the whole path)."""
        return self.worded(self.path.name)

    def worded(self, where: str) -> str:
        """The problem, after ``where`` the file is and its line and column."""
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        if self.warning:
            where += ": warning"
        return (
            f"{where}: {self.setting}: {self.message}"
            if self.setting
            else f"{where}: {self.message}"
        )


# A value quoted in a problem is cut to this many characters, and a setting's name too: a
# value a megabyte long (a paste gone wrong) printed whole made `config check` one line of a
# megabyte, and the settings screen thousands of rows.
SHOWN_CHARS = 60


def shown_words(text: str) -> str:
    """A problem's words fit for a terminal: the file's escape codes and control characters
    made visible (`␛[31m`; they reached the terminal as they were, from `config check`), a
    line break as `␊`, and a long value cut (`"aaaa…"`)."""
    parts = neutralise(text).replace("\n", "␊").split('"')
    for n in range(1, len(parts) - 1, 2):  # (what stands between a pair of quotes)
        if len(parts[n]) > SHOWN_CHARS:
            parts[n] = parts[n][: SHOWN_CHARS - 1] + "…"
    text = '"'.join(parts)
    if " " not in text and len(text) > SHOWN_CHARS:  # (a setting's name)
        text = text[: SHOWN_CHARS - 1] + "…"
    return text


def config_command(action: str, path: Path | None) -> str:
    """The `chapbook config ACTION` command for the settings file at ``path``: with
    `--config FILE` when that is not the usual settings.toml, so that it checks that file."""
    command = f"chapbook config {action}"
    if path is None or path.expanduser().absolute() == settings_path().absolute():
        return command
    return f"{command} --config {shlex.quote(str(path))}"


def default_settings(path: Path | None = None) -> Settings:
    """The shipped defaults, untouched."""
    base = defaults()
    return Settings(
        theme=base["theme"],
        keymap=base["keymap"],
        reader=ReaderSettings(**base["reader"]),
        library=LibrarySettings(**base["library"]),
        display=DisplaySettings(**base["display"]),
        keys=preset_keys(base["keymap"]),
        path=path,
    )


def load_settings(path: Path | None = None) -> tuple[Settings, list[Problem]]:
    """Defaults merged with the user's file. Never raises: problems are returned instead.

    With no `path`, the file is `settings.toml` in the user config directory, and a missing
    file simply means the defaults. A `path` given on purpose (`--config FILE`) must exist.
    """
    explicit = path is not None
    path = Path(path) if path is not None else settings_path()
    # Taken before reading: a change made while the file is read is seen as one next time.
    stamp = file_stamp(path)
    data, text, problems = read_settings_file(path, required=explicit)
    settings, more = build_settings(data, path, text)
    settings.stamp = stamp
    if not explicit and path.exists():
        more += _beside(path)
    return settings, problems + more


def reload_settings(path: Path) -> tuple[Settings, list[Problem]]:
    """The settings file at ``path`` read again as start-up read it: a missing usual
    settings.toml means the defaults, a missing `--config FILE` is a problem."""
    usual = path.expanduser().absolute() == settings_path().absolute()
    return load_settings(None if usual else path)


def reload_if_changed(settings: Settings) -> tuple[Settings, list[Problem]] | None:
    """The file ``settings`` came from, read again (`reload_settings`) when it changed on
    disk since they were read from it; None when it did not, or they came from no file.
    Costs one stat when nothing changed."""
    if settings.path is None or file_stamp(settings.path) == settings.stamp:
        return None
    fresh, problems = reload_settings(settings.path)
    if any(problem.unread for problem in problems):
        # Saved half-way through an edit (`[reader` without its `]`): what was in use stays
        # until the file reads again, rather than every setting and key going back to the
        # defaults under the reader.
        kept = replace(settings, stamp=fresh.stamp, held_over=True)
        return kept, [_keeping(problem) for problem in problems]
    return fresh, problems


_KEPT = "chapbook keeps the settings it had"


def _keeping(problem: Problem) -> Problem:
    """``problem`` worded for a file read again while chapbook runs: the settings in use stay."""
    message = problem.message.replace(_ALL, f" Until then {_KEPT}.")
    message = message.replace(_UNTIL_DEFAULTS, f"until then {_KEPT}.")
    return replace(problem, message=message)


def read_settings_file(path: Path, *, required: bool) -> tuple[dict[str, Any], str, list[Problem]]:
    """The parsed file (empty when missing or unreadable), its text, and what went wrong."""
    if missing(path) == NO_SUCH_FILE and not path.is_symlink():
        blocking = file_in_the_way(path)
        if blocking is not None:  # (not "no settings": none can be kept there)
            reason = in_the_way_text(blocking, "its settings")
            return {}, "", [Problem(path, "", sentence(reason) + _ALL)]
        if required:
            return {}, "", [Problem(path, "", sentence("no such file") + _ALL)]
        stray = stray_settings_file(path)
        if stray is not None:
            return {}, "", [_unused(stray, path)]
        return {}, "", []
    try:
        raw = path.read_bytes()
    except OSError as err:
        reason = f"cannot be read ({(err.strerror or str(err)).lower()})"
        return {}, "", [Problem(path, "", sentence(reason) + _ALL, unread=True)]
    wrong_bytes = not_utf8(raw)
    if wrong_bytes is not None:
        problem = Problem(
            path, "", wrong_bytes.words + _ALL, wrong_bytes.line, wrong_bytes.column, unread=True
        )
        return {}, "", [problem]
    text = raw.decode("utf-8-sig")
    try:
        return tomllib.loads(text), text, []
    except tomllib.TOMLDecodeError as err:
        return {}, text, [_syntax_problem(path, err, text)]


_ALL = " Using the default settings for now."

# What a settings file may be named by a natural guess (config.toml, chapbook.toml), besides
# misspellings of settings.toml (settings.tml, setings.toml).
_GUESSED_NAMES = ("settings", "setting", "config", "configuration", "chapbook", "preferences")
_GUESSED_ENDINGS = ("", "toml", "conf", "cfg", "ini")


def stray_settings_file(path: Path) -> Path | None:
    """A file beside the settings file ``path`` that was likely meant to be it (config.toml,
    chapbook.toml, settings.tml, settings.toml.txt as some editors save it), or None. chapbook
    reads only ``path``: such a file is otherwise silently left unread."""
    try:
        entries = sorted(path.parent.iterdir())
    except OSError:
        return None
    from rapidfuzz.distance import OSA  # (only when there is no settings file)

    for entry in entries:
        name = entry.name.casefold().removesuffix(".txt")
        stem, _, ending = name.partition(".")
        if entry.name.startswith(".") or entry.name == path.name or not entry.is_file():
            continue
        if (stem in _GUESSED_NAMES or OSA.distance(stem, "settings") <= 1) and (
            ending in _GUESSED_ENDINGS or OSA.distance(ending, "toml") <= 1
        ):
            return entry
    return None


def _unused(stray: Path, path: Path) -> Problem:
    """The problem of a settings file under another name than the one chapbook reads."""
    reason = (
        f"chapbook does not read this file: it reads its settings from {path.name}, beside "
        f"it. If this file holds your settings, rename it {path.name}"
    )
    return Problem(stray, "", sentence(reason) + _ALL)


def _beside(path: Path) -> list[Problem]:
    """A warning about a settings file under another name beside the settings file ``path``
    that exists (a config.toml written as well as the settings.toml a save wrote), which
    chapbook leaves unread; none when there is no such file."""
    stray = stray_settings_file(path)
    if stray is None:
        return []
    reason = (
        f"chapbook does not read this file: it reads its settings from {path.name}, beside "
        f"it. If this file holds settings of yours, move them into {path.name}, then remove "
        "this file"
    )
    return [Problem(stray, "", sentence(reason), warning=True)]


_UNTIL_DEFAULTS = "until then chapbook uses the default settings."


def _syntax_problem(path: Path, err: tomllib.TOMLDecodeError, text: str) -> Problem:
    error = toml_error(err, text)
    words = error.words if error.line is not None else f"{error.words}, at the end of the file"
    text = f"not valid TOML: {words}. Fix that line; {_UNTIL_DEFAULTS}"
    return Problem(path, "", text, error.line, error.column, unread=True)


def build_settings(
    data: dict[str, Any], path: Path, text: str = ""
) -> tuple[Settings, list[Problem]]:
    """Validate parsed user settings and merge them over the defaults."""
    settings = default_settings(path)
    problems: list[Problem] = []
    lines = text.splitlines()
    data = dict(data)

    def report(setting: str, message: str, *, warning: bool = False) -> None:
        problems.append(Problem(path, setting, message, locate(lines, setting), warning=warning))

    for name, value in data.items():
        if is_tables(value):
            data[name] = listed_table(name, value, lines, report)
    data = without_keymap_slips(data, lines, report)
    for name, value in data.items():
        if name == "keys" or value is None:
            continue
        if name in TABLES:
            if not isinstance(value, dict):
                reason = f"expected a table: write [{name}] above its settings"
                report(name, sentence(reason) + f" Using the default [{name}] settings for now.")
                continue
            for key, item in value.items():
                _apply(settings, f"{name}.{key}", item, report)
        elif name in NOT_SETTINGS:
            report(name, sentence(NOT_SETTINGS[name]) + IGNORED_TABLE)
        elif (isinstance(value, dict) or is_tables(value)) and name not in SCHEMA:
            report(name, unknown_table(name))
        else:
            _apply(settings, name, value, report)

    keys_table = data.get("keys", {})
    if keys_table is None:  # (a [[keys]] written twice: told above)
        keys_table = {}
    if not isinstance(keys_table, dict):
        reason = "expected a table: write [keys] above your keys"
        report("keys", sentence(reason) + " Using the default keys for now.")
        keys_table = {}
    settings.keys, settings.taken = check_keys(
        keys_table, preset_keys(settings.keymap), report, preset_name=settings.keymap
    )
    # In the order of the file's lines, as an editor shows them (keys are checked last).
    return settings, sorted(problems, key=lambda problem: problem.line or 0)


def _apply(settings: Settings, dotted: str, value: Any, report) -> None:
    rule = SCHEMA.get(dotted)
    if rule is None:
        report(dotted, unknown_setting(dotted))
        return
    default = settings.get(dotted)
    wrong = rule.check(value)
    if wrong is not None:
        reason, suggestion = wrong
        report(dotted, sentence(reason, suggestion, default))
        return
    owner, _, leaf = dotted.rpartition(".")
    setattr(settings.get(owner) if owner else settings, leaf, value)


__all__ = [
    "DEFAULT_PRESET",
    "DisplaySettings",
    "FileStamp",
    "LibrarySettings",
    "Problem",
    "ReaderSettings",
    "Settings",
    "build_settings",
    "config_command",
    "default_settings",
    "file_stamp",
    "load_settings",
    "locate",
    "reload_if_changed",
    "reload_settings",
    "sentence",
]
