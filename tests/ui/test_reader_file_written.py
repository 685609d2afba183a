"""A story re-downloaded while it is open.

A file emptied or written part-way never takes the place of the text open, nor splits the book
in two; once the file is whole it is read again.
"""

from __future__ import annotations

import gzip
import os
import time
from pathlib import Path

from reader_support import notices, reader_app, shown_rows, wait_for, wait_open
from support_engine import FANFIC, blueberry

from tui.library.library import Library
from tui.ui.screens import reader_keeping as keeping_module
from tui.ui.screens.reader import ReaderScreen

SIZE = (80, 24)


def status(screen: ReaderScreen) -> str:
    return str(screen.status.render())


async def look_at_the_contents(pilot) -> None:
    """`t` then Esc: a dialog closed, so the reader looks at its file again."""
    await pilot.press("t")
    await pilot.pause()
    await pilot.press("escape")
    await pilot.pause()


async def read_into_chapter(pilot, keys: tuple[str, ...]) -> tuple[ReaderScreen, str]:
    """The reader once it is open, moved by ``keys`` (`5}j`: into chapter 5), and the place
    its status line then shows."""
    screen = await wait_open(pilot)
    await pilot.press(*keys)
    await pilot.pause()
    return screen, status(screen)


async def test_a_file_emptied_then_written_again_keeps_the_place_and_one_book(
    tmp_path: Path,
) -> None:
    path, whole = blueberry(tmp_path)
    app = reader_app(path)
    async with app.run_test(size=SIZE) as pilot:
        screen, place = await read_into_chapter(pilot, ("5", "right_curly_bracket", "j", "j"))
        assert "CHAPTER 5" in place
        path.write_bytes(b"")  # `curl -o blueberry.txt` has just begun
        await look_at_the_contents(pilot)
        assert app.screen is screen and status(screen) == place
        said = "\n".join(notices(app))
        assert "blueberry.txt is being written or is incomplete (it is empty)" in said
        assert "different story" not in said
        path.write_bytes(whole)  # the download done
        await look_at_the_contents(pilot)
        await wait_for(pilot, lambda: isinstance(app.screen, ReaderScreen))
        reader = await wait_open(pilot)
        assert status(reader) == place
        assert not any("new chapter" in notice for notice in notices(app))
        await pilot.press("q")
    records = [r for r in Library.open().records() if r.path == str(path)]
    assert len(records) == 1 and not records[0].missing
    assert records[0].status == "reading" and records[0].read_chapters == 8


