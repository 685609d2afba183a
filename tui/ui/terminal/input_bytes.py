"""Bytes from the terminal that are not UTF-8 (a stray 0xE9 from a Latin-1 keyboard or an
8-bit Meta key, a multi-byte character cut short) are read as U+FFFD and dropped as keys,
instead of ending chapbook.

Textual's Linux driver decodes what it reads with a strict UTF-8 decoder made inside
`LinuxDriver.run_input_thread`; one bad byte raises `UnicodeDecodeError` there, and the input
thread ends the app with a traceback (and `App.return_code` still unset: status 0). Textual
has no setting for the decoder, so `decode_leniently` overrides that one public method with
Textual's own loop, unchanged but for ``errors="replace"``. The loop is the same in every
Textual 8 release so far (8.0.0 to 8.2.8); `tests/terminal/test_input_bytes.py` fails loudly
when a release changes it, so the copy is brought in line (or dropped, once Textual decodes
leniently itself: Textual issue 6456).
"""

from __future__ import annotations

import contextlib
import os
import selectors
from codecs import getincrementaldecoder

from textual import events
from textual.driver import Driver
from textual.drivers import linux_driver
from textual.message import Message

REPLACEMENT = "\ufffd"  # what the decoder makes of bytes that are not UTF-8
READ_SIZE = 4096  # bytes read at a time, as Textual reads them


def decode_leniently(driver_class: type[Driver]) -> type[Driver]:
    """``driver_class`` (Textual's Linux driver or one made from it) reading the terminal with
    a UTF-8 decoder that replaces bad bytes instead of raising; any other driver as it is."""
    if not issubclass(driver_class, linux_driver.LinuxDriver):
        return driver_class

    class LenientInputDriver(driver_class):  # type: ignore[valid-type,misc]
        def run_input_thread(self) -> None:
            # Textual's `LinuxDriver.run_input_thread`, with the decoder's errors="replace".
            selector = selectors.SelectSelector()
            selector.register(self.fileno, selectors.EVENT_READ)
            fileno = self.fileno
            # The parser Textual's loop makes: chapbook's `WholePasteParser` once
            # `keep_pastes_whole` has run.
            parser = linux_driver.XTermParser(self._debug)
            decode = getincrementaldecoder("utf-8")(errors="replace").decode

            def process_selector_events(
                selector_events: list[tuple[selectors.SelectorKey, int]], final: bool = False
            ) -> None:
                for index, (_key, mask) in enumerate(selector_events):
                    last = index == len(selector_events) - 1
                    if mask & selectors.EVENT_READ:
                        text = decode(os.read(fileno, READ_SIZE), final=final and last)
                        if not text:
                            break  # the end of input (stdin piped), or half a character
                        for event in parser.feed(text):
                            self.process_message(event)
                for event in parser.tick():
                    self.process_message(event)

            try:
                while not self.exit_event.is_set():
                    process_selector_events(selector.select(0.1))
                selector.unregister(self.fileno)
                process_selector_events(selector.select(0.1), final=True)
            finally:
                selector.close()
                # The parser's end of input: Textual's loop ignores its EOFError or ParseError.
                with contextlib.suppress(Exception):
                    for _event in parser.feed(""):
                        pass

        def process_message(self, message: Message) -> None:
            # A bad byte typed alone is no key (in a paste it stays, as U+FFFD, to show that
            # something there could not be read).
            if isinstance(message, events.Key) and message.character == REPLACEMENT:
                return
            super().process_message(message)

    LenientInputDriver.__name__ = f"Lenient{driver_class.__name__}"
    LenientInputDriver.__qualname__ = LenientInputDriver.__name__
    return LenientInputDriver
