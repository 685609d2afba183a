"""A hang-up while the library is being saved neither deadlocks nor loses the place.

On SIGHUP (a dropped SSH link) the handler saves the place from inside that save, on the same
thread. It must neither wait on its own lock nor lose the place it saves.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest
from library_support import add_known, fixed_library, write_story

import tui.storage
from tui.book.anchor import Anchor
from tui.library.library import Library
from tui.paths import data_dir
from tui.storage import StoreError, locked

ROOT = Path(__file__).resolve().parents[2]


def test_a_save_asked_for_inside_a_save_goes_round_again_at_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    library = fixed_library()
    record = add_known(library, write_story(tmp_path, "a.txt", "A"), "A")
    library.save()
    real_write = tui.storage.write_atomic
    took: list[float] = []

    def write_then_hang_up(path: Path, raw: bytes, **kw: bool) -> None:
        real_write(path, raw, **kw)
        if not took:  # the handler runs between two steps of the save: it saves the place
            start = time.monotonic()
            library.set_position(record.id, Anchor(777, "hangup", time.time()))
            library.save()
            took.append(time.monotonic() - start)

    monkeypatch.setattr(tui.storage, "write_atomic", write_then_hang_up)
    library.set_position(record.id, Anchor(5, "first", time.time()))
    library.save()
    assert took and took[0] < 1.0  # (it waited out the lock's 15 s, then gave up)
    assert library.notices == []
    assert Library.open(sample=False).position(record.id).offset == 777


def test_the_lock_is_taken_again_by_its_thread_and_still_kept_from_others() -> None:
    folder = data_dir()
    with locked(folder), locked(folder, timeout=0.5):
        blocked: list[Exception] = []

        def other_thread() -> None:
            try:
                with locked(folder, timeout=0.3):
                    pass
            except StoreError as error:
                blocked.append(error)

        thread = threading.Thread(target=other_thread)
        thread.start()
        thread.join()
        assert len(blocked) == 1
    with locked(folder, timeout=0.3):  # (released once the outer one ends)
        pass


HANG_UP_WHILE_SAVING = """
    import os, signal, sys, threading, time
    from tui.book.anchor import Anchor
    from tui.library.library import Library

    library = Library.open(sample=False)
    records = sorted(library.records(), key=lambda record: record.title)  # Book 0, Book 1
    hung = []

    def hung_up(signum, frame):  # as the app's: save the place, then leave within 3 s
        hung.append(time.monotonic())
        library.set_position(records[0].id, Anchor(999, "hangup", time.time()))
        library.save()
        threading.Timer(3.0, os._exit, args=(3,)).start()

    signal.signal(signal.SIGHUP, hung_up)
    print("ready", flush=True)
    n = 0
    while not hung:  # saves all the time, so that the signal lands inside one
        n += 1
        library.set_position(records[1].id, Anchor(n, "x", time.time()))
        library.save()
    print(f"{time.monotonic() - hung[0]:.2f}", library.notices, flush=True)
    os._exit(0)
"""


def test_a_real_hang_up_during_saves_ends_at_once_with_the_place_saved(tmp_path: Path) -> None:
    library = fixed_library()
    for i in range(2):
        add_known(library, write_story(tmp_path, f"s{i}.txt", "S"), f"Book {i}")
    library.save()
    first = next(record.id for record in library.records() if record.title == "Book 0")
    env = {**os.environ, "PYTHONPATH": f"{ROOT}{os.pathsep}{ROOT / 'tests'}"}
    for _attempt in range(3):
        proc = subprocess.Popen(
            [sys.executable, "-c", textwrap.dedent(HANG_UP_WHILE_SAVING)],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        assert proc.stdout is not None and proc.stdout.readline().strip() == "ready"
        time.sleep(0.3)
        proc.send_signal(signal.SIGHUP)
        out, err = proc.communicate(timeout=60)
        assert proc.returncode == 0, (out, err)  # (3: ended by the timer, the save unfinished)
        seconds, notices = out.split(" ", 1)
        assert float(seconds) < 2.0 and notices.strip() == "[]"
        assert Library.open(sample=False).position(first).offset == 999
