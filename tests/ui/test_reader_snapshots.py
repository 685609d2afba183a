"""Snapshots of the reader at 80×24 and 120×40: headings, ornaments, status line, highlights."""

from __future__ import annotations

from pathlib import Path

from reader_support import reader_app, wait_open

from tui.settings.settings import load_settings


async def opened(pilot) -> None:
    await wait_open(pilot)


def test_reader_80x24_chapter_start(snap_compare, book_path: Path) -> None:
    """Chapter 2's centred heading, its first scene, and the status line."""
    app = reader_app(book_path)
    assert snap_compare(
        app,
        press=["right_curly_bracket", "right_curly_bracket"],
        terminal_size=(80, 24),
        run_before=opened,
    )


def test_reader_80x24_scene_break(snap_compare, book_path: Path) -> None:
    """A scene break drawn as the centred ornament, reached with the next-scene key."""
    app = reader_app(book_path)
    assert snap_compare(
        app,
        press=["right_square_bracket", "right_square_bracket", "k", "k", "k"],
        terminal_size=(80, 24),
        run_before=opened,
    )


def test_reader_120x40_front_matter(snap_compare, book_path: Path) -> None:
    """The first page: title, author and summary before chapter 1, a centred column."""
    app = reader_app(book_path)
    assert snap_compare(app, terminal_size=(120, 40), run_before=opened)


def test_reader_120x40_search_highlight(snap_compare, book_path: Path) -> None:
    """Every match highlighted, the current one strongest."""

    async def search(pilot) -> None:
        await wait_open(pilot)
        await pilot.press("slash", *"ledger", "enter")
        await pilot.app.workers.wait_for_complete()
        await pilot.press("n")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()

    app = reader_app(book_path)
    assert snap_compare(app, terminal_size=(120, 40), run_before=search)


def test_reader_120x40_indented_and_justified(snap_compare, book_path: Path) -> None:
    """The other paragraph style: first-line indents, no blank lines, justified, 60 cells."""
    settings, _ = load_settings(None)
    settings.reader.paragraph_style = "indent"
    settings.reader.justify = True
    settings.reader.width = 60
    app = reader_app(book_path, settings=settings)
    assert snap_compare(
        app, press=["right_curly_bracket"], terminal_size=(120, 40), run_before=opened
    )


def test_reader_80x24_search_prompt(snap_compare, book_path: Path) -> None:
    """The search prompt takes the status line's row while it is open."""
    app = reader_app(book_path)
    assert snap_compare(app, press=["slash", *"lantern"], terminal_size=(80, 24), run_before=opened)
