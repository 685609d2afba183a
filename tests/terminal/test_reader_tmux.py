"""The real `chapbook` in a real terminal: page, hang up (SIGHUP), restart, same page."""

from __future__ import annotations

import signal
import time
from pathlib import Path

from reader_support import story, write_story
from tmux_term import CHAPBOOK, START, TMUX_TESTS, TmuxTerminal, chapbook_env, text_rows

pytestmark = TMUX_TESTS


def test_sighup_keeps_the_place_across_a_restart(tmp_path: Path) -> None:
    book = write_story(tmp_path / "lantern.txt", story(chapters=5, scenes=3, paras=6))
    env = chapbook_env(tmp_path)
    with TmuxTerminal(80, 24) as term:
        term.start([CHAPBOOK, str(book)], env, cwd=tmp_path)
        first = term.wait_for("The Lantern Ledger", timeout=START)
        for _ in range(4):
            term.send("PageDown")
        term.send("j")
        paged = term.wait_until(
            lambda s: text_rows(s)[:3] != text_rows(first)[:3] and "Scene" in s,
            what="the pages to turn",
        )
        time.sleep(0.2)  # let the last key land; well under the 1 s autosave
        paged = term.screen()
        expected = text_rows(paged)[:8]
        term.signal(signal.SIGHUP)  # the SSH connection drops
        term.wait_exit(timeout=10)

    with TmuxTerminal(80, 24) as term:
        term.start([CHAPBOOK, str(book)], env, cwd=tmp_path)
        # The whole frame: the same text and, on the last row, the status line.
        again = term.wait_until(
            lambda s: text_rows(s)[:8] == expected and "The Lantern Ledger" in s.splitlines()[-1],
            timeout=START,
            what="the same page",
        )
        assert text_rows(again)[:8] == expected


def test_a_hang_up_ends_chapbook_even_while_it_works_through_a_backlog(tmp_path: Path) -> None:
    """A dropped connection while chapbook is busy redrawing (resizes and keys under a dialog
    over the settings): it still saves and ends within its grace of 3 s. The hang-up is handled
    between two steps of the work, not queued behind it (the soak left chapbook running for
    minutes, alone with no terminal, when it was queued)."""
    book = write_story(tmp_path / "lantern.txt", story(chapters=5, scenes=3, paras=6))
    with TmuxTerminal(80, 24) as term:
        term.start([CHAPBOOK, str(book)], chapbook_env(tmp_path), cwd=tmp_path)
        term.wait_for("The Lantern Ledger", timeout=START)
        term.send(",")  # the settings, and the help over them: the costliest redraw
        term.wait_for("Settings", timeout=START)
        term.send("F1")
        term.wait_for("Keys", timeout=START)
        for n in range(150):  # keys between the resizes: each resize is then redrawn alone
            width, height = (250, 80) if n % 2 else (200, 60)
            term.tmux("resize-window", "-t", term.session, "-x", str(width), "-y", str(height))
            term.tmux("send-keys", "-t", term.session, "j")
        term.hang_up()
        term.wait_gone(timeout=8)


def test_the_screen_is_drawn_with_stderr_sent_to_a_file(tmp_path: Path) -> None:
    """`chapbook book.txt 2>err.log`: the screen is drawn on the terminal all the same."""
    import shlex

    book = write_story(tmp_path / "lantern.txt", story(chapters=2, scenes=2, paras=4))
    log = tmp_path / "err.log"
    line = f"exec {shlex.quote(CHAPBOOK)} {shlex.quote(str(book))} 2>{shlex.quote(str(log))}"
    with TmuxTerminal(80, 24) as term:
        term.start(["sh", "-c", line], chapbook_env(tmp_path), cwd=tmp_path)
        term.wait_for("The Lantern Ledger", timeout=START)
        term.send("q")
        term.wait_exit(timeout=10)
    assert "\x1b[" not in log.read_text(encoding="utf-8", errors="replace")
