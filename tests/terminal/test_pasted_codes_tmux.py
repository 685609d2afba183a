"""Terminal codes pasted into the finder of the real `chapbook` stay text in the finder.

The real `chapbook` in a real terminal, text holding the terminal's codes pasted into the
finder: the finder stays open and holds the text, codes shown as `␛`. Textual's parser read them
as keys, and two Escapes in a row as the Escape key, which closed the finder and sent the rest
of the paste to the reader as commands (found by the soak).
"""

from __future__ import annotations

import time
from pathlib import Path

from reader_support import story, write_story
from tmux_term import CHAPBOOK, START, TMUX_TESTS, TmuxTerminal, chapbook_env

pytestmark = TMUX_TESTS

PASTED = "lamp\x1b]0;title\x1b\\oil\x1b\x1bwick\x1b"


def test_codes_pasted_into_the_finder_are_text_and_the_finder_stays(tmp_path: Path) -> None:
    book = write_story(tmp_path / "lantern.txt", story(chapters=5, scenes=3, paras=6))
    paste = tmp_path / "paste.txt"
    paste.write_text(PASTED, encoding="utf-8")
    with TmuxTerminal(80, 24) as term:
        term.start([CHAPBOOK, str(book)], chapbook_env(tmp_path))
        term.wait_for("The Lantern Ledger", timeout=START)
        term.send("C-p")
        term.wait_for("⏎ jump")
        term.tmux("load-buffer", "-b", "codes", str(paste))
        term.tmux("paste-buffer", "-p", "-d", "-b", "codes", "-t", term.session)
        screen = term.wait_for("lamp␛]0;title␛\\oil␛␛wick␛")
        time.sleep(0.5)  # (an Escape read from the paste would close the finder by now)
        screen = term.screen()
        assert "⏎ jump" in screen, screen
        assert term.alive()
