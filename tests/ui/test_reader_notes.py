"""Author's notes: each collapsed to one line by a setting, and skipped with `skip_notes`."""

from __future__ import annotations

import shutil
from pathlib import Path

from reader_support import notices, reader_app, shown_rows, top_text, wait_open

from tui.book.model import ParaKind
from tui.reading.navigation import past_notes
from tui.settings.settings import load_settings

OUTLINES = Path(__file__).resolve().parents[1] / "fixtures" / "engine" / "outlines"
FIXTURE = OUTLINES / "ao3_download_multi.txt"
SIZE = (80, 30)


def book_file(tmp_path: Path) -> Path:
    return Path(shutil.copy(FIXTURE, tmp_path / "paper.txt"))


def test_past_notes_skips_the_notes_under_a_heading(tmp_path: Path) -> None:
    from tui.book.formats import open_book

    book = open_book(book_file(tmp_path))
    heading = book.chapters[0].start
    target = past_notes(book, heading)
    assert isinstance(target, int)
    assert book.kinds[target] == ParaKind.TEXT
    assert all(book.kinds[i] == ParaKind.NOTE for i in range(heading + 1, target))
    assert past_notes(book, target) == "No author's notes here"


def test_past_notes_at_the_top_of_a_book_skips_the_notes_before_the_story(
    tmp_path: Path,
) -> None:
    from tui.book.formats import open_book

    path = tmp_path / "crise.txt"
    path.write_text(
        "Note : this was written for a friend, and the ending is hers.\n\n\n\nCrise\n\n"
        "Un : Kiba\n\n"
        + "\n\n".join(f"Kiba waited by the gate for the {n}th time that week." for n in range(8)),
        encoding="utf-8",
    )
    book = open_book(path)
    target = past_notes(book, 0)
    assert isinstance(target, int)
    assert book.text[book.starts[target] :].startswith(("Un", "Kiba waited"))


async def test_skip_notes_jumps_to_the_story_and_back(tmp_path: Path) -> None:
    app = reader_app(book_file(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        await pilot.press("right_curly_bracket")
        assert top_text(screen) == "Chapter 1: North"
        await pilot.press("S")
        assert top_text(screen).startswith("The workshop was at the top of a tower")
        # Chapter 1 is short: its end notes are on this page, and `S` goes past them, to
        # Chapter 2 (which has no notes of its own to pass).
        await pilot.press("S")
        assert top_text(screen) == "Chapter 2"
        await pilot.press("ctrl+o")
        assert top_text(screen).startswith("The workshop was at the top of a tower")
        await pilot.press("ctrl+o")
        assert top_text(screen) == "Chapter 1: North"


def three_chapter_download(tmp_path: Path) -> Path:
    """A copy of a real AO3 HTML download of three chapters with notes and star breaks."""
    work = (
        FIXTURE.parents[2] / "fanfic" / "ao3_download_html_2024_three_chapters_star_breaks.html.gz"
    )
    return Path(shutil.copy(work, tmp_path / "storm.html.gz"))


async def test_skip_notes_from_an_ao3_title_page_lands_past_chapter_one_s_notes(
    tmp_path: Path,
) -> None:
    # The work's summary runs into `Chapter 1`, which has its own `Chapter Notes`: one `S`
    # goes past both, to the story's first words.
    app = reader_app(three_chapter_download(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await wait_open(pilot)
        assert top_text(screen).startswith("'til storm breaks loose")  # the title page
        await pilot.press("S")
        await pilot.pause()
        assert top_text(screen).startswith("Canvas Building melon’t harp"), shown_rows(screen)
        assert screen.status.progress.place == "Chapter 1"
        await pilot.press("S")
        assert "No author's notes here" in notices(app)
        await pilot.press("ctrl+o")
        assert top_text(screen).startswith("'til storm breaks loose")


async def test_skip_notes_passes_a_chapter_s_end_notes_on_the_lower_half_of_the_page(
    tmp_path: Path,
) -> None:
    # An AO3 download: Chapter 2's `Chapter End Notes` low on the page, under the chapter's
    # last paragraphs. `S` goes past them, and past Chapter 3's heading and its notes, to
    # Chapter 3's story, as it does from a title page.
    app = reader_app(three_chapter_download(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await wait_open(pilot)
        await pilot.press("3", "right_curly_bracket", "2", "6", "k")
        await pilot.pause()
        rows = shown_rows(screen)
        assert "Chapter End Notes" in rows[len(rows) * 2 // 3 :], rows
        book, top = screen.book, screen.view.pager.top_para()
        assert [book.kinds[i] for i in range(top, top + 5)] == [ParaKind.TEXT] * 5
        before = top_text(screen)
        await pilot.press("S")
        await pilot.pause()
        assert top_text(screen).startswith("Up bark it soup piano vineyard"), shown_rows(screen)
        assert screen.status.progress.place == "Chapter 3"
        await pilot.press("ctrl+o")
        assert top_text(screen) == before


def test_past_notes_takes_the_first_notes_on_the_page(tmp_path: Path) -> None:
    from tui.book.formats import open_book

    book = open_book(book_file(tmp_path))
    text = book.chapters[0].start + 6  # Chapter 1's prose, its end notes a few paragraphs on
    notes = next(i for i in range(text, len(book)) if book.kinds[i] == ParaKind.NOTE)
    # Shown on the page (they start above its end): passed, to Chapter 2's heading.
    target = past_notes(book, text, int(book.starts[notes]) + 1)
    assert target == book.chapters[1].start
    # Below the page: not this page's notes.
    assert past_notes(book, text, int(book.starts[notes])) == "No author's notes here"
    assert past_notes(book, text) == "No author's notes here"  # (no page: near the top only)


async def test_a_collapsed_note_takes_one_line_however_many_paragraphs_it_has(
    tmp_path: Path,
) -> None:
    settings, _ = load_settings(None)
    settings.reader.chapter_notes = "collapse"
    app = reader_app(book_file(tmp_path), settings=settings)
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        await pilot.press("right_curly_bracket")
        rows = [row for row in shown_rows(screen) if row]
        # The summary and the notes under the heading (five paragraphs, one longer than a
        # row) are one line, their paragraphs run on; the story follows it.
        assert rows[0] == "Chapter 1: North"
        assert rows[1].startswith("Chapter Summary · Ines arrives at the workshop. · ")
        assert rows[1].endswith(" …")
        assert rows[2].startswith("The workshop was at the top of a tower")
        # A search for words of the note's hidden part shows the note's line.
        await pilot.press("slash", *"junk shop", "enter")
        await pilot.pause()
        rows = [row for row in shown_rows(screen) if row]
        assert any(row.startswith("Chapter Summary · ") for row in rows[:3]), rows[:3]


async def test_a_n_paragraphs_of_an_ao3_epub_collapse_like_its_chapter_notes(
    tmp_path: Path,
) -> None:
    epub = FIXTURE.parents[2] / "fanfic" / "ao3_download_epub_wip_xxx_breaks.epub"
    settings, _ = load_settings(None)
    settings.reader.chapter_notes = "collapse"
    app = reader_app(Path(shutil.copy(epub, tmp_path / "fire.epub")), settings=settings)
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        await pilot.press("right_curly_bracket")
        rows = [row for row in shown_rows(screen) if row]
        assert rows[0] == "Chapter 1: Festival"
        assert rows[1].startswith("A/N: Elk! My water fanfic!") and rows[1].endswith(" …")
        assert " · I oven I rocket" in rows[1]  # (its second paragraph, run on)
        assert rows[2].startswith("Kit needle it wing printer!")
