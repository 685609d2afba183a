"""Copying (`yank`, OSC 52), visual mode, quotes, and `chapbook bookmarks`."""

from __future__ import annotations

import base64
import os
import re
from pathlib import Path
from typing import Any

import pytest
from reader_support import (
    make_book,
    notices,
    prompt_text,
    reader_app,
    shown_rows,
    top_text,
    wait_open,
)

from tui.book.anchor import Anchor, Bookmark
from tui.cli import main
from tui.reading.bookmarks import labelled_paragraph
from tui.reading.passage import Selection, copied_notice, first_paragraph_shown, passage_text

SIZE = (80, 24)
OSC52 = re.compile(r"\x1b\]52;c;([A-Za-z0-9+/=]*)\x07")


def clipboard_writes(app) -> list[str]:
    """Record what the app writes to the terminal; returns the list OSC 52 payloads go to."""
    payloads: list[str] = []
    driver = app._driver
    write = driver.write

    def recording(data: str) -> None:
        payloads.extend(base64.b64decode(m).decode("utf-8") for m in OSC52.findall(data))
        write(data)

    driver.write = recording
    return payloads


def test_a_passage_is_the_books_own_paragraphs() -> None:
    text = "Chapter 1\n\nOne line\nwrapped here.\n\nTwo.\n\n* * *\n\nThree.\n"
    book = make_book(text)
    book.rejoin = True
    assert passage_text(book, 1, 2) == "One line wrapped here.\n\nTwo."
    assert copied_notice("One line wrapped here.\n\nTwo.") == "Copied 2 paragraphs, 5 words"
    assert copied_notice("Two.") == "Copied 1 paragraph, 1 word"
    selection = Selection(3, 3).extended(-2, 5)
    assert (selection.first, selection.last) == (1, 3)
    assert Selection(3, 3).extended(9, 5).last == 4


def test_bookmarks_with_and_without_quotes_round_trip() -> None:
    old = {"anchor": Anchor(10, "abc").to_dict(), "label": "x", "created": 5.0}
    mark = Bookmark.from_dict(old)  # a file written before quotes existed
    assert mark.quote == "" and "quote" not in mark.to_dict()
    quoted = Bookmark(Anchor(10, "abc"), "", 6.0, quote="One.\n\nTwo.")
    assert Bookmark.from_dict(quoted.to_dict()) == quoted


