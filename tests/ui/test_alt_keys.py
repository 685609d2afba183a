"""Escape then a key typed fast arrives as alt and the key, and is read as the two keys.

A terminal sends alt+G as Esc+G: in the library and the reader, an alt key with no binding of
its own is Escape then the key.
"""

from __future__ import annotations

from pathlib import Path

from library_screen_support import SIZE, library_app, settle
from library_support import fixed_library, populate
from reader_support import lantern_book, notices, reader_app, wait_open

from tui.paths import settings_path
from tui.settings.settings import load_settings
from tui.ui.widgets.library_table import LibraryTable


async def test_escape_then_G_in_the_library_goes_to_the_last_book(tmp_path: Path) -> None:
    library = fixed_library()
    populate(library, tmp_path, 12)
    async with library_app(library).run_test(size=SIZE) as pilot:
        screen = await settle(pilot)
        table = screen.query_one(LibraryTable)
        await pilot.press("3")  # a count Escape drops, as it does typed slowly
        await pilot.press("alt+shift+g")
        await pilot.pause()
        assert table.cursor == 11
        assert not any("not a library key" in n for n in notices(pilot.app))
        await pilot.press("alt+k")  # Escape, then k
        await pilot.pause()
        assert table.cursor == 10


async def test_escape_then_a_key_in_the_reader_clears_the_search_and_moves(
    tmp_path: Path,
) -> None:
    app = reader_app(lantern_book(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await wait_open(pilot)
        await pilot.press("slash", *"lantern", "enter")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        assert screen.hit is not None and not screen.view.pager.at_end
        await pilot.press("alt+shift+g")
        await pilot.pause()
        assert screen.hit is None  # Escape took the highlights off
        assert screen.view.pager.at_end  # and G went to the end
        assert "not a reader key" not in str(screen.status.render())


async def test_an_alt_key_the_user_bound_still_does_what_they_bound(tmp_path: Path) -> None:
    path = settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text('[keys]\nbottom = "G,end,alt+j"\n', encoding="utf-8")
    settings, problems = load_settings(None)
    assert problems == []
    app = reader_app(lantern_book(tmp_path), settings=settings)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await wait_open(pilot)
        assert not screen.view.pager.at_end
        await pilot.press("alt+j")
        await pilot.pause()
        assert screen.view.pager.at_end  # bottom, not Escape then a line down


async def test_escape_then_a_key_in_a_dialog_closes_it_and_the_key_goes_beneath(
    tmp_path: Path,
) -> None:
    """Typed fast in the contents, a finder or the help, Escape then a key came as one alt
    key the dialog had no binding for: the dialog stayed open and took neither (found by hand,
    Esc h in the contents)."""
    from tui.ui.dialogs.contents import ContentsScreen
    from tui.ui.dialogs.finder import FinderScreen
    from tui.ui.dialogs.help import HelpScreen

    app = reader_app(lantern_book(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        reader = await wait_open(pilot)
        await pilot.press("t")
        await pilot.pause()
        assert isinstance(app.screen, ContentsScreen)
        await pilot.press("alt+h")  # Escape, then the help
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("alt+ctrl+p")  # Escape (the help closes), then the finder
        await pilot.pause()
        assert isinstance(app.screen, FinderScreen)
        await pilot.press(*"lamp")
        top = reader.view.top_offset()
        await pilot.press("alt+j")  # Escape (the finder closes), then a line down
        await pilot.pause()
        assert app.screen is reader
        assert reader.view.top_offset() > top


async def test_the_key_capture_dialog_still_takes_an_alt_key_as_it_came(tmp_path: Path) -> None:
    from tui.ui.dialogs.key_capture import KeyCaptureScreen

    app = reader_app(lantern_book(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_open(pilot)
        answers: list[str | None] = []
        app.push_screen(KeyCaptureScreen("Bottom", "G"), answers.append)
        await pilot.pause()
        await pilot.press("alt+j")
        await pilot.pause()
        assert answers == ["alt+j"]


async def test_escape_then_a_key_that_is_no_letter_is_escape_then_that_key(tmp_path: Path) -> None:
    """Escape then `?`, `3` or an arrow typed fast: the Escape was lost, or the pair was one
    alt key nothing took. In the reader, in the library and in a dialog, each is Escape
    then the key."""
    from textual import events
    from textual.widgets import Input

    from tui.ui.dialogs.contents import ContentsScreen
    from tui.ui.terminal.alt_keys import escape_then_key

    split = escape_then_key(events.Key("alt+slash", "/"), {"slash"})
    assert split is not None and [(k.key, k.character) for k in split] == [
        ("escape", "\x1b"),
        ("slash", "/"),
    ]
    app = reader_app(lantern_book(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await wait_open(pilot)
        await pilot.press("slash", *"lantern", "enter")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        assert screen.hit is not None
        await pilot.press("alt+question_mark")  # Escape, then a search backwards
        await pilot.pause()
        assert screen.hit is None
        assert isinstance(app.focused, Input)  # (the search prompt, open)
        await pilot.press("escape")
        await pilot.pause()
        top = screen.view.top_offset()
        await pilot.press("alt+3")  # Escape, then a count of three lines
        await pilot.pause()
        assert screen.session.count.pending == "3"
        await pilot.press("j")
        await pilot.pause()
        assert screen.view.top_offset() > top
        await pilot.press("t")
        await pilot.pause()
        assert isinstance(app.screen, ContentsScreen)
        top = screen.view.top_offset()
        await pilot.press("alt+down")  # Escape (the contents close), then a line down
        await pilot.pause()
        assert app.screen is screen and screen.view.top_offset() > top


async def test_escape_then_a_key_in_the_filter_box_uses_the_keys_as_the_user_gave_them(
    tmp_path: Path,
) -> None:
    """In the library's filter box, Escape then a key typed fast closes the box and does what
    the key does in the list, with the keys settings.toml gives (`?` written for bottom, which
    Textual names question_mark)."""
    path = settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text('[keys]\nbottom = "G,end,?"\n', encoding="utf-8")
    settings, problems = load_settings(None)
    assert all(problem.warning for problem in problems)  # (? was the reader's search_back)
    library = fixed_library()
    populate(library, tmp_path, 12)
    from tui.ui.app import ChapbookApp
    from tui.ui.screens.registry import ChapbookScreens

    app = ChapbookApp(settings, library, ChapbookScreens())
    async with app.run_test(size=SIZE) as pilot:
        screen = await settle(pilot)
        table = screen.query_one(LibraryTable)
        await pilot.press("slash")
        await pilot.pause()
        await pilot.press("alt+question_mark")  # Escape (the box closes), then ?: bottom
        await pilot.pause()
        assert not screen.filter_box.has_class("-shown")
        assert table.cursor == 11
