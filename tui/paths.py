"""Where chapbook keeps its files: user config and data directories, and the shipped defaults."""

from __future__ import annotations

from pathlib import Path

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
