"""The installed `chapbook` in tmux, used as a reader would.

Read, search, find, quit, come back; the library and its filter; the place kept through SIGHUP,
SIGTERM and a dropped connection.
"""

from __future__ import annotations

import signal
import subprocess
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from reader_support import story, write_story
from tmux_term import (
    BOOK_TITLE,
    CHAPBOOK,
    FINDER_WORDS,
    SEARCH_PARA,
    SEARCH_WORD,
    START,
    TMUX_TESTS,
    TmuxTerminal,
    chapbook_env,
    process_gone,
    text_rows,
    write_book,
)

pytestmark = TMUX_TESTS


def _status(screen: str) -> str:
    return screen.rstrip("\n").splitlines()[-1]


def _page_and_status(place: list[str], status: str) -> Callable[[str], bool]:
    """A whole frame showing ``place``: its rows, and ``status`` on the status line (a
    capture can fall between the rows of a frame and its last row)."""
    return lambda screen: text_rows(screen) == place and status in _status(screen)


def _assert_clean_exit(term: TmuxTerminal) -> None:
    status = term.wait_exit(timeout=15)
    screen = term.screen()
    assert "Traceback" not in screen, screen
    assert status == 0, f"exit status {status}; screen:\n{screen}"


def _page_into_the_book(term: TmuxTerminal) -> list[str]:
    """Turn a few pages and a line; return the reading column once it has settled."""
    first = term.wait_for("Mark 1.1.1", timeout=START)
    for _ in range(3):
        term.send("PageDown")
    term.send("j")
    term.wait_until(
        lambda s: "Mark 1.1.1" not in s and text_rows(s)[:3] != text_rows(first)[:3],
        what="the pages to turn",
    )
    return text_rows(term.wait_steady())


def test_read_search_find_quit_and_reopen_at_the_same_place(tmp_path: Path) -> None:
    book = write_book(tmp_path / "orrery.txt")
    env = chapbook_env(tmp_path)
    with TmuxTerminal(80, 24) as term:
        term.start([CHAPBOOK, str(book)], env, cwd=tmp_path)
        _page_into_the_book(term)

        # Each prompt is awaited before typing, as a person sees it before typing.
        term.send("/")
        term.wait_for("search forward", timeout=10)
        term.type(SEARCH_WORD)
        term.send("Enter")
        found = term.wait_until(
            lambda s: SEARCH_WORD in s and "Chapter 3" in _status(s), what="the search match"
        )
        assert SEARCH_PARA in found

        term.send("C-p")
        term.wait_for("Find", timeout=10)
        term.type(FINDER_WORDS)
        term.wait_for("Ch 4 · Scene 3", timeout=15)
        term.send("Enter")
        jumped = term.wait_until(
            # (the words found near the top, a couple of rows of their paragraph above them)
            lambda s: (
                any("astrolabe" in row for row in text_rows(s)[:4]) and "Chapter 4" in _status(s)
            ),
            what="the jump to chapter 4, scene 3",
        )
        assert "Find:" not in jumped  # the finder closed

        term.send("j", "j")
        term.wait_until(lambda s: text_rows(s) != text_rows(jumped), what="two lines down")
        place = text_rows(term.wait_steady())
        term.send("q")
        _assert_clean_exit(term)

    with TmuxTerminal(80, 24) as term:
        term.start([CHAPBOOK, str(book)], env, cwd=tmp_path)
        term.wait_until(_page_and_status(place, "Chapter 4"), timeout=START, what="same page")
        term.send("q")
        _assert_clean_exit(term)


def test_library_opens_lists_and_filters(tmp_path: Path) -> None:
    env = chapbook_env(tmp_path)
    books = tmp_path / "books"
    books.mkdir()
    write_book(books / "orrery.txt")
    write_book(books / "ferry.txt", title="Ferry Lights at Dusk")
    write_book(books / "salt.txt", title="A Ledger of Salt")
    added = subprocess.run(
        [CHAPBOOK, "add", str(books)], env=env, capture_output=True, text=True, timeout=60
    )
    assert added.returncode == 0, added.stderr
    with TmuxTerminal(100, 30) as term:
        term.start([CHAPBOOK], env, cwd=tmp_path)
        listed = term.wait_until(
            lambda s: all(t in s for t in (BOOK_TITLE, "Ferry Lights at Dusk", "A Ledger of Salt")),
            timeout=START,
            what="the three books in the list",
        )
        assert "What the Tide Keeps" in listed  # the bundled sample story, on a first run

        term.send("/")
        term.wait_for("filter by title", timeout=10)
        term.type("orery")  # a typo still finds it
        filtered = term.wait_until(
            lambda s: BOOK_TITLE in s and "Ferry Lights at Dusk" not in s,
            what="the list narrowed to one book",
        )
        assert "A Ledger of Salt" not in filtered
        assert "What the Tide Keeps" not in filtered
        term.send("Enter")  # open the book it found
        term.wait_for("Mark 1.1.1", timeout=START)
        term.send("q")  # back to the library, still filtered
        back = term.wait_until(
            lambda s: BOOK_TITLE in s and "Mark 1.1.1" not in s, what="the library again"
        )
        assert "Ferry Lights at Dusk" not in back
        term.send("Escape")  # clear the filter
        term.wait_for("Ferry Lights at Dusk", timeout=10)
        term.send("q")
        _assert_clean_exit(term)


