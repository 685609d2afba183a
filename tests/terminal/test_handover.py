"""Giving the terminal away and taking it back: signals and typed-ahead input on the way."""

from __future__ import annotations

import os
import pty
import signal
import termios
import threading
import time
import tty

from tui.ui.terminal.handover import Handover, drop_typed_ahead


def test_a_ctrl_c_or_ctrl_backslash_while_chapbook_is_away_does_not_end_it() -> None:
    # Typed at the pager (or pasted while the terminal was the shell's), they go to the whole
    # foreground group, chapbook too. Without the handover: KeyboardInterrupt, or a core dump.
    # (What they are before depends on how the tests were started: a job started in the
    # background by a shell without job control has them ignored.)
    before = {signum: signal.getsignal(signum) for signum in (signal.SIGINT, signal.SIGQUIT)}
    handover = Handover(terminal=lambda: None)
    with handover.leaving():
        assert signal.getsignal(signal.SIGINT) not in (before[signal.SIGINT], signal.SIG_IGN)
    os.kill(os.getpid(), signal.SIGINT)
    os.kill(os.getpid(), signal.SIGQUIT)
    time.sleep(0.05)
    with handover.returning():
        pass
    assert {signum: signal.getsignal(signum) for signum in before} == before


def test_a_ctrl_z_while_the_terminal_is_being_switched_is_ignored() -> None:
    """Textual's ctrl+z handler switches the terminal's modes itself; run inside a switch it
    would wait on the switch for ever. Outside a switch it acts as before."""
    seen: list[str] = []
    before = signal.signal(signal.SIGTSTP, lambda signum, frame: seen.append("stop"))
    try:
        handover = Handover(terminal=lambda: None)
        handover.guard_stops()
        with handover.leaving():
            os.kill(os.getpid(), signal.SIGTSTP)
        assert seen == []
        os.kill(os.getpid(), signal.SIGTSTP)  # away: the other program has the terminal
        assert seen == ["stop"]
        with handover.returning():
            os.kill(os.getpid(), signal.SIGTSTP)
        assert seen == ["stop"]
    finally:
        signal.signal(signal.SIGTSTP, before)
        signal.signal(signal.SIGINT, signal.default_int_handler)
        signal.signal(signal.SIGQUIT, signal.SIG_DFL)


def read_all(fd: int) -> bytes:
    os.set_blocking(fd, False)
    try:
        return os.read(fd, 4096)
    except BlockingIOError:
        return b""


def test_what_was_typed_for_the_pager_is_dropped_and_a_paste_whole() -> None:
    """A paste whose second half is slow to come is dropped to its end: flushing the queue
    where it stood would leave `text`, a ctrl+q and the closing code to be read as keys."""
    main, terminal = pty.openpty()
    try:
        os.write(main, b"q\x1b[200~pasted")

        def rest_of_the_paste() -> None:
            time.sleep(0.2)
            os.write(main, b" text\x11\x1b[201~")

        writer = threading.Thread(target=rest_of_the_paste)
        writer.start()
        dropped = drop_typed_ahead(terminal, quiet=0.02)
        writer.join()
        tty.setcbreak(terminal, termios.TCSANOW)  # as chapbook sets it, dropping nothing
        os.write(main, b"j")
        time.sleep(0.05)
        # (The terminal itself takes the ctrl+q, as flow control, in its usual modes.)
        assert dropped == len(b"q\x1b[200~pasted text\x1b[201~")
        assert read_all(terminal) == b"j"
    finally:
        os.close(main)
        os.close(terminal)


def test_nothing_typed_ahead_costs_only_a_moment() -> None:
    main, terminal = pty.openpty()
    try:
        started = time.monotonic()
        assert drop_typed_ahead(terminal, quiet=0.02) == 0
        assert time.monotonic() - started < 0.5
    finally:
        os.close(main)
        os.close(terminal)
