"""Questions answered only by keys typed once they were asked: `y` typed ahead never says yes.

Keys typed ahead (while chapbook starts, or in one burst: a fast typist, a paste, an SSH
packet) are each handled in their turn, so the keys after one that asks a question reach the
question. A question before something that cannot be undone must not take them as its answer:
typed before it was asked, they were not typed in answer to it (`/xylophone` typed while the
library came up, its `/` missed, asked at `x` whether to remove the book on top, and said yes
at `y`).
"""

from __future__ import annotations

from time import monotonic
from typing import TYPE_CHECKING, Any

from textual import events
from textual.screen import Screen

if TYPE_CHECKING:
    _ScreenBase = Screen[Any]
else:  # a mixin: the screen class itself comes later among the bases
    _ScreenBase = object


class AnsweredOnceAsked(_ScreenBase):
    """Mix in before `ModalScreen`: a key typed before this screen was made, with the key that
    asked or ahead of it, runs none of its actions; the question stays for a key typed after.
    (Textual stamps each key with this clock, `monotonic`, as the terminal's bytes are read.)"""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._asked_at = monotonic()
        self._typed_ahead = False  # the key being handled was typed before the question

    def key_arriving(self, event: events.Key) -> None:
        """Each key, before any binding runs (see `ChapbookApp`)."""
        self._typed_ahead = event.time < self._asked_at

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if self._typed_ahead:
            return False
        return super().check_action(action, parameters)
