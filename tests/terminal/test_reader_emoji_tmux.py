"""Emoji whose width terminals disagree about leave nothing behind when the page turns (tmux).

tmux 3 draws `❤️` (a text heart made emoji by U+FE0F) one cell wide where chapbook counts two,
and `👍🏽` (a skin-tone modifier) four cells wide where chapbook counts two: rows holding them
end early or run long on the real screen. Turning the page must still leave exactly what a
fresh start at the same place shows: no stray letters in the column or beside it.
"""

from __future__ import annotations

from pathlib import Path

from reader_support import paragraph, write_story
from tmux_term import CHAPBOOK, START, TMUX_TESTS, TmuxTerminal, chapbook_env, text_rows

pytestmark = TMUX_TESTS

NARROWER = "❤️"  # chapbook: 2 cells; tmux: 1
WIDER = "👍🏽"  # chapbook: 2 cells; tmux: 4


def _chat_story() -> str:
    """Long plain paragraphs (rows that reach the column's end) between chat-like paragraphs
    full of both kinds of emoji, so each page turn puts one kind of row where the other was."""
    parts = ["Chat Log", "by Tessaly Brook"]
    for n in range(40):
        parts.append(paragraph(n, 6))
        hearts = f" {NARROWER}" * (1 + n % 4)
        thumbs = f" {WIDER}" * (1 + n % 3)
        parts.append(
            f"Message {n}: see you at the quay{hearts} bring the ledger{thumbs} and the"
            f" lantern too{hearts} we leave at nine sharp{thumbs}"
        )
    return "\n\n".join(parts) + "\n"


def _fresh_screen(book: Path, env: dict[str, str], tmp_path: Path) -> str:
    """What chapbook shows when started anew at the saved place."""
    with TmuxTerminal(80, 24) as term:
        term.start([CHAPBOOK, str(book)], env, cwd=tmp_path)
        term.wait_until(lambda s: "Chat Log" in s.splitlines()[-1], timeout=START)
        return term.wait_steady()


def test_paging_over_disputed_emoji_leaves_no_residue(tmp_path: Path) -> None:
    book = write_story(tmp_path / "chat.txt", _chat_story())
    env = chapbook_env(tmp_path)
    with TmuxTerminal(80, 24) as term:
        term.start([CHAPBOOK, str(book)], env, cwd=tmp_path)
        term.wait_until(lambda s: "Chat Log" in s.splitlines()[-1], timeout=START)
        for key in ["PageDown"] * 5 + ["j"] * 3 + ["PageUp", "PageDown", "PageDown"]:
            term.send(key)
            term.wait_steady(quiet=0.15)
        paged = term.wait_steady()
        assert NARROWER in paged or WIDER in paged, "the test needs emoji on this page"
        term.send("q")
        term.wait_exit(timeout=10)
    fresh = _fresh_screen(book, env, tmp_path)
    assert text_rows(paged) == text_rows(fresh)
    assert paged.splitlines()[:-1] == fresh.splitlines()[:-1]
