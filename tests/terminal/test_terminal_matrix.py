"""The terminal matrix: the installed `chapbook` stays alive and readable in every setting.

It does so under each TERM, locale, NO_COLOR, a 40×12 window and a storm of resizes, in tmux (a
real pty).
"""

from __future__ import annotations

import itertools
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from tmux_colours import colour_codes, cursor_shown, faint_text
from tmux_term import (
    BOOK_TITLE,
    CHAPBOOK,
    START,
    TMUX_TESTS,
    TmuxTerminal,
    chapbook_env,
    text_rows,
    write_book,
)

pytestmark = TMUX_TESTS

# The storm: 40 sizes in two seconds, from a phone-sized pane to a wide monitor.
STORM_SIZES = [(40, 12), (120, 40), (100, 30), (60, 16), (160, 50), (30, 10), (90, 28), (20, 6)]
STORM_COUNT = 40
STORM_SECONDS = 2.0


@dataclass(frozen=True)
class Case:
    term: str = "xterm-256color"
    env: dict[str, str] = field(default_factory=dict)
    unset: tuple[str, ...] = ()  # variables the case removes from the usual environment
    size: tuple[int, int] = (80, 24)
    storm: bool = False


CASES = [
    pytest.param(Case(term="xterm-256color"), id="TERM=xterm-256color"),
    pytest.param(Case(term="screen-256color"), id="TERM=screen-256color"),
    pytest.param(Case(term="linux"), id="TERM=linux"),
    pytest.param(Case(env={"LANG": "C.UTF-8"}), id="LANG=C.UTF-8"),
    pytest.param(Case(env={"LANG": "C"}), id="LANG=C"),
    pytest.param(Case(env={"LC_ALL": "C"}), id="LC_ALL=C"),
    pytest.param(Case(unset=("LANG",)), id="no-locale"),
    pytest.param(Case(env={"NO_COLOR": "1"}), id="NO_COLOR=1"),
    pytest.param(Case(size=(40, 12)), id="40x12"),
    pytest.param(Case(storm=True), id="resize-storm"),
]


def _status(screen: str) -> str:
    return screen.rstrip("\n").splitlines()[-1]


def _check_colours(term: TmuxTerminal, case: Case, where: str) -> None:
    escaped = term.screen(escapes=True)
    if "NO_COLOR" in case.env:
        codes = colour_codes(escaped)
        assert not codes, f"{where}: colour sent under NO_COLOR: {codes[:5]}"
    else:
        faint = faint_text(escaped)
        assert not faint, f"{where}: text too faint to read: {faint[:5]}"


def _resize_storm(term: TmuxTerminal) -> None:
    width, height = term.width, term.height
    began = time.monotonic()
    sizes = itertools.islice(itertools.cycle(STORM_SIZES), STORM_COUNT)
    for n, (w, h) in enumerate(sizes, start=1):
        term.resize(w, h)
        # Evenly over the two seconds, however long each tmux call takes.
        time.sleep(max(0.0, began + n * STORM_SECONDS / STORM_COUNT - time.monotonic()))
    term.resize(width, height)


@pytest.mark.parametrize("case", CASES)
def test_chapbook_stays_alive_and_readable(tmp_path: Path, case: Case) -> None:
    book = write_book(tmp_path / "orrery.txt")
    env = chapbook_env(tmp_path, **case.env)
    for name in case.unset:
        env.pop(name)
    width, height = case.size
    with TmuxTerminal(width, height, term=case.term) as term:
        term.start([CHAPBOOK, str(book)], env, cwd=tmp_path)

        # The first page, with its curly apostrophe: UTF-8 text whatever the locale.
        term.wait_for("Mark 1.1.1. The ferry’s bell", timeout=START)
        # The whole first page: tmux can be read while a frame is still being written.
        first = term.wait_steady()
        assert "Traceback" not in first
        if width >= 80:
            assert "café" in first and "灯台" in first
        _check_colours(term, case, "first page")

        term.send("PageDown", "PageDown")
        paged = term.wait_until(
            lambda s: "Mark 1.1.1" not in s and "Mark 1." in s, what="a page turn"
        )
        if case.storm:
            before = text_rows(term.wait_steady())
            _resize_storm(term)
            after = term.wait_until(
                lambda s: text_rows(s) == before, timeout=15, what="the same page after the storm"
            )
            assert term.alive()
            assert BOOK_TITLE[:10] in _status(after)
            assert all(len(row) <= width for row in after.splitlines())
        _check_colours(term, case, "reading")
        assert BOOK_TITLE[:10] in _status(paged)  # the status line, even at 40 columns

        # The finder and the help overlay open, fit and close in every case.
        term.send("C-p")
        term.wait_for("Find:", timeout=15)
        term.type("astrolabe")
        term.wait_for("Ch 4 · Scene 3", timeout=15)
        # The text cursor is drawn by chapbook, not the terminal: it must show after the
        # query (within a blink or two).
        term.wait_until(lambda s: cursor_shown(s, "astrolabe"), 5, "the text cursor", escapes=True)
        term.send("Escape")
        term.wait_until(lambda s: "Ch 4 · Scene 3" not in s, what="the finder to close")
        term.send("h")
        term.wait_for("Page down", timeout=15)
        term.send("Escape")
        term.wait_until(lambda s: "Page down" not in s, what="the help to close")
        assert term.alive()

        # The library: the book is listed.
        term.send("L")
        term.wait_for("Library", timeout=15)
        library = term.wait_for(BOOK_TITLE[:12], timeout=15)
        assert "Traceback" not in library
        _check_colours(term, case, "library")

        term.send("q")
        status = term.wait_exit(timeout=15)
        screen = term.screen()
        assert "Traceback" not in screen, screen
        assert status == 0, f"exit status {status}:\n{screen}"