async def test_a_half_written_file_is_read_once_it_is_whole_and_holds_still(
    tmp_path: Path,
) -> None:
    path, whole = blueberry(tmp_path)
    app = reader_app(path)
    async with app.run_test(size=SIZE) as pilot:
        screen, place = await read_into_chapter(pilot, ("4", "right_curly_bracket", "j"))
        assert "CHAPTER 4" in place
        path.write_bytes(whole[: len(whole) * 3 // 4])  # the download part-way
        await look_at_the_contents(pilot)
        assert app.screen is screen and status(screen) == place
        assert any("holds only the start of the text open" in n for n in notices(app))
        path.write_bytes(whole)
        # Not a key pressed: the reader looks at the file again by itself.
        await wait_for(pilot, lambda: app.screen is not screen, timeout=10)
        reader = await wait_open(pilot)
        assert status(reader) == place
        await pilot.press("q")
    record = next(r for r in Library.open().records() if r.path == str(path))
    assert "CHAPTER 4" in place and record.read_chapters == 8 and not record.new_chapters


async def test_a_book_split_before_opens_at_its_own_place_when_its_file_holds_it_again(
    tmp_path: Path,
) -> None:
    path, whole = blueberry(tmp_path)
    app = reader_app(path)
    async with app.run_test(size=SIZE) as pilot:
        _, place = await read_into_chapter(pilot, ("5", "right_curly_bracket", "j"))
        await pilot.press("q")
    # Another story under the name, opened and left on its title page: the one read is set
    # aside (listed as missing, with its place).
    other = gzip.decompress((FANFIC / "ffn_fanficfare_txt_pov_headers.txt.gz").read_bytes())
    path.write_bytes(other)
    app = reader_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await wait_open(pilot)
        await wait_for(pilot, lambda: any("different story" in n for n in notices(app)))
        await pilot.press("q")
    path.write_bytes(whole)  # Blueberry Pie back under its name
    app = reader_app(path)
    async with app.run_test(size=SIZE) as pilot:
        reader = await wait_open(pilot)
        await wait_for(
            pilot,
            lambda: any("again: back at your place" in " ".join(n.split()) for n in notices(app)),
        )
        assert status(reader) == place
        await pilot.press("q")
    records = Library.open().records()
    assert [(r.title, r.missing) for r in records if r.path == str(path)] == [
        ("Blueberry Pie", False)
    ]


def with_new_chapter(whole: bytes, paragraphs: list[str]) -> bytes:
    """The story with a ninth chapter of ``paragraphs`` posted before its last line."""
    chapter = "CHAPTER 9\nThe Last Slice\n\n" + "".join(f"{p}\n\n" for p in paragraphs)
    return whole.replace(b"\nEnd file.\n", ("\n" + chapter + "End file.\n").encode())


async def test_a_file_written_a_moment_ago_is_read_once_it_holds_still(tmp_path: Path) -> None:
    path, whole = blueberry(tmp_path)
    first = "Mara cut the last slice of the pie and left it on the sill for the ferryman."
    last = "Nobody came for it, and by morning the gulls had found it."
    app = reader_app(path)
    async with app.run_test(size=SIZE) as pilot:
        screen, place = await read_into_chapter(pilot, ("4", "right_curly_bracket", "j"))
        page = shown_rows(screen)
        # A downloader writing the story over: already longer than the text open, not done.
        path.write_bytes(with_new_chapter(whole, [first]))
        # (its time a little ahead: however slow the machine, written a moment ago)
        ahead = time.time_ns() + 5 * 10**9
        os.utime(path, ns=(ahead, ahead))
        await look_at_the_contents(pilot)
        assert app.screen is screen and status(screen) == place
        assert not any("being written" in notice for notice in notices(app))
        path.write_bytes(with_new_chapter(whole, [first, last]))  # the download done
        await wait_for(pilot, lambda: app.screen is not screen, timeout=10)
        reader = await wait_open(pilot)
        assert shown_rows(reader) == page and "CHAPTER 4" in status(reader)  # the same place
        await pilot.press("U")
        await pilot.pause()
        assert any(last[:40] in row for row in shown_rows(reader))
        await pilot.press("q")


def held_still_soon(monkeypatch) -> None:
    """A file cut short is taken as it is once it held still a second (not several)."""
    monkeypatch.setattr(keeping_module, "LOOK_AGAIN_EVERY", 0.3)
    monkeypatch.setattr(keeping_module, "HELD_STILL_FOR", 1.0)


async def test_a_file_cut_short_on_purpose_is_read_once_it_holds_still(
    tmp_path: Path, monkeypatch
) -> None:
    """The story's last chapters cut from its file, by hand: while the file holds only the
    start of the text open it waits, as for a download; once it has held still, it is read
    as it is, at the same place, and its end is the new end."""
    held_still_soon(monkeypatch)
    path, whole = blueberry(tmp_path)
    app = reader_app(path)
    async with app.run_test(size=SIZE) as pilot:
        screen, _ = await read_into_chapter(pilot, ("4", "right_curly_bracket", "j"))
        page = shown_rows(screen)
        path.write_bytes(whole[: whole.index(b"CHAPTER 7")])
        await look_at_the_contents(pilot)
        assert any("holds only the start of the text open" in n for n in notices(app))
        await wait_for(pilot, lambda: app.screen is not screen, timeout=10)
        reader = await wait_open(pilot)
        assert shown_rows(reader) == page and "CHAPTER 4" in status(reader)  # (of less now)
        await wait_for(pilot, lambda: any("shorter now: read as it is" in n for n in notices(app)))
        await pilot.press("G")
        await pilot.pause()
        assert "CHAPTER 6" in status(reader)
        assert not any("different story" in n or "new chapter" in n for n in notices(app))
        await pilot.press("q")
    record = next(r for r in Library.open().records() if r.path == str(path))
    assert record.chapters == 6 and not record.missing


async def test_a_file_cut_before_the_place_says_where_the_place_went(
    tmp_path: Path, monkeypatch
) -> None:
    """The file cut to half, above the place read: once it holds still it is read as it is,
    and a notice says the place is gone and where the reader is now."""
    held_still_soon(monkeypatch)
    path, whole = blueberry(tmp_path)
    app = reader_app(path)
    async with app.run_test(size=SIZE) as pilot:
        screen, place = await read_into_chapter(pilot, ("7", "right_curly_bracket", "j"))
        assert "CHAPTER 7" in place
        path.write_bytes(whole[: len(whole) // 2])  # (inside a line: as `truncate` cuts)
        await look_at_the_contents(pilot)
        await wait_for(pilot, lambda: app.screen is not screen, timeout=10)
        reader = await wait_open(pilot)
        await wait_for(pilot, lambda: any("shorter" in n for n in notices(app)))
        said = " ".join(" ".join(notices(app)).split())
        assert "blueberry.txt is shorter now" in said and "CHAPTER 7" in said
        assert "CHAPTER 4" in status(reader) and reader.view.pager.at_end


async def test_a_download_growing_is_not_taken_for_a_file_cut_short(
    tmp_path: Path, monkeypatch
) -> None:
    """A download that goes on growing, each look a little more, never holds still long
    enough to be read part-way."""
    held_still_soon(monkeypatch)
    path, whole = blueberry(tmp_path)
    app = reader_app(path)
    async with app.run_test(size=SIZE) as pilot:
        screen, place = await read_into_chapter(pilot, ("4", "right_curly_bracket", "j"))
        size = len(whole) * 3 // 5
        path.write_bytes(whole[:size])
        await look_at_the_contents(pilot)
        for _ in range(12):  # (3.6 s: three times as long as the file must hold still)
            size += 400
            path.write_bytes(whole[:size])
            await pilot.pause(0.3)
        assert app.screen is screen and status(screen) == place
        path.write_bytes(whole)
        await wait_for(pilot, lambda: app.screen is not screen, timeout=10)
        reader = await wait_open(pilot)
        assert status(reader) == place
