"""A footer that shows the keys that fit the screen's width, and always the help key."""

from __future__ import annotations

from typing import ClassVar, Protocol, runtime_checkable

from textual import events
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.widget import Widget
from textual.widgets import Footer

from tui.reading.wrapping import measure
from tui.ui.actions import pressable

COMPACT_BELOW = 100  # columns under which the keys are packed closer


@runtime_checkable
class FooterKey(Protocol):
    """What the footer composes for each key: its key, description and action."""

    key: str
    key_display: str
    description: str
    action: str


class FittingFooter(Footer, inherit_bindings=False):
    """Textual's footer, cut to the width: the keys that fit, in order, and the help key last
    (it lists the others), so a narrow screen never shows a key cut in half.

    A screen whose keys do not all fit may rank them, most useful first, in
    ``FOOTER_RANK`` (action names): the lowest ranked are left out first, so a key is never
    shown while a more useful one is not. Without a rank, the keys at the end are."""

    BINDINGS: ClassVar[list[BindingType]] = []  # it is never scrolled: nothing is left over

    def __init__(self) -> None:
        super().__init__()
        self._laid_out_for = 0

    def compose(self) -> ComposeResult:
        width = self.size.width or self.app.size.width
        self.compact = width < COMPACT_BELOW
        keys = [
            key for key in super().compose() if isinstance(key, FooterKey) and pressable(key.key)
        ]
        help_keys = [key for key in keys if key.action == "help"]
        others = [key for key in keys if key.action != "help"]
        # (A compact footer's last key may have its margin past the edge.)
        room = width + self.compact - sum(self._width(key) for key in help_keys)
        rank: tuple[str, ...] = getattr(self.screen, "FOOTER_RANK", ())
        names = [key.action.rpartition(".")[2] for key in others]  # `app.quit`: `quit`
        # The most useful first (ranked keys in their rank, then the rest in order) until one
        # does not fit: the keys shown are always the most useful ones, whatever else is on.
        chosen: set[int] = set()
        for i in sorted(
            range(len(others)),
            key=lambda i: (rank.index(names[i]) if names[i] in rank else len(rank), i),
        ):
            if self._width(others[i]) > room:
                break
            room -= self._width(others[i])
            chosen.add(i)
        self._laid_out_for = width
        shown = [key for i, key in enumerate(others) if i in chosen]
        yield from (key for key in [*shown, *help_keys] if isinstance(key, Widget))

    def _width(self, key: FooterKey) -> int:
        # Compact: the key, a space, the description and a margin of one after it. Otherwise
        # a cell either side of the key and one after the description.
        padding = 2 if self.compact else 3
        return measure(key.key_display) + measure(key.description) + padding

    def on_resize(self, event: events.Resize) -> None:
        if event.size.width != self._laid_out_for:
            self.refresh(recompose=True)
