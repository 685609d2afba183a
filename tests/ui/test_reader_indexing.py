"""While a big book is still being indexed, prompts open at once.

What is asked is done when the whole book is in (Pilot).
"""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from reader_support import (
    notices,
    reader_app,
    story,
    wait_for,
    wait_open,
    wait_preview,
    write_story,
)
from textual.widgets import Input

from tui.paths import shown_percent
from tui.ui.screens.reader import ReaderScreen

SIZE = (80, 24)


@pytest.fixture
def held_parse(monkeypatch: pytest.MonkeyPatch) -> threading.Event:
    """Hold the full parse of ``serial.txt`` until the test lets it go (the preview shows)."""
    from tui.book import formats as books

    release = threading.Event()
    real = books.parse_loaded

    def parse_loaded(loaded):
        if str(loaded.path).endswith("serial.txt"):
            release.wait(timeout=20)
        return real(loaded)

    monkeypatch.setattr(books, "parse_loaded", parse_loaded)
    return release


def serial_book(folder: Path, chapters: int = 280) -> Path:
    return write_story(folder / "serial.txt", story(chapters=chapters, scenes=3, paras=6))


async def saved_at(path: Path, scene: str, held_parse: threading.Event) -> int:
    """Read ``path`` to the scene opening with ``scene`` words and quit, so that the next open
    resumes there; the next open's whole parse is held until ``held_parse`` is set. Returns
    the offset the page began at."""
    held_parse.set()
    app = reader_app(path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        await pilot.press("slash", *scene, "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        saved = screen.view.top_offset()
        await pilot.press("q")
    held_parse.clear()
    return saved


async def known_to_the_library(path: Path, held_parse: threading.Event) -> None:
    """Open ``path``, let the whole of it come in and quit, so that the library knows it; the
    next open's whole parse is held until ``held_parse`` is set."""
    held_parse.set()
    app = reader_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await wait_open(pilot)
        await pilot.press("q")
    held_parse.clear()


async def test_letters_typed_after_slash_go_into_the_prompt_while_indexing(
    tmp_path: Path, held_parse: threading.Event
) -> None:
    app = reader_app(serial_book(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_preview(pilot)
        assert not screen.final
        await pilot.press("slash", *"Scene 250.2 opens")
        await pilot.pause()
        assert app.screen is screen  # `q`, `?` and the rest were typed, not obeyed
        assert isinstance(screen.focused, Input)
        assert screen.focused.value == "Scene 250.2 opens"
        await pilot.press("enter")
        assert any("once the whole book is read" in n for n in notices(app))
        held_parse.set()
        await wait_open(pilot)
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert screen.hit is not None
        assert screen.book.text.startswith("Scene 250.2 opens", screen.hit.start)


async def test_a_percentage_asked_while_indexing_is_gone_to_when_the_book_is_in(
    tmp_path: Path, held_parse: threading.Event
) -> None:
    app = reader_app(serial_book(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_preview(pilot)
        await pilot.press("percent_sign", "5", "0", "enter")
        assert isinstance(app.screen, ReaderScreen)
        held_parse.set()
        await wait_open(pilot)
        await pilot.pause()
        percent = 100 * screen.view.top_offset() / len(screen.book.text)
        assert 49 <= percent <= 51


async def test_an_empty_percentage_says_what_to_type(tmp_path: Path) -> None:
    app = reader_app(write_story(tmp_path / "short.txt", story(chapters=2)))
    async with app.run_test(size=SIZE) as pilot:
        await wait_open(pilot)
        await pilot.press("percent_sign", "enter")
        await pilot.pause()
        assert "Type a percentage, 0–100" in notices(app)
        assert not any("''" in n for n in notices(app))


async def test_a_resumed_big_book_shows_its_title_while_indexing(
    tmp_path: Path, held_parse: threading.Event
) -> None:
    path = serial_book(tmp_path, 40)
    await saved_at(path, "Scene 31.2 opens", held_parse)
    again = reader_app(path)
    async with again.run_test(size=SIZE) as pilot:
        screen = await wait_preview(pilot)
        assert not screen.final
        status = str(screen.status.render())
        assert "The Lantern Ledger" in status and "serial" not in status
        held_parse.set()
        await wait_open(pilot)


async def test_chapter_moves_asked_while_indexing_land_by_the_whole_books_chapters(
    tmp_path: Path, held_parse: threading.Event
) -> None:
    # A preview's chapters may be the book's contents list: the move waits for the book.
    from reader_support import top_text

    app = reader_app(serial_book(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_preview(pilot)
        await pilot.press("right_curly_bracket", "2", "right_curly_bracket")
        await pilot.pause()
        assert any("Going there once the whole book is read" in n for n in notices(app))
        # The status line says so for as long as it waits.
        assert "indexing… · next chapter ×3 when read" in str(screen.status.render())
        held_parse.set()
        await wait_open(pilot)
        await pilot.pause()
        assert top_text(screen).startswith("Chapter 3:")  # one move, then two more


async def test_a_chapter_move_asked_while_indexing_is_dropped_when_the_reader_reads_on(
    tmp_path: Path, held_parse: threading.Event
) -> None:
    app = reader_app(serial_book(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_preview(pilot)
        await pilot.press("right_curly_bracket", "space", "space")
        await pilot.pause()
        assert any("waiting for the whole book is dropped" in n for n in notices(app))
        assert "when read" not in str(screen.status.render())
        read_to = screen.view.top_offset()
        held_parse.set()
        await wait_open(pilot)
        await pilot.pause()
        assert screen.view.top_offset() == read_to  # still where the reader read to


async def test_the_finder_asked_while_indexing_opens_at_once_and_takes_what_is_typed(
    tmp_path: Path, held_parse: threading.Event
) -> None:
    # Words typed into a finder opened while the book is still read are its query, never
    # reader commands (`t` would open the contents, `h` the help, `q` would leave the book).
    from tui.ui.dialogs.finder_book import BookFinderScreen

    app = reader_app(serial_book(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_preview(pilot)
        top = screen.view.top_offset()
        await pilot.press("ctrl+p")
        await wait_for(pilot, lambda: isinstance(app.screen, BookFinderScreen))
        finder = app.screen
        assert isinstance(finder, BookFinderScreen) and not screen.final
        await pilot.press(*"the quay", "backspace", "y")
        await pilot.pause()
        assert finder.query_one(Input).value == "the quay"
        status = str(finder.query_one("#finder-status").render())
        assert "Reading the whole book" in status
        assert screen.view.top_offset() == top
        held_parse.set()
        await wait_for(pilot, lambda: finder.shown_query == "the quay", timeout=20)
        assert finder.hits  # searched in the whole book once it was in
        assert app.screen is finder


async def test_enter_typed_ahead_for_the_finder_goes_to_its_top_hit(
    tmp_path: Path, held_parse: threading.Event
) -> None:
    from reader_support import top_text

    app = reader_app(serial_book(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_preview(pilot)
        await pilot.press("ctrl+p", *"scene 250.2 opens", "enter")
        await pilot.pause()
        assert not screen.final  # the finder waits for the whole book, Enter and all
        held_parse.set()
        for _ in range(300):  # the finder opens, finds, and goes to its top hit
            await pilot.pause(0.05)
            if app.screen is screen and screen.final and "250" in top_text(screen):
                break
        assert app.screen is screen and "Scene 250.2" in top_text(screen)


async def test_escape_gives_up_a_finder_waiting_for_the_book(
    tmp_path: Path, held_parse: threading.Event
) -> None:
    app = reader_app(serial_book(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_preview(pilot)
        await pilot.press("ctrl+p", *"lamp", "escape")
        await pilot.pause()
        assert app.screen is screen
        held_parse.set()
        await wait_open(pilot)
        await pilot.pause(0.3)
        assert app.screen is screen  # no finder opened after all
        await pilot.press("t")  # keys are the reader's again
        await pilot.pause(0.3)
        assert app.screen is not screen


async def test_the_bookmark_list_opened_while_indexing_gives_no_wrong_percentage(
    tmp_path: Path, held_parse: threading.Event
) -> None:
    # The preview of a big file's head stops early: a percentage of it would be far too high.
    from textual.widgets import OptionList

    from tui.ui.dialogs.bookmarks import BookmarksScreen

    def shown_percentages(app) -> list[str]:
        import io

        from rich.console import Console

        console = Console(width=76, record=True, file=io.StringIO())
        options = app.screen.query_one(OptionList)
        for i in range(options.option_count):
            console.print(options.get_option_at_index(i).prompt)
        return [word for word in console.export_text().split() if word.endswith("%")]

    path = serial_book(tmp_path)
    held_parse.set()
    app = reader_app(path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        await pilot.press("slash", *"Scene 30.2 opens", "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("M", "enter")
        await pilot.pause()
        story_percent = 100 * screen.view.top_offset() / screen.book.story_end
        await pilot.press("q")
    held_parse.clear()
    again = reader_app(path)
    async with again.run_test(size=SIZE) as pilot:
        screen = await wait_preview(pilot)
        assert not screen.final
        await pilot.press("B")
        await wait_for(pilot, lambda: isinstance(again.screen, BookmarksScreen))
        assert shown_percentages(again) == []  # the story's end is not known yet
        held_parse.set()
        await wait_for(pilot, lambda: shown_percentages(again) != [], timeout=15)
        assert isinstance(again.screen, BookmarksScreen)  # the same list, filled again
        assert shown_percentages(again) == [shown_percent(story_percent)]


async def test_the_top_key_pressed_while_a_resumed_book_is_indexed_goes_to_the_books_start(
    tmp_path: Path, held_parse: threading.Event
) -> None:
    # The preview around the saved place begins a few pages before it: its first page is
    # not the book's, so `g` waits for the whole book, as `G` does.
    path = serial_book(tmp_path)
    saved = await saved_at(path, "Scene 200.2 opens", held_parse)
    again = reader_app(path)
    async with again.run_test(size=SIZE) as pilot:
        screen = await wait_preview(pilot)
        assert not screen.final
        await pilot.press("g")
        await pilot.pause()
        assert "indexing… · the start when read" in str(screen.status.render())
        held_parse.set()
        await wait_open(pilot)
        await pilot.pause()
        assert screen.view.top_offset() == 0
        assert "Chapter 1" in str(screen.status.render())
        await pilot.press("ctrl+o")  # back to the place the book was resumed at
        await pilot.pause()
        assert screen.view.top_offset() == saved


async def test_a_count_and_a_percentage_typed_while_indexing_show_on_the_status_line(
    tmp_path: Path, held_parse: threading.Event
) -> None:
    # As a chapter move asked meanwhile does: the digits as they are typed; the percentage
    # needs only the text, read before its chapters are found: it goes there at once.
    app = reader_app(serial_book(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_preview(pilot)
        await pilot.press("4")
        assert "indexing… · 4" in str(screen.status.render())
        await wait_for(pilot, lambda: screen.session.whole_text is not None)
        await pilot.press("0", "percent_sign")
        text = screen.session.whole_text.loaded.text
        await wait_for(pilot, lambda: 39 <= 100 * screen.view.top_offset() / len(text) <= 41)
        assert not screen.final and "indexing…" in str(screen.status.render())
        held_parse.set()
        await wait_open(pilot)
        await pilot.pause()
        percent = 100 * screen.view.top_offset() / len(screen.book.text)
        assert 39 <= percent <= 41
        assert "when read" not in str(screen.status.render())


@pytest.mark.parametrize("keys", [[*"99999", "G"], [":", *"99999", "enter"]], ids=["G", "colon"])
async def test_a_line_past_the_end_asked_while_indexing_goes_there_and_says_so(
    tmp_path: Path, held_parse: threading.Event, keys: list[str]
) -> None:
    # `99999G` typed while the book was read was dropped (`try again in a moment`), or, typed
    # before the first page, went to the end without the notice that the line is past it. It
    # needs only the text, not its chapters: it goes while they are still being found.
    path = serial_book(tmp_path, chapters=40)
    lines = len(path.read_text(encoding="utf-8").splitlines())
    app = reader_app(path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_preview(pilot)
        await pilot.press(*keys)
        past = f"Line 99,999 is past the end ({lines:,} lines): went to the end"
        await wait_for(pilot, lambda: past in notices(app))
        assert not screen.final and screen.view.pager.at_end
        held_parse.set()
        await wait_open(pilot)
        await pilot.pause()
        assert screen.view.pager.at_end
        assert "when read" not in str(screen.status.render())


async def test_a_mark_set_while_a_new_book_is_indexed_says_so_and_takes_its_letter(
    tmp_path: Path, held_parse: threading.Event
) -> None:
    """A book new to the library has no entry to keep marks in until it is read: `m` then
    `a` said `Still opening the book…` and then `a: not a reader key`, the letter read as a
    key of its own. The letter now names the mark, and the status line says it is not set."""
    app = reader_app(serial_book(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_preview(pilot)
        assert not screen.final and screen.session.book_id is None
        await pilot.press("m")
        await pilot.pause()
        assert "mark: a letter" in str(screen.status.render())
        await pilot.press("a")
        await pilot.pause()
        said = str(screen.status.render())
        assert "mark ‘a’ not set: book still being read" in said
        assert "not a reader key" not in said
        assert not any("Still opening" in n for n in notices(app))
        held_parse.set()
        await wait_open(pilot)
        await pilot.press("m", "a")  # once it is in, as ever
        await pilot.pause()
        assert "mark ‘a’ set" in str(screen.status.render())


async def test_a_bookmark_labelled_while_a_new_book_is_indexed_is_made_once_it_is_in(
    tmp_path: Path, held_parse: threading.Event
) -> None:
    """`M` on a new book still being read said `Still opening the book…` and opened no box:
    the label typed next was read as the reader's keys (`g` to the top, `o` into the pager).
    The box opens over the page on screen, and the bookmark is made once the book is in."""
    from tui.ui.dialogs.bookmarks import BookmarkLabelScreen

    app = reader_app(serial_book(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_preview(pilot)
        assert not screen.final and screen.session.book_id is None
        await pilot.press("space", "space")
        await pilot.pause()
        offset = screen.view.top_offset()
        await pilot.press("M")
        await wait_for(pilot, lambda: isinstance(app.screen, BookmarkLabelScreen))
        await pilot.press(*"good bit")
        await pilot.pause()
        assert isinstance(app.screen, BookmarkLabelScreen)  # the letters were its label
        assert screen.view.top_offset() == offset  # and moved nothing (`g`, `o`, `d`, ` `)
        await pilot.press("enter")
        await pilot.pause()
        # (the status line names no chapter while the book is read: what is said of it does)
        said = str(screen.status.render())
        assert "Bookmarked once read: Chapter 1: The Ledger" in said, said
        held_parse.set()
        await wait_open(pilot)
        await wait_for(pilot, lambda: screen.session.book_id is not None)
        await pilot.pause()
        said = str(screen.status.render())
        assert "Bookmarked: good bit (Chapter 1: The Ledger)" in said, said
        marks = app.library.bookmarks(screen.session.book_id)
        assert [m.label for m in marks] == ["good bit"]
        assert marks[0].anchor.offset == offset


async def test_a_bookmark_renamed_as_the_book_comes_in_keeps_its_percentage(
    tmp_path: Path, held_parse: threading.Event
) -> None:
    # The whole book comes in while the label is typed: the renamed row is the whole book's.
    from tui.ui.dialogs.bookmarks import BookmarkLabelScreen, BookmarksScreen

    path = serial_book(tmp_path)
    held_parse.set()
    app = reader_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await wait_open(pilot)
        await pilot.press("slash", *"Scene 30.2 opens", "enter")
        await app.workers.wait_for_complete()
        await pilot.press("M", "enter", "q")
    held_parse.clear()
    again = reader_app(path)
    async with again.run_test(size=SIZE) as pilot:
        await wait_preview(pilot)
        await pilot.press("B")
        await wait_for(pilot, lambda: isinstance(again.screen, BookmarksScreen))
        listing = again.screen
        await pilot.press("r")
        await wait_for(pilot, lambda: isinstance(again.screen, BookmarkLabelScreen))
        held_parse.set()
        await wait_for(pilot, lambda: listing.entries[0].percent is not None, timeout=15)
        whole = listing.entries[0]
        await pilot.press(*"Ball", "enter")
        await wait_for(pilot, lambda: again.screen is listing)
        renamed = listing.entries[0]
        assert renamed.bookmark.label == "Ball"
        assert (renamed.place, renamed.percent) == (whole.place, whole.percent)


async def test_a_bookmark_made_while_a_known_book_is_indexed_names_its_chapter(
    tmp_path: Path, held_parse: threading.Event
) -> None:
    # `M` Enter while a book in the library was read again said `Bookmarked`, and the status
    # line, which names no chapter while the book is indexed, said nowhere where.
    path = serial_book(tmp_path)
    await known_to_the_library(path, held_parse)
    again = reader_app(path)
    async with again.run_test(size=SIZE) as pilot:
        screen = await wait_preview(pilot)
        assert screen.session.book_id is not None and not screen.final
        await pilot.press("space", "space", "M")
        await wait_for(pilot, lambda: again.screen is not screen)
        await pilot.press("enter")
        await pilot.pause()
        said = str(screen.status.render())
        assert "Bookmarked (Chapter 1: The Ledger)" in said, said
        held_parse.set()
        await wait_open(pilot)
        await pilot.press("M", "enter")  # (once it is in, the status line names it)
        await pilot.pause()
        said = str(screen.status.render())
        assert "Already bookmarked here" in said or "Bookmarked" in said
        assert "(Chapter" not in said.split("Bookmarked")[-1], said


async def test_a_bookmark_whose_chapter_the_preview_cannot_name_names_it_once_known(
    tmp_path: Path, held_parse: threading.Event
) -> None:
    app = reader_app(serial_book(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_preview(pilot)
        session = screen.session
        session.place_name = lambda para: ""  # (a preview that knows no chapter here)
        await pilot.press("M")
        await wait_for(pilot, lambda: app.screen is not screen)
        await pilot.press("enter")
        await pilot.pause()
        said = str(screen.status.render())
        assert "Bookmarked once read; its chapter named then" in said, said
        del session.place_name
        held_parse.set()
        await wait_open(pilot)
        await wait_for(pilot, lambda: session.book_id is not None)
        await pilot.pause()
        said = str(screen.status.render())
        assert "Bookmarked (Chapter 1: The Ledger)" in said, said


async def test_a_mark_set_while_a_known_book_is_indexed_names_its_chapter(
    tmp_path: Path, held_parse: threading.Event
) -> None:
    path = serial_book(tmp_path)
    await known_to_the_library(path, held_parse)
    again = reader_app(path)
    async with again.run_test(size=SIZE) as pilot:
        screen = await wait_preview(pilot)
        await pilot.press("space", "m", "a")
        await pilot.pause()
        said = str(screen.status.render())
        assert "mark ‘a’ set in Chapter 1: The Ledger" in said, said
        held_parse.set()
        await wait_open(pilot)
        await pilot.press("m", "b")  # (once it is in, the status line names it)
        await pilot.pause()
        said = str(screen.status.render())
        assert "mark ‘b’ set" in said and "set in" not in said, said
