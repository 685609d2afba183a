"""Test helpers for the settings screen.

The app started on a book with a settings file, and what a row and the status line of the screen
say.
"""

from __future__ import annotations

from pathlib import Path

from reader_support import reader_app

from tui.paths import settings_path
from tui.settings.settings import load_settings
from tui.ui.screens.settings import SettingsScreen
from tui.ui.widgets.settings_list import SettingsList


def with_settings_file(book: Path, text: str | None = None):
    """The app on ``book``, started as chapbook starts, with ``text`` as settings.toml (the
    file as it is when None)."""
    if text is not None:
        path = settings_path()
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    settings, problems = load_settings(None)
    app = reader_app(book, settings=settings)
    app.problems = problems
    return app


def row(screen: SettingsScreen, option_id: str) -> str:
    """What the settings screen's row for ``option_id`` says."""
    return screen.query_one(SettingsList).get_option(option_id).prompt.plain


def status(screen: SettingsScreen) -> str:
    """The settings screen's status line."""
    return str(screen.query_one("#settings-status").render())


def write_settings(text: str | bytes) -> Path:
    path = settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def app_with_user_settings(book: Path):
    settings, problems = load_settings(None)
    app = reader_app(book, settings=settings)
    app.problems = problems
    return app
