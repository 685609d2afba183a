"""A book whose file name is not UTF-8 is kept in the library like any other.

Such a name (`bad\\xffname.txt`) comes from an old Latin-1 disk or a zip made on Windows; TOML
holds no such name as it is.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from library_support import write_story

from tui.book.anchor import Anchor
from tui.cli import main
from tui.cli.crash import CrashLog
from tui.library.library import Library
from tui.paths import data_dir, state_dir
from tui.storage import dump_toml, parse_raw

NAME = os.fsdecode(b"Caf\xe9 story.txt")  # Latin-1's é, which is no UTF-8


@pytest.fixture
def book(tmp_path: Path) -> Path:
    try:
        return write_story(tmp_path, NAME, "A Story")
    except OSError:
        pytest.skip("this file system takes only UTF-8 names")


def test_a_name_that_is_not_utf8_is_saved_and_read_back(tmp_path: Path) -> None:
    data = {"books": {"a": {"path": f"/fics/{NAME}", "title": "x\ud800y"}}}
    raw = dump_toml(data)
    assert b"\\u0000dce9" in raw  # (the byte kept, written as TOML can hold it)
    assert parse_raw(raw) == data


def test_adding_such_a_book_keeps_it_with_its_place(book: Path, capsys) -> None:
    assert main(["add", str(book)]) == 0
    captured = capsys.readouterr()
    assert "Added 1 book" in captured.out
    assert "something went wrong" not in captured.err
    library = Library.open(sample=False)
    record = library.find_by_path(book)
    assert record is not None and record.path == str(book)
    library.set_position(record.id, Anchor(40, "fp", 1.0))
    library.save()
    assert library.notices == []
    again = Library.open(sample=False)
    assert again.position(record.id).offset == 40
    assert (data_dir() / "index").is_dir()


def test_its_title_from_the_name_shows_the_wrong_byte_as_a_replacement(book: Path) -> None:
    book.write_text("She walked down to the harbour and counted the boats.\n" * 40)
    assert main(["add", str(book)]) == 0
    record = Library.open(sample=False).find_by_path(book)
    assert record is not None and record.title == "Caf\ufffd story"


def test_a_crash_naming_such_a_file_is_still_logged(tmp_path: Path) -> None:
    log = CrashLog()
    path = log.record(ValueError(f"cannot read {NAME}"))
    assert path is not None and path.parent == state_dir()
    assert "Caf\\udce9 story.txt" in path.read_text(encoding="utf-8")
