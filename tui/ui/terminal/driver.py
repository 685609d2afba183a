"""The terminal driver chapbook runs on: Textual's own, with each update tidied on its way out."""

from __future__ import annotations

from textual.driver import Driver

from tui.ui.terminal.output import compact, pin_disputed


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
            writer = getattr(self, "_writer_thread", None)
            return writer is not None and writer.ident is not None and not writer.is_alive()

    TidyOutputDriver.__name__ = TidyOutputDriver.__qualname__ = f"Tidy{driver_class.__name__}"
    return TidyOutputDriver
