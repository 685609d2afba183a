"""ctrl+space reaches the app as one key, sent as NUL or named by the kitty protocol."""

from __future__ import annotations

import os
import signal
import sys
import threading
import time

import pytest
from textual import events
from textual.drivers.linux_driver import LinuxDriver
from textual.message import Message

from tui.ui.terminal.nul_key import one_ctrl_space


class Recording(LinuxDriver):
    def send_message(self, message: Message) -> None:
        self.sent.append(message)


@pytest.mark.parametrize("sent", [b"\x00", b"\x1b[32;5u"])
async def test_ctrl_space_arrives_as_the_key_it_is_bound_as(
    sent: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    handlers = {signum: signal.getsignal(signum) for signum in (signal.SIGTSTP, signal.SIGCONT)}
    read_end, write_end = os.pipe()
    with open(os.devnull) as null:
        monkeypatch.setattr(sys, "__stdin__", null)
        driver = one_ctrl_space(Recording)(object())  # type: ignore[arg-type]
    driver.sent = []  # type: ignore[attr-defined]
    driver.fileno = read_end
    thread = threading.Thread(target=driver.run_input_thread, daemon=True)
    thread.start()
    os.write(write_end, sent)
    time.sleep(0.3)
    driver.exit_event.set()
    thread.join(timeout=5)
    os.close(read_end)
    os.close(write_end)
    for signum, handler in handlers.items():
        signal.signal(signum, handler)
    keys = [m.key for m in driver.sent if isinstance(m, events.Key)]  # type: ignore[attr-defined]
    assert keys == ["ctrl+@"]
