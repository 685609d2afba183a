"""The real `chapbook` in a real terminal: page, hang up (SIGHUP), restart, same page."""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

import pytest
from reader_support import story, write_story
from tmux_term import CHAPBOOK, TmuxTerminal, tmux_available

pytestmark = [
    pytest.mark.tmux,
    pytest.mark.skipif(not tmux_available(), reason="tmux is not installed"),
]


def _text_rows(screen: str) -> list[str]:
    """The reading column (status line and blank rows left out)."""
    rows = [row.rstrip() for row in screen.splitlines()[:-1]]
    return [row for row in rows if row.strip()]


def test_sighup_keeps_the_place_across_a_restart(tmp_path: Path) -> None:
    book = write_story(tmp_path / "lantern.txt", story(chapters=5, scenes=3, paras=6))
    env = {
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "XDG_STATE_HOME": str(tmp_path / "state"),
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
        "TEXTUAL_ANIMATIONS": "none",
    }
    with TmuxTerminal(80, 24) as term:
        term.start([CHAPBOOK, str(book)], env, cwd=tmp_path)
        first = term.wait_for("The Lantern Ledger", timeout=30)
        for _ in range(4):
            term.send("PageDown")
        term.send("j")
        paged = term.wait_until(
            lambda s: _text_rows(s)[:3] != _text_rows(first)[:3] and "Scene" in s,
            what="the pages to turn",
        )
        time.sleep(0.2)  # let the last key land; well under the 1 s autosave
        paged = term.screen()
        expected = _text_rows(paged)[:8]
        os.kill(term.pane_pid(), signal.SIGHUP)  # the SSH connection drops
        term.wait_exit(timeout=10)

    with TmuxTerminal(80, 24) as term:
        term.start([CHAPBOOK, str(book)], env, cwd=tmp_path)
        again = term.wait_until(
            lambda s: _text_rows(s)[:8] == expected, timeout=30, what="the same page"
        )
        assert "The Lantern Ledger" in again.splitlines()[-1]  # the status line
