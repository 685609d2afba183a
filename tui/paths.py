"""Where chapbook keeps its files, and how it shows paths, words and percentages.

User config and data directories, the shipped defaults, and the stamp that tells a file written
again.
"""

from __future__ import annotations

import functools
import hashlib
import math
import os
from pathlib import Path
from unicodedata import category, combining, east_asian_width

import platformdirs

APP_NAME = "chapbook"
PACKAGE = Path(__file__).resolve().parent  # the `tui` package


def config_dir() -> Path:
    """`$XDG_CONFIG_HOME/chapbook` (or the platform's equivalent)."""
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def data_dir() -> Path:
    """`$XDG_DATA_HOME/chapbook` (or the platform's equivalent)."""
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def state_dir() -> Path:
    """`$XDG_STATE_HOME/chapbook` (or the platform's equivalent): crash logs, and history kept
    across runs."""
    return Path(platformdirs.user_state_dir(APP_NAME, appauthor=False))


def scratch_dir() -> Path:
    """Where chapbook keeps short-lived files (the text of a compressed book opened in
    `$PAGER`): `$XDG_RUNTIME_DIR/chapbook`, private to the user and emptied at logout, or
    `$XDG_CACHE_HOME/chapbook` where there is no runtime directory."""
    runtime = os.environ.get("XDG_RUNTIME_DIR")
    if runtime and Path(runtime).is_dir():
        return Path(runtime) / APP_NAME
    return cache_dir()


def cache_dir() -> Path:
    """Where chapbook keeps what it can make again (big books as parsed):
    `$XDG_CACHE_HOME/chapbook`."""
    return Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))


@functools.cache
def code_stamp(folder: Path) -> str:
    """Changes with the code under ``folder`` (its files' names, sizes and times): what is
    kept in the cache from one version's work is made again by another."""
    digest = hashlib.blake2b(digest_size=8)
    for source in sorted(folder.rglob("*.py")):
        facts = source.stat()
        digest.update(
            f"{source.relative_to(folder)}\0{facts.st_size}\0{facts.st_mtime_ns}\n".encode()
        )
    return digest.hexdigest()


def settings_path() -> Path:
    return config_dir() / "settings.toml"


def default_config_path() -> Path:
    """The shipped `default.toml`: inside the wheel, or `config/` in a source checkout."""
    packaged = PACKAGE / "default.toml"
    if packaged.is_file():
        return packaged
    return PACKAGE.parent / "config" / "default.toml"


def shown_path(path: Path | str) -> str:
    """`~/.config/chapbook/settings.toml` rather than the full home directory."""
    path = Path(path)
    home = Path.home()
    if path == home:
        return "~"
    try:
        return "~/" + str(path.relative_to(home))
    except ValueError:
        return str(path)


def sample_story_path() -> Path:
    """The bundled sample story shown on a first run."""
    return PACKAGE / "data" / "sample.txt"


ELLIPSIS = "…"


def shown_percent(percent: float) -> str:
    """`41%` for ``percent`` (0..100), rounded down as less does: `100%` only at the very end,
    never while a few pages are still to read."""
    return f"{math.floor(max(0.0, min(percent, 100.0)))}%"


def cells(text: str) -> int:
    """How many terminal cells ``text`` takes: wide (East Asian) characters take two, combining
    marks and invisible format characters (a zero-width joiner) none."""
    if text.isascii():
        return len(text)
    return sum(_cells_of(c) for c in text)


def _cells_of(character: str) -> int:
    if combining(character) or category(character) == "Cf":
        return 0
    return 2 if east_asian_width(character) in "WF" else 1


def cut_middle(word: str, width: int) -> str:
    """``word`` in at most ``width`` cells, its middle left out for `…` (its end, where a
    file's suffix is, kept)."""
    if cells(word) <= width:
        return word
    if width <= 1:
        return ELLIPSIS
    tail_room = (width - 1) // 2
    head_room = width - 1 - tail_room
    head, tail = "", ""
    for char in word:
        if cells(head + char) > head_room:
            break
        head += char
    for char in reversed(word):
        if cells(char + tail) > tail_room:
            break
        tail = char + tail
    return head + ELLIPSIS + tail


# Joins the words of a path shown in a notice (`fitted_path`): `fitted_words` breaks lines at
# ordinary spaces only, then shows these as spaces, so a path with spaces is never split.
KEEP_TOGETHER = "\u00a0"


