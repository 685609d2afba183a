"""A book's file that stops reading as a book while open: chapbook stays open and says why.

A book's file that no longer reads as a book while chapbook is open on it (an EPUB cut short,
text written over with binary data, the book a mark leads to gone bad): chapbook stays open, and
says why; only the book it was started on, failing at the start, ends it (found by the soak,
where it ended with status 2 and the one-line message of a failed start).
"""

from __future__ import annotations

from pathlib import Path

from reader_support import notices, reader_app, wait_for, wait_open
from support_engine import blueberry

SIZE = (80, 24)
EPUB = (
    Path(__file__).resolve().parents[1] / "fixtures" / "fanfic" / "ao3_download_epub_br_lines.epub"
)


async def look_at_the_file(pilot) -> None:
    """`t` then Esc: a dialog closed, so the reader looks at its file again."""
    await pilot.press("t")
    await pilot.pause()
    await pilot.press("escape")
    await pilot.pause()


async def test_an_epub_cut_short_while_open_keeps_the_text_open(tmp_path: Path) -> None:
    path = tmp_path / "story.epub"
    whole = EPUB.read_bytes()
    path.write_bytes(whole)
    app = reader_app(path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot, timeout=30)
        await pilot.press("G")
        place = str(screen.status.render())
        path.write_bytes(whole[: len(whole) // 2])  # a sync or a download part-way
        await look_at_the_file(pilot)
        await wait_for(
            pilot, lambda: any("being written or is incomplete" in n for n in notices(app))
        )
        assert app.is_running and app.screen is screen
        assert str(screen.status.render()) == place
        path.write_bytes(whole)  # whole again: read again, at the same place
        await look_at_the_file(pilot)
        await wait_for(pilot, lambda: app.screen is not screen, timeout=10)
        reader = await wait_open(pilot, timeout=30)
        assert str(reader.status.render()) == place


async def test_a_text_written_over_with_binary_data_leaves_chapbook_open(tmp_path: Path) -> None:
    path, whole = blueberry(tmp_path)
    app = reader_app(path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        path.write_bytes(bytes(range(256)) * (len(whole) // 200))
        await look_at_the_file(pilot)
        await wait_for(pilot, lambda: app.screen is not screen, timeout=10)
        await wait_for(pilot, lambda: type(app.screen).__name__ == "LibraryScreen", timeout=10)
        await wait_for(pilot, lambda: any("binary file, not text" in n for n in notices(app)))
        assert app.is_running and app.return_code is None


async def test_the_book_chapbook_was_started_on_failing_at_the_start_still_ends_it(
    tmp_path: Path,
) -> None:
    path = tmp_path / "noise.txt"
    path.write_bytes(bytes(range(256)) * 100)
    app = reader_app(path)
    async with app.run_test(size=SIZE) as pilot:
        for _ in range(200):
            await pilot.pause(0.02)
            if not app.is_running:
                break
    assert app.return_code == 2
