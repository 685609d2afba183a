"""One line naming a file: its path shortened to the line's width, never split across lines."""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual.widget import Widget

from tui.book.loader import neutralise
from tui.paths import fitted_path_text


class PathLine(Widget):
    """A file's path on one line: the home folder as `~`, folders left out for `…` as the
    width needs (`fitted_path_text`), drawn again at each new width."""

    DEFAULT_CSS = "PathLine { height: 1; width: 1fr; }"

    def __init__(self, path: Path | str, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.path = path

    def render(self) -> Text:
        return Text(neutralise(fitted_path_text(self.path, max(1, self.size.width))))
