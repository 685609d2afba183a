"""User settings: the shipped defaults merged with the user's settings.toml, validated."""

from __future__ import annotations

import shlex
import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from tui.paths import NO_SUCH_FILE, FileStamp, file_stamp, missing, settings_path, shown_path
from tui.settings.defaults import defaults
from tui.settings.keymap_check import check_keys
from tui.settings.keymap_slips import keymap_words, preset_meant
from tui.settings.keymaps import DEFAULT_PRESET, preset_keys
from tui.settings.placement import misplaced
from tui.settings.schema import NOT_SETTINGS, SCHEMA, sentence
from tui.settings.spelling import closest_name
from tui.settings.toml_words import header_name, listed_header, locate, not_utf8, toml_error

TABLES = ("reader", "library", "display")


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
    """A file beside the missing settings file ``path`` that was likely meant to be it
    (config.toml, chapbook.toml, settings.tml, settings.toml.txt as some editors save it), or
    None. chapbook reads only ``path``: such a file is otherwise silently left unread."""
    try:
        entries = sorted(path.parent.iterdir())
    except OSError:
        return None
    from rapidfuzz.distance import OSA  # (only when there is no settings file)

    for entry in entries:
        name = entry.name.casefold().removesuffix(".txt")
        stem, _, ending = name.partition(".")
        if entry.name.startswith(".") or not entry.is_file():
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
        if _tables(value):
            data[name] = _listed_table(name, value, lines, report)
    data = _without_keymap_slips(data, lines, report)
    for name, value in data.items():
        if name == "keys" or value is None:
            continue
        if name in TABLES:
            if not isinstance(value, dict):
                report(name, sentence(f"expected a table: write [{name}] above its settings"))
                continue
            for key, item in value.items():
                _apply(settings, f"{name}.{key}", item, report)
        elif name in NOT_SETTINGS:
            report(name, sentence(NOT_SETTINGS[name]))
        elif (isinstance(value, dict) or _tables(value)) and name not in SCHEMA:
            report(name, unknown_table(name))
        else:
            _apply(settings, name, value, report)

    keys_table = data.get("keys", {})
    if keys_table is None:  # (a [[keys]] written twice: told above)
        keys_table = {}
    if not isinstance(keys_table, dict):
        report("keys", sentence("expected a table: write [keys] above your keys"))
        keys_table = {}
    settings.keys = check_keys(
        keys_table, preset_keys(settings.keymap), report, preset_name=settings.keymap
    )
    # In the order of the file's lines, as an editor shows them (keys are checked last).
    return settings, sorted(problems, key=lambda problem: problem.line or 0)


def _without_keymap_slips(data: dict[str, Any], lines: list[str], report) -> dict[str, Any]:
    """``data`` without the entries meant to choose the keymap preset where it is not read
    (`preset = "vim"` under [keys]), each told with the line that sets it; a table that held
    nothing else goes too, rather than being told as a second problem."""
    kept: dict[str, Any] = {}
    for name, value in data.items():
        if isinstance(value, dict):
            entries = {}
            for leaf, item in value.items():
                meant = preset_meant(leaf, item)
                if meant is None:
                    entries[leaf] = item
                else:
                    report(f"{name}.{leaf}", sentence(keymap_words(meant, name, data, lines)))
            if entries or not value:
                kept[name] = entries
            continue
        meant = preset_meant(name, value) if name != "keymap" else None
        if meant is None:
            kept[name] = value
        else:
            report(name, sentence(keymap_words(meant, "", data, lines)))
    return kept


def _tables(value: Any) -> bool:
    """True for a list of tables (`[[reader]]`, or `reader = [{ … }]`)."""
    return isinstance(value, list) and bool(value) and all(isinstance(v, dict) for v in value)


def _listed_table(name: str, tables: list[dict[str, Any]], lines: list[str], report) -> Any:
    """What to read for a table written `[[name]]`, which TOML reads as a list of tables:
    chapbook's own table written so once is read as `[name]`, with a warning that says how to
    write it; written twice, it is not read (None). Any other name is left as it is, to be
    told as unknown or misplaced; so is a list written `name = [{ … }]`."""
    line = locate(lines, name)
    headed = line is not None and listed_header(lines[line - 1])
    if name not in (*TABLES, "keys") or not headed:
        return tables
    brackets = f"[[{name}]], in double brackets, makes a list of tables, and settings are one table"
    if len(tables) == 1:
        report(
            name,
            sentence(f"{brackets}: write [{name}]")
            + f" chapbook reads the entries under it as [{name}]'s meanwhile.",
            warning=True,
        )
        return tables[0]
    again = [n for n, written in enumerate(lines, 1) if header_name(written) == name]
    on_lines = " and ".join(str(n) for n in again)
    report(
        name,
        sentence(
            f"{brackets}: write [{name}] once (it is on lines {on_lines}), above all its entries"
        )
        + f" Using the default [{name}] for now.",
    )
    return None


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


def unknown_setting(dotted: str) -> str:
    """The message for a setting chapbook does not have: where it belongs when it is a setting
    of another table or an action id, the one it was meant to be when one is spelt like it,
    else the settings its table holds."""
    table, _, leaf = dotted.rpartition(".")
    elsewhere = misplaced(table, leaf)
    if elsewhere:
        return sentence(elsewhere)
    suggestion = _suggest_setting(dotted)
    if suggestion:
        return sentence("unknown setting", suggestion)
    if table in TABLES:
        held = ", ".join(name.rpartition(".")[2] for name in SCHEMA if name.startswith(f"{table}."))
        return sentence(f"unknown setting: [{table}] holds {held}")
    top = ", ".join(name for name in SCHEMA if "." not in name)
    tables = ", ".join(f"[{name}]" for name in (*TABLES, "keys"))
    return sentence(
        f"unknown setting: the settings outside a table are {top}; the tables are {tables}"
    )


def unknown_table(name: str) -> str:
    """The message for a table chapbook does not have (`[reaer]`): the one it was meant to be
    when one is spelt like it, else the tables there are."""
    suggestion = closest_name(name, [*TABLES, "keys"])
    if suggestion:
        return sentence("unknown table", f"[{suggestion}]")
    tables = ", ".join(f"[{table}]" for table in (*TABLES, "keys"))
    return sentence(f"unknown table: the tables are {tables}")


def _suggest_setting(dotted: str) -> str | None:
    """The setting ``dotted`` was meant to be, when one is spelt like it: in its own table
    first (`reader.widht`), then anywhere (`width = 80` at the top means reader.width)."""
    table, _, leaf = dotted.rpartition(".")
    by_leaf: dict[str, str] = {}
    for name in SCHEMA:
        by_leaf.setdefault(name.rpartition(".")[2], name)
    own = [name for name in SCHEMA if name.rpartition(".")[0] == table]
    if table:
        close = closest_name(leaf, [name.rpartition(".")[2] for name in own])
        if close:
            return f"{table}.{close}"
    elif leaf in (*TABLES, "keys"):
        return None
    if leaf in by_leaf:  # the right name in the wrong place
        return by_leaf[leaf]
    if not table:
        close = closest_name(leaf, [*own, *TABLES, "keys"])
        if close:
            return close
    close = closest_name(leaf, list(by_leaf))
    return by_leaf[close] if close else None


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
