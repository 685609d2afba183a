"""Writing settings.toml: overrides only, merged with the file on disk, atomic and locked."""

from __future__ import annotations

import contextlib
import copy
import hashlib
import os
import time
import tomllib
from pathlib import Path
from typing import Any

import tomli_w

from tui import storage as store
from tui.paths import file_in_the_way, in_the_way_text, shown_path, state_dir
from tui.settings.file_edit import TABLES, SettingsText, Unknown, unknown_entries
from tui.settings.key_display import as_written
from tui.settings.key_names import KeyNameError
from tui.settings.keymaps import action_ids, parse_key_list, preset_keys, preset_names
from tui.settings.repairs import repaired_notice, repairs_in
from tui.settings.schema import SCHEMA
from tui.settings.settings import Settings, default_settings
from tui.settings.toml_words import not_utf8, toml_error

LOCK_TIMEOUT = 10.0  # seconds to wait for another chapbook that is saving its settings


# settings.toml could not be written; ``str(err)`` is a one-line message for users.
SettingsWriteError = store.StoreError


def overrides(settings: Settings) -> dict[str, Any]:
    """Dotted name → value for every setting that differs from the shipped defaults.

    Keys are `keys.<action>` entries for actions whose keys differ from the keymap preset, as
    settings.toml may hold them (a symbol as itself: `£`, not Textual's `pound_sign`).
    """
    base = default_settings()
    found = {name: settings.get(name) for name in SCHEMA if settings.get(name) != base.get(name)}
    found.update(
        {
            f"keys.{action}": ",".join(as_written(key) for key in keys.split(","))
            for action, keys in settings.user_keys().items()
        }
    )
    return found


def changes_between(before: Settings, after: Settings) -> dict[str, Any]:
    """Dotted name → new value, or None where a setting went back to its default."""
    old, new = overrides(before), overrides(after)
    return {
        name: new.get(name) for name in old.keys() | new.keys() if old.get(name) != new.get(name)
    }


def settings_lock(path: Path) -> contextlib.AbstractContextManager[None]:
    """The exclusive lock held while settings.toml at ``path`` is rewritten.

    Its file is in chapbook's state folder, one per settings file, not beside the user's
    file: the config folder is the user's, and a lock file left there after a save is
    clutter. It cannot safely be removed after a save instead: another chapbook may be
    waiting on it, and would then hold a lock on a file no longer there while a third took a
    new one."""
    real = path.expanduser().resolve()  # two names for one file take the same lock
    digest = hashlib.blake2b(str(real).encode("utf-8", "surrogateescape"), digest_size=6)
    name = f"{real.name}-{digest.hexdigest()}.lock"
    return store.locked(state_dir() / "locks", LOCK_TIMEOUT, name=name)


class BrokenSettingsFile(Exception):
    """settings.toml is there but is not valid TOML (or not UTF-8): saving would replace it.

    ``str(err)`` names the file and what is wrong with it, for users."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"{path} {reason}")
        self.path = path
        self.reason = reason


def _why_not_toml(raw: bytes) -> str | None:
    """Why these bytes are not a settings file chapbook can read; None when they are."""
    wrong_bytes = not_utf8(raw)
    if wrong_bytes is not None:
        return f"is not UTF-8 text ({wrong_bytes.where()}, column {wrong_bytes.column})"
    text = raw.decode("utf-8-sig")
    try:
        tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        error = toml_error(err, text)
        return f"is not valid TOML ({error.where()}: {error.words})"
    return None


def file_problem(path: Path) -> str | None:
    """Why settings.toml at ``path`` cannot be read as settings (`is not valid TOML (line 4:
    …)`), so that saving would replace it; None when it is fine, missing or unreadable."""
    try:
        raw = path.read_bytes()
    except OSError:
        return None
    return _why_not_toml(raw)


def _read_for_update(
    path: Path, replace_broken: bool
) -> tuple[dict[str, Any], bytes | None, str | None]:
    """The file's data and bytes. A file that is not valid TOML raises `BrokenSettingsFile`,
    or with ``replace_broken`` is moved aside (and the notice says where)."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return {}, None, None
    except OSError as err:
        blocking = file_in_the_way(path)
        if blocking is not None:  # (it said "cannot read …: Not a directory")
            raise SettingsWriteError(
                f"cannot save {path.name}: {in_the_way_text(blocking, 'its settings')}"
            ) from err
        raise SettingsWriteError(f"cannot read {path}: {err.strerror or err}") from err
    reason = _why_not_toml(raw)
    if reason is None:
        return tomllib.loads(raw.decode("utf-8-sig")), raw, None
    if not replace_broken:
        raise BrokenSettingsFile(path, reason)
    aside = path.with_name(f"{path.name}.invalid-{time.strftime('%Y%m%d-%H%M%S')}")
    try:
        os.replace(path, aside)
    except OSError as err:
        raise SettingsWriteError(f"{path} {reason} and could not be moved aside: {err}") from err
    return (
        {},
        None,
        f"{shown_path(path)} {reason}: it was kept as {shown_path(aside)}, and the new file "
        "holds what you saved",
    )


