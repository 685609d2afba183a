"""Keys typed while chapbook is still starting are read as typed: Enter is Enter, not ctrl+j.

Until Textual puts the terminal in raw mode, the terminal's line discipline handles what is
typed; with ICRNL (on by default) it turns Enter's CR into LF, which Textual reads as ctrl+j.
So `ctrl+p axe old woman Enter` typed at once after `chapbook BOOK` opened the finder but did
not jump. Raw mode makes everything already waiting readable: as the input loop starts, just
after raw mode is set, those waiting bytes are the ones the line discipline handled. They are
read first, each LF turned back into the CR the terminal sent; what comes after is read as
it is, so a ctrl+j typed once chapbook runs stays ctrl+j. Only the first start does this:
coming back from the shell or a pager, what was typed before is dropped (`pastes`).
"""

from __future__ import annotations

import array
import fcntl
import os
import termios

from textual.driver import Driver
from textual.drivers import linux_driver

from tui.ui.terminal.input_bytes import lenient_decoder

CR, LF = b"\r", b"\n"
IFLAG = 0  # the input flags' place in what termios.tcgetattr returns


def bytes_waiting(fd: int) -> int:
    """How many bytes the terminal ``fd`` has ready to read (0 when it cannot say)."""
    count = array.array("i", [0])
    try:
        fcntl.ioctl(fd, termios.FIONREAD, count, True)
    except OSError:
        return 0
    return count[0]


def turned_enter_into_lf(iflag: int) -> bool:
    """Whether a terminal with input flags ``iflag`` hands Enter (CR) over as LF."""
    return bool(iflag & termios.ICRNL) and not iflag & (termios.IGNCR | termios.INLCR)


def as_typed(data: bytes, iflag: int) -> bytes:
    """``data``, read while the terminal had input flags ``iflag``, as the keys sent it."""
    return data.replace(LF, CR) if turned_enter_into_lf(iflag) else data


def read_early_keys_as_typed(driver_class: type[Driver]) -> type[Driver]:
    """``driver_class`` (Textual's Linux driver or one made from it) reading the keys typed
    before raw mode as they were typed; any other driver as it is."""
    if not issubclass(driver_class, linux_driver.LinuxDriver):
        return driver_class

    class EarlyKeysDriver(driver_class):  # type: ignore[valid-type,misc]
        early_keys_read = False

        def run_input_thread(self) -> None:
            if not self.early_keys_read:
                self.early_keys_read = True
                self._read_early_keys()
            super().run_input_thread()

        def _read_early_keys(self) -> None:
            attrs = getattr(self, "attrs_before", None)  # the terminal's modes before raw mode
            waiting = bytes_waiting(self.fileno)
            if not attrs or not waiting:
                return
            data = as_typed(os.read(self.fileno, waiting), attrs[IFLAG])
            parser = linux_driver.XTermParser(self._debug)
            text = lenient_decoder("utf-8")().decode(data, final=True)
            for part in (text, ""):  # "": the end, so an Escape typed last is passed on
                for event in parser.feed(part):
                    self.process_message(event)

    EarlyKeysDriver.__name__ = f"EarlyKeys{driver_class.__name__}"
    EarlyKeysDriver.__qualname__ = EarlyKeysDriver.__name__
    return EarlyKeysDriver
