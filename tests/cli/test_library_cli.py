"""`chapbook add PATH...` and `chapbook list [--json]`, as a script would use them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from library_support import story_text, write_story

from tui.book.anchor import Anchor
from tui.cli import main
from tui.library.library import Library

FANFIC = Path(__file__).parents[1] / "fixtures" / "fanfic"


def _list_json(capsys: pytest.CaptureFixture[str]) -> list[dict]:
    capsys.readouterr()
    assert main(["list", "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_add_walks_folders_recursively_for_book_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_story(tmp_path / "fics", "one.txt", "The First Light", chapters=2)
    write_story(tmp_path / "fics" / "deeper" / "more", "two.TXT", "The Second Tide")
    write_story(tmp_path / "fics" / ".hidden", "three.txt", "Three")
    (tmp_path / "fics" / "cover.jpg").write_bytes(b"\xff\xd8")
    (tmp_path / "fics" / "notes.md").write_text("not a book")

    assert main(["add", str(tmp_path / "fics")]) == 0
    assert "Added 2 books" in capsys.readouterr().out
    books = {Path(b["path"]).name: b for b in _list_json(capsys)}
    assert set(books) == {"one.txt", "two.TXT", "sample.txt"}  # the first run's sample too
    one = books["one.txt"]
    assert (one["title"], one["author"], one["chapters"]) == ("The First Light", "A. Writer", 2)
    assert one["words"] > 200
    assert (one["progress"], one["status"], one["last_read"]) == (0.0, "new", None)
    assert set(one) >= {"path", "title", "author", "words", "chapters", "progress", "status"}


def test_adding_again_adds_nothing_twice(tmp_path: Path, capsys) -> None:
    write_story(tmp_path, "one.txt", "One")
    main(["add", str(tmp_path)])
    capsys.readouterr()
    main(["add", str(tmp_path / "one.txt")])
    out = capsys.readouterr().out
    assert "Added 0 books" in out and "1 already in the library" in out
    assert len(_list_json(capsys)) == 2  # the story and the sample


def test_adding_a_folder_again_names_the_removed_book_it_leaves_out(tmp_path: Path, capsys) -> None:
    write_story(tmp_path, "one.txt", "One")
    write_story(tmp_path, "two.txt", "Two")
    main(["add", str(tmp_path)])
    library = Library.open()
    gone = library.find_by_path(tmp_path / "two.txt")
    assert gone is not None
    library.remove(gone.id)
    library.save()
    capsys.readouterr()
    assert main(["add", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "1 already in the library" in out
    assert "1 was removed earlier: add it by its own path to bring it back" in out


def test_a_path_that_does_not_exist_is_reported_and_the_rest_added(tmp_path: Path, capsys) -> None:
    write_story(tmp_path, "one.txt", "One")
    code = main(["add", str(tmp_path / "nope"), str(tmp_path / "one.txt")])
    captured = capsys.readouterr()
    assert code == 1
    assert f"no such file or folder: {tmp_path / 'nope'}\n" in captured.err
    assert "Traceback" not in captured.err
    assert "Added 1 book" in captured.out


def test_add_offers_the_near_name_of_a_path_that_does_not_exist(tmp_path: Path, capsys) -> None:
    write_story(tmp_path, "pg_dracula.txt", "Dracula")
    assert main(["add", str(tmp_path / "pg_dracula.tx")]) == 1
    err = capsys.readouterr().err
    assert f"; did you mean {tmp_path / 'pg_dracula.txt'}?" in err


def test_list_shows_reading_state_missing_and_updated_books(tmp_path: Path, capsys) -> None:
    serial = write_story(tmp_path, "serial.txt", "Serial", chapters=2)
    gone = write_story(tmp_path, "gone.txt", "Gone")
    main(["add", str(tmp_path)])
    library = Library.open()
    record = library.find_by_path(serial)
    library.set_position(record.id, Anchor(record.length // 3, "x", 1_700_000_000.0))
    library.save()
    serial.write_text(story_text("Serial", "A. Writer", 4), encoding="utf-8")  # two new chapters
    gone.unlink()

    books = {Path(b["path"]).name: b for b in _list_json(capsys)}
    assert books["serial.txt"]["status"] == "reading"
    assert books["serial.txt"]["last_read"] == "2023-11-14T22:13:20+00:00"
    assert books["serial.txt"]["updated"] == {
        "new_chapters": 2,
        "first_new_chapter": "Chapter 3: Part 3",
    }
    assert books["gone.txt"]["missing"] is True

    capsys.readouterr()
    main(["list"])
    table = capsys.readouterr().out
    assert "updated +2" in table and "missing" in table


@pytest.mark.parametrize("columns", [100, 60])
def test_the_table_aligns_wide_titles_by_cells_and_cuts_them_by_cells(
    tmp_path: Path, capsys, monkeypatch: pytest.MonkeyPatch, columns: int
) -> None:
    """`三國志演義` takes ten cells, as the terminal draws it: the columns after it line up
    with every other row's, and a title too long is cut by cells, not characters."""
    from rich.cells import cell_len

    write_story(tmp_path, "zh.txt", "三國志演義", author="羅貫中")
    write_story(tmp_path, "long.txt", "三國志演義" * 6)
    write_story(tmp_path, "en.txt", "The Slow Harbour")
    main(["add", str(tmp_path)])
    monkeypatch.setenv("COLUMNS", str(columns))
    capsys.readouterr()
    main(["list"])
    head, *rows = capsys.readouterr().out.splitlines()
    assert len(rows) == 4  # (with the sample story)
    zh = next(row for row in rows if row.startswith("三國志演義 "))
    long = next(row for row in rows if row.startswith("三國志演義三"))
    # Each column starts at the same cell on every line as in the heading: the author
    # after a wide title, and the status, after every other column.
    assert cell_len(zh[: zh.index("羅貫中")]) == head.index("Author")
    assert {cell_len(row[: row.rindex(" ") + 1]) for row in rows} == {head.index("Status")}
    assert cell_len(long[: long.index("…") + 1]) == head.index("Author") - 1


