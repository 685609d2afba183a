"""`info` (= or ctrl+g): the file, encoding, size, the place and when the file changed."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from reader_support import lantern_book, make_book, notices, reader_app, story, wait_open

from tui.reading.info import book_facts


def test_facts_name_the_file_size_place_and_age(tmp_path: Path) -> None:
    path = lantern_book(tmp_path)
    book = make_book(story(chapters=4, scenes=3, paras=6))
    os.utime(path, (1_000_000, 1_000_000))
    middle = len(book) // 2
    facts = book_facts(book, path, book.starts[middle], middle, now=1_000_000 + 3 * 86400 + 5)
    assert facts.file.endswith("lantern.txt")
    assert facts.encoding == "Encoding: utf-8"
    assert facts.size == f"{book.word_count:,} words, 4 chapters, 12 scenes"
    assert facts.place.startswith(f"Line {book.line_of(middle):,} of ")
    assert facts.place.endswith("%")
    assert facts.changed.endswith("(3 days ago)")


def test_facts_of_a_file_gone_from_disk(tmp_path: Path) -> None:
    book = make_book(story(chapters=1, scenes=1, paras=2))
    facts = book_facts(book, tmp_path / "gone.txt", 0, 0)
    assert facts.changed == "File: no longer on disk"


async def test_equals_and_ctrl_g_show_the_book_info(tmp_path: Path) -> None:
    app = reader_app(lantern_book(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await wait_open(pilot)
        await pilot.press("right_curly_bracket", "right_curly_bracket")
        await pilot.press("equals_sign")
        shown = notices(app)[-1]
        line = screen.book.line_of(screen.view.pager.top_para())
        assert "lantern.txt" in shown
        assert "4 chapters, 12 scenes" in shown
        assert f"Line {line} of " in shown
        assert "Changed " in shown
        app.clear_notifications()
        await pilot.press("ctrl+g")
        assert "4 chapters, 12 scenes" in notices(app)[-1]


async def test_a_long_path_is_shortened_for_the_notice_never_split(tmp_path: Path) -> None:
    folder = tmp_path / "a_folder_with_a_rather_long_name" / "fics_saved_from_the_archive"
    folder.mkdir(parents=True)
    app = reader_app(lantern_book(folder))
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_open(pilot)
        await pilot.press("equals_sign")
        first = notices(app)[-1].splitlines()[0]
        assert first.endswith("/lantern.txt") and "…" in first
        assert str(tmp_path) not in first


async def test_the_info_goes_with_escape_and_when_a_dialog_opens(tmp_path: Path) -> None:
    from tui.ui.dialogs.contents import ContentsScreen

    app = reader_app(lantern_book(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_open(pilot)
        await pilot.press("equals_sign")
        assert any("4 chapters, 12 scenes" in n for n in notices(app))
        await pilot.press("escape")
        await pilot.pause()
        assert not any("4 chapters, 12 scenes" in n for n in notices(app))
        await pilot.press("equals_sign", "t")  # the contents: the facts would cover them
        await pilot.pause()
        assert isinstance(app.screen, ContentsScreen)
        assert not any("4 chapters, 12 scenes" in n for n in notices(app))


async def test_equals_and_a_line_past_the_end_give_the_files_own_line_count() -> None:
    # Dracula: `=` said `of 15,846` (the last paragraph's line), `999999G` said 15,851 lines,
    # and `wc -l` says 15,851: both now count the file's lines as wc and less do.
    import gzip

    real = Path(__file__).resolve().parents[1] / "fixtures" / "real" / "pg_dracula.txt.gz"
    lines = gzip.decompress(real.read_bytes()).count(b"\n")
    app = reader_app(real)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_open(pilot)
        await pilot.press("equals_sign")
        assert f" of {lines:,} · " in notices(app)[-1]
        app.clear_notifications()
        await pilot.press(*"999999", "G")
        await pilot.pause()
        assert f"Line 999,999 is past the end ({lines:,} lines): went to the end" in notices(app)


async def test_equals_on_a_book_that_fits_on_one_screen_says_100_as_the_status_line(
    tmp_path: Path,
) -> None:
    # `=` said `Line 1 of 9 · 0%` while the status line said `100%`.
    path = tmp_path / "short.txt"
    path.write_text("A Short One\n\nThe first paragraph.\n\nThe second.\n\nThe end.\n")
    app = reader_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await wait_open(pilot)
        await pilot.pause()
        assert str(screen.status.render()).rstrip().endswith("100%")
        await pilot.press("equals_sign")
        shown = notices(app)[-1]
        assert "Line 1 of 7 · 100%" in shown, shown


async def test_the_info_goes_at_the_next_key_and_stands_only_its_reading_time(
    tmp_path: Path,
) -> None:
    """The facts stood ten seconds over the page's lower right: as less's `=`, the next key
    takes them away (another notice stays), and left alone they go after their reading time."""
    app = reader_app(lantern_book(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_open(pilot)
        app.notify("Another notice", title="Other")
        await pilot.press("equals_sign")
        [info] = [n for n in app._notifications if "4 chapters, 12 scenes" in str(n.message)]
        assert info.timeout <= 8
        await pilot.press("j")
        await pilot.pause()
        assert not any("4 chapters, 12 scenes" in n for n in notices(app))
        assert "Another notice" in notices(app)
        await pilot.press("equals_sign", "equals_sign")  # (pressed again: shown again)
        await pilot.pause()
        assert any("4 chapters, 12 scenes" in n for n in notices(app))


@pytest.mark.parametrize("size", [(80, 24), (50, 15)])
async def test_the_info_fits_a_notice_each_fact_broken_where_it_parts(
    tmp_path: Path, size: tuple[int, int]
) -> None:
    # Great Expectations at 80 columns: `187,584 words, 59 chapters, 61` and `scenes` alone on
    # the line below, as the notice's lines ended; an age past `just now` did the same.
    import shutil

    from tui.ui.notices import notice_width

    real = Path(__file__).resolve().parents[1] / "fixtures" / "real"
    folder = tmp_path / "some" / "deeper" / "folder" / "of" / "books"
    folder.mkdir(parents=True)
    path = Path(shutil.copy(real / "pg_great_expectations.txt.gz", folder))
    os.utime(path, (1_000_000, 1_000_000))
    app = reader_app(path)
    async with app.run_test(size=size) as pilot:
        await wait_open(pilot)
        await pilot.pause()
        await pilot.press("ctrl+g")
        lines = notices(app)[-1].splitlines()
        assert lines[-1].startswith("(") and lines[-1].endswith(" ago)"), lines
        assert all(len(line) <= notice_width(size[0]) for line in lines), lines
        if size[0] == 80:
            assert lines[0].startswith("/tmp/…/") or lines[0].startswith("…/"), lines
            assert lines[0].endswith("/pg_great_expectations.txt.gz")
            assert "187,584 words," in lines
            assert "59 chapters, 61 scenes" in lines
        else:  # (each count, and the percentage, on a line of its own)
            assert lines[2:5] == ["187,584 words,", "59 chapters,", "61 scenes"], lines
            assert lines[6] == "0%", lines


def test_facts_fit_lines_of_the_width_asked() -> None:
    from tui.reading.info import BookFacts

    facts = BookFacts(
        "a.txt",
        "Encoding: utf-8",
        "12 words, 3 chapters, 4 scenes",
        "Line 1 of 9 · 0%",
        "Changed 2026-12-08 01:08 (12 minutes ago)",
    )
    assert facts.lines()[2] == "12 words, 3 chapters, 4 scenes"
    assert facts.lines(24) == [
        *("a.txt", "Encoding: utf-8", "12 words,", "3 chapters, 4 scenes"),
        *("Line 1 of 9 · 0%", "Changed 2026-12-08 01:08", "(12 minutes ago)"),
    ]
    assert facts.lines(12)[2:7] == ["12 words,", "3 chapters,", "4 scenes", "Line 1 of 9", "0%"]
