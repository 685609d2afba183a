"""The driver chapbook runs on.

Updates tidied on their way out, nothing waited on once the terminal is gone.
"""

from __future__ import annotations

import threading

from textual.driver import Driver

from tui.ui.terminal.driver import tidy_output


class RecordingDriver(Driver):
    """A driver that keeps what it is asked to write, with an output thread like Textual's."""

    def __init__(self) -> None:  # no app: only writing is tried here
        self.written: list[str] = []
        self.closed = False
        self.terminal_closed = threading.Event()  # the output thread runs until this is set
        self._writer_thread = threading.Thread(target=self.terminal_closed.wait, daemon=True)

    def write(self, data: str) -> None:
        self.written.append(data)

    def close(self) -> None:
        self.closed = True

    def start_application_mode(self) -> None: ...

    def disable_input(self) -> None: ...

    def stop_application_mode(self) -> None: ...


def test_updates_are_tidied_on_the_way_out() -> None:
    driver = tidy_output(RecordingDriver)()
    driver._writer_thread.start()
    frame = "\x1b[1;1H\x1b[31ma\x1b[0m\n\x1b[2;1H\x1b[31mb\x1b[0m\n\x1b[3;1H\x1b[31mc\x1b[0m"
    driver.write(frame)
    driver.write(frame)
    assert driver.written[0] == "\x1b[1;1H\x1b[31ma\x1b[0m\x1b[2;1H\x1b[31mb\x1b[3;1Hc\x1b[0m"
    driver.terminal_closed.set()


def test_once_the_output_thread_has_died_nothing_waits_on_it() -> None:
    # Textual's output thread ends when a write fails on a closed terminal; writing to its
    # full queue, or stopping it at shutdown, would then wait for ever.
    driver = tidy_output(RecordingDriver)()
    driver._writer_thread.start()
    driver.write("shown")
    driver.terminal_closed.set()
    driver._writer_thread.join()
    driver.write("\x1b[1;1Hlost")
    driver.close()
    assert driver.written == ["shown"] and not driver.closed


def test_before_the_output_thread_starts_writes_go_through() -> None:
    driver = tidy_output(RecordingDriver)()  # thread made, not started: not a dead terminal
    driver.write("hello")
    driver.close()
    assert driver.written == ["hello"] and driver.closed


def test_textuals_linux_driver_still_keeps_its_output_thread_where_we_look() -> None:
    """Fails when a Textual release renames the driver's output thread: a terminal closed while
    chapbook starts could then leave it running, waiting on output nobody reads."""
    import inspect

    from textual.drivers.linux_driver import LinuxDriver

    from tui.ui.terminal.driver import WRITER_THREAD_ATTRIBUTE

    assert f"self.{WRITER_THREAD_ATTRIBUTE} = " in inspect.getsource(LinuxDriver)


def test_plain_output_switch_sends_textuals_output_untouched(monkeypatch) -> None:
    from tui.ui.terminal.driver import PLAIN_OUTPUT_VARIABLE, plain_output_requested

    monkeypatch.setenv(PLAIN_OUTPUT_VARIABLE, "1")
    assert plain_output_requested()
    monkeypatch.setenv(PLAIN_OUTPUT_VARIABLE, "0")
    assert not plain_output_requested()
