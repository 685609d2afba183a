"""Handing the terminal over: ctrl+z to the shell and back, `$PAGER +N FILE` and back."""

from __future__ import annotations

import contextlib
import gzip
import os
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from reader_support import (
    lantern_book,
    notices,
    reader_app,
    shown_rows,
    story,
    wait_for,
    wait_open,
    write_story,
)
from tmux_term import CHAPBOOK, START, TMUX_TESTS, TmuxTerminal, chapbook_env, text_rows

from tui.paths import fitted_words
from tui.ui.notices import notice_width
from tui.ui.screens import reader_handoff
from tui.ui.screens.reader_handoff import external_command

SIZE = (80, 24)
REAL = Path(__file__).resolve().parents[1] / "fixtures" / "real"


def test_the_command_is_pager_then_editor_then_less() -> None:
    assert external_command({"PAGER": "most -s", "EDITOR": "vi"}, "/b.txt", 40) == [
        "most",
        "-s",
        "+40",
        "/b.txt",
    ]
    assert external_command({"EDITOR": "vi"}, "/b.txt", 0) == ["vi", "+1", "/b.txt"]
    assert external_command({}, "/b.txt", 7) == ["less", "+7", "/b.txt"]


def test_a_pager_command_whose_quotes_do_not_close_is_named_with_its_variable() -> None:
    with pytest.raises(ValueError, match=r'^\$PAGER cannot be read as a command .*: less "-R$'):
        external_command({"PAGER": 'less "-R', "EDITOR": "vi"}, "/b.txt", 4)
    assert external_command({"PAGER": "  ", "EDITOR": "vi"}, "/b.txt", 4)[0] == "vi"


