"""Adding books from the library.

Folders named on the command line, added in the background with a summary, and the rescan
finding new and moved files (Pilot).
"""

from __future__ import annotations

import asyncio
from pathlib import Path

from library_screen_support import SIZE, library_app, settle, titles
from library_support import add_known, fixed_library, write_story

from tui.library.library import Library


async def test_folders_given_on_the_command_line_are_added_in_the_background(
    tmp_path: Path,
) -> None:
    for i in range(60):  # enough to go through the process pool
        write_story(tmp_path / "pile", f"s{i:02d}.txt", f"The Story Numbered {i}")
    library = fixed_library()
    library.queued = [tmp_path / "pile"]
    async with library_app(library).run_test(size=SIZE) as pilot:
        screen = await settle(pilot)
        for _ in range(100):
            if len(titles(screen)) == 60:
                break
            await asyncio.sleep(0.1)
            await pilot.pause()
        assert len(titles(screen)) == 60
    assert len(Library.open(sample=False)) == 60


async def test_folders_given_on_the_command_line_get_a_summary(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))  # the notices name the folders from `~`
    (tmp_path / "emptydir").mkdir()
    write_story(tmp_path / "somedir", "one.txt", "One")
    write_story(tmp_path / "somedir", "two.txt", "Two")

    async def notices_after_adding(paths: list[Path]) -> str:
        library = fixed_library(tmp_path / "data")
        library.queued = paths
        async with library_app(library).run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            await settle(pilot)
            return "\n".join(n.message.replace("\n", " ") for n in pilot.app._notifications)

    empty = await notices_after_adding([tmp_path / "emptydir"])
    assert "No books found in ~/emptydir (chapbook reads .txt, .md," in empty
    assert "the folder is not kept for rescans" in empty
    assert "Added 2 books from ~/somedir" in await notices_after_adding([tmp_path / "somedir"])
    again = await notices_after_adding([tmp_path / "somedir"])
    assert "No new books in ~/somedir; 2 were already in the library" in again


async def test_rescan_adds_new_files_and_finds_moved_ones(tmp_path: Path) -> None:
    folder = tmp_path / "fics"
    library = fixed_library()
    library.add_folder(folder)
    moved = add_known(library, write_story(folder, "old-name.txt", "Moving House"), "Moving House")
    async with library_app(library).run_test(size=SIZE) as pilot:
        screen = await settle(pilot)
        (folder / "old-name.txt").rename(folder / "new-name.txt")
        write_story(folder / "new", "fresh.txt", "A Fresh Story")
        await pilot.press("r")
        await settle(pilot)
        assert sorted(titles(screen)) == ["A Fresh Story", "Moving House"]
        assert moved.path.endswith("new-name.txt") and not moved.missing
        label = str(screen.query_one("#library-scan-label").render())
        assert label.startswith("Rescanning") and "of 2 files" in label


async def _after_adding_a_pile(
    tmp_path: Path, keys: tuple[str, ...]
) -> tuple[str, int, float, str]:
    """The highlighted title before, then the cursor's row, the list's scroll and the
    highlighted title once a folder of 40 books came in at 80x24 (listed by title above the
    two books the library had), after ``keys``."""
    from tui.ui.widgets.library_table import LibraryTable

    library = Library.open(sample=False)
    add_known(library, write_story(tmp_path / "old", "old.txt", "Zeta"), "Zeta")
    add_known(library, write_story(tmp_path / "old", "old2.txt", "Zoo"), "Zoo")
    for i in range(40):
        write_story(tmp_path / "pile", f"s{i:02d}.txt", f"The Story Numbered {i}")
    async with library_app(library).run_test(size=(80, 24)) as pilot:
        screen = await settle(pilot)
        await pilot.press(*keys)
        await settle(pilot)
        table = screen.query_one(LibraryTable)
        before = table.current.title if table.current else ""
        screen.scanner.scan(True, [tmp_path / "pile"], "Adding", agreed=True)
        for _ in range(100):
            if len(titles(screen)) == 42:
                break
            await asyncio.sleep(0.1)
            await pilot.pause()
        await settle(pilot)
        current = table.current
        return before, table.cursor, table.scroll_y, current.title if current else ""


async def test_a_first_scan_leaves_the_list_at_its_top(tmp_path: Path) -> None:
    _, row, scroll, title = await _after_adding_a_pile(tmp_path, ())
    assert (row, scroll) == (0, 0), title


async def test_a_scan_leaves_the_cursor_on_the_book_the_reader_chose(tmp_path: Path) -> None:
    before, row, _, title = await _after_adding_a_pile(tmp_path, ("j",))
    assert title == before and row > 0
