"""A footer that shows the keys that fit the screen's width, and always the help key."""

from __future__ import annotations

from typing import ClassVar, Protocol, runtime_checkable

from textual import events
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.widget import Widget
from textual.widgets import Footer

from tui.reading.wrapping import measure

COMPACT_BELOW = 100  # columns under which the keys are packed closer


@runtime_checkable
class FooterKey(Protocol):
    """What the footer composes for each key: its key, description and action."""

    key_display: str
    description: str
    action: str


class FittingFooter(Footer, inherit_bindings=False):
    """Textual's footer, cut to the width: the keys that fit, in order, and the help key last
    (it lists the others), so a narrow screen never shows a key cut in half."""

    BINDINGS: ClassVar[list[BindingType]] = []  # it is never scrolled: nothing is left over

    def __init__(self) -> None:
        super().__init__()
        self._laid_out_for = 0

    def compose(self) -> ComposeResult:
        width = self.size.width or self.app.size.width
        self.compact = width < COMPACT_BELOW
        keys = [key for key in super().compose() if isinstance(key, FooterKey)]
        help_keys = [key for key in keys if key.action == "help"]
        room = width - sum(self._width(key) for key in help_keys)
        shown: list[Widget] = []
        for key in keys:
            if key.action == "help":
                continue
            room -= self._width(key)
            if room < 0:
                break
            if isinstance(key, Widget):
                shown.append(key)
        self._laid_out_for = width
        yield from shown
        yield from (key for key in help_keys if isinstance(key, Widget))

    def _width(self, key: FooterKey) -> int:
        padding = 1 if self.compact else 3
        return measure(key.key_display) + measure(key.description) + padding

    def on_resize(self, event: events.Resize) -> None:
        if event.size.width != self._laid_out_for:
            self.refresh(recompose=True)
