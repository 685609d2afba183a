"""Bytes from the terminal that are not UTF-8 read as U+FFFD and dropped as keys, not a crash.

A stray 0xE9 from a Latin-1 keyboard or an 8-bit Meta key, or a multi-byte character cut
short, reaches Textual's Linux driver, which decodes what it reads with a strict UTF-8 decoder:
one bad byte raises `UnicodeDecodeError` in its input thread and ends the app (Textual issue
6456). Textual offers no setting for the decoder. The driver makes it by looking up
`getincrementaldecoder` in its module each time its input loop starts, so chapbook gives that
module a version which makes decoders that replace bad bytes; the rest of the loop is
Textual's own. `tests/terminal/test_input_bytes.py` runs the loop over bad bytes, so a
Textual release that decodes another way is noticed.
"""

from __future__ import annotations

import codecs
from collections.abc import Callable
from functools import partial

from textual import events
from textual.driver import Driver
from textual.drivers import linux_driver
from textual.message import Message

REPLACEMENT = "\ufffd"  # what the decoder makes of bytes that are not UTF-8
DECODER_LOOKUP = "getincrementaldecoder"  # the name the Linux driver makes its decoder by


def lenient_decoder(encoding: str) -> Callable[[], codecs.IncrementalDecoder]:
    """The incremental decoder class for ``encoding``, making decoders that replace bad bytes."""
    return partial(codecs.getincrementaldecoder(encoding), errors="replace")


def read_terminal_leniently() -> None:
    """Have Textual's Linux driver decode the terminal's bytes leniently (once is enough)."""
    if getattr(linux_driver, DECODER_LOOKUP, None) is codecs.getincrementaldecoder:
        setattr(linux_driver, DECODER_LOOKUP, lenient_decoder)


def decode_leniently(driver_class: type[Driver]) -> type[Driver]:
    """``driver_class`` (Textual's Linux driver or one made from it) reading the terminal
    leniently, with a bad byte typed alone dropped instead of sent as a key; any other driver
    as it is."""
    if not issubclass(driver_class, linux_driver.LinuxDriver):
        return driver_class
    read_terminal_leniently()

    class LenientInputDriver(driver_class):  # type: ignore[valid-type,misc]
        def process_message(self, message: Message) -> None:
            # A bad byte typed alone is no key (in a paste it stays, as U+FFFD, to show that
            # something there could not be read).
            if isinstance(message, events.Key) and message.character == REPLACEMENT:
                return
            super().process_message(message)

    LenientInputDriver.__name__ = f"Lenient{driver_class.__name__}"
    LenientInputDriver.__qualname__ = LenientInputDriver.__name__
    return LenientInputDriver
