"""An unexpected error: the place saved, a crash log, one line to the user, exit status 1."""

from __future__ import annotations

import asyncio
import threading
import time
from pathlib import Path

import pytest
from reader_support import lantern_book, reader_app, story, wait_open, write_story
from tmux_term import CHAPBOOK, START, TMUX_TESTS, TmuxTerminal, chapbook_env, text_rows

from tui import cli
from tui.cli.crash import CrashLog
from tui.paths import state_dir


def crash_logs() -> list[Path]:
    return sorted(state_dir().glob("crash-*.log"))


async def test_an_error_in_a_screen_is_logged_saved_and_ends_the_app(tmp_path: Path) -> None:
    """Also the guard on Textual's private hook (`App._handle_exception`): if Textual stops
    calling it, the error escapes `run_test` here and nothing is logged."""
    book = lantern_book(tmp_path, scenes=3, paras=6)
    app = reader_app(book)
    log = CrashLog()
    app.crash_handler = log.record
    async with app.run_test(size=(80, 24)) as pilot:
        reader = await wait_open(pilot)
        await pilot.press("space", "space")
        offset = reader.view.top_offset()
        assert offset > 0

        def fail() -> None:
            raise ValueError("a bug in a screen")

        reader.call_later(fail)
        for _ in range(250):  # the failed screen answers no more: no pilot.pause()
            if app.crashed:
                break
            await asyncio.sleep(0.02)
    assert app.crashed
    assert app.return_code == 1
    assert log.path is not None and log.path.parent == state_dir()
    text = log.path.read_text(encoding="utf-8")
    assert "ValueError: a bug in a screen" in text and "Traceback" in text
    assert "The place and the library were saved." in text
    # The place: a new start of the library has it.
    from tui.library.library import Library

    record = Library.open().find_by_path(book)
    assert record is not None
    assert record.offset == offset


def fail_like_textuals_input_thread(app) -> None:
    """What Textual's Linux driver does when its input thread raises: `App.panic` with the
    traceback, called from that thread, and no exit status."""
    import rich.traceback

    def input_thread() -> None:
        try:
            b"\xe9j".decode("utf-8")
        except UnicodeDecodeError:
            app.call_later(app.panic, rich.traceback.Traceback())

    threading.Thread(target=input_thread).start()


async def test_textual_ending_the_app_itself_is_a_crash_too(tmp_path: Path) -> None:
    """It used to end chapbook with its traceback on the screen and exit status 0."""
    book = lantern_book(tmp_path, scenes=3, paras=6)
    app = reader_app(book)
    log = CrashLog()
    app.crash_handler = log.record
    async with app.run_test(size=(80, 24)) as pilot:
        reader = await wait_open(pilot)
        await pilot.press("space")
        offset = reader.view.top_offset()
        fail_like_textuals_input_thread(app)
        for _ in range(250):
            if app.crashed:
                break
            await asyncio.sleep(0.02)
    assert app.crashed and app.return_code == 1
    assert log.path is not None
    text = log.path.read_text(encoding="utf-8")
    assert "TextualPanic" in text and "UnicodeDecodeError" in text
    assert "The place and the library were saved." in text
    from tui.library.library import Library

    record = Library.open().find_by_path(book)
    assert record is not None and record.offset == offset


async def test_without_a_crash_log_textuals_own_end_still_exits_1(tmp_path: Path) -> None:
    app = reader_app(lantern_book(tmp_path, scenes=3, paras=6))  # as under CHAPBOOK_DEBUG=1
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_open(pilot)
        fail_like_textuals_input_thread(app)
        for _ in range(250):
            if app.return_code is not None:
                break
            await asyncio.sleep(0.02)
    assert app.return_code == 1 and not app.crashed


def test_an_error_outside_the_interface_is_one_line_and_status_1(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def broken(args) -> int:
        raise KeyError("boom")

    monkeypatch.setattr(cli, "_command", lambda name: broken)
    assert cli.main(["list"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("chapbook: something went wrong;")
    (log,) = crash_logs()
    assert str(log) in err
    assert "KeyError: 'boom'" in log.read_text(encoding="utf-8")


def test_chapbook_debug_shows_the_traceback(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(args) -> int:
        raise KeyError("boom")

    monkeypatch.setattr(cli, "_command", lambda name: broken)
    monkeypatch.setenv("CHAPBOOK_DEBUG", "1")
    with pytest.raises(KeyError):
        cli.main(["list"])
    assert crash_logs() == []


@TMUX_TESTS[0]
@TMUX_TESTS[1]
def test_the_real_chapbook_crashing_in_a_terminal(tmp_path: Path) -> None:
    book = write_story(tmp_path / "lantern.txt", story(chapters=5, scenes=3, paras=6))
    env = chapbook_env(tmp_path, CHAPBOOK_TEST_CRASH_KEY="ctrl+t")
    # The exit status is read from the shell that ran chapbook: tmux reports a dead pane's
    # status only after a moment (and reads as 0 before that).
    status_file = tmp_path / "exit-status"
    script = f'"$@"; echo $? > "{status_file}"'
    with TmuxTerminal(250, 24) as term:
        term.start(["sh", "-c", script, "sh", CHAPBOOK, str(book)], env, cwd=tmp_path)
        first = term.wait_for("The Lantern Ledger", timeout=START)
        term.send("PageDown", "PageDown", "j")
        term.wait_until(lambda s: text_rows(s)[:3] != text_rows(first)[:3], what="the pages")
        time.sleep(0.2)  # let the last key land; well under the 1 s autosave
        expected = text_rows(term.screen())[:8]
        term.send("C-t")  # the test hook: the reader screen raises
        term.wait_exit(timeout=15)
        deadline = time.monotonic() + 10
        while not status_file.exists() and time.monotonic() < deadline:
            time.sleep(0.05)
        status = int(status_file.read_text().strip())
        if status != 1:
            dump = term.tmux("capture-pane", "-p", "-S", "-100", "-t", term.session).stdout
            logs_now = sorted((tmp_path / "state" / "chapbook").glob("crash-*.log"))
            raise AssertionError(f"status {status}; logs {logs_now}; screen {dump!r}")
        # With the history: tmux scrolls the screen up a row to say the pane is dead.
        screen = term.tmux("capture-pane", "-p", "-S", "-100", "-t", term.session).stdout
        shown = [row.rstrip() for row in screen.splitlines() if row.strip()]
        shown = [row for row in shown if not row.startswith("Pane is dead")]
    logs = sorted((tmp_path / "state" / "chapbook").glob("crash-*.log"))
    assert len(logs) == 1
    # One line (the terminal is 250 wide: it is not wrapped), naming the log; no traceback.
    assert shown == [f"chapbook: something went wrong; the details are in {logs[0]}"]
    assert "TestCrash" in logs[0].read_text(encoding="utf-8")

    with TmuxTerminal(250, 24) as term:
        term.start([CHAPBOOK, str(book)], chapbook_env(tmp_path), cwd=tmp_path)
        again = term.wait_until(
            lambda s: text_rows(s)[:8] == expected, timeout=START, what="the same page"
        )
        assert text_rows(again)[:8] == expected
