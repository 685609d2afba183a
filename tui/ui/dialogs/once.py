"""Screens that answer once: a second dismiss, or one from a screen no longer on top, does nothing.

`Screen.dismiss` pops whatever screen is on top of the app's stack. Keys that arrive in one
burst (a fast typist, a chord, a paste, a slow link) are all queued before the first is
handled, so a dialog that dismisses on a key would dismiss again on the next one and close
the screen beneath it, or, with nothing left beneath, crash the app. Every chapbook screen
that closes itself takes `DismissesOnce` first among its bases: its first answer is final,
and whatever arrives after it goes nowhere. It is a base class, not a part the screen owns,
because Textual calls `dismiss` and `check_action` on the screen itself.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from textual.await_complete import AwaitComplete
from textual.screen import Screen

from tui.ui.app import ChapbookApp

T = TypeVar("T")

if TYPE_CHECKING:
    _ScreenBase = Screen[Any]
else:  # a mixin: the screen class itself comes later among the bases
    _ScreenBase = object


class DismissesOnce(_ScreenBase):
    """Mix in before `Screen`/`ModalScreen`: `dismiss` acts only while this screen is the one
    on top. Its first dismiss takes it off the stack at once, so any later one does nothing
    (and awaiting it returns at once) instead of closing the screen beneath; and so do the
    actions of keys that were queued for it."""

    _answered = False

    @property
    def is_open(self) -> bool:
        """On top and not answered yet."""
        return self.is_active and not self._answered

    def dismiss(self, result: Any = None) -> AwaitComplete:
        if not self.is_open:
            return AwaitComplete.nothing()
        self._answered = True  # at once: the screen stays on top until it is taken off
        return super().dismiss(result)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # A key queued before the answer still reaches the screen's bindings after it has
        # answered (and while it loses its widgets): it does nothing. So does one that comes
        # before Textual has mounted the screen's widgets.
        if not self.is_open or not self.is_mounted:
            return False
        return super().check_action(action, parameters)


def ask(asker: Screen[Any], dialog: Screen[T], answered: Callable[[T], object]) -> None:
    """Open ``dialog`` over ``asker``; its answer reaches ``answered`` only if ``asker`` is still
    open then (a key queued behind the answer may have closed it, and its widgets with it).
    The notices about what was done before (on ``asker``, or on a dialog just closed) go: they
    would stand over the dialog, which is what is being read now."""
    if isinstance(asker.app, ChapbookApp):
        asker.app.notice_board.withdraw_passing()

    def deliver(result: T | None) -> None:
        if asker.is_attached and asker in asker.app.screen_stack:
            answered(result)  # type: ignore[arg-type]

    asker.app.push_screen(dialog, deliver)