def _set(data: dict[str, Any], dotted: str, value: Any) -> None:
    *tables, leaf = dotted.split(".")
    target = data
    for table in tables:
        # (a table written `[[reader]]` once is a list holding it: the entry goes in it)
        owner = target.get(table)
        if isinstance(owner, list) and len(owner) == 1 and isinstance(owner[0], dict):
            target = owner[0]
            continue
        if not isinstance(owner, dict):
            target[table] = {}
        target = target[table]
    if value is None:
        target.pop(leaf, None)
    else:
        target[leaf] = value


def _prune(data: dict[str, Any]) -> None:
    """Drop what equals its default, so the file keeps only real overrides."""
    base = default_settings()
    for name in SCHEMA:
        *tables, leaf = name.split(".")
        owner = data.get(tables[0], {}) if tables else data
        if isinstance(owner, dict) and leaf in owner and owner[leaf] == base.get(name):
            del owner[leaf]
    keymap = data.get("keymap", base.keymap)
    preset = preset_keys(keymap if keymap in preset_names() else base.keymap)
    keys = data.get("keys")
    if isinstance(keys, dict):
        for action, value in list(keys.items()):
            with contextlib.suppress(KeyNameError, TypeError, AttributeError):
                if action in preset and parse_key_list(value) == preset[action]:
                    del keys[action]
    for table in ("reader", "library", "display", "keys"):
        if data.get(table) == {}:
            del data[table]


def _ordered(data: dict[str, Any]) -> dict[str, Any]:
    """The file's entries in default.toml's order (anything chapbook does not know goes last)."""
    order = [name.split(".") for name in SCHEMA] + [["keys", action] for action in action_ids()]
    rank = {tuple(parts[:1]): i for i, parts in reversed(list(enumerate(order)))}
    rank.update({tuple(parts): i for i, parts in enumerate(order)})

    def sort(table: dict[str, Any], prefix: tuple[str, ...]) -> dict[str, Any]:
        keys = sorted(table, key=lambda k: rank.get((*prefix, k), len(order)))
        return {
            k: sort(table[k], (*prefix, k)) if isinstance(table[k], dict) else table[k]
            for k in keys
        }

    return sort(data, ())


def _in_order(changes: dict[str, Any]) -> list[tuple[str, Any]]:
    """The changes in default.toml's order, so that new entries are written in it."""
    order = [*SCHEMA, *(f"keys.{action}" for action in action_ids())]
    rank = {name: number for number, name in enumerate(order)}
    return sorted(changes.items(), key=lambda item: rank.get(item[0], len(order)))


def _edited(
    raw: bytes, data: dict[str, Any], changes: dict[str, Any], *, tidy: bool
) -> tuple[bytes, list[Unknown], list[str]] | None:
    """The file with ``changes`` made in its own lines, comments and all, and with ``tidy``
    the entries chapbook cannot use commented out and a `[[table]]` header written `[table]`
    (which are returned); None when the lines cannot be changed so (an inline table, say):
    then the file is written afresh."""
    text = SettingsText(raw.decode("utf-8-sig"))
    expected = copy.deepcopy(data)
    listed: list[str] = []
    for table in TABLES if tidy else ():
        # `[[reader]]`, read as [reader] (with a warning), is written so now.
        held = expected.get(table)
        if isinstance(held, list) and len(held) == 1 and text.single_brackets(table):
            expected[table] = held[0]
            listed.append(table)
    unknown = unknown_entries(expected) if tidy else []
    for name, value in _in_order(changes):
        text.set(name, value)
        _set(expected, name, value)
    commented = [entry for entry in unknown if text.comment_out(entry)]
    for entry in commented:
        _set(expected, entry.name, None)
    new = text.text()
    try:
        written = tomllib.loads(new)
    except tomllib.TOMLDecodeError:
        return None
    if _without_empty_tables(written) != _without_empty_tables(expected):
        return None
    return new.encode(), commented, listed


