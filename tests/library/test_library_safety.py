"""Never lose a book or a place: concurrent processes, crashes mid-save, corrupt index files."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

from library_support import add_known, fixed_library, write_story

from tui.book.anchor import Anchor
from tui.library.library import Library
from tui.library.records import BookRecord, book_id_for
from tui.library.store.index import shard_of
from tui.paths import data_dir

ROOT = Path(__file__).resolve().parents[2]


def _python(code: str, *args: str) -> subprocess.Popen[str]:
    """Run ``code`` in a fresh interpreter that sees this test's data directory."""
    env = {**os.environ, "PYTHONPATH": f"{ROOT}{os.pathsep}{ROOT / 'tests'}"}
    return subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(code), *args],
        env=env,
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


ADDER = """
    import sys, time
    from pathlib import Path
    from library_support import add_known
    from tui.book.anchor import Anchor
    from tui.library.library import Library

    folder, go, shared = Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3])
    library = Library.open(sample=False)
    while not go.exists():
        time.sleep(0.005)
    for n, path in enumerate(sorted(folder.glob("*.txt"))):
        add_known(library, path, path.stem)
        record = add_known(library, shared, "Shared")
        library.set_position(record.id, Anchor(n, folder.name, time.time()))
        library.save()  # a save per book: the two processes interleave as much as they can
    print(len(library))
"""


def test_two_processes_adding_at_once_lose_no_book(tmp_path: Path) -> None:
    shared = write_story(tmp_path, "shared.txt", "Shared")
    folders = []
    for name in ("one", "two"):
        for i in range(40):
            write_story(tmp_path / name, f"{name}-{i:02d}.txt", f"{name} {i}")
        folders.append(tmp_path / name)
    go = tmp_path / "go"
    procs = [_python(ADDER, str(f), str(go), str(shared)) for f in folders]
    time.sleep(0.5)  # both are loaded and waiting
    go.touch()
    for proc in procs:
        _out, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err

    library = Library.open(sample=False)
    names = {Path(r.path).name for r in library.records()}
    expected = {f"{n}-{i:02d}.txt" for n in ("one", "two") for i in range(40)} | {"shared.txt"}
    assert names == expected
    assert library.notices == []
    # The shared book holds the newer of the two last positions (39 from either process).
    assert library.position(library.find_by_path(shared).id).offset == 39


CRASHER = """
    import os, sys
    from pathlib import Path
    from library_support import add_known
    from tui.library.library import Library

    library = Library.open(sample=False)
    add_known(library, Path(sys.argv[1]), "Written during the crash")
    real_replace, real_write = os.replace, os.write

    if sys.argv[2] == "before-replace":
        # The temporary file is complete and fsynced: die before it is swapped in.
        def replace(src, dst):
            if str(dst).endswith(".toml"):
                os._exit(9)
            real_replace(src, dst)
        os.replace = replace
    else:
        # Die half way through writing the temporary file.
        import builtins
        real_open = builtins.open
        class Half:
            def __init__(self, handle): self.handle = handle
            def write(self, data):
                self.handle.write(data[: len(data) // 2]); self.handle.flush(); os._exit(9)
            def __enter__(self): return self
            def __exit__(self, *exc): self.handle.close()
        def fake_open(file, mode="r", *args, **kw):
            handle = real_open(file, mode, *args, **kw)
            shard_tmp = str(file).endswith(".tmp") and ".bak." not in str(file)
            return Half(handle) if "w" in mode and shard_tmp else handle
        builtins.open = fake_open
    library.save()
"""


def test_a_crash_during_a_save_leaves_the_old_index_valid(tmp_path: Path) -> None:
    library = fixed_library()
    path = write_story(tmp_path, "kept.txt", "Kept")
    kept = add_known(library, path, "Kept")
    library.set_position(kept.id, Anchor(321, "x", 1.0))
    library.save()
    for how in ("before-replace", "mid-write"):
        # The new book goes to the same shard as the kept one, so that shard is rewritten.
        for i in range(1000):
            other = write_story(tmp_path, f"new-{i}.txt", "New")
            if shard_of(book_id_for(str(other.resolve()))) == shard_of(kept.id):
                break
        proc = _python(CRASHER, str(other), how)
        proc.communicate(timeout=60)
        assert proc.returncode == 9

        after = Library.open(sample=False)
        assert after.notices == []
        assert [r.title for r in after.records()] == ["Kept"]
        assert after.position(kept.id).offset == 321
        assert list((data_dir() / "index").glob(".*.tmp"))  # the crash left its temporary