def _sighup(term: TmuxTerminal) -> None:
    term.signal(signal.SIGHUP)


def _sigterm(term: TmuxTerminal) -> None:
    term.signal(signal.SIGTERM)


def _hang_up(term: TmuxTerminal) -> None:
    term.hang_up()


@pytest.mark.parametrize(
    "stop",
    [
        pytest.param(_sighup, id="SIGHUP"),
        pytest.param(_sigterm, id="SIGTERM"),
        pytest.param(_hang_up, id="terminal-closed"),
    ],
)
def test_the_place_survives_being_stopped_mid_reading(
    tmp_path: Path, stop: Callable[[TmuxTerminal], None]
) -> None:
    book = write_book(tmp_path / "orrery.txt")
    env = chapbook_env(tmp_path)
    with TmuxTerminal(80, 24) as term:
        term.start([CHAPBOOK, str(book)], env, cwd=tmp_path)
        place = _page_into_the_book(term)
        stop(term)
        if stop is _hang_up:
            term.wait_gone(timeout=15)  # no chapbook left running without a terminal
        else:
            # Exit status 0, not death by the signal: chapbook caught it and saved.
            assert term.wait_exit(timeout=15) == 0, term.screen()
            assert "Traceback" not in term.screen()

    with TmuxTerminal(80, 24) as term:
        term.start([CHAPBOOK, str(book)], env, cwd=tmp_path)
        term.wait_until(_page_and_status(place, BOOK_TITLE[:12]), timeout=START, what="same page")
        term.send("q")
        _assert_clean_exit(term)


@pytest.mark.parametrize(
    ("start", "keys", "typed"),
    [
        pytest.param("book", ["/", "q", "u", "a", "y"], "quay", id="reader-search"),
        pytest.param("book", ["C-p", "b", "r", "a", "s", "s"], "brass", id="finder"),
        pytest.param("library", ["/", "o", "r", "r"], "orr", id="library-filter"),
    ],
)
def test_keys_typed_ahead_of_a_prompt_land_in_it(
    tmp_path: Path, start: str, keys: list[str], typed: str
) -> None:
    book = write_book(tmp_path / "orrery.txt")
    command = [CHAPBOOK, str(book)] if start == "book" else [CHAPBOOK]
    with TmuxTerminal(100, 30) as term:
        term.start(command, chapbook_env(tmp_path), cwd=tmp_path)
        term.wait_for("Mark 1.1.1" if start == "book" else "What the Tide Keeps", timeout=START)
        term.wait_steady()
        term.burst(*keys)
        term.wait_until(lambda s: typed in s, timeout=3, what=f"{typed!r} in the prompt")
        assert term.alive()


@pytest.mark.parametrize(
    ("start", "keys", "shown"),
    [
        # `q` quit, `t` opened the contents: the prompt was open but had no keys.
        pytest.param("book", ["/", *"queen"], "/ queen", id="reader-search"),
        # `x` asked to remove the book on top, `y` removed it.
        pytest.param(
            "library", ["/", *"xylophone", "Enter"], "no matches “xylophone”", id="library"
        ),
    ],
)
def test_keys_typed_while_chapbook_starts_land_in_the_prompt_they_open(
    tmp_path: Path, start: str, keys: list[str], shown: str
) -> None:
    book = write_book(tmp_path / "orrery.txt")
    command = [CHAPBOOK, str(book)] if start == "book" else [CHAPBOOK]
    with TmuxTerminal(80, 24) as term:
        term.start(command, chapbook_env(tmp_path), cwd=tmp_path)
        term.burst(*keys)  # at once: before the first screen is up
        term.wait_until(lambda s: shown in s, timeout=START, what=f"{shown!r}")
        screen = term.wait_steady()
        assert term.alive()
        assert "Removed" not in screen and "Contents" not in screen
        if start == "library":
            term.send("Escape")
            term.wait_for("What the Tide Keeps")  # the book is still there


def _child_of(pid: int, timeout: float = 10.0) -> int:
    """The process ``pid`` started (the program a shell runs)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True)
        if found.stdout.split():
            return int(found.stdout.split()[0])
        time.sleep(0.01)
    raise AssertionError(f"process {pid} started nothing within {timeout}s")


@pytest.mark.parametrize("after", [0.15, 0.2, 0.25, 0.3])
def test_a_terminal_closed_while_starting_leaves_nothing_running(
    tmp_path: Path, after: float
) -> None:
    # As over SSH: chapbook runs under a shell, and closing the terminal sends it SIGHUP and
    # SIGCONT. Closed while Textual was still setting the terminal up, the output thread used
    # to die on the failed write and leave the shutdown waiting for it for ever.
    book = write_story(tmp_path / "serial.txt", story(chapters=2000, scenes=3, paras=6))  # 9 MB
    for run in range(3):
        env = chapbook_env(tmp_path / f"home{run}")  # a first run: the library is made too
        with TmuxTerminal(100, 30) as term:
            started = time.monotonic()
            term.start(["sh", "-c", f"{CHAPBOOK} {book}; sleep 30"], env, cwd=tmp_path)
            chapbook = _child_of(term.pid or 0)
            time.sleep(max(0.0, started + after - time.monotonic()))
            term.hang_up()
            deadline = time.monotonic() + 10
            while not process_gone(chapbook) and time.monotonic() < deadline:
                time.sleep(0.05)
            assert process_gone(chapbook), f"chapbook still running {after + 10:.1f}s on"
