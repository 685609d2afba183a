"""chapbook's screens, as the app and the other screens open them (`app.screens`)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.screen import Screen

from tui.reading.opener import BookOpener
from tui.ui.dialogs.help import HelpScreen
from tui.ui.screens.library import LibraryScreen
from tui.ui.screens.reader import ReaderScreen
from tui.ui.screens.settings import SettingsScreen


class ChapbookScreens:
    """The `Screens` the app runs with."""

    def reader(
        self, path: Path, start_offset: int | None = None, opener: BookOpener | None = None
    ) -> Screen[None]:
        return ReaderScreen(path, start_offset=start_offset, opener=opener)

    def library(self) -> Screen[None]:
        return LibraryScreen()

    def settings(self) -> Screen[None]:
        return SettingsScreen()

    def help(self, screen: Screen[Any]) -> Screen[None]:
        return HelpScreen(screen)

    def is_library(self, screen: Screen[Any]) -> bool:
        return isinstance(screen, LibraryScreen)
