"""Bytes from the terminal that are not UTF-8 are dropped, not a crash.

The driver's own input loop is fed through a pipe, as the terminal feeds it.
"""

from __future__ import annotations

import codecs
import os
import signal
import sys
import threading
import time
from collections.abc import Iterator

import pytest
from textual import events
from textual.drivers import linux_driver
from textual.drivers.linux_driver import LinuxDriver
from textual.message import Message

from tui.ui.terminal.input_bytes import DECODER_LOOKUP, decode_leniently


class Recording(LinuxDriver):
    """Textual's Linux driver, keeping what it would send to the app."""

    def send_message(self, message: Message) -> None:
        self.sent.append(message)


@pytest.fixture
def make_driver(monkeypatch: pytest.MonkeyPatch) -> Iterator:
    """A driver of a given class, reading from a pipe; the signal handlers it sets are put
    back afterwards."""
    handlers = {signum: signal.getsignal(signum) for signum in (signal.SIGTSTP, signal.SIGCONT)}
    pipes: list[int] = []
    with open(os.devnull) as null:
        monkeypatch.setattr(sys, "__stdin__", null)  # CI runs with no terminal on stdin

        def make(driver_class: type[LinuxDriver]) -> tuple[LinuxDriver, int]:
            driver = driver_class(object())  # type: ignore[arg-type]
            driver.sent = []  # type: ignore[attr-defined]
            read_end, write_end = os.pipe()
            pipes.extend((read_end, write_end))
            driver.fileno = read_end
            return driver, write_end

        yield make
    for fd in pipes:
        os.close(fd)
    for signum, handler in handlers.items():
        signal.signal(signum, handler)


def feed(driver: LinuxDriver, write_end: int, *reads: bytes) -> BaseException | None:
    """Run the driver's input loop over ``reads`` (one write each, a moment apart); what it
    raised, if anything."""
    raised: list[BaseException] = []

    def run() -> None:
        try:
            driver.run_input_thread()
        except BaseException as error:
            raised.append(error)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    for data in reads:
        os.write(write_end, data)
        time.sleep(0.15)  # the loop waits 0.1 s at most for input: each write is one read
    driver.exit_event.set()
    thread.join(timeout=5)
    assert not thread.is_alive()
    return raised[0] if raised else None


def keys(driver: LinuxDriver) -> list[str | None]:
    """The characters of the keys the driver sent."""
    return [m.character for m in driver.sent if isinstance(m, events.Key)]  # type: ignore[attr-defined]


async def test_textuals_own_loop_still_ends_on_a_stray_byte(
    make_driver, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Why chapbook changes how the terminal is decoded. Fails once Textual decodes
    leniently on its own (Textual issue 6456): `decode_leniently` can then go."""
    monkeypatch.setattr(linux_driver, DECODER_LOOKUP, codecs.getincrementaldecoder)
    driver, write_end = make_driver(Recording)
    raised = feed(driver, write_end, b"\xe9", b"j")
    assert isinstance(raised, UnicodeDecodeError)


@pytest.mark.parametrize(
    ("reads", "expected"),
    [
        ((b"\xe9", b"j"), ["j"]),  # a Latin-1 é (or an 8-bit Meta key), then a key
        ((b"\xe2\x28", b"j"), ["(", "j"]),  # a character cut short
        ((b"\xff\x80k",), ["k"]),  # bytes that never start a character
        ((b"\xc3", b"\xa9j"), ["é", "j"]),  # a good é split across two reads stays
    ],
)
async def test_bad_bytes_are_dropped_and_the_keys_around_them_kept(
    make_driver, reads: tuple[bytes, ...], expected: list[str]
) -> None:
    driver, write_end = make_driver(decode_leniently(Recording))
    assert feed(driver, write_end, *reads) is None
    assert keys(driver) == expected


async def test_a_paste_with_a_bad_byte_stays_one_paste(make_driver) -> None:
    """In a paste the bad byte shows as U+FFFD, and the rest of the paste is not read as
    keys (a pasted `q` would quit)."""
    driver, write_end = make_driver(decode_leniently(Recording))
    assert feed(driver, write_end, b"\x1b[200~caf\xe9 q\x1b[201~") is None
    pastes = [m.text for m in driver.sent if isinstance(m, events.Paste)]  # type: ignore[attr-defined]
    assert pastes == ["caf\ufffd q"]
    assert keys(driver) == []


def test_only_textuals_linux_driver_is_changed() -> None:
    from textual.drivers.headless_driver import HeadlessDriver

    assert decode_leniently(HeadlessDriver) is HeadlessDriver
    assert issubclass(decode_leniently(LinuxDriver), LinuxDriver)