def test_list_tells_books_of_the_same_title_apart_by_file_name(
    tmp_path: Path, capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As the library screen does: four editions of a book were four identical rows. (Each
    its own text: copies of one text are one book, `test_redownloads`.)"""
    for n, folder in enumerate(("first", "second", "third")):
        (tmp_path / folder).mkdir()
        text = story_text("Alice's Adventures", "Lewis Carroll", 3, words=100 + 10 * n)
        (tmp_path / folder / "alice.txt").write_text(text, encoding="utf-8")
    main(["add", str(tmp_path)])
    monkeypatch.setenv("COLUMNS", "100")
    capsys.readouterr()
    main(["list"])
    _head, *rows = capsys.readouterr().out.splitlines()
    copies = [row for row in rows if row.startswith("Alice's Adventures")]
    assert len(copies) == 3 and len(set(copies)) == 3
    for folder in ("first", "second", "third"):
        assert sum(f"{folder}/alice.txt" in row for row in copies) == 1, copies


def test_an_empty_library_says_how_to_add_books(capsys) -> None:
    library = Library.open()
    for record in library.records():
        library.remove(record.id)
    library.save()
    capsys.readouterr()
    main(["list"])
    assert "chapbook add" in capsys.readouterr().out
    assert _list_json(capsys) == []


def test_adding_a_folder_says_which_files_it_left_and_why(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Files of a folder that are not read as books were left without a word (`Added 3
    books`): they are counted and named, with why; the sentence is written as for one file."""
    for n in (1, 2, 3):
        write_story(tmp_path / "fics", f"story{n}.txt", f"Story {n}")
    (tmp_path / "fics" / "notes.md").write_text("# what to read next\n")
    (tmp_path / "fics" / "check_truth.py").write_text("print(1)\n")
    (tmp_path / "fics" / ".DS_Store").write_bytes(b"\0")
    monkeypatch.chdir(tmp_path)
    assert main(["add", "fics"]) == 0
    captured = capsys.readouterr()
    assert captured.out.startswith("Added 3 books; the library has ")
    assert captured.err == (
        "chapbook: skipped 2 files that are not books: fics/check_truth.py (a .py file), "
        "fics/notes.md (notes, not a story)\n"
    )
    write_story(tmp_path / "one", "story.txt", "Story Four")
    assert main(["add", "one/story.txt"]) == 0
    assert capsys.readouterr().out.startswith("Added 1 book; the library has ")


def test_add_fails_when_nothing_given_could_be_added(tmp_path: Path, capsys) -> None:
    noise = tmp_path / "noise.txt"
    noise.write_bytes(bytes(range(256)) * 12)
    assert main(["add", "/bin/ls", str(noise)]) == 1
    err = capsys.readouterr().err
    assert "skipped 2 files that are not books" in err
    assert "/bin/ls" in err or "/usr/bin/ls" in err
    assert "looks like a binary file" in err
    empty = tmp_path / "empty-folder"
    empty.mkdir()
    assert main(["add", str(empty)]) == 1
    err = capsys.readouterr().err
    assert f"no book files in {empty} (chapbook reads .txt, .md, .markdown," in err
    assert f"{empty} is not kept for rescans" in err
    assert str(empty) not in Library.open(sample=False).folders


def test_add_takes_a_folder_of_markdown_chapters(capsys) -> None:
    assert main(["add", str(FANFIC / "Hope")]) == 0
    assert "Added 1 book" in capsys.readouterr().out
    assert "Hope" in [book["title"] for book in _list_json(capsys)]
    assert str((FANFIC / "Hope").resolve()) in Library.open(sample=False).folders


def test_add_succeeds_when_something_was_added_or_known(tmp_path: Path, capsys) -> None:
    story = write_story(tmp_path, "one.txt", "One")
    assert main(["add", str(story), "/bin/ls"]) == 0
    assert main(["add", str(story)]) == 0  # already there: nothing failed


def test_a_big_folder_is_refused_without_yes_when_not_on_a_terminal(
    tmp_path: Path, capsys, monkeypatch
) -> None:
    settings = tmp_path / "settings.toml"
    settings.write_text("[library]\nask_above = 10\n")
    for n in range(12):
        write_story(tmp_path / "pile" / ("a" if n < 8 else "b"), f"s{n}.txt", f"S{n}", chapters=1)
    monkeypatch.setattr("sys.stdin.isatty", lambda: False, raising=False)
    assert main(["--config", str(settings), "add", str(tmp_path / "pile")]) == 1
    err = capsys.readouterr().err
    pile = (tmp_path / "pile").resolve()
    assert f"about to add 12 new files: 8 in {pile / 'a'}, 4 in {pile / 'b'}" in err
    assert "nothing was added" in err and "--yes" in err
    assert len(Library.open().records()) == 1  # just the sample story
    assert main(["--config", str(settings), "add", "--yes", str(tmp_path / "pile")]) == 0
    assert "Added 12 books" in capsys.readouterr().out


def test_version(capsys) -> None:
    with pytest.raises(SystemExit) as done:
        main(["--version"])
    assert done.value.code == 0
    assert capsys.readouterr().out.strip() == "chapbook 0.1.0"


def test_a_removed_book_is_not_added_back_with_its_folder_until_named(
    tmp_path: Path, capsys
) -> None:
    keep = write_story(tmp_path / "fics", "keep.txt", "Keep")
    gone = write_story(tmp_path / "fics", "gone.txt", "Gone")
    assert main(["add", str(tmp_path / "fics")]) == 0
    library = Library.open()
    library.remove(library.find_by_path(gone).id)
    library.save()
    assert main(["add", str(tmp_path / "fics")]) == 0
    library = Library.open()
    assert library.find_by_path(gone) is None and library.find_by_path(keep) is not None
    assert library.check(add_new=True).total == 0
    assert library.find_by_path(gone) is None
    assert main(["add", str(gone)]) == 0  # by name: the user wants it back
    assert "Added 1 book" in capsys.readouterr().out
    assert Library.open().find_by_path(gone) is not None


def test_list_gives_the_fandom_of_a_fanfiction_net_download(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fixtures = Path(__file__).resolve().parents[1] / "fixtures" / "fanfic"
    for name in (
        "ffn_fanficfare_txt_pov_headers.txt.gz",
        "ffn_fanficfare_txt_blueberry_pie.txt.gz",
    ):
        assert main(["add", str(fixtures / name)]) == 0
    fandoms = {Path(b["path"]).name: b["fandom"] for b in _list_json(capsys)}
    assert fandoms["ffn_fanficfare_txt_pov_headers.txt.gz"] == "Twilight"
    assert fandoms["ffn_fanficfare_txt_blueberry_pie.txt.gz"] == "Harry Potter"


def test_a_path_the_system_refuses_is_reported_without_a_crash(tmp_path: Path, capsys) -> None:
    write_story(tmp_path, "one.txt", "One")
    too_long = tmp_path / ("x" * 300)
    code = main(["add", str(too_long), str(tmp_path / "one.txt")])
    captured = capsys.readouterr()
    assert code == 1
    assert f"file name too long: {too_long}" in captured.err
    assert "something went wrong" not in captured.err
    assert "Added 1 book" in captured.out
    assert main([str(too_long)]) == 2
    assert "file name too long" in capsys.readouterr().err


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_add_refuses_a_named_pipe_as_outline_does(tmp_path: Path, capsys) -> None:
    """`chapbook add FIFO` says what `chapbook outline FIFO` says, and never opens it (reading
    a pipe would wait for ever: run apart, with a time limit)."""
    os.mkfifo(tmp_path / "pipe.txt")
    write_story(tmp_path, "one.txt", "One")
    done = subprocess.run(
        [sys.executable, "-m", "tui", "add", "pipe.txt", "one.txt"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert done.stderr == "chapbook: pipe.txt: is a named pipe, not a file\n"
    assert done.returncode == 1 and "Added 1 book" in done.stdout
    alone = subprocess.run(
        [sys.executable, "-m", "tui", "add", str(tmp_path / "pipe.txt")],
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert alone.returncode == 1
    assert alone.stderr == f"chapbook: {tmp_path / 'pipe.txt'}: is a named pipe, not a file\n"
    assert sorted(Path(b["path"]).name for b in _list_json(capsys)) == ["one.txt", "sample.txt"]


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads a file whatever its mode")
def test_add_names_a_file_or_folder_it_may_not_read(tmp_path: Path, capsys) -> None:
    locked = write_story(tmp_path, "locked.txt", "Locked")
    locked.chmod(0)
    folder = tmp_path / "shut"
    write_story(folder, "inside.txt", "Inside")
    folder.chmod(0)
    try:
        assert main(["add", str(locked), str(folder)]) == 1
    finally:
        folder.chmod(0o755)
    err = capsys.readouterr().err
    assert f"chapbook: {locked}: permission denied\n" in err
    assert f"chapbook: {folder}: permission denied (the folder cannot be read)\n" in err
    assert "no book files" not in err  # (it said `no book files in locked.txt`)


def test_add_says_why_it_may_not_read_a_file_given_by_name(
    tmp_path: Path, capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As the test above, for a machine where the tests run as root (whom no mode stops)."""
    locked = write_story(tmp_path, "locked.txt", "Locked")
    real_access = os.access
    monkeypatch.setattr(os, "access", lambda p, mode: p != locked and real_access(p, mode))
    assert main(["add", str(locked)]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"chapbook: {locked}: permission denied\n")
    assert "no book files" not in err


def test_a_file_a_scan_may_not_read_is_skipped_saying_so(
    tmp_path: Path, capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Opening it fails as a file of mode 000 does: it was left out without a word."""
    import tui.library.scan as scan

    write_story(tmp_path / "fics", "a.txt", "Readable")
    locked = write_story(tmp_path / "fics", "b.txt", "Locked")
    real_hash = scan.file_hash

    def hash_or_refuse(path: Path) -> str:
        if path == locked:
            raise PermissionError(13, "Permission denied", str(path))
        return real_hash(path)

    monkeypatch.setattr(scan, "file_hash", hash_or_refuse)
    assert main(["add", str(tmp_path / "fics")]) == 0
    captured = capsys.readouterr()
    assert "Added 1 book" in captured.out
    assert f"{locked} (permission denied)" in captured.err
