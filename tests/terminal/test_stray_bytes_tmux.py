"""Bytes that are not UTF-8, sent to the real `chapbook` in a real terminal, are ignored.

The real `chapbook` in a real terminal, sent bytes that are not UTF-8 (a Latin-1 keyboard, an
8-bit Meta key, a character cut short): they are ignored, the keys after them still work, and
chapbook quits normally (status 0) afterwards. They used to end it with a traceback, and status
0 even so.
"""

from __future__ import annotations

import time
from pathlib import Path

from reader_support import story, write_story
from tmux_term import CHAPBOOK, START, TMUX_TESTS, TmuxTerminal, chapbook_env, text_rows

pytestmark = TMUX_TESTS

# tmux `send-keys -H`: each a hex byte, sent as it is. The last is a key code naming no
# character (`ESC [ 999999999 ~`), which ended chapbook with a `ValueError` from Textual.
STRAY_BYTES = (["e9"], ["e2", "28"], ["ff", "80"], [f"{b:02x}" for b in b"\x1b[999999999~"])


def test_stray_bytes_are_ignored_and_the_keys_after_them_work(tmp_path: Path) -> None:
    book = write_story(tmp_path / "lantern.txt", story(chapters=5, scenes=3, paras=6))
    status_file = tmp_path / "exit-status"
    script = f'"$@"; echo $? > "{status_file}"'
    with TmuxTerminal(80, 24) as term:
        term.start(["sh", "-c", script, "sh", CHAPBOOK, str(book)], chapbook_env(tmp_path))
        first = text_rows(term.wait_for("The Lantern Ledger", timeout=START))
        # Where a `j` for each stray lead, then back: the place the keys after them must reach.
        term.send(*"j" * len(STRAY_BYTES))
        term.wait_until(lambda s: text_rows(s) != first, what="the rows to move")
        moved = text_rows(term.wait_steady())
        term.send(*"k" * len(STRAY_BYTES))
        term.wait_until(lambda s: text_rows(s) == first, what="back at the top")

        for stray in STRAY_BYTES:
            term.tmux("send-keys", "-t", term.session, "-H", *stray)
            time.sleep(0.2)  # a read of its own, as a key pressed alone
            term.send("j")
        screen = term.wait_until(lambda s: text_rows(s) == moved, what="as far down again")
        assert "Traceback" not in screen and "UnicodeDecodeError" not in screen
        assert term.alive()

        term.send("q")
        term.wait_exit(timeout=15)
        deadline = time.monotonic() + 10
        while not status_file.exists() and time.monotonic() < deadline:
            time.sleep(0.05)
        dump = term.tmux("capture-pane", "-p", "-S", "-100", "-t", term.session).stdout
    assert status_file.read_text().strip() == "0", dump
    assert "Traceback" not in dump and "went wrong" not in dump
    assert not list((tmp_path / "state" / "chapbook").glob("crash-*.log"))
