"""chapbook's screens, as the app and the other screens open them (`app.screens`)."""

from __future__ import annotations

import importlib
import sys
import threading
from pathlib import Path
from typing import Any

from textual.app import App
from textual.screen import Screen

from tui.reading.opener import BookOpener
from tui.reading.stages import StartAt

# Each screen's module is imported when the screen is first made, not with the app: a book
# opened from the command line reaches its first page without importing the library screen
# and its finder (about 80 ms of a cold start).
LIBRARY_MODULE = "tui.ui.screens.library"


def screen_below(app: App[Any], screen: object) -> Screen[Any] | None:
    """The screen under ``screen`` in ``app``'s stack (what closing it goes back to), or None
    when it is not there or at the bottom."""
    stack = app.screen_stack
    at = next((i for i, each in enumerate(stack) if each is screen), 0)
    return stack[at - 1] if at > 0 else None


class ChapbookScreens:
    """The `Screens` the app runs with."""

    def reader(
        self,
        path: Path,
        start_at: StartAt | None = None,
        opener: BookOpener | None = None,
        came_from: Path | None = None,
        shorter: str | None = None,
    ) -> Screen[None]:
        from tui.ui.screens.reader import ReaderScreen

        return ReaderScreen(
            path, start_at=start_at, opener=opener, came_from=came_from, shorter=shorter
        )

    def library(self) -> Screen[None]:
        from tui.ui.screens.library import LibraryScreen

        return LibraryScreen()

    def library_ready(self) -> bool:
        module = sys.modules.get(LIBRARY_MODULE)
        spec = getattr(module, "__spec__", None)
        # (a module being imported is in `sys.modules` already, marked as initializing)
        return module is not None and not getattr(spec, "_initializing", False)

    def prepare_library(self) -> None:
        # (the import lock makes an `L` pressed meanwhile wait for this import, not redo it)
        if not self.library_ready():
            threading.Thread(
                target=importlib.import_module,
                args=(LIBRARY_MODULE,),
                name="chapbook-library-code",
                daemon=True,
            ).start()

    def settings(self) -> Screen[None]:
        from tui.ui.screens.settings import SettingsScreen

        return SettingsScreen()

    def help(self, screen: Screen[Any]) -> Screen[None]:
        from tui.ui.dialogs.help import HelpScreen

        return HelpScreen(screen)

    def is_library(self, screen: Screen[Any]) -> bool:
        # No library screen was ever made while its module is not imported yet.
        # (while `prepare_library` imports it, the module is there without its classes yet)
        kind = getattr(sys.modules.get(LIBRARY_MODULE), "LibraryScreen", None)
        return kind is not None and isinstance(screen, kind)
