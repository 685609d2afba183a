"""The screens the app and its screens open, named by what they are for, not by class."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Protocol

from textual.screen import Screen

from tui.reading.opener import BookOpener
from tui.reading.stages import StartAt


class Screens(Protocol):
    """Makes each of chapbook's full screens. Screens open one another through it (as
    `app.screens`), so no screen module imports another and the app imports none."""

    def reader(
        self,
        path: Path,
        start_at: StartAt | None = None,
        opener: BookOpener | None = None,
        came_from: Path | None = None,
        shorter: str | None = None,
    ) -> Screen[None]:
        """The reader of the book at ``path``; ``shorter``: where the place was in the text
        on screen before its file was cut short on purpose (the reader opened again says
        where it is now)."""
        ...

    def library(self) -> Screen[None]: ...

    def library_ready(self) -> bool:
        """Whether the library screen's code is in (else making it takes a moment)."""
        ...

    def prepare_library(self) -> None:
        """Bring the library screen's code in ahead, off the interface thread, so that the
        first `L` from a book shows the library at once."""
        ...

    def settings(self) -> Screen[None]: ...

    def help(self, screen: Screen[Any]) -> Screen[None]:
        """The keys of ``screen``."""
        ...

    def is_library(self, screen: Screen[Any]) -> bool: ...
