"""The reader's status line on screen: what it names, what it keeps, how it stands out."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from reader_support import paragraph, reader_app, wait_open

import tui


async def test_a_book_without_headings_names_itself_once_and_keeps_scene_and_percent(
    tmp_path: Path,
) -> None:
    scenes = ["\n\n".join(paragraph(s * 5 + p, 4) for p in range(8)) for s in range(3)]
    path = tmp_path / "001_64f9e24b0a317910.txt"
    path.write_text("\n\n* * *\n\n".join(scenes) + "\n", encoding="utf-8")
    app = reader_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await wait_open(pilot)
        status = str(screen.status.render())
        name = screen.status.title
        assert name and status.count(name) == 1, status
        assert "scene 1/3" in status and "%" in status


REAL = Path(__file__).resolve().parents[1] / "fixtures" / "real"


async def test_at_80_columns_a_long_chapter_title_is_cut_and_the_place_and_times_stay() -> None:
    app = reader_app(REAL / "pg_dracula.txt.gz")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await wait_open(pilot)
        await pilot.press("7", "right_curly_bracket")
        await pilot.pause()
        status = str(screen.status.render())
        assert status.startswith(" Dracula — CHAPTER VII: CUTTING FROM"), status
        assert "…" in status, status
        assert re.search(r"scene 1/22 · \d+% · ch \d+m · book \d+h\d\dm $", status), status
        await pilot.press("slash", *"DAILYGRAPH", "enter")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        status = str(screen.status.render())
        assert "CHAPTER VII: CU" in status and "…" in status, status
        assert re.search(r"match 1/1 · scene 1/22 · \d+% · ch \d+m", status), status
        assert len(status) <= 80


async def test_at_80_columns_the_chapter_title_is_cut_before_the_book_title_or_the_time() -> None:
    # Moby-Dick's chapters 2 to 12, one after another: the book title stays whole on every
    # one, and so does the time left, a long chapter's title being cut instead.
    app = reader_app(REAL / "pg_moby_dick.txt.gz")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await wait_open(pilot)
        for _ in range(6):  # past the front matter (Etymology, Extracts) to chapter 2
            if "CHAPTER 2:" in str(screen.status.render()):
                break
            await pilot.press("right_curly_bracket")
            await pilot.pause()
        cut = 0
        for number in range(2, 13):
            await pilot.pause()
            status = str(screen.status.render())
            assert status.startswith(f" Moby Dick; Or, The Whale — CHAPTER {number}:"), status
            assert re.search(r"\d+% · ch \d+m · book \d+h\d\dm $", status), status
            assert len(status) <= 80, status
            cut += "…" in status
            await pilot.press("right_curly_bracket")
        assert cut >= 1  # (a chapter title too long for the line, cut)


async def test_at_80_columns_the_chapter_title_is_cut_before_the_time_left_goes() -> None:
    # It read `Dracula — CHAPTER XI: Lucy Westenra’s Diary  scene 1/1 · 35% · ch 21m`: the
    # time left in the book gone, to show the chapter's last word.
    app = reader_app(REAL / "pg_dracula.txt.gz")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await wait_open(pilot)
        await pilot.press("1", "1", "right_curly_bracket")
        await pilot.pause()
        status = str(screen.status.render())
        assert status.startswith(" Dracula — CHAPTER XI: Lucy Westenra’s …"), status
        assert re.search(r"scene 1/1 · \d+% · ch \d+m · book \d+h\d\dm $", status), status
        assert len(status) == 80


async def test_at_80_columns_a_chapter_in_a_book_in_parts_keeps_its_own_name() -> None:
    # The Brothers Karamazov's chapters sit in books within parts, and the line read
    # `PART I · Book II · Chapter…`, and beside a search's count `PART I · Book II · Cha…`:
    # the outer part gives way, so the chapter is named whatever else is cut.
    app = reader_app(REAL / "pg_brothers_karamazov_latin1.txt.gz")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await wait_open(pilot)
        for _ in range(14):  # past the front matter to Book II, chapter VII
            if "Chapter VII" in screen.status.progress.place:
                break
            await pilot.press("right_curly_bracket")
            await pilot.pause()
        status = str(screen.status.render())
        assert "Book II · Chapter VII: A " in status and "PART I" not in status, status
        assert re.search(r"\d+% · ch \d+m · book \d+h\d\dm $", status), status
        await pilot.press("slash", *"Rakitin", "enter")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        status = str(screen.status.render())
        assert re.search(r"match \d+/\d+", status), status
        assert "Chapter VII" in status, status
        assert len(status) <= 80


async def test_at_80_columns_a_search_count_leaves_the_titles_a_fair_share(tmp_path: Path) -> None:
    """Beside a search's count (`4 matches`) the times and then the scene give way before
    the titles are cut to nothing: `What the … — Chapter 2: The Mi…` said neither."""
    path = tmp_path / "tide.txt"
    shutil.copy(Path(tui.__file__).parent / "data" / "sample.txt", path)
    async with reader_app(path).run_test(size=(80, 24)) as pilot:
        screen = await wait_open(pilot)
        await pilot.press("2", "right_curly_bracket")
        await pilot.pause()
        await pilot.press("slash", *"lamp", "enter")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        status = str(screen.status.render())
        assert "What the Tide Keeps — Chapter 2: The Missing Chapter" in status, status
        assert re.search(r"match \d+/\d+ · .*\d+%", status), status
        assert len(status) <= 80
