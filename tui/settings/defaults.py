"""Load the shipped `default.toml`: every setting's default and every action's default keys."""

from __future__ import annotations

import tomllib
from functools import cache
from typing import Any

from tui.paths import default_config_path


@cache
def defaults() -> dict[str, Any]:
    """The parsed shipped defaults (read once per process)."""
    with default_config_path().open("rb") as handle:
        return tomllib.load(handle)


def default_keys(action_id: str) -> str:
    """The default key string for an action id, e.g. `"j,down"`."""
    return defaults()["keys"][action_id]
