"""What a user sees when `chapbook` is pointed at the wrong thing, in a real terminal.

Files that are not books, and books full of terminal codes, in tmux.
"""

from __future__ import annotations

import time
from pathlib import Path

from tmux_term import CHAPBOOK, TMUX_TESTS, TmuxTerminal, chapbook_env

pytestmark = TMUX_TESTS

ALTERNATE_SCREEN = "\x1b[?1049h"


def _run_logged(term: TmuxTerminal, command: list[str], home: Path, log: Path) -> None:
    """Run ``command`` in the pane with everything it writes to the terminal copied to
    ``log`` (the command waits until the copying has started); `_status` reads how it ended."""
    ready = home / "logging"
    status = home / "exit-status"
    script = f'while [ ! -e "{ready}" ]; do sleep 0.05; done; "$@"; echo $? > "{status}"'
    term.start(["sh", "-c", script, "sh", *command], chapbook_env(home), cwd=home)
    term.tmux("pipe-pane", "-o", "-t", term.session, f"cat >> '{log}'")
    ready.touch()


def _status(term: TmuxTerminal, home: Path) -> int:
    """The exit status of the command `_run_logged` started, once it has ended (read from
    the shell rather than from tmux, which reports a pane's status only after a moment)."""
    term.wait_exit(timeout=30)
    written = home / "exit-status"
    deadline = time.monotonic() + 10
    while not written.exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    return int(written.read_text().strip())


def test_a_program_given_as_a_book_fails_without_switching_the_screen(tmp_path: Path) -> None:
    """`chapbook /bin/ls`: one line naming the file and why, exit status 2, and the terminal
    never switched to the full-screen (alternate) screen and back."""
    log = tmp_path / "output.log"
    with TmuxTerminal(80, 24) as term:
        _run_logged(term, [CHAPBOOK, "/bin/ls"], tmp_path, log)
        assert _status(term, tmp_path) == 2
    # (tmux 3.3 blanks a dead pane: what was written is read from the copy.)
    written = log.read_text(encoding="utf-8", errors="replace")
    assert ALTERNATE_SCREEN not in written
    assert written.count("\n") == 1
    assert written.strip() == "chapbook: /bin/ls: this is a program, not a text file"


def test_a_damaged_epub_fails_without_switching_the_screen(tmp_path: Path) -> None:
    """`chapbook weird/fake.epub` (text renamed .epub): one line naming the file as typed, with
    its folder, exit status 2, and no switch to the full screen and back."""
    (tmp_path / "weird").mkdir()
    (tmp_path / "weird" / "fake.epub").write_text("a note, not a book\n", encoding="utf-8")
    log = tmp_path / "output.log"
    with TmuxTerminal(80, 24) as term:
        _run_logged(term, [CHAPBOOK, "weird/fake.epub"], tmp_path, log)
        assert _status(term, tmp_path) == 2
    written = log.read_text(encoding="utf-8", errors="replace")
    assert ALTERNATE_SCREEN not in written
    assert written.count("\n") == 1
    assert written.strip().startswith("chapbook: weird/fake.epub: not a readable EPUB")


def test_adding_a_folder_without_books_says_so_and_fails(tmp_path: Path) -> None:
    """`chapbook add EMPTY`: exit status 1 and the reason, not a silent success."""
    empty = tmp_path / "nothing-here"
    empty.mkdir()
    log = tmp_path / "output.log"
    with TmuxTerminal(80, 24) as term:
        _run_logged(term, [CHAPBOOK, "add", str(empty)], tmp_path, log)
        assert _status(term, tmp_path) == 1
    written = log.read_text(encoding="utf-8", errors="replace")
    assert "no book files" in written and "nothing-here" in written


def test_a_colourised_log_opens_with_its_codes_shown_not_obeyed(tmp_path: Path) -> None:
    """A text full of colour codes (a saved terminal log) opens as a book; its codes are shown
    as `␛[32m` and never reach the terminal as codes."""
    lines = [
        f"{level} step {n}: the lamp was lit — \x1b[36mok\x1b[0m"
        for n, level in enumerate(["\x1b[32mINFO\x1b[0m", "\x1b[1;31mFAIL\x1b[0m"] * 100)
    ]
    book = tmp_path / "build-log.txt"
    book.write_text("\n".join(lines) + "\n", encoding="utf-8")
    log = tmp_path / "output.log"
    with TmuxTerminal(80, 24) as term:
        _run_logged(term, [CHAPBOOK, str(book)], tmp_path, log)
        term.wait_for("the lamp was lit", timeout=30)
        screen = term.wait_steady()
        term.send("q")
        term.wait_exit(timeout=30)
    assert "␛[32mINFO␛[0m step 0: the lamp was lit — ␛[36mok␛[0m" in screen
    written = log.read_text(encoding="utf-8", errors="replace")
    assert "\x1b[1;31mFAIL" not in written and "\x1b[36mok" not in written


def test_a_gzipped_book_named_on_the_command_line_opens(tmp_path: Path) -> None:
    """`chapbook NAME.txt.gz` opens the book inside (a Gutenberg download kept compressed),
    and a damaged `.gz` is refused in one line before the screen changes."""
    import gzip

    from reader_support import story

    book = tmp_path / "lantern.txt.gz"
    book.write_bytes(gzip.compress(story(chapters=2).encode("utf-8")))
    with TmuxTerminal(80, 24) as term:
        term.start([CHAPBOOK, str(book)], chapbook_env(tmp_path), cwd=tmp_path)
        screen = term.wait_for("Chapter 1", timeout=30)
        term.send("q")
        assert term.wait_exit(timeout=30) == 0
    assert "gzip" not in screen
    damaged = tmp_path / "damaged.txt.gz"
    damaged.write_bytes(gzip.compress(b"Chapter 1\n\nSome text.\n" * 50)[:40])
    log = tmp_path / "output.log"
    with TmuxTerminal(80, 24) as term:
        _run_logged(term, [CHAPBOOK, str(damaged)], tmp_path, log)
        assert _status(term, tmp_path) == 2
    written = log.read_text(encoding="utf-8", errors="replace")
    assert ALTERNATE_SCREEN not in written
    reason = "not a readable gzip file (damaged or cut short)"
    assert written.strip() == f"chapbook: {damaged}: {reason}"
