"""An unreadable or damaged prompt history file: searches still run, and it is never written over.

The prompts' history file (`history.toml` in the state folder) that cannot be read, or is
damaged: a search still runs, the user is told, and the file is never written over.
"""

from __future__ import annotations

from pathlib import Path

from reader_support import notices, reader_app, search, wait_open

from tui.reading.history import PromptHistory, history_path

SIZE = (80, 24)


def test_a_history_file_that_cannot_be_read_is_left_as_it_is(tmp_path: Path) -> None:
    path = tmp_path / "history.toml"
    path.mkdir()  # (as a file chapbook may not read: it raised IsADirectoryError)
    history = PromptHistory.load(path)
    history.add("search", "lantern")
    said = history.save()
    assert said is not None and "Cannot read" in said and str(path) in said
    assert path.is_dir() and history.save() is None  # (said once)


def test_a_history_file_damaged_since_it_was_read_is_moved_aside(tmp_path: Path) -> None:
    path = tmp_path / "history.toml"
    history = PromptHistory.load(path)
    path.write_bytes(b"search = [\x00\xff")  # (written meanwhile: it was written over)
    history.add("search", "lantern")
    said = history.save()
    assert said is not None and "was damaged; moved it to history.toml.corrupt-" in said
    (aside,) = tmp_path.glob("history.toml.corrupt-*")
    assert aside.read_bytes() == b"search = [\x00\xff"
    assert PromptHistory.load(path).entries["search"] == ["lantern"]


async def test_a_search_with_an_unreadable_history_file_says_so_and_goes_on(
    book_path: Path,
) -> None:
    history_path().mkdir(parents=True)
    app = reader_app(book_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        await search(pilot, "slash", "lantern")  # (chapbook ended, with a crash log)
        assert screen.session.search is not None
        assert any("history.toml" in " ".join(n.split()) for n in notices(app))
    assert history_path().is_dir()