async def test_visual_j_y_copies_two_paragraphs_through_osc_52(book_path: Path) -> None:
    app = reader_app(book_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        payloads = clipboard_writes(app)
        await pilot.press("right_square_bracket", "right_square_bracket")  # scene 1.2
        book = screen.book
        first = labelled_paragraph(book, screen.view.pager.top_para())  # past the ornament
        assert book.paragraph(first).startswith("Scene 1.2 opens.")
        await pilot.press("v")
        assert "visual: 1 paragraph" in str(screen.status.render())
        await pilot.press("j")
        assert "visual: 2 paragraphs" in str(screen.status.render())
        selected = [
            seg.text
            for y in range(screen.view.size.height)
            for seg in screen.view.render_line(y)
            if seg.style and seg.style.bold and seg.text.strip()
        ]
        assert any("Scene 1.2 opens." in text for text in selected)
        await pilot.press("y")
        await pilot.pause()
        expected = book.paragraph(first) + "\n\n" + book.paragraph(first + 1)
        assert payloads == [expected]
        words = len(expected.split())
        assert f"Copied 2 paragraphs, {words} words" in str(screen.status.render())
        assert "visual" not in str(screen.status.render())  # copying leaves visual mode
        await pilot.press("v")  # a new selection: what the last copy said goes
        assert "Copied" not in str(screen.status.render())
        assert "visual: 1 paragraph" in str(screen.status.render())


async def test_yank_without_a_selection_copies_the_top_paragraph(book_path: Path) -> None:
    app = reader_app(book_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        payloads = clipboard_writes(app)
        await pilot.press("right_curly_bracket", "j", "j")  # into chapter 1's first paragraph
        top = screen.view.pager.top_para()
        await pilot.press("y")
        await pilot.pause()
        assert payloads == [screen.book.paragraph(top)]


async def test_escape_leaves_visual_mode_and_j_moves_again(book_path: Path) -> None:
    app = reader_app(book_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        start = shown_rows(screen)
        await pilot.press("v", "j", "j")
        assert shown_rows(screen)[0] == start[0]  # j grew the selection, the page stayed
        await pilot.press("escape")
        assert screen.session.selection is None and screen.view.selected is None
        await pilot.press("j")
        assert shown_rows(screen)[0] == start[1]


async def test_a_quote_is_kept_and_printed_by_chapbook_bookmarks(
    book_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    app = reader_app(book_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        await pilot.press("2", "right_curly_bracket", "right_square_bracket")  # 2.2
        first = labelled_paragraph(screen.book, screen.view.pager.top_para())
        expected = screen.book.paragraph(first) + "\n\n" + screen.book.paragraph(first + 1)
        await pilot.press("V", "j", "Y")
        await pilot.pause()
        marks = app.library.bookmarks(screen.book_id)
        assert [m.quote for m in marks] == [expected]
        assert "Saved a quote of 2 paragraphs" in str(screen.status.render())
    assert main(["bookmarks", str(book_path)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("quote: Chapter 2: The Bells · scene 2 · ")
    assert f"    {screen.book.paragraph(first)}\n" in out
    assert main(["bookmarks", str(book_path), "--markdown"]) == 0
    markdown = capsys.readouterr().out
    assert markdown.startswith("# The Lantern Ledger\n\n## Chapter 2: The Bells · scene 2 · ")
    assert f"> {screen.book.paragraph(first)}\n>\n> {screen.book.paragraph(first + 1)}" in markdown


async def test_a_quote_is_listed_by_its_own_words(book_path: Path) -> None:
    """A quote saved with Y has no label: the bookmark list names it by its opening words,
    quoted as scene labels are, not `(no label)`, and does not repeat them after the place."""
    from textual.widgets import OptionList

    from tui.book.model import quoted_opening

    app = reader_app(book_path)
    async with app.run_test(size=(120, 30)) as pilot:
        screen = await wait_open(pilot)
        await pilot.press("2", "right_curly_bracket", "right_square_bracket")  # 2.2
        first = labelled_paragraph(screen.book, screen.view.pager.top_para())
        words = " ".join(screen.book.paragraph(first).split()[:12])
        await pilot.press("Y")
        await pilot.pause()
        await pilot.press("B")
        await pilot.pause()
        options = app.screen.query_one(OptionList).options
        rows = [prompt_text(option.prompt, 110) for option in options]
        assert len(rows) == 1 and rows[0].count(" ".join(words.split()[:5])) == 1
        label, place = rows[0].splitlines()
        assert label.startswith(quoted_opening(words)) and place == "Chapter 2: The Bells"
        assert "(no label)" not in rows[0]


def test_chapbook_bookmarks_of_a_book_not_in_the_library(
    book_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["bookmarks", str(book_path)]) == 2
    assert "is not in the library" in capsys.readouterr().err


async def test_a_copy_or_quote_at_a_chapters_start_begins_with_its_first_paragraph(
    book_path: Path,
) -> None:
    # With the heading on the top row, the words to copy are the story's under it.
    app = reader_app(book_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        payloads = clipboard_writes(app)
        await pilot.press("right_curly_bracket", "right_curly_bracket")
        assert top_text(screen) == "Chapter 2: The Bells"
        book, top = screen.book, screen.view.pager.top_para()
        await pilot.press("v", "j", "j", "y")
        await pilot.pause()
        expected = "\n\n".join(book.paragraph(top + n) for n in (1, 2, 3))
        assert payloads == [expected] and expected.startswith("Scene 2.1 opens.")
        await pilot.press("Y")
        await pilot.pause()
        quote = app.library.bookmarks(screen.book_id)[-1].quote
        assert quote == book.paragraph(top + 1)
        words = len(quote.split())
        assert f"Saved a quote of 1 paragraph, {words} words" in str(screen.status.render())


def test_a_heading_alone_on_the_screen_is_what_is_copied() -> None:
    book = make_book("Chapter 1\n\n* * *\n\nThe first words.\n")
    heading, ornament, words = 0, 1, 2
    assert first_paragraph_shown(book, heading, int(book.ends[ornament])) == heading
    assert first_paragraph_shown(book, heading, int(book.starts[words]) + 1) == words
    assert first_paragraph_shown(book, ornament, int(book.ends[ornament])) == words


def shown_first(screen):
    """The first paragraph the reader shows (the one `v` selects)."""
    pager = screen.view.pager
    return first_paragraph_shown(screen.book, pager.top_para(), pager.bottom_offset())


async def visual_from_chapter_one(pilot, screen, move: str):
    """In chapter 1, `v` then ``move``: the book and the paragraph `v` selected."""
    await pilot.press("right_curly_bracket")
    first = shown_first(screen)
    await pilot.press("v", move)
    await pilot.pause()
    return screen.book, first


@pytest.mark.parametrize("move", ["ctrl+d", "ctrl+f"])
async def test_a_move_in_visual_mode_grows_the_selection_to_where_it_went(
    book_path: Path, move: str
) -> None:
    """As in vim: `v`, then a page key or a jump, then `y` copies from where `v` was to
    the page the move showed, not the first paragraph, now off screen."""
    app = reader_app(book_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        payloads = clipboard_writes(app)
        book, first = await visual_from_chapter_one(pilot, screen, move)
        shown = shown_first(screen)
        assert shown > first
        status = str(screen.status.render())
        assert f"visual: {shown - first + 1} paragraphs" in status, status
        await pilot.press("y")
        await pilot.pause()
        assert payloads == [passage_text(book, first, shown)]


@pytest.mark.parametrize("move", ["right_square_bracket", "right_curly_bracket"])
async def test_a_scene_or_chapter_move_in_visual_mode_selects_to_the_end_of_the_one_left(
    book_path: Path, move: str
) -> None:
    """As vim's `v}`: `v`, then the next scene or chapter, then `y` copies to the end of the
    scene or chapter left, not the next one's heading and first lines."""
    app = reader_app(book_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        payloads = clipboard_writes(app)
        book, first = await visual_from_chapter_one(pilot, screen, move)
        landed = screen.session.aimed
        assert landed is not None and landed > first
        status = str(screen.status.render())
        assert f"visual: {landed - first} paragraphs" in status, status
        await pilot.press("y")
        await pilot.pause()
        assert payloads == [passage_text(book, first, landed - 1)]


async def test_a_search_in_visual_mode_grows_the_selection_and_j_goes_on_from_there(
    book_path: Path,
) -> None:
    app = reader_app(book_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        await pilot.press("right_curly_bracket", "v")
        first = screen.session.selection.anchor
        await pilot.press("slash", *"Scene 2.1 opens", "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        selection = screen.session.selection
        assert selection.anchor == first
        assert screen.book.paragraph(selection.head).startswith("Scene 2.1 opens.")
        await pilot.press("j")  # on from the match, the page where the search went
        assert screen.session.selection.head == selection.head + 1


async def test_a_quote_and_a_bookmark_at_one_place_give_one_percentage(book_path: Path) -> None:
    """`Y` and `M` with the top of the page inside a paragraph: the bookmark list gives both
    the percentage the status line gives (not 39% for the quote and 40% for the bookmark)."""
    from tui.paths import shown_percent

    app = reader_app(book_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        await pilot.press("4", "0", "percent_sign")
        await pilot.pause()
        book = screen.book
        for _ in range(40):  # down to a page whose top row is inside its paragraph
            para = screen.view.pager.top_para()
            if book.starts[para] < screen.view.top_offset():
                break
            await pilot.press("j")
            await pilot.pause()
        assert book.starts[para] < screen.view.top_offset()
        status = str(screen.status.render())
        await pilot.press("Y")
        await pilot.pause()
        await pilot.press("M")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("B")
        await pilot.pause()
        shown = {shown_percent(entry.percent) for entry in app.screen.entries}
        assert len(shown) == 1, shown
        assert f" {shown.pop()} " in status, status


async def test_chapbook_bookmarks_names_places_as_the_reader_does(
    book_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A bookmark on the title page is `Title page · 0%`, as the bookmark list names it, not
    `Front or end matter`; one in a chapter has the chapter's name."""
    # A summary long enough that the title page fills the upper half of the page: the status
    # line names it there, not Chapter 1 below.
    summary = "Summary: A harbour town, a missing lantern, and a ledger nobody should read."
    text = book_path.read_text(encoding="utf-8")
    book_path.write_text(text.replace(summary, summary + " The tide keeps it." * 30), "utf-8")
    app = reader_app(book_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        await pilot.press("M", "enter")
        await pilot.pause()
        await pilot.press("2", "right_curly_bracket", "M", "enter")
        await pilot.pause()
        await pilot.press("B")
        await pilot.pause()
        places = [entry.place for entry in app.screen.entries]
        assert places[0] == "Title page" and places[1] == "Chapter 2: The Bells"
        assert screen.book is not None
    assert main(["bookmarks", str(book_path)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "bookmark: Title page · 0%"
    assert out[1].startswith("bookmark: Chapter 2: The Bells · scene 1 · ")


def fake_tmux(folder: Path, monkeypatch: pytest.MonkeyPatch, set_clipboard: str) -> None:
    """Run as if inside tmux whose `set-clipboard` is ``set_clipboard`` (a `tmux` on PATH that
    answers `tmux show -gv set-clipboard` as tmux does)."""
    from tui.ui.terminal.clipboard import ask_tmux_set_clipboard

    tmux = folder / "bin" / "tmux"
    tmux.parent.mkdir()
    tmux.write_text(f'#!/bin/sh\n[ "$*" = "show -gv set-clipboard" ] && echo {set_clipboard}\n')
    tmux.chmod(0o755)
    monkeypatch.setenv("PATH", f"{tmux.parent}:{os.environ['PATH']}")
    monkeypatch.setenv("TMUX", "/tmp/tmux-1000/default,1,0")
    ask_tmux_set_clipboard.cache_clear()


@pytest.mark.parametrize("set_clipboard", ["external", "off", "on"])
async def test_a_copy_inside_tmux_that_keeps_it_says_so_and_how_to_let_it_through(
    tmp_path: Path, book_path: Path, monkeypatch: pytest.MonkeyPatch, set_clipboard: str
) -> None:
    from tui.ui.terminal.clipboard import ask_tmux_set_clipboard

    fake_tmux(tmp_path, monkeypatch, set_clipboard)
    app = reader_app(book_path)
    try:
        async with app.run_test(size=SIZE) as pilot:
            screen = await wait_open(pilot)
            await pilot.press("y")
            await pilot.pause()
            said = notices(app)
            if set_clipboard == "on":
                assert not said and "Copied 1 paragraph" in str(screen.status.render())
            else:
                # Not copied, in the title and the words alike: tmux dropped the copy.
                (notice,) = app._notifications
                assert notice.title == "Not copied"
                assert said[0].startswith("1 paragraph, ")
                assert "did not reach the clipboard" in said[0]
                assert "Copied" not in said[0]
                assert f"tmux's set-clipboard is {set_clipboard}" in said[0]
                assert "set -g set-clipboard on" in said[0]
    finally:
        ask_tmux_set_clipboard.cache_clear()


async def test_tmux_is_asked_at_start_up_in_a_worker_so_the_first_copy_never_waits_for_it(
    tmp_path: Path, book_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import subprocess
    import threading

    from tui.ui.terminal import clipboard

    fake_tmux(tmp_path, monkeypatch, "off")
    asked_on: list[str] = []
    run = subprocess.run

    def recording_run(*args: Any, **kwargs: Any) -> Any:
        asked_on.append(threading.current_thread().name)
        return run(*args, **kwargs)

    monkeypatch.setattr(clipboard.subprocess, "run", recording_run)
    app = reader_app(book_path)
    try:
        async with app.run_test(size=SIZE) as pilot:
            await wait_open(pilot)
            await app.workers.wait_for_complete()
            # Asked before any copy, once, and not on the thread that draws the screen.
            assert len(asked_on) == 1
            assert asked_on[0] != threading.main_thread().name
            await pilot.press("y")
            await pilot.pause()
            assert len(asked_on) == 1
            assert "tmux's set-clipboard is off" in notices(app)[0]
    finally:
        clipboard.ask_tmux_set_clipboard.cache_clear()
