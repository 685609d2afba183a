"""Paths typed at the library's add prompt: expanded, completed and checked.

`~` expanded, names completed as a shell does, and what is wrong with a path that cannot be
added (with a near name to suggest).
"""

from __future__ import annotations

import errno
import os
import shlex
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

from rapidfuzz import fuzz, process

from tui.book.loader import not_a_file
from tui.book.model import BookError
from tui.book.slips import TYPO_CUTOFF
from tui.library.book_check import check_book
from tui.paths import NO_SUCH_FILE, cut_middle, missing, shown_path


def expanded(typed: str) -> Path:
    """The path ``typed`` names: `~` is the home folder; a relative path is taken from the
    folder chapbook was started in, as `chapbook PATH` takes it. A path written as a shell or a
    terminal writes a file dropped on it (in quotes, `'~/My Books/Worm.epub'`, with its
    spaces escaped, `~/My\\ Books/Worm.epub`, or as a `file://` address) names the file it
    names for them, when the path as typed is not there."""
    literal = Path(os.path.expanduser(typed.strip()))
    if literal.exists():
        return literal
    dropped = _as_dropped(typed.strip())
    return dropped if dropped is not None and dropped.exists() else literal


def _as_dropped(typed: str) -> Path | None:
    """The one path ``typed`` names read as a shell reads it, or as a `file://` address."""
    if typed.startswith("file://"):
        address = urlsplit(typed)
        if address.netloc not in ("", "localhost"):
            return None  # (another machine's file)
        return Path(unquote(address.path))
    try:
        words = shlex.split(typed)
    except ValueError:  # (a quote left open)
        return None
    return Path(os.path.expanduser(words[0])) if len(words) == 1 else None


@dataclass
class Completion:
    """What Tab does to a typed path: the new text, and the names it could go on with when
    more than one fits (shown to choose from, as a shell shows them)."""

    text: str
    choices: list[str] = field(default_factory=list)


def _entries(folder: Path) -> list[tuple[str, bool]]:
    """(name, is a folder) of each entry in ``folder``, in name order; none if unreadable."""
    try:
        with os.scandir(folder) as found:
            entries = []
            for entry in found:
                try:
                    entries.append((entry.name, entry.is_dir()))
                except OSError:
                    entries.append((entry.name, False))
    except OSError:
        return []
    return sorted(entries)


def complete(typed: str) -> Completion:
    """Complete the last name of ``typed``: a single match whole (a folder with its `/`), several
    to their longest common start, with the choices listed. Hidden names are offered only
    when the name typed starts with a dot; case is matched first, then ignored."""
    if typed in ("~", ""):
        return Completion("~/" if typed else typed)
    head, _slash, partial = typed.rpartition("/")
    where = f"{head}/" if _slash else ""
    folder = expanded(where) if where else Path(".")
    entries = [(n, d) for n, d in _entries(folder) if partial.startswith(".") or n[0] != "."]
    matches = [(n, d) for n, d in entries if n.startswith(partial)]
    if not matches:
        folded = partial.casefold()
        matches = [(n, d) for n, d in entries if n.casefold().startswith(folded)]
    if not matches:
        return Completion(typed)
    if len(matches) == 1:
        name, is_folder = matches[0]
        return Completion(where + name + ("/" if is_folder else ""))
    # The longest start of the names, letter by letter (names, not paths: RUF071 is wrong here).
    common = os.path.commonprefix([n for n, _d in matches])  # noqa: RUF071
    # A common start found without case stands in for what was typed only when longer.
    text = where + common if len(common) > len(partial) else typed
    return Completion(text, [n + ("/" if d else "") for n, d in matches])


def near_name(path: Path) -> Path | None:
    """A path like ``path`` that exists: the first of its names that is not there replaced by
    the nearest name beside it spelt alike (`~/fics/wrom` → `~/fics/worm`), the rest kept
    when that exists too; None when nothing is that near."""
    parts = path.parts
    for at in range(len(parts)):
        folder = Path(*parts[:at]) if at else Path(".")
        if (folder / parts[at]).exists():
            continue
        if os.path.lexists(folder / parts[at]):
            return None  # (a link that leads nowhere is there: no other name is meant)
        near = _spelt_alike(parts[at], [name for name, _d in _entries(folder)])
        if near is None:
            return None
        fixed = folder / near
        whole = fixed.joinpath(*parts[at + 1 :])
        return whole if whole.exists() else fixed
    return None


