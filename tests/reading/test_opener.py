"""Opening a book before the interface exists.

The opener's hand-over, and the forked child that prepares the first page on another core.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from reader_support import story, write_story

from tui.book.anchor import make_anchor
from tui.library.library import Library
from tui.reading.opener import BookOpener, OpenFailure, Registration
from tui.reading.stages import WHOLE_FIRST, Stage, cheap_first_stage, open_stages
from tui.reading.whole_text import WholeText

ROOT = Path(__file__).resolve().parents[2]


def serial(tmp_path: Path) -> Path:
    """About 0.4 MB: shown from a preview first, then whole."""
    return write_story(tmp_path / "serial.txt", story(chapters=90, scenes=3, paras=6))


def collect(opener: BookOpener, timeout: float = 30.0) -> list[object]:
    """Everything the opener finds, taken the way the reader screen takes it."""
    outcomes: list[object] = []
    arrived = threading.Condition()

    def sink(outcome: object) -> None:
        with arrived:
            outcomes.append(outcome)
            arrived.notify()
        if isinstance(outcome, Stage) and not outcome.final:
            opener.painted()

    for outcome in opener.attach(sink):
        sink(outcome)
    assert opener.done.wait(timeout)
    return outcomes


def test_what_is_found_before_a_screen_attaches_waits_for_it(tmp_path: Path) -> None:
    library = Library.open()
    opener = BookOpener(serial(tmp_path), library).start()
    # No screen yet: the preview is read and kept; the full parse waits for it to be shown.
    assert not opener.done.wait(0.5)
    outcomes = collect(opener)
    preview, whole, final, registration = outcomes
    assert isinstance(preview, Stage) and not preview.final
    # (the whole text, read before it is parsed: the end, a percentage, a line need no more)
    assert isinstance(whole, WholeText) and whole.length == len(final.book.text)
    assert isinstance(final, Stage) and final.final
    assert isinstance(registration, Registration)
    assert library.find_by_path(opener.path).id == registration.book_id


def test_a_known_book_opens_at_its_saved_place(tmp_path: Path) -> None:
    path = serial(tmp_path)
    library = Library.open()
    book = list(open_stages(path))[-1].book
    record = library.add_book(path, book)
    place = book.starts[len(book) // 2]
    library.set_position(record.id, make_anchor(book, place))
    opener = BookOpener(path, library)
    assert opener.book_id == record.id
    stages = [o for o in collect(opener.start()) if isinstance(o, Stage)]
    assert stages and all(stage.offset == place for stage in stages)


def test_a_file_that_is_not_a_book_fails_with_one_line(tmp_path: Path) -> None:
    path = tmp_path / "cover.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 64)
    outcomes = collect(BookOpener(path, Library.open()).start())
    assert len(outcomes) == 1 and isinstance(outcomes[0], OpenFailure)
    assert "\n" not in outcomes[0].error and outcomes[0].error


def test_cancelling_stops_before_the_whole_book_is_read(tmp_path: Path) -> None:
    library = Library.open()
    opener = BookOpener(serial(tmp_path), library).start()
    opener.cancel()
    assert opener.done.wait(30)
    assert library.find_by_path(opener.path) is None  # never registered


# The forked child is tried in a fresh interpreter: it is only used while the process has one
# thread, as `chapbook FILE` has when it starts reading.
CHILD_SCRIPT = """
import json, os, sys
from pathlib import Path
from tui.reading.first_page import FirstStageChild

child = FirstStageChild.start(Path(sys.argv[1]))
if child is None:
    print(json.dumps({"forked": False}))
    raise SystemExit(0)
stage = child.take(cancelled=lambda: len(sys.argv) > 2)
try:
    os.waitpid(child.pid, os.WNOHANG)
    reaped = False
except ChildProcessError:
    reaped = True
