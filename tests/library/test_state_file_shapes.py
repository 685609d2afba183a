"""State files edited by hand or written by another version.

A book's detail file (`books/<id>.toml`: bookmarks, jumps) and the index's shards. Entries of
the wrong shape are left out, and the book still opens with the rest.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from library_support import write_story

from tui.cli import main
from tui.library.library import Library
from tui.library.store.index import shard_of
from tui.paths import data_dir

DETAIL = """\
bookmarks = [
  1,
  "x",
  [2],
  { anchor = "not a table", created = 1.0 },
  { anchor = { offset = inf, fingerprint = "f" }, created = 2.0 },
  { anchor = { offset = 5, fingerprint = "f" }, created = 3.0, label = "kept \\u001b[31mred" },
]
jumps = [7, { offset = 9, fingerprint = "f" }]
"""


def _library_with_detail(tmp_path: Path, text: str) -> tuple[Path, str]:
    book = write_story(tmp_path, "story.txt", "A Story")
    assert main(["add", str(book)]) == 0
    record = Library.open(sample=False).find_by_path(book)
    assert record is not None
    (data_dir() / "books").mkdir(exist_ok=True)
    (data_dir() / "books" / f"{record.id}.toml").write_text(text, encoding="utf-8")
    return book, record.id


def test_entries_of_the_wrong_shape_are_left_out_and_the_rest_read(tmp_path: Path) -> None:
    _book, book_id = _library_with_detail(tmp_path, DETAIL)
    library = Library.open(sample=False)
    marks = library.bookmarks(book_id)  # (raised AttributeError: 'int' object has no 'get')
    assert [mark.label for mark in marks] == ["kept \x1b[31mred"]
    assert [anchor.offset for anchor in library.jumps(book_id)] == [9]


def test_the_bookmarks_command_never_prints_a_labels_escape_codes(tmp_path: Path, capsys) -> None:
    book, _book_id = _library_with_detail(tmp_path, DETAIL)
    capsys.readouterr()
    assert main(["bookmarks", str(book)]) == 0
    captured = capsys.readouterr()
    assert "\x1b" not in captured.out and "kept ␛[31mred" in captured.out
    assert "something went wrong" not in captured.err


@pytest.mark.parametrize("when", ["inf", "nan", "1e18", "-5.0"])
def test_a_time_no_date_can_be_made_of_is_read_as_none(tmp_path: Path, capsys, when: str) -> None:
    """`last_read = inf` in a shard (typed by hand) ended `chapbook list --json` with an
    OverflowError (1e18: OSError)."""
    book = write_story(tmp_path, "story.txt", "A Story")
    assert main(["add", str(book)]) == 0
    record = Library.open(sample=False).find_by_path(book)
    assert record is not None
    shard = data_dir() / "index" / f"{shard_of(record.id)}.toml"
    lines = shard.read_text(encoding="utf-8").splitlines()
    times = ("last_read = ", "added = ")
    kept = [line for line in lines if not line.startswith(times)]
    shard.write_text("\n".join([*kept, f"last_read = {when}", f"added = {when}", ""]))
    capsys.readouterr()
    assert main(["list", "--json"]) == 0
    (listed,) = [b for b in json.loads(capsys.readouterr().out) if b["path"] == str(book)]
    assert listed["last_read"] is None