def unbroken(path: str) -> str:
    """``path`` as one word for `fitted_words`, which keeps it whole on its line."""
    return path.replace(" ", KEEP_TOGETHER)


def fitted_path(path: Path | str, width: int) -> str:
    """``path`` for a notice line (`fitted_path_text`), its spaces marked to be kept on one
    line with its other words (`KEEP_TOGETHER`, for `fitted_words`)."""
    return unbroken(fitted_path_text(path, width))


def fitted_path_text(path: Path | str, width: int) -> str:
    """``path`` for a line of ``width`` cells: the home folder as `~`, then the folders
    between the first one and the file name left out for `…`, the nearest folders kept as
    room allows (`~/…/fics/story.txt`). The name stays whole; only a name longer than the
    line alone is cut, in its middle, so that no path is ever split across lines."""
    shown = shown_path(path)
    if cells(shown) <= width:
        return shown
    parts = shown.split("/")
    if parts[0] == "" and len(parts) > 1:  # an absolute path: its first folder leads
        parts = ["/" + parts[1], *parts[2:]]
    if len(parts) < 2:
        return cut_middle(shown, width)
    first, folders, name = parts[0], parts[1:-1], parts[-1]
    lead = f"{first}/{ELLIPSIS}"  # `~/…`, `/home/…`, `fics/…`
    kept: list[str] = []
    for folder in reversed(folders):
        if cells("/".join([lead, folder, *kept, name])) > width:
            break
        kept.insert(0, folder)
    for start in (lead, ELLIPSIS):
        shortened = "/".join([start, *kept, name])
        if cells(shortened) <= width:
            return shortened
    return cut_middle(name, width)


def fitted_words(text: str, width: int) -> str:
    """``text`` in lines of ``width`` cells, each word too long for a line shortened to fit,
    so that a notice breaks lines between words and never inside one: a path by
    `fitted_path` (its trailing punctuation kept), any other word cut in its middle. Lines
    are broken here, at ordinary spaces, so that a path's own spaces are never a break."""
    lines = []
    for paragraph in text.split("\n"):
        words = paragraph.split(" ")
        for at, word in enumerate(words):
            if cells(word) <= width:
                continue
            core = word.rstrip(".,;:)'\"”’")
            trail = word[len(core) :]
            room = max(1, width - cells(trail))
            if "/" in core:
                lead = core[: len(core) - len(core.lstrip("('\"“‘"))]
                words[at] = lead + fitted_path(core[len(lead) :], room - cells(lead)) + trail
            else:
                words[at] = cut_middle(core, room) + trail
        lines += _broken(words, width)
    return "\n".join(lines).replace(KEEP_TOGETHER, " ")


def _broken(words: list[str], width: int) -> list[str]:
    """``words`` in lines of at most ``width`` cells, as many on each as fit."""
    lines: list[str] = []
    line = ""
    for word in words:
        if line and cells(f"{line} {word}") > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    return [*lines, line]


# A file's modification time (ns), size and inode: what changes when it is saved, in place
# or by renaming a new file over it.
FileStamp = tuple[int, int, int]


NO_SUCH_FILE = "no such file or folder"


def missing(path: Path) -> str | None:
    """Why nothing at ``path`` can be opened, as a message names it (`no such file or folder`,
    `file name too long`); None when something is there."""
    try:
        os.stat(path)
    except (FileNotFoundError, NotADirectoryError, ValueError):
        return NO_SUCH_FILE
    except OSError as error:
        return (error.strerror or "cannot be looked at").lower()
    return None


def file_in_the_way(path: Path) -> Path | None:
    """The file standing where a folder on the way to ``path`` should be (`~/.config/chapbook`
    written as a file), or None. Everything at or under it then reads as missing, which it is
    not: nothing can be made there until the file is moved away."""
    for folder in path.parents:
        try:
            if folder.is_dir():
                return None
            if folder.exists():
                return folder
        except OSError:  # (one the system will not look at: said where it is used)
            return None
    return None


def in_the_way_text(blocking: Path, what: str) -> str:
    """What to say of a file where chapbook keeps ``what`` in a folder."""
    return (
        f"{shown_path(blocking)} is a file, not a folder: chapbook keeps {what} in a folder of "
        "that name. Move the file away (or rename it) so that the folder can be made"
    )


def file_stamp(path: Path) -> FileStamp | None:
    """The stamp of the file at ``path`` (following a symlink); None when there is none."""
    try:
        status = os.stat(path)
    except (OSError, ValueError):
        return None
    return status.st_mtime_ns, status.st_size, status.st_ino