async def test_a_pager_command_whose_quotes_do_not_close_is_said_not_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`PAGER='less "-R'`: `o` says the command cannot be read; it ended chapbook (shlex's
    ValueError), and nothing is handed the terminal."""
    monkeypatch.setenv("PAGER", 'less "-R')
    app = reader_app(lantern_book(tmp_path))
    handed: list[str] = []
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        monkeypatch.setattr(app, "suspend", lambda: handed.append("over"))
        await pilot.press("o")
        await pilot.pause()
        assert handed == [] and app.screen is screen and app.is_running
        assert "$PAGER cannot be read as a command (No closing quotation)" in notices(app)[-1]


def fake_pager(tmp_path: Path, body: str = "") -> Path:
    """A $PAGER that writes down how it was called (and may change the file)."""
    script = tmp_path / "pager.sh"
    script.write_text(f'#!/bin/sh\necho "$@" > {tmp_path / "called"}\n{body}\n')
    script.chmod(0o755)
    return script


async def test_open_external_runs_the_pager_at_the_top_line_and_comes_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    book = lantern_book(tmp_path)
    monkeypatch.setenv("PAGER", str(fake_pager(tmp_path)))
    app = reader_app(book)
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        monkeypatch.setattr(app, "suspend", contextlib.nullcontext)  # no terminal to give up
        await pilot.press("right_curly_bracket", "right_curly_bracket")
        before = shown_rows(screen)
        line = screen.book.line_of(screen.view.pager.top_para())
        await pilot.press("o")
        await pilot.pause()
        assert (tmp_path / "called").read_text().split() == [f"+{line}", str(book)]
        assert app.screen is screen and shown_rows(screen) == before


async def test_a_pager_that_is_not_there_says_so_and_gives_the_terminal_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """$PAGER names a program that is not installed: chapbook takes the terminal back and says
    so. Textual resumes only when the suspended block ends without an exception, and the
    failure to start the program ended it with one: chapbook stayed blank, deaf to every key."""
    book = lantern_book(tmp_path)
    monkeypatch.setenv("PAGER", str(tmp_path / "no-such-pager"))
    app = reader_app(book)
    handed: list[str] = []

    @contextlib.contextmanager
    def suspend() -> Iterator[None]:  # as Textual's: no `finally` around its `yield`
        handed.append("over")
        yield
        handed.append("back")

    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        monkeypatch.setattr(app, "suspend", suspend)
        await pilot.press("o")
        await pilot.pause()
        assert handed == ["over", "back"]
        said = notices(app)[-1]
        assert said.startswith("Cannot run /") and "no-such-pager: No" in said
        assert said.endswith("such file or directory; set $PAGER")
        assert app.screen is screen


def copying_pager(tmp_path: Path) -> Path:
    """A $PAGER that keeps what it was given to show, and its arguments."""
    return fake_pager(tmp_path, f'cp "$2" {tmp_path / "shown"}; ls -l "$2" > {tmp_path / "mode"}')


async def open_in_pager_at_chapter(pilot, screen, chapters: int) -> int:
    """Go `chapters` chapters on, press o; the paragraph that was on top."""
    await pilot.press(*["right_curly_bracket"] * chapters)
    top = screen.view.pager.top_para()
    await pilot.press("o")
    await pilot.pause()
    return top


@pytest.mark.parametrize("run_dir", [True, False])
async def test_a_compressed_book_opens_as_its_text_at_the_same_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, run_dir: bool
) -> None:
    """`o` on NAME.txt.gz: the pager shows the text, not gzip bytes, at the line on top; the
    copy lives in the user's runtime (or cache) folder and is gone afterwards."""
    text = story(chapters=4, scenes=3, paras=6)
    book = tmp_path / "lantern.txt.gz"
    book.write_bytes(gzip.compress(text.encode("utf-8")))
    if run_dir:
        (tmp_path / "run").mkdir(mode=0o700)
        monkeypatch.setenv("XDG_RUNTIME_DIR", str(tmp_path / "run"))
        folder = tmp_path / "run" / "chapbook"
    else:
        monkeypatch.delenv("XDG_RUNTIME_DIR", raising=False)
        folder = Path(os.environ["XDG_CACHE_HOME"]) / "chapbook"
    monkeypatch.setenv("PAGER", str(copying_pager(tmp_path)))
    app = reader_app(book)
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        monkeypatch.setattr(app, "suspend", contextlib.nullcontext)
        top = await open_in_pager_at_chapter(pilot, screen, 2)
        line, shown = (tmp_path / "called").read_text().split()
        assert Path(shown).parent == folder and shown.endswith(".txt")
        assert line == f"+{screen.book.line_of(top)}"
        assert (tmp_path / "shown").read_text(encoding="utf-8") == text
        assert text.splitlines()[int(line[1:]) - 1].startswith("Chapter 2")
        assert (tmp_path / "mode").read_text().startswith("-r--------")  # read-only, private
        assert list(folder.iterdir()) == []  # deleted once the pager is done
        assert notices(app)[-1] == (
            "lantern.txt.gz is compressed, so pager.sh showed a copy of its text, now deleted "
            "(changes to it are not kept)"
        )
        assert app.screen is screen


async def test_an_epub_opens_as_the_text_chapbook_made_of_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PAGER", str(copying_pager(tmp_path)))
    app = reader_app(REAL / "pg_alice_epub3.epub")
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        monkeypatch.setattr(app, "suspend", contextlib.nullcontext)
        top = await open_in_pager_at_chapter(pilot, screen, 3)
        line = int((tmp_path / "called").read_text().split()[0][1:])
        shown = (tmp_path / "shown").read_text(encoding="utf-8").splitlines()
        # The line the pager opens at starts the paragraph that was on top in the reader.
        assert shown[line - 1] and screen.book.raw(top).startswith(shown[line - 1])
        assert not shown[0].startswith("PK")  # text, not the zip
        assert notices(app)[-1].startswith(
            "pg_alice_epub3.epub is an EPUB (a zip of web pages), so pager.sh showed a copy "
            "of its text, now deleted"
        )


