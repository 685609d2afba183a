"""Keys typed while chapbook starts reach what they would have reached once it was up.

Keys typed while chapbook starts, before its first screen is up, reach what they would have
reached typed once it was: after `/`, `?`, `:` or `%` the reader's prompt, after `/` or `a` the
library's filter or add prompt, Enter included; a question a key asks is never answered by the
keys typed ahead of it (Pilot).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from library_screen_support import library_app
from library_screen_support import settle as library_settled
from library_support import fixed_library, populate, write_story
from reader_support import (
    burst,
    keys_handled,
    reader_app,
    top_text,
    typed_while_starting,
    wait_for,
    wait_open,
)
from textual.widgets import Input

from tui.ui.dialogs.bookmarks import BookmarkLabelScreen
from tui.ui.dialogs.contents import ContentsScreen
from tui.ui.dialogs.library import ConfirmAdd, ConfirmRemove
from tui.ui.screens.library import LibraryScreen
from tui.ui.screens.reader import ReaderScreen
from tui.ui.screens.settings import SettingsScreen
from tui.ui.widgets.path_prompt import PathPrompt

SIZE = (80, 24)


# -- the reader -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("keys", "typed", "later"),
    [
        pytest.param(["/", *"tea"], "tea", "x", id="search"),  # `t` opens the contents
        pytest.param(["/", *"queen"], "queen", "x", id="search-q"),  # `q` quits
        pytest.param(["?", *"quay"], "quay", "x", id="search-back"),
        pytest.param([":", *"12"], "12", "x", id="command"),  # digits: a count
        pytest.param(["%", *"40"], "40", "5", id="percent"),
    ],
)
async def test_keys_after_a_prompt_key_typed_while_starting_go_into_the_prompt(
    book_path: Path, keys: list[str], typed: str, later: str
) -> None:
    app = reader_app(book_path)
    typed_while_starting(app, *keys)
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        await keys_handled(pilot)
        assert app.is_running and app.screen is screen  # no contents, not quit
        assert screen.prompt is not None and screen.prompt.is_open
        field = screen.prompt.query_one(Input)
        assert field.value == typed
        assert app.focused is field  # the next key typed goes there too
        await pilot.press(later)
        await keys_handled(pilot)
        assert field.value == typed + later


async def test_a_search_typed_with_enter_while_starting_is_searched(book_path: Path) -> None:
    app = reader_app(book_path)
    typed_while_starting(app, "/", *"quay", "enter")
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        await keys_handled(pilot)
        assert app.is_running and app.screen is screen
        pattern = screen.session.search.pattern
        assert pattern is not None and pattern.search("lanterns along the quay")
        assert screen.hit is not None
        assert not screen.prompt.is_open
        assert app.focused is screen.view


async def test_a_line_number_typed_while_starting_goes_to_the_line(book_path: Path) -> None:
    lines = book_path.read_text(encoding="utf-8").splitlines()
    line = lines.index("Chapter 2: The Bells") + 1
    app = reader_app(book_path)
    typed_while_starting(app, ":", *str(line), "enter")
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        await keys_handled(pilot)
        assert top_text(screen) == "Chapter 2: The Bells"
        assert not screen.prompt.is_open
        assert not screen.session.count.pending  # the digits were the line's, not a count


async def test_a_percentage_typed_while_starting_goes_there(book_path: Path) -> None:
    app = reader_app(book_path)
    typed_while_starting(app, "%", "5", "0", "enter")
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        await keys_handled(pilot)
        assert abs(screen.view.top_offset() - len(screen.book.text) // 2) < 1200
        assert not screen.prompt.is_open


async def test_a_bookmark_label_typed_while_starting_names_the_bookmark(book_path: Path) -> None:
    app = reader_app(book_path)
    typed_while_starting(app, "M", *"quay", "enter")
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        await keys_handled(pilot)
        assert app.screen is screen  # neither the label dialog left open nor the contents
        labels = [mark.label for mark in app.library.bookmarks(screen.book_id)]
        assert labels == ["quay"]


async def test_the_settings_filter_typed_while_starting_takes_the_words(book_path: Path) -> None:
    app = reader_app(book_path)
    typed_while_starting(app, "comma", "/", *"chapter")
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, SettingsScreen))
        await keys_handled(pilot)
        box = app.screen.query_one("#settings-filter", Input)
        assert box.value == "chapter"
        assert app.focused is box


async def test_keys_typed_once_the_book_shows_still_reach_the_page(book_path: Path) -> None:
    # (the keys wait for the screen only while it comes up)
    app = reader_app(book_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        burst(app, "t")
        await keys_handled(pilot)
        assert isinstance(app.screen, ContentsScreen)
        burst(app, "escape", "M", *"bells", "enter")
        await keys_handled(pilot)
        assert app.screen is screen
        assert not isinstance(app.screen, BookmarkLabelScreen)
        assert [mark.label for mark in app.library.bookmarks(screen.book_id)] == ["bells"]


# -- the library ------------------------------------------------------------------------------


def five_books(folder: Path):
    library = fixed_library()
    populate(library, folder, 5)
    return library


async def test_a_filter_typed_while_starting_removes_no_book(tmp_path: Path) -> None:
    """`/xylophone` Enter typed while chapbook started: the `x` and `y` removed the book at
    the top of the list, the filter box having been opened without the keys."""
    library = five_books(tmp_path)
    app = library_app(library)
    typed_while_starting(app, "/", *"xylophone", "enter")
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await library_settled(pilot)
        await keys_handled(pilot)
        assert app.screen is screen
        assert len(library) == 5
        assert screen.filter_text == "xylophone"


async def test_a_filter_opened_while_starting_has_the_keys_typed_later(tmp_path: Path) -> None:
    library = five_books(tmp_path)
    app = library_app(library)
    typed_while_starting(app, "/")
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await library_settled(pilot)
        await pilot.pause(0.3)
        await pilot.press(*"drac")
        await keys_handled(pilot)
        assert screen.filter_text == "drac"
        assert not screen.query_one(PathPrompt).is_open  # `a` was no add key
        assert app.focused is screen.filter_box


async def test_a_path_typed_while_starting_goes_into_the_add_prompt(tmp_path: Path) -> None:
    library = five_books(tmp_path)
    app = library_app(library)
    typed_while_starting(app, "a", *"~/books")
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await library_settled(pilot)
        await keys_handled(pilot)
        prompt = screen.query_one(PathPrompt)
        assert prompt.is_open
        assert prompt.query_one(Input).value == "~/books"
        assert len(library) == 5


@pytest.mark.parametrize("started", [False, True], ids=["while-starting", "once-shown"])
async def test_the_remove_question_is_not_answered_by_keys_typed_with_it(
    tmp_path: Path, started: bool
) -> None:
    library = five_books(tmp_path)
    app = library_app(library)
    if not started:
        typed_while_starting(app, "x", "y", "enter")
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, (LibraryScreen, ConfirmRemove)))
        if started:
            await library_settled(pilot)
            burst(app, "x", "y", "enter")
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmRemove))
        await keys_handled(pilot)
        assert isinstance(app.screen, ConfirmRemove)  # still asking
        assert len(library) == 5
        await pilot.press("y")  # typed once the question shows: it answers
        await keys_handled(pilot)
        assert isinstance(app.screen, LibraryScreen)
        assert len(library) == 4


async def test_the_remove_question_asked_while_starting_can_be_declined(tmp_path: Path) -> None:
    library = five_books(tmp_path)
    app = library_app(library)
    typed_while_starting(app, "x")
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmRemove))
        await keys_handled(pilot)
        await pilot.press("n")
        await keys_handled(pilot)
        assert isinstance(app.screen, LibraryScreen)
        assert len(library) == 5


async def test_the_question_about_many_files_is_not_answered_by_a_key_typed_before_it(
    tmp_path: Path,
) -> None:
    from textual import events

    from tui.settings.settings import load_settings
    from tui.ui.app import ChapbookApp
    from tui.ui.screens.registry import ChapbookScreens

    settings = tmp_path / "settings.toml"
    settings.write_text("[library]\nask_above = 10\n")
    for n in range(14):
        write_story(tmp_path / "pile", f"s{n:02d}.txt", f"Pile {n}", chapters=1)
    library = fixed_library()
    library.queued = [tmp_path / "pile"]  # `chapbook FOLDER`
    app = ChapbookApp(load_settings(settings)[0], library, ChapbookScreens())
    typed = events.Key("y", "y")  # typed while chapbook started, read once it asked
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmAdd))
        app.post_message(typed)
        await keys_handled(pilot)
        assert isinstance(app.screen, ConfirmAdd)  # still asking
        assert len(library) == 0
        await pilot.press("y")
        await wait_for(pilot, lambda: len(library) == 14)


async def test_keys_typed_ahead_wait_for_a_screen_that_comes_up_not_by_a_key(
    book_path: Path,
) -> None:
    """A screen pushed by the app (not by a key) takes the keys waiting for it once it is up."""
    app = reader_app(book_path)
    async with app.run_test(size=SIZE) as pilot:
        reader = await wait_open(pilot)
        app.push_screen(app.screens.library())
        burst(app, "/", *"lantern")
        await wait_for(pilot, lambda: isinstance(app.screen, LibraryScreen))
        await keys_handled(pilot)
        library = app.screen
        assert isinstance(library, LibraryScreen)
        assert library.filter_text == "lantern"
        assert app.screen_stack[-2] is reader
        assert isinstance(reader, ReaderScreen)