def _spelt_alike(name: str, names: list[str]) -> str | None:
    """The one of ``names`` nearest to ``name``, case aside, when it is a slip of it (no
    further than one slip in four letters, as the finder's typos: `wrom` for `worm`,
    `pg_dracula.tx`); None when none is that near (`nope.txt` is not `hugeline.txt`)."""
    found = process.extractOne(
        name.casefold(),
        [other.casefold() for other in names],
        scorer=fuzz.ratio,
        score_cutoff=TYPO_CUTOFF,
    )
    return names[found[2]] if found is not None else None


def missing_said(path: Path) -> str | None:
    """Why nothing at ``path`` can be opened, naming it as the command line does, with the
    near name the add prompt offers (`no such file or folder: pg_dracula.tx; did you mean
    pg_dracula.txt?`); None when something is there."""
    wrong = missing(path)
    if wrong is None:
        return None
    broken = _broken_link(path)
    if broken:
        return f"{path} {broken}"
    near = near_name(path) if wrong == NO_SUCH_FILE else None
    return f"{wrong}: {path}" + (f"; did you mean {near}?" if near is not None else "")


def as_typed(path: Path, typed: str) -> str:
    """``path`` written the way the user wrote paths: under `~` when they typed one."""
    return shown_path(path) if typed.strip().startswith("~") else str(path)


def problem(typed: str, show: Callable[[str], str] = str) -> str:
    """Why ``typed`` cannot be added, naming it ("" when it can): not there (with a near name
    as "did you mean …?"), not readable, a pipe, a device or a socket (`is a named pipe, not a
    file`), or a path the system refuses to look at (a name too long). ``show`` writes a path
    in the sentence (for a notice: kept whole on its line, `tui.paths.unbroken`)."""
    try:
        return _problem(typed, show)
    except (OSError, ValueError) as error:  # (ValueError: a NUL character in the path)
        reason = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
        return f"{show(cut_middle(typed.strip(), SHOWN_PATH_CHARS))} cannot be opened: {reason}"


def _broken_link(path: Path) -> str:
    """Why the symbolic link at ``path`` leads to no file (`is a symbolic link loop`), or ""
    when ``path`` is no link, or one that leads somewhere."""
    try:
        if not path.is_symlink() or path.exists():
            return ""
        target = os.readlink(path)
    except (OSError, ValueError):  # (a name too long to look at: said by the caller)
        return ""
    try:
        path.stat()
    except OSError as error:
        if error.errno == errno.ELOOP:
            return "is a symbolic link loop"
    return f"is a symbolic link to {target}, which is not there"


# A path shown in a message is cut to this many cells.
SHOWN_PATH_CHARS = 80


def _problem(typed: str, show: Callable[[str], str]) -> str:
    path = expanded(typed)
    shown = show(typed.strip())
    broken = _broken_link(path)
    if broken:  # (it said `No such file or folder: x; did you mean x?`, the link's own name)
        return f"{shown} {broken}"
    if not path.exists():
        near = near_name(path)
        hint = f"; did you mean {show(as_typed(near, typed))}?" if near is not None else ""
        return f"No such file or folder: {shown}{hint}"
    if path.is_dir():
        if not os.access(path, os.R_OK | os.X_OK):
            return f"The folder {shown} cannot be read (permission denied)"
        return ""
    special = not_a_file(path.stat().st_mode)
    if special:  # a pipe, a device, a socket: never opened
        return f"{shown} {special}"
    if not os.access(path, os.R_OK):
        return f"The file {shown} cannot be read (permission denied)"
    return ""


def book_problem(typed: str, show: Callable[[str], str] = str) -> str:
    """Why ``typed`` cannot be opened as a book, as `problem` says it or as `chapbook FILE`
    refuses it (`notes.toml: this is data (.toml), not a book`); "" when it can, and for a
    folder, which the caller says what to do with."""
    wrong = problem(typed, show)
    path = expanded(typed)
    if wrong or path.is_dir():
        return wrong
    try:
        check_book(path)
    except BookError as error:
        return str(error)
    return ""
