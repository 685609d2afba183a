"""The same book added as several files: its library rows and finder hits say which is which."""

from __future__ import annotations

from pathlib import Path

from library_screen_support import library_app, settle
from library_support import add_known, fixed_library, write_story
from reader_support import wait_for

from tui.ui.dialogs.finder_library import LibraryFinderScreen
from tui.ui.widgets.library_table import LibraryTable

SIZE = (80, 24)
TITLE, AUTHOR = "The Adventures of Sherlock Holmes", "Arthur Conan Doyle"
FILES = ("pg_sherlock_holmes.txt", "pg_sherlock_holmes.epub", "se_sherlock_holmes.epub")


def a_library(folder: Path):
    library = fixed_library()
    for chapters, name in enumerate(FILES, start=3):  # each file its own text
        path = write_story(folder, name, TITLE, chapters=chapters)
        add_known(library, path, TITLE, author=AUTHOR, chapters=chapters)
    add_known(library, write_story(folder, "emma.txt", "Emma"), "Emma", author="Jane Austen")
    return library


async def test_look_alike_rows_show_their_file_names(tmp_path: Path) -> None:
    async with library_app(a_library(tmp_path)).run_test(size=SIZE) as pilot:
        screen = await settle(pilot)
        table = screen.query_one(LibraryTable)
        rows = [table.render_line(y).text for y in range(1, 5)]
        alike = sorted(
            row.split(" · ")[1].split()[0] for row in rows if "Sherlock" in row or "The Adve" in row
        )
        # Cut to fit 80 columns, each still shows what differs: its file's start and format.
        assert len(alike) == 3 and len(set(alike)) == 3, rows
        assert sorted(name[:2] + name.rpartition(".")[2] for name in alike) == [
            "pgepub",
            "pgtxt",
            "seepub",
        ], rows
        emma = next(row for row in rows if "Emma" in row)
        assert "emma.txt" not in emma  # a row already unique is unchanged


async def test_look_alike_finder_hits_show_their_file_names(tmp_path: Path) -> None:
    async with library_app(a_library(tmp_path)).run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        finder = pilot.app.screen
        assert isinstance(finder, LibraryFinderScreen)
        await wait_for(pilot, lambda: len(finder.hits) == 4)
        labels = sorted(hit.label for hit in finder.hits)
        assert labels == ["Emma — Jane Austen", *[f"{TITLE} — {AUTHOR}"] * len(FILES)]
        # The file that tells each copy apart leads the line under it, where it has room.
        details = sorted(
            hit.detail.split(" · ")[0] for hit in finder.hits if hit.label != labels[0]
        )
        assert details == sorted(FILES)