def _without_empty_tables(data: dict[str, Any]) -> dict[str, Any]:
    return {name: value for name, value in data.items() if value != {}}


def _commented_notice(path: Path, commented: list[Unknown]) -> str | None:
    """What saving says about entries it commented out: the user's words are still there."""
    if not commented:
        return None
    named = ", ".join(
        entry.name + (f" (did you mean {entry.meant}?)" if entry.meant else "")
        for entry in commented
    )
    count = "an entry" if len(commented) == 1 else f"{len(commented)} entries"
    return (
        f"{shown_path(path)}: {count} chapbook cannot use, kept as a comment with a note "
        f"so that it is not reported again: {named}"
    )


def _listed_notice(path: Path, tables: list[str]) -> str | None:
    """What saving says about `[[table]]` headers it wrote in single brackets."""
    if not tables:
        return None
    named = ", ".join(f"[[{table}]] is [{table}]" for table in tables)
    return f"{shown_path(path)}: {named} now, as chapbook reads it"


def _joined(*notices: str | None) -> str | None:
    said = [notice for notice in notices if notice]
    return "\n".join(said) if said else None


def save_changes(
    path: Path,
    before: Settings,
    after: Settings,
    *,
    replace_broken: bool = False,
    tidy: bool = True,
) -> str | None:
    """Write what changed between `before` and `after` into settings.toml.

    Merges with the file as it is now (another chapbook may have saved meanwhile), changing
    only the lines of the settings that changed, so the user's comments and layout stay;
    entries chapbook cannot use (a misspelt name) are commented out under a note saying so,
    never dropped, and the notice returned names them; without ``tidy`` (one setting chosen
    outside the settings screen, such as the library's sort) they are left as written. A
    settings.toml that is a symbolic link (into a dotfiles folder) is written through: its
    target is replaced, the link stays. Keeps the previous file as `settings.toml.bak`. A
    file that is not valid TOML is never merged into: that raises `BrokenSettingsFile`,
    unless ``replace_broken`` says the user chose to replace it; then it is moved aside and
    the notice returned says where. Raises SettingsWriteError when the file cannot be
    written.
    """
    changes = changes_between(before, after)
    if not changes and not tidy:
        return None  # (with tidy, what the screen showed for a broken entry is still written)
    # The file itself, where the name is a link: replacing the link would cut it.
    target = Path(os.path.realpath(path))
    with settings_lock(path):
        data, raw, notice = _read_for_update(target, replace_broken)
        repaired: dict[str, tuple[Any, Any]] = {}
        if tidy and raw:
            # What the screen showed for an entry it could not use is what is written, so that
            # the same problems do not come back at every start (a change made here wins).
            found = repairs_in(data, target, raw.decode("utf-8-sig"))
            repaired = {name: fix for name, fix in found.items() if name not in changes}
            changes = {**{name: used for name, (used, _was) in repaired.items()}, **changes}
        edited = _edited(raw, data, changes, tidy=tidy) if raw else None
        if edited is not None:
            new, commented, listed = edited
            notice = _joined(
                notice,
                repaired_notice(path, repaired),
                _commented_notice(path, commented),
                _listed_notice(path, listed),
            )
        else:
            notice = _joined(notice, repaired_notice(path, repaired))
            for name, value in _in_order(changes):
                _set(data, name, value)
            _prune(data)
            new = tomli_w.dumps(_ordered(data)).encode()
        if raw is not None and raw != new:
            # (beside the name the user opens, not the link's target: a dotfiles folder under
            # version control gets no stray copy)
            store.write_atomic(path.with_name(path.name + ".bak"), raw)
        if raw != new and (raw is not None or data):
            store.write_atomic(target, new)
    return notice


__all__ = [
    "BrokenSettingsFile",
    "SettingsWriteError",
    "changes_between",
    "file_problem",
    "overrides",
    "save_changes",
]
