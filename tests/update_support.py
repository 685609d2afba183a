"""A FanFicFare story updated on disk (a chapter posted), for the Pilot tests of updates."""

from __future__ import annotations

import gzip
from pathlib import Path

from reader_support import notices, reader_app, wait_for, wait_open

from tui.library.library import Library
from tui.settings.settings import load_settings
from tui.ui.app import ChapbookApp
from tui.ui.screens.library import LibraryScreen
from tui.ui.screens.reader import ReaderScreen
from tui.ui.screens.registry import ChapbookScreens
from tui.ui.widgets.library_table import LibraryTable

SIZE = (80, 24)
FANFIC = Path(__file__).resolve().parent / "fixtures" / "fanfic"
NEW_CHAPTER = (
    "CHAPTER {n}\nThe Last Slice\n\n"
    "Mara cut the last slice of the pie and left it on the sill for the ferryman.\n\n"
    "Nobody came for it, and by morning the gulls had found it.\n\n"
)


def blueberry(folder: Path) -> Path:
    """A FanFicFare download of eight chapters, as a plain `.txt` file."""
    path = folder / "blueberry.txt"
    path.write_bytes(
        gzip.decompress((FANFIC / "ffn_fanficfare_txt_blueberry_pie.txt.gz").read_bytes())
    )
    return path


def add_chapter(path: Path, number: int) -> None:
    """The story updated: chapter ``number`` before `End file.`, and the header's count."""
    text = path.read_text(encoding="utf-8")
    text = text.replace(f"Chapters: {number - 1}\n", f"Chapters: {number}\n")
    text = text.replace("\nEnd file.\n", "\n" + NEW_CHAPTER.format(n=number) + "\nEnd file.\n")
    path.write_text(text, encoding="utf-8")


def library_app() -> ChapbookApp:
    settings, _ = load_settings(None)
    return ChapbookApp(settings, Library.open(), ChapbookScreens())


def status(screen: ReaderScreen) -> str:
    return str(screen.status.render())


async def read_into_chapter_two(path: Path) -> int:
    """Read the story to ten rows into chapter 2 and leave: returns the offset kept."""
    app = reader_app(path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        await pilot.press("2", "right_curly_bracket", *"10", "j")
        await pilot.pause()
        assert "CHAPTER 2" in status(screen)
        kept = screen.view.top_offset()
        await pilot.press("q")
    return kept


async def read_then_updated(tmp_path: Path) -> tuple[Path, int]:
    """Blueberry read into chapter 2, then re-downloaded with a ninth chapter: its path, and
    the offset kept."""
    path = blueberry(tmp_path)
    kept = await read_into_chapter_two(path)
    add_chapter(path, 9)
    return path, kept


async def open_update(pilot) -> ReaderScreen:
    """In the library, `U` on the story: the reader at its first new chapter."""
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, LibraryScreen))
    for _ in range(2):
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()
    rows = pilot.app.screen.query_one(LibraryTable).rows
    at = next(n for n, record in enumerate(rows) if record.name == "blueberry.txt")
    assert rows[at].updated
    await pilot.press(*"j" * at, "U")
    return await wait_open(pilot)


async def open_told_of_the_new_chapter(pilot) -> ReaderScreen:
    """The reader opened, once it has said the story has a new chapter."""
    screen = await wait_open(pilot)
    await wait_for(pilot, lambda: any("1 new chapter" in n for n in notices(pilot.app)))
    return screen


def blueberry_record():
    return next(r for r in Library.open().records() if r.name == "blueberry.txt")
