"""`chapbook add` of a big folder in a real terminal: it asks y/N before adding (tmux)."""

from __future__ import annotations

from pathlib import Path

from library_support import write_story
from tmux_term import CHAPBOOK, TMUX_TESTS, TmuxTerminal, chapbook_env

pytestmark = TMUX_TESTS


def _pile(tmp_path: Path) -> tuple[Path, Path]:
    settings = tmp_path / "settings.toml"
    settings.write_text("[library]\nask_above = 10\n")
    for n in range(12):
        write_story(tmp_path / "pile" / ("a" if n < 7 else "b"), f"s{n}.txt", f"S{n}", chapters=1)
    return settings, tmp_path / "pile"


def _add_in_a_terminal(tmp_path: Path, answer: str) -> str:
    settings, pile = _pile(tmp_path)
    command = f"'{CHAPBOOK}' --config '{settings}' add '{pile}'; echo EXIT=$?; sleep 30"
    with TmuxTerminal(120, 12) as term:
        term.start(["sh", "-c", command], chapbook_env(tmp_path), cwd=tmp_path)
        asked = term.wait_for("[y/N]", timeout=20)
        assert "about to add 12 new files: 7 in " in asked and "5 in " in asked
        term.send(answer, "Enter")
        return term.wait_for("EXIT=", timeout=30)


def test_a_big_folder_is_added_after_yes(tmp_path: Path) -> None:
    screen = _add_in_a_terminal(tmp_path, "y")
    assert "Added 12 books" in screen and "EXIT=0" in screen


def test_a_big_folder_is_not_added_after_no(tmp_path: Path) -> None:
    screen = _add_in_a_terminal(tmp_path, "n")
    assert "nothing was added" in screen and "EXIT=1" in screen