async def test_no_room_for_the_copy_says_so_and_runs_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    book = tmp_path / "lantern.txt.gz"
    book.write_bytes(gzip.compress(story(chapters=2, scenes=2, paras=3).encode("utf-8")))
    (tmp_path / "run").mkdir(mode=0o700)
    (tmp_path / "run" / "chapbook").write_text("a file where the folder would be")
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(tmp_path / "run"))
    monkeypatch.setenv("PAGER", str(copying_pager(tmp_path)))
    app = reader_app(book)
    async with app.run_test(size=SIZE) as pilot:
        await wait_open(pilot)
        await pilot.press("o")
        await pilot.pause()
        assert not (tmp_path / "called").exists()
        # (the folder's path, too long for a line of the notice, shortened: never split)
        assert notices(app)[-1] == fitted_words(
            f"lantern.txt.gz is compressed, and its text could not be put in "
            f"{tmp_path / 'run' / 'chapbook'} for the pager: File exists",
            notice_width(SIZE[0]),
        )


async def test_a_file_changed_in_the_editor_is_read_again_at_the_same_place(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    book = lantern_book(tmp_path)
    longer = story(chapters=5, scenes=3, paras=6)
    (tmp_path / "new.txt").write_text(longer)
    editor = fake_pager(tmp_path, f"sleep 0.01; cp {tmp_path / 'new.txt'} {book}")
    monkeypatch.delenv("PAGER", raising=False)
    monkeypatch.setenv("EDITOR", str(editor))
    app = reader_app(book)
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        monkeypatch.setattr(app, "suspend", contextlib.nullcontext)
        await pilot.press("2", "right_curly_bracket")
        before = shown_rows(screen)
        os.utime(book, (1, 1))  # so the copy is seen as a change
        await pilot.press("o")
        await wait_for(pilot, lambda: app.screen is not screen)
        again = await wait_open(pilot)
        assert len(again.book.chapters) == 5
        assert shown_rows(again) == before


async def test_ctrl_z_saves_the_place_before_suspending(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # (a shell to return to, however the tests were started: the terminal is what refuses)
    monkeypatch.setattr(reader_handoff, "shell_to_return_to", lambda: True)
    app = reader_app(lantern_book(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        await pilot.press("2", "right_curly_bracket")
        await pilot.press("ctrl+z")  # the test driver cannot suspend: it says so
        assert "This terminal cannot suspend chapbook" in notices(app)
        saved = app.library.position(screen.book_id)
        assert saved is not None and saved.offset == screen.view.top_offset()
        top = screen.view.top_offset()
        await pilot.press("j")  # still reading
        assert screen.view.top_offset() > top


async def test_ctrl_z_with_no_shell_says_so_and_never_gives_the_terminal_up(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(reader_handoff, "shell_to_return_to", lambda: False)
    app = reader_app(lantern_book(tmp_path))
    given_up: list[bool] = []

    @contextlib.contextmanager
    def suspend() -> Iterator[None]:
        given_up.append(True)
        yield

    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        monkeypatch.setattr(app, "suspend", suspend)
        await pilot.press("right_curly_bracket", "ctrl+z")
        assert any("No shell to suspend to" in notice for notice in notices(app))
        assert not given_up
        saved = app.library.position(screen.book_id)
        assert saved is not None and saved.offset == screen.view.top_offset()


@pytest.mark.tmux
@TMUX_TESTS[1]
def test_ctrl_z_then_fg_comes_back_at_the_same_place(tmp_path: Path) -> None:
    book = write_story(tmp_path / "lantern.txt", story(chapters=5, scenes=3, paras=6))
    env = chapbook_env(tmp_path, PS1="shell$ ")
    with TmuxTerminal(80, 24) as term:
        term.start(["bash", "--norc", "--noprofile", "-i"], env, cwd=tmp_path)
        term.wait_for("shell$", timeout=START)
        term.type(f"{CHAPBOOK} {book}")
        term.send("Enter")
        first = term.wait_for("The Lantern Ledger", timeout=START)
        term.send("}", "}", "}")
        paged = term.wait_until(
            lambda s: "Chapter 3" in s and text_rows(s)[:3] != text_rows(first)[:3],
            what="chapter 3",
        )
        time.sleep(0.3)
        paged = term.screen()
        term.send("C-z")
        term.wait_until(lambda s: "Stopped" in s or s.rstrip().endswith("shell$"), what="the shell")
        term.type("fg")
        term.send("Enter")
        again = term.wait_until(
            lambda s: text_rows(s)[:8] == text_rows(paged)[:8], what="the same page"
        )
        assert "Chapter 3" in again
        term.wait_steady()  # the terminal is chapbook's again
        term.send("j")  # still reading, keys work
        term.wait_until(lambda s: s.splitlines()[:8] != again.splitlines()[:8], what="a line down")


@pytest.mark.tmux
@TMUX_TESTS[1]
def test_keys_typed_for_the_pager_do_not_reach_chapbook_after_it(tmp_path: Path) -> None:
    """A pager that reads nothing for a second: the `q` and the pasted ctrl+q typed at it
    meanwhile are dropped when it ends, so chapbook does not quit when it comes back."""
    pager = tmp_path / "slow-pager"
    pager.write_text("#!/bin/sh\nsleep 1\n", encoding="utf-8")
    pager.chmod(0o755)
    book = write_story(tmp_path / "lantern.txt", story(chapters=5, scenes=3, paras=6))
    with TmuxTerminal(80, 24) as term:
        term.start([CHAPBOOK, str(book)], chapbook_env(tmp_path, PAGER=str(pager)), cwd=tmp_path)
        term.wait_for("The Lantern Ledger", timeout=START)
        term.send("o")
        time.sleep(0.3)  # the pager has the terminal now
        term.send("q", "C-q")
        time.sleep(1.5)  # the pager has ended, chapbook has the terminal again
        term.send("j")
        term.wait_steady()
        assert not term.pane_dead()
        assert "The Lantern Ledger" in term.screen()


@pytest.mark.tmux
@TMUX_TESTS[1]
def test_ctrl_z_without_a_shell_to_return_to_says_so_and_keeps_reading(tmp_path: Path) -> None:
    """Started straight by tmux (or ssh, or a terminal), no shell would take the terminal:
    stopped, chapbook would stay stopped (or tmux would wake it at once)."""
    book = write_story(tmp_path / "lantern.txt", story(chapters=5, scenes=3, paras=6))
    with TmuxTerminal(80, 24) as term:
        term.start([CHAPBOOK, str(book)], chapbook_env(tmp_path), cwd=tmp_path)
        first = term.wait_for("The Lantern Ledger", timeout=START)
        term.send("C-z")
        term.wait_for("No shell to suspend to")
        term.send("j")
        term.wait_until(lambda s: s.splitlines()[:8] != first.splitlines()[:8], what="a line down")
        assert not term.pane_dead()


@pytest.mark.tmux
@TMUX_TESTS[1]
def test_a_pager_that_is_not_installed_leaves_chapbook_reading(tmp_path: Path) -> None:
    book = write_story(tmp_path / "lantern.txt", story(chapters=5, scenes=3, paras=6))
    with TmuxTerminal(80, 24) as term:
        env = chapbook_env(tmp_path, PAGER="no-such-pager --quiet")
        term.start([CHAPBOOK, str(book)], env, cwd=tmp_path)
        first = term.wait_for("The Lantern Ledger", timeout=START)
        term.send("o")
        term.wait_for("Cannot run no-such-pager")
        term.send("j")
        term.wait_until(lambda s: s.splitlines()[:8] != first.splitlines()[:8], what="a line down")
        assert not term.pane_dead()
