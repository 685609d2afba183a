"""Unexpected errors in the running app: the place is saved and the app closes, quietly.

Textual has no public hook for an exception that escapes a handler, a timer or a worker: it
calls `App._handle_exception`, which prints a traceback with local variables (the book's
text, the user's paths) once the terminal is restored. `CrashGuard` overrides that one
private method; `tests/ui/test_crash.py` fails loudly if Textual stops calling it. Textual's
own threads (the terminal's input thread) end the app through the public `App.panic` instead,
leaving the exit status unset: `CrashGuard` treats that as a crash too (status 1). It is a
base class of the app, not a part it owns, because Textual calls `_handle_exception`, `panic`
and `on_event` on the app itself.

`CHAPBOOK_TEST_CRASH_KEY` is a test hook: with it set (say to `ctrl+t`), that key makes the
screen on top raise, so tests can check what a user would see after a real crash.
"""

from __future__ import annotations

import io
import os
import traceback
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from rich.console import Console, RenderableType
from textual import events

if TYPE_CHECKING:
    from textual.app import App

    _AppBase = App[Any]
else:  # a mixin: the app class itself comes later among the bases
    _AppBase = object

# Called with the error and a note (empty, or what else went wrong); writes the crash log.
CrashHandler = Callable[[BaseException, str], object]
TEST_CRASH_KEY = "CHAPBOOK_TEST_CRASH_KEY"


class TextualPanic(RuntimeError):
    """What Textual reported when it ended the app itself (`CrashGuard.panic`)."""


def plain_text(renderables: tuple[RenderableType, ...]) -> str:
    """``renderables`` (Textual's report: a Rich traceback) as plain text for the crash log."""
    out = io.StringIO()
    console = Console(file=out, width=100, color_system=None, force_terminal=False)
    for renderable in renderables:
        console.print(renderable)
    return out.getvalue()


class TestCrash(RuntimeError):
    """Raised on purpose by the `CHAPBOOK_TEST_CRASH_KEY` test hook."""


class CrashGuard(_AppBase):
    """Mix in before `App`. With a `crash_handler`, the first unexpected error saves every
    screen's place and the library, goes to the handler, and ends the app with status 1 and
    nothing printed; later errors (from the failing screens) go to the handler too. Without
    one (tests, `CHAPBOOK_DEBUG=1`) Textual's own handling is left as it is."""

    crash_handler: CrashHandler | None = None
    crashed = False

    def _handle_exception(self, error: Exception) -> None:
        handler = self.crash_handler
        if handler is None:
            super()._handle_exception(error)
            return
        if self.crashed:
            handler(error, "")
            return
        self.crashed = True
        handler(error, self._save_after_crash())
        self.exit(return_code=1)
        self.panic()  # with nothing to show: ends the app at once, as Textual does on errors

    def panic(self, *renderables: RenderableType) -> None:
        """Textual's own threads end the app this way when they fail (the terminal's input
        thread, with the traceback as a renderable), without an exit status: chapbook then
        exited 0 after a crash. Such an end is a crash like any other: status 1 and, with a
        `crash_handler`, the place saved, the report logged and nothing printed."""
        if self.return_code:  # an error already being handled (`_handle_exception`)
            super().panic(*renderables)
            return
        handler = self.crash_handler
        if handler is None:
            self.exit(return_code=1)
            super().panic(*renderables)
            return
        report = TextualPanic("Textual ended the app:\n" + plain_text(renderables))
        if self.crashed:
            handler(report, "")
            return
        self.crashed = True
        handler(report, self._save_after_crash())
        self.exit(return_code=1)
        super().panic()  # nothing shown: the command line says where the log is

    def _save_after_crash(self) -> str:
        """Save what can be saved; a note saying what could not."""
        save_all: Callable[[], None] | None = getattr(self, "save_all", None)
        if save_all is None:
            return ""
        try:
            save_all()
        except Exception as failure:
            return "Saving the place failed too:\n" + "".join(traceback.format_exception(failure))
        return "The place and the library were saved."

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key) and event.key == os.environ.get(TEST_CRASH_KEY):
            self.screen.call_later(_raise_test_crash, type(self.screen).__name__)
        await super().on_event(event)


def _raise_test_crash(screen: str) -> None:
    raise TestCrash(f"{TEST_CRASH_KEY}: a crash on purpose in {screen}")