shown = None if stage is None else [
    stage.book.text, list(stage.book.starts), stage.offset, stage.final
]
print(json.dumps({"forked": True, "stage": shown, "reaped": reaped}))
"""


def run_child(path: Path, *, cancel: bool = False) -> dict:
    """What a forked child sent back, and whether it was reaped (``cancel``: the book was no
    longer wanted while the child worked)."""
    result = subprocess.run(
        [sys.executable, "-c", CHILD_SCRIPT, str(path), *(["cancel"] if cancel else [])],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
        check=True,
    )
    return json.loads(result.stdout)


def _spare_core() -> bool:
    return hasattr(os, "sched_getaffinity") and len(os.sched_getaffinity(0)) > 1


needs_fork = pytest.mark.skipif(
    not hasattr(os, "fork") or not _spare_core(), reason="needs fork and a second core"
)


@needs_fork
def test_the_child_prepares_the_same_first_page_and_is_reaped(tmp_path: Path) -> None:
    path = serial(tmp_path)
    here = next(iter(open_stages(path)))
    assert not here.final
    expected = [here.book.text, list(here.book.starts), here.offset, here.final]
    assert run_child(path) == {"forked": True, "stage": expected, "reaped": True}


@needs_fork
def test_a_child_that_fails_leaves_the_reading_to_the_interface(tmp_path: Path) -> None:
    path = tmp_path / "cover.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 64)
    assert run_child(path) == {"forked": True, "stage": None, "reaped": True}


@needs_fork
def test_a_child_no_longer_wanted_is_ended_and_reaped(tmp_path: Path) -> None:
    assert run_child(serial(tmp_path), cancel=True) == {
        "forked": True,
        "stage": None,
        "reaped": True,
    }


def test_no_child_for_what_is_not_a_regular_file(tmp_path: Path) -> None:
    assert run_child(tmp_path) == {"forked": False}


def test_only_a_quick_first_stage_is_left_to_a_child(tmp_path: Path) -> None:
    small = serial(tmp_path)
    big = tmp_path / "big.txt"
    with big.open("w", encoding="utf-8") as out:
        out.write(story(chapters=2000, scenes=3, paras=6))  # over 8 MB
    assert big.stat().st_size > WHOLE_FIRST
    assert cheap_first_stage(small, start=10**6)  # small: read whole anyway
    assert cheap_first_stage(big)  # the beginning of a big one: its head
    assert not cheap_first_stage(big, start=4_000_000)  # deep in a big one: all of it


def test_a_big_book_converted_whole_is_not_left_to_a_child(tmp_path: Path) -> None:
    page = tmp_path / "serial.xhtml"  # no quick preview for this format
    page.write_text("<html><body>" + "<p>Words and words.</p>" * 500_000 + "</body></html>")
    assert page.stat().st_size > WHOLE_FIRST
    assert not cheap_first_stage(page)


def test_a_place_deep_in_a_big_book_is_read_once_the_screen_shows_it_opening(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Reading the whole of a big book holds the interpreter: the screen's title and
    # `Opening…` go out first, rather than a blank screen until the page is ready.
    from tui.reading import stages

    path = serial(tmp_path)
    monkeypatch.setattr(stages, "WHOLE_FIRST", 100_000)  # (a big book, for the test)
    library = Library.open()
    book = list(open_stages(path))[-1].book
    record = library.add_book(path, book)
    library.set_position(record.id, make_anchor(book, book.starts[len(book) * 3 // 4]))
    opener = BookOpener(path, library).start()
    found: list[object] = []
    opener.attach(found.append)
    assert not opener.done.wait(0.5) and found == []  # nothing read before it is shown
    opener.shown()
    assert opener.done.wait(30)
    assert isinstance(found[0], Stage) and found[0].offset == book.starts[len(book) * 3 // 4]


def test_the_whole_text_is_read_before_its_parse_and_agrees_with_it(tmp_path: Path) -> None:
    path = serial(tmp_path)
    text = path.read_text(encoding="utf-8")
    whole = next(s for s in open_stages(path, whole_text=True) if isinstance(s, WholeText))
    assert whole.line_count() == text.count("\n")
    line = text.count("\n", 0, text.index("Scene 60.2 opens.")) + 1
    assert whole.line_offset(line) == text.index("Scene 60.2 opens.")
    assert whole.line_offset(1) == 0
    assert whole.line_offset(whole.line_count() + 1) is None
    assert whole.percent_offset(50) == (len(text) + 1) // 2
    preview = whole.preview(whole.length, stages_span())
    assert preview.ends[-1] <= len(text) and text[preview.starts[-1] :].strip()


def stages_span() -> int:
    from tui.reading.stages import QUICK_SPAN

    return QUICK_SPAN
