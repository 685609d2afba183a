"""The terminal driver chapbook runs on: Textual's own, with its output tidied.

Each update is tidied on its way out, and the terminal is handed over and taken back with care
(`tui.ui.terminal.handover`).
"""

from __future__ import annotations

import os
import time
from typing import Any

from textual.driver import Driver

from tui.ui.terminal.handover import Handover
from tui.ui.terminal.output import compact, pin_disputed
from tui.ui.terminal.pastes import ANSWER_WAIT, POSITION_REQUEST, WholePasteParser

# Set to 1 to send Textual's output untouched.
PLAIN_OUTPUT_VARIABLE = "CHAPBOOK_PLAIN_OUTPUT"
# Textual's driver keeps its output thread here; `tests/terminal/test_driver.py` fails loudly when a
# Textual release renames it, since then a closed terminal could hang chapbook again.
WRITER_THREAD_ATTRIBUTE = "_writer_thread"


def plain_output_requested() -> bool:
    return os.environ.get(PLAIN_OUTPUT_VARIABLE, "") not in ("", "0")


def tidy_output(driver_class: type[Driver]) -> type[Driver]:
    """``driver_class`` writing each update through `tui.ui.terminal.output`: emoji the terminal
    may draw wider or narrower are pinned to their cells, and colour codes that only repeat
    the colours in effect are left out (a page turn over SSH sends about a quarter less).
    Once the terminal is gone, output is dropped instead of waited on."""

    class TidyOutputDriver(driver_class):  # type: ignore[valid-type,misc]
        def write(self, data: str) -> None:
            if not self._terminal_gone():
                super().write(compact(pin_disputed(data)))

        def close(self) -> None:
            if not self._terminal_gone():
                super().close()

        def _terminal_gone(self) -> bool:
            # Textual's output thread ends when a write fails (the terminal was closed). Its
            # queue then fills and a write, or the stop at shutdown, would wait for ever: what
            # is left to write has nowhere to go.
            writer = getattr(self, WRITER_THREAD_ATTRIBUTE, None)
            return writer is not None and writer.ident is not None and not writer.is_alive()

    TidyOutputDriver.__name__ = TidyOutputDriver.__qualname__ = f"Tidy{driver_class.__name__}"
    return TidyOutputDriver


def hand_over_carefully(driver_class: type[Driver]) -> type[Driver]:
    """``driver_class`` giving the terminal away (ctrl+z, `$PAGER`) and taking it back through
    a `Handover`: interrupts typed meanwhile pass, what was typed for the other program is
    dropped (a paste whole), and a ctrl+z during the switch itself is ignored."""

    class CarefulDriver(driver_class):  # type: ignore[valid-type,misc]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self.handover = Handover()
            self.handover.guard_stops()  # the SIGTSTP handler Textual's driver has just set

        def suspend_application_mode(self) -> None:
            with self.handover.leaving():
                super().suspend_application_mode()

        def resume_application_mode(self) -> None:
            with self.handover.returning():
                # What the terminal sends before it has the modes again is dropped, up to
                # its answer to a request sent after them (`WholePasteParser`).
                WholePasteParser.answer_awaited_until = time.monotonic() + ANSWER_WAIT
                super().resume_application_mode()
                self.write(POSITION_REQUEST)
                self.flush()

    CarefulDriver.__name__ = CarefulDriver.__qualname__ = f"Careful{driver_class.__name__}"
    return CarefulDriver
