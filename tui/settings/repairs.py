"""The entries of settings.toml chapbook cannot use as written, and the values it uses instead."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

from tui.paths import shown_path
from tui.settings.key_display import as_written, writable_keys
from tui.settings.keymaps import action_ids
from tui.settings.schema import SCHEMA, toml_value
from tui.settings.settings import build_settings

_ABSENT = object()


def _written(data: dict[str, Any], name: str) -> Any:
    """The value a dotted name has in the file's data, or `_ABSENT`."""
    owner: Any = data
    for part in name.split("."):
        if not isinstance(owner, dict) or part not in owner:
            return _ABSENT
        owner = owner[part]
    return owner


def repairs_in(data: dict[str, Any], path: Path, text: str) -> dict[str, tuple[Any, Any]]:
    """The entries of the file chapbook cannot use as written (a theme it lacks, a margin out
    of range, a key that clashes or is missing), each with (what it used instead, as the
    settings screen shows it; what the file says): written, the next start is clean."""
    in_force, problems = build_settings(copy.deepcopy(data), path, text)
    actions = action_ids()
    repairs: dict[str, tuple[Any, Any]] = {}
    for problem in problems:
        name = problem.setting
        was = _written(data, name)
        if problem.warning or problem.unread or was is _ABSENT:
            continue
        if name in SCHEMA:
            repairs[name] = (in_force.get(name), was)
        elif name.startswith("keys.") and name.removeprefix("keys.") in actions:
            used = writable_keys(in_force.keys[name.removeprefix("keys.")])
            repairs[name] = (",".join(as_written(key) for key in used.split(",")), was)
    return repairs


def repaired_notice(path: Path, repaired: dict[str, tuple[Any, Any]]) -> str | None:
    """What saving says about the entries it gave the values in use: theirs were kept in the
    .bak file."""
    if not repaired:
        return None
    named = ", ".join(
        f"{name} = {toml_value(used)} (was {toml_value(was)})"
        for name, (used, was) in repaired.items()
    )
    count = "an entry" if len(repaired) == 1 else f"{len(repaired)} entries"
    hold = "holds" if len(repaired) == 1 else "hold"
    value = "the value" if len(repaired) == 1 else "the values"
    backup = shown_path(path.with_name(path.name + ".bak"))
    return (
        f"{shown_path(path)}: {count} chapbook could not use now {hold} {value} it used "
        f"instead, as shown here: {named}. The file as it was is {backup}"
    )
