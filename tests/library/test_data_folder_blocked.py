"""Where the library cannot be saved: a file where its folder should be, or a save that fails.

One notice says why, and `chapbook add` does not claim to have added what it could not keep.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from library_support import write_story

import tui.library.library as library_module
from tui.book.anchor import Anchor
from tui.cli import main
from tui.library.library import Library
from tui.paths import data_dir, shown_path
from tui.storage import StoreError


@pytest.mark.parametrize("where", ["chapbook", "chapbook/index"])
def test_a_file_where_a_library_folder_should_be_is_one_notice(where: str) -> None:
    blocking = data_dir().parent / where
    blocking.parent.mkdir(parents=True, exist_ok=True)
    blocking.write_text("not a folder\n")
    library = Library.open()
    # (it was a notice for each of the 64 index files and library.toml: "Not a directory")
    assert library.notices == [
        f"{shown_path(blocking)} is a file, not a folder: chapbook keeps the library in a folder "
        "of that name. Move the file away (or rename it) so that the folder can be made; until "
        "then nothing is saved."
    ]
    library.save()
    assert library.not_saved == f"{shown_path(blocking)} is a file, not a folder"
    assert blocking.read_text() == "not a folder\n"


def test_add_says_nothing_was_added_when_the_library_cannot_be_kept(tmp_path: Path, capsys) -> None:
    data_dir().parent.mkdir(parents=True)
    data_dir().write_text("not a folder\n")
    book = write_story(tmp_path, "story.txt", "A Story")
    assert main(["add", str(book)]) == 1  # (it said "added 1 book" and exited 0)
    captured = capsys.readouterr()
    assert "added" not in captured.out
    assert captured.err.count("\n") == 2
    assert captured.err.endswith(
        "chapbook: nothing was added: the library could not be saved "
        f"({shown_path(data_dir())} is a file, not a folder)\n"
    )


def test_add_says_so_when_the_save_fails(
    tmp_path: Path, capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As in a read-only data folder (which the tests' root user could write all the same)."""
    assert main(["list"]) == 0
    capsys.readouterr()

    def refused(*args: object, **kw: object) -> None:
        raise StoreError(f"cannot lock {data_dir()}: Permission denied")

    monkeypatch.setattr(library_module, "locked", refused)
    book = write_story(tmp_path, "story.txt", "A Story")
    assert main(["add", str(book)]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == (
        "chapbook: nothing was added: the library could not be saved "
        f"(cannot lock {data_dir()}: Permission denied)\n"
    )


def test_a_save_failing_again_and_again_is_one_notice(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The reader saves every second or two while it is read: each failure was a notice of
    its own, which a scan's report then showed all at once."""
    library = Library.open(sample=False)
    library.add_book(write_story(tmp_path, "story.txt", "A Story"))
    monkeypatch.setattr(
        library_module, "locked", lambda *a, **k: (_ for _ in ()).throw(StoreError("full disk"))
    )
    for offset in (10, 20, 30):
        record = library.records()[0]
        library.set_position(record.id, Anchor(offset, "x", 1.0 + offset))
        library.save()
    assert library.notices == ["The library could not be saved: full disk"]
    assert library.not_saved == "full disk"
    monkeypatch.undo()
    library.save()
    assert library.not_saved is None