SAVER = """
    import time
    from tui.book.anchor import Anchor
    from tui.library.library import Library

    library = Library.open(sample=False)
    print("ready", flush=True)
    n = 0
    while True:
        n += 1
        for record in library.records():
            library.set_position(record.id, Anchor(n, "x", time.time()))
        library.save()
"""


def test_killing_a_process_while_it_saves_never_breaks_the_index(tmp_path: Path) -> None:
    library = fixed_library()
    for i in range(300):
        add_known(library, write_story(tmp_path, f"s{i:03d}.txt", "S"), f"Book {i}")
    library.save()
    rng = random.Random(7)
    for _ in range(5):
        proc = _python(SAVER)
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == "ready"
        time.sleep(rng.uniform(0.05, 0.4))
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
        after = Library.open(sample=False)
        assert after.notices == []
        assert len(after) == 300


def _shard_with_a_good_copy(tmp_path: Path) -> tuple[BookRecord, Path]:
    """A library of one book saved twice (so its shard has a last good copy, `.bak`): the
    book and its shard."""
    library = fixed_library()
    first = add_known(library, write_story(tmp_path, "a.txt", "A"), "First")
    library.save()
    library.set_position(first.id, Anchor(10, "x", 5.0))
    library.save()  # the version before this one is now the .bak
    shard = data_dir() / "index" / f"{shard_of(first.id)}.toml"
    return first, shard


def test_a_corrupt_shard_is_moved_aside_and_the_last_good_copy_used(tmp_path: Path) -> None:
    first, shard = _shard_with_a_good_copy(tmp_path)
    shard.write_bytes(b"[books.broken\nthis is not toml")

    recovered = Library.open(sample=False)
    assert len(recovered.notices) == 1
    notice = recovered.notices[0]
    assert str(shard) in notice and "restored the last good copy" in notice
    aside = list(shard.parent.glob(f"{shard.name}.corrupt-*"))
    assert len(aside) == 1 and aside[0].read_bytes().startswith(b"[books.broken")
    assert aside[0].name in notice
    assert recovered.get(first.id).title == "First"  # from the last good copy
    recovered.save()


def test_a_shard_of_the_wrong_shape_is_moved_aside_not_written_over(tmp_path: Path) -> None:
    """`books = 5` (typed by hand, or by another program) parses: it was read as no books and
    written over at the next save of that shard, the hand edit lost."""
    first, shard = _shard_with_a_good_copy(tmp_path)
    shard.write_text("version = 1\nbooks = 5\n")

    recovered = Library.open(sample=False)
    (notice,) = recovered.notices
    assert "(books = 5 is not a table)" in notice and "restored the last good copy" in notice
    (aside,) = shard.parent.glob(f"{shard.name}.corrupt-*")
    assert aside.read_text() == "version = 1\nbooks = 5\n"
    assert recovered.get(first.id).title == "First"


def test_an_empty_shard_is_taken_for_one_cut_short_and_the_last_good_copy_used(
    tmp_path: Path,
) -> None:
    """chapbook never writes a shard empty: one cut to nothing (a full disk, a crash of the
    system) read as no books, and its books were gone at the next save."""
    first, shard = _shard_with_a_good_copy(tmp_path)
    shard.write_bytes(b"")
    recovered = Library.open(sample=False)
    (notice,) = recovered.notices
    assert "was damaged (empty)" in notice and "restored the last good copy" in notice
    assert recovered.get(first.id).title == "First"


def test_a_shard_written_in_the_wrong_shape_meanwhile_is_moved_aside_on_save(
    tmp_path: Path,
) -> None:
    library = fixed_library()
    first = add_known(library, write_story(tmp_path, "a.txt", "A"), "First")
    library.save()
    shard = data_dir() / "index" / f"{shard_of(first.id)}.toml"
    shard.write_text("version = 1\nbooks = 5\n")  # (by another program, while this one runs)
    library.set_position(first.id, Anchor(10, "x", 5.0))
    library.save()
    assert any("was damaged by something else; moved it to" in n for n in library.notices)
    (aside,) = shard.parent.glob(f"{shard.name}.corrupt-*")
    assert aside.read_text() == "version = 1\nbooks = 5\n"
    assert Library.open(sample=False).position(first.id).offset == 10


