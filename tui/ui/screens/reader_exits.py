"""The reader's ways to other screens: the library, settings and help, leaving and quitting."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any

from tui.ui.dialogs.once import DismissesOnce


def optional_screen(module: str, name: str) -> Any:
    """A screen class from another part of chapbook, or None when it is not available."""
    try:
        return getattr(importlib.import_module(module), name)
    except (ImportError, AttributeError):
        return None


class ReaderExits(DismissesOnce):
    """The library, settings and help screens for `ReaderScreen`, and leaving the book (a
    mixin: it saves through the screen's `save_state`). Leaving is a dismiss that acts once:
    two quit keys in one burst never close the library beneath the book."""

    # Provided by ReaderScreen.
    save_state: Callable[[], None]

    def _from_library(self) -> bool:
        stack = self.app.screen_stack
        if self not in stack:
            return False
        at = stack.index(self)
        return at > 0 and type(stack[at - 1]).__name__ == "LibraryScreen"

    def _push_optional(self, module: str, name: str, missing: str, *args: object) -> None:
        """Open a screen from another part of chapbook, or say ``missing`` when it is absent."""
        screen = optional_screen(module, name)
        if screen is None:
            self.notify(missing, severity="warning")
            return
        self.app.push_screen(screen(*args))

    def action_library(self) -> None:
        if self._from_library():
            self._leave()
            return
        self._push_optional(
            "tui.ui.screens.library", "LibraryScreen", "The library is not available in this build"
        )

    def action_settings(self) -> None:
        self._push_optional(
            "tui.ui.screens.settings", "SettingsScreen", "Settings are not available in this build"
        )

    def action_help(self) -> None:
        self._push_optional(
            "tui.ui.dialogs.help", "HelpScreen", "Help is not available in this build", self
        )

    def _leave(self) -> None:
        self.save_state()
        self.app.library.save()
        self.dismiss()

    async def action_quit(self) -> None:
        """Back to the library when the book was opened from there, otherwise quit."""
        if self._from_library():
            self._leave()
            return
        self.save_state()
        await self.app.action_quit()
