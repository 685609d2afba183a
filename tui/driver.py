"""The terminal driver chapbook runs on: Textual's own, with each update tidied on its way out."""

from __future__ import annotations

from textual.driver import Driver

from tui.core.frames import compact, pin_disputed


def tidy_output(driver_class: type[Driver]) -> type[Driver]:
    """``driver_class`` writing each update through `tui.core.frames`: emoji the terminal
    may draw wider or narrower are pinned to their cells, and colour codes that only repeat
    the colours in effect are left out (a page turn over SSH sends about a quarter less)."""

    class TidyOutputDriver(driver_class):  # type: ignore[valid-type,misc]
        def write(self, data: str) -> None:
            super().write(compact(pin_disputed(data)))

    TidyOutputDriver.__name__ = TidyOutputDriver.__qualname__ = f"Tidy{driver_class.__name__}"
    return TidyOutputDriver