def test_a_library_file_of_the_wrong_shape_or_not_utf8_is_moved_aside(tmp_path: Path) -> None:
    (data_dir() / "index").mkdir(parents=True)
    for text, why in ((b"folders = 5\n", "folders = 5 is not a list"), (b"\xbd\x01", "UTF-8")):
        (data_dir() / "library.toml").write_bytes(text)
        recovered = Library.open(sample=False)
        assert (
            why in recovered.notices[0]
            and "moved it to library.toml.corrupt-" in (recovered.notices[0])
        )
        assert "codec" not in recovered.notices[0]  # ('utf-8' codec can't decode byte 0xbd…)
        for aside in data_dir().glob("library.toml.corrupt-*"):
            assert aside.read_bytes() == text
            aside.unlink()


def test_a_corrupt_index_with_no_good_copy_starts_empty_but_keeps_the_file(tmp_path: Path) -> None:
    (data_dir() / "index").mkdir(parents=True)
    (data_dir() / "library.toml").write_text('first_run_done = true\nfolders = [\n"unclosed"\n')
    recovered = Library.open(sample=False)
    assert len(recovered) == 0
    assert "no good copy" in recovered.notices[0]
    assert list(data_dir().glob("library.toml.corrupt-*"))


def test_an_unreadable_shard_is_never_overwritten(tmp_path: Path) -> None:
    library = fixed_library()
    book = add_known(library, write_story(tmp_path, "a.txt", "A"), "A")
    shard = data_dir() / "index" / f"{shard_of(book.id)}.toml"
    shard.mkdir(parents=True)  # something that cannot be read as a file
    library.save()
    reopened = Library.open(sample=False)
    assert any("Cannot read" in n for n in reopened.notices)
    reopened.set_position(book.id, Anchor(1, "x", 1.0))
    reopened.save()
    assert shard.is_dir()


def test_an_edited_index_is_read_again_not_taken_from_the_memo(tmp_path: Path) -> None:
    library = fixed_library()
    book = add_known(library, write_story(tmp_path, "a.txt", "A"), "Old title")
    library.save()
    Library.open(sample=False)  # leaves a parse memo beside the shard
    shard = data_dir() / "index" / f"{shard_of(book.id)}.toml"
    shard.write_text(shard.read_text().replace("Old title", "New title"))
    assert Library.open(sample=False).get(book.id).title == "New title"


PIPES = """
    import os, sys
    from pathlib import Path
    from library_support import fixed_library, write_story
    from tui.library.scan import file_hash

    folder = Path(sys.argv[1])
    library = fixed_library()
    book = write_story(folder, "story.txt", "The Story")
    library.add_paths([book], workers=1)
    os.mkfifo(folder / "pipe.txt")
    os.mkfifo(folder / "more.txt")
    added = library.add_paths([folder / "pipe.txt", folder], workers=1)
    print([Path(r.path).name for r in added], library.skipped)
    try:
        file_hash(folder / "pipe.txt")
    except OSError as error:
        print(error.strerror)
    book.unlink()
    os.mkfifo(book)  # the book's file is a pipe now: a check reads it no more than a scan
    library.check(add_new=True, workers=1)
    print([record.error for record in library.records()])
"""


def test_named_pipes_are_never_opened_by_an_add_a_scan_or_a_check(tmp_path: Path) -> None:
    """Reading a named pipe waits for a writer that never comes: named to `add`, in a folder
    scanned, or where a book's file was, a pipe is refused without being opened."""
    process = _python(PIPES, str(tmp_path))
    try:
        out, err = process.communicate(timeout=30)
    finally:
        process.kill()
    assert process.returncode == 0, err
    pipe = f"{tmp_path / 'pipe.txt'}"
    assert out.splitlines() == [
        f"['story.txt'] [('{pipe}', '{pipe}: is a named pipe, not a file')]",
        "not a regular file",
        f"['{tmp_path / 'story.txt'}: is a named pipe, not a file']",
    ]
