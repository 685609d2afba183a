"""Keys typed while chapbook starts, before the terminal is in raw mode, are read as typed.

The driver's own input loop reads a pseudo-terminal that cooked them, as a real one does.
"""

from __future__ import annotations

import os
import signal
import sys
import termios
import threading
import time
import tty
from collections.abc import Iterator

import pytest
from textual import events
from textual.drivers.linux_driver import LinuxDriver
from textual.message import Message

from tui.ui.terminal.input_bytes import decode_leniently
from tui.ui.terminal.typed_early import as_typed, read_early_keys_as_typed


class Recording(LinuxDriver):
    """Textual's Linux driver, keeping what it would send to the app."""

    def send_message(self, message: Message) -> None:
        self.sent.append(message)


@pytest.fixture
def terminal(monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[int, int]]:
    """A pseudo-terminal in its default (cooked) modes: the keyboard's end and chapbook's."""
    handlers = {signum: signal.getsignal(signum) for signum in (signal.SIGTSTP, signal.SIGCONT)}
    keyboard, screen = os.openpty()
    with open(os.devnull) as null:
        monkeypatch.setattr(sys, "__stdin__", null)  # CI runs with no terminal on stdin
        yield keyboard, screen
    os.close(keyboard)
    os.close(screen)
    for signum, handler in handlers.items():
        signal.signal(signum, handler)


def run_driver(
    driver_class: type[LinuxDriver], terminal: tuple[int, int], early: bytes, late: bytes
) -> list[str]:
    """Type ``early`` in cooked mode, set raw mode as Textual does, run the driver's input
    loop and type ``late``: the keys the driver sent."""
    keyboard, screen = terminal
    if not termios.tcgetattr(screen)[0] & termios.ICRNL:
        pytest.skip("this system's pseudo-terminals do not start with ICRNL")
    os.write(keyboard, early)
    time.sleep(0.05)
    driver = decode_leniently(driver_class)(object())  # type: ignore[arg-type]
    driver.sent = []  # type: ignore[attr-defined]
    driver.fileno = screen
    driver.attrs_before = termios.tcgetattr(screen)
    tty.setraw(screen, termios.TCSANOW)  # as Textual sets it, keeping what waits
    thread = threading.Thread(target=driver.run_input_thread, daemon=True)
    thread.start()
    time.sleep(0.15)
    os.write(keyboard, late)
    time.sleep(0.3)
    driver.exit_event.set()
    thread.join(timeout=5)
    return [m.key for m in driver.sent if isinstance(m, events.Key)]  # type: ignore[attr-defined]


async def test_enter_typed_while_starting_is_enter(terminal) -> None:
    """`ctrl+p axe Enter` typed before raw mode: the finder's query and Enter to jump."""
    keys = run_driver(read_early_keys_as_typed(Recording), terminal, b"\x10axe\r", b"j")
    assert keys == ["ctrl+p", "a", "x", "e", "enter", "j"]


async def test_ctrl_j_typed_once_running_stays_ctrl_j(terminal) -> None:
    keys = run_driver(read_early_keys_as_typed(Recording), terminal, b"k\r", b"\n\r")
    assert keys == ["k", "enter", "ctrl+j", "enter"]


async def test_an_escape_typed_last_while_starting_is_read(terminal) -> None:
    keys = run_driver(read_early_keys_as_typed(Recording), terminal, b"/x\x1b", b"")
    assert keys == ["slash", "x", "escape"]


async def test_textuals_own_driver_reads_that_enter_as_ctrl_j(terminal) -> None:
    """Why chapbook reads the early keys itself."""
    keys = run_driver(Recording, terminal, b"axe\r", b"")
    assert keys == ["a", "x", "e", "ctrl+j"]


def test_only_a_terminal_that_turned_cr_into_lf_is_undone() -> None:
    icrnl = termios.ICRNL
    assert as_typed(b"a\nb", icrnl) == b"a\rb"
    assert as_typed(b"a\nb", 0) == b"a\nb"
    assert as_typed(b"a\nb", icrnl | termios.INLCR) == b"a\nb"


def test_only_textuals_linux_driver_is_changed() -> None:
    from textual.drivers.headless_driver import HeadlessDriver

    assert read_early_keys_as_typed(HeadlessDriver) is HeadlessDriver
