"""The terminal driver chapbook runs on: Textual's own, with each update tidied on its way out."""

from __future__ import annotations

import os

from textual.driver import Driver

from tui.ui.terminal.output import compact, pin_disputed

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
