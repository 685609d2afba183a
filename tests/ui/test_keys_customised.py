"""Keys a user changed in settings.toml, in the running app.

An action given no key, and the help keeping the default order of the actions whatever was
changed.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from reader_support import lantern_book, reader_app, wait_open
from textual.widgets import OptionList

from tui.paths import settings_path
from tui.settings.settings import load_settings
from tui.ui.dialogs.help import HelpRows, HelpScreen
from tui.ui.screens.settings import SettingsScreen

SIZE = (100, 30)


@pytest.fixture
def book_path(tmp_path: Path) -> Path:
    return lantern_book(tmp_path, scenes=2, paras=4)


def app_with(book: Path, settings_toml: str):
    path = settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(settings_toml, encoding="utf-8")
    settings, problems = load_settings(None)
    assert problems == []
    return reader_app(book, settings=settings)


def help_rows(help_screen: HelpScreen) -> list[tuple[str, str]]:
    return help_screen.query_one(HelpRows).rows


async def test_an_action_given_no_key_frees_it_and_shows_none(book_path: Path) -> None:
    app = app_with(book_path, '[keys]\nopen_external = ""\n')
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        await pilot.press("o")  # free now: the reader says it has no such key
        await pilot.pause()
        assert "o: not a reader key (h: keys, q: quit)" in str(screen.status.render())
        await pilot.press("h")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        rows = help_rows(app.screen)
        assert [keys for keys, does in rows if does.startswith("Open the file")] == ["(none)"]
        await pilot.press("escape", "comma")
        await pilot.pause()
        assert isinstance(app.screen, SettingsScreen)
        row = app.screen.query_one(OptionList).get_option("keys.open_external")
        assert "(none)" in str(row.prompt) and "(yours)" in str(row.prompt)


async def help_descriptions(app) -> list[str]:
    async with app.run_test(size=SIZE) as pilot:
        await wait_open(pilot)
        await pilot.press("f1")  # (the help's key in every keymap)
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        return [does for keys, does in help_rows(app.screen)]


async def test_the_help_keeps_the_default_order_whatever_keys_were_changed(
    book_path: Path,
) -> None:
    """Changed actions are not moved to the bottom, below `q Leave the book`, out of view."""
    default_order = await help_descriptions(reader_app(book_path))
    changed = app_with(
        book_path,
        'keymap = "vim"\n[keys]\nline_down = "j,n"\nline_up = "k,ctrl+k"\nscreen_down = "space,z"\n'
        'screen_up = "b,w"\nopen_external = "O"\nlibrary = "alt+l"\nsearch_next = "ctrl+n"\n'
        'search_prev = "N"\n',
    )
    changed_order = await help_descriptions(changed)
    assert changed_order == default_order
    assert changed_order[0] == "Line down" and changed_order[-1] == "Leave the book"


async def test_the_reader_help_tells_of_counts_marks_and_smart_case(book_path: Path) -> None:
    app = app_with(book_path, '[keys]\nline_down = "n,down"\nsearch_next = "ctrl+n"\n')
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_open(pilot)
        await pilot.press("h")
        await pilot.pause()
        notes = " ".join(str(label.render()) for label in app.screen.query(".help-note"))
        assert "5n is five lines down" in notes  # the user's own key for line_down
        assert "200G or 200gg goes to line 200" in notes
        # What a count does before each page key: less's lines, vim's pages.
        assert "(20 space is twenty lines down, 3 b three up)" in notes, notes
        assert "(3 ^f is three pages on, 2 ^b two back)" in notes, notes
        assert "m a sets mark a here, ' a goes back to it; '' goes to where" in notes
        assert "smart-case" in notes


async def test_ctrl_space_bound_to_the_finder_opens_it(book_path: Path) -> None:
    """tmux and most terminals send ctrl+space as NUL, which Textual names ctrl+@."""
    from tui.ui.dialogs.finder import FinderScreen

    app = app_with(book_path, '[keys]\nfind = "ctrl+space"\n')
    async with app.run_test(size=SIZE) as pilot:
        await wait_open(pilot)
        await pilot.press("ctrl+@")
        await pilot.pause()
        assert isinstance(app.screen, FinderScreen)


async def test_a_key_the_user_gave_runs_their_action_not_a_newer_default(book_path: Path) -> None:
    """p became goto_percent's default after a file gave it to bookmark: p bookmarks, as the
    file says, and does not also open the percentage prompt; % still does. The notice at the
    start and the settings screen say goto_percent lost p, and how to give it another key."""
    from reader_support import notices, open_settings
    from settings_screen_support import row, with_settings_file

    from tui.ui.dialogs.bookmarks import BookmarkLabelScreen

    app = with_settings_file(book_path, '[keys]\nbookmark = "p"\n')
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await wait_open(pilot)
        [notice] = notices(app)
        assert notice.startswith("1 warning in settings.toml (keys.bookmark).")
        await pilot.press("p")
        await pilot.pause()
        assert isinstance(app.screen, BookmarkLabelScreen)
        assert screen.prompt is None or not screen.prompt.is_open
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen
        await pilot.press("percent_sign")
        assert screen.prompt is not None and screen.prompt.is_open
        await pilot.press("escape")
        settings_screen = await open_settings(pilot)
        lost = row(settings_screen, "keys.goto_percent")
        assert "p is “Bookmark this place” now: Enter gives this another" in lost
        assert "(yours)" not in lost
        assert "(yours)" in row(settings_screen, "keys.bookmark")
        problems = str(settings_screen.query_one("#settings-file-problem").render())
        assert 'not goto_percent (its default key), which keeps "%"' in problems


async def test_warnings_alone_are_counted_as_warnings_with_nothing_to_write(
    book_path: Path,
) -> None:
    from reader_support import notices, open_settings
    from settings_screen_support import with_settings_file

    app = with_settings_file(book_path, '[keys]\nbookmark = "p"\nhelp = "?"\n')
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_open(pilot)
        [notice] = notices(app)
        assert notice == (
            "2 warnings in settings.toml (keys.bookmark, keys.help). `chapbook config check` "
            "lists them; not shown again until they change."
        )
        screen = await open_settings(pilot)
        await pilot.pause()
        assert str(screen.query_one("#settings-problems-count").render()) == (
            "2 warnings in settings.toml · p shows all"
        )


def app_with_warnings(book: Path, settings_toml: str):
    """The app with ``settings_toml``, whose keys clash with defaults (warned, and used)."""
    path = settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(settings_toml, encoding="utf-8")
    settings, problems = load_settings(None)
    assert all(problem.warning for problem in problems)
    return reader_app(book, settings=settings)


async def test_the_library_filters_enter_opens_the_match_whatever_key_opens_a_book(
    book_path: Path,
) -> None:
    """Enter in the filter box opens the book its words found, with open_book given another
    key: Textual's keymap took Enter from the box with the open key, and Enter did nothing."""
    from tui.ui.screens.reader import ReaderScreen

    app = app_with_warnings(book_path, '[keys]\nopen_book = "space"\n')
    async with app.run_test(size=SIZE) as pilot:
        await wait_open(pilot)
        await pilot.press("L", "slash", *"lantern", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)


async def test_the_finder_given_enter_leaves_enter_to_the_librarys_boxes(
    book_path: Path, tmp_path: Path
) -> None:
    """Enter in the add prompt adds the path typed, though the finder has Enter too: it opened
    the finder there, and the path never went in. In the list, Enter opens the finder as the
    user asked."""
    from tui.ui.dialogs.finder import FinderScreen
    from tui.ui.screens.library import LibraryScreen

    other = tmp_path / "other.txt"
    other.write_text("Other\n\nChapter 1\n\nA night.\n", encoding="utf-8")
    app = app_with_warnings(book_path, '[keys]\nfind = "enter"\nopen_book = "space"\n')
    async with app.run_test(size=SIZE) as pilot:
        await wait_open(pilot)
        await pilot.press("L", "a", *str(other), "enter")
        await pilot.pause()
        library = app.screen
        assert isinstance(library, LibraryScreen)
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert library.library.find_by_path(other) is not None
        assert app.focused is library.table
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, FinderScreen)


async def test_a_letter_given_to_the_finder_is_typed_in_the_library_filter(
    book_path: Path,
) -> None:
    app = app_with_warnings(book_path, '[keys]\nfind = "f,ctrl+p"\n')
    async with app.run_test(size=SIZE) as pilot:
        await wait_open(pilot)
        await pilot.press("L", "slash", *"fife")
        await pilot.pause()
        library = app.screen
        assert library.filter_box.value == "fife"
        await pilot.press("ctrl+p")  # (a key the box does not take still opens the finder)
        await pilot.pause()
        assert type(app.screen).__name__ == "LibraryFinderScreen"


async def test_the_finder_given_enter_leaves_enter_to_the_readers_prompts(
    book_path: Path,
) -> None:
    """With `find = "enter"`, Enter in the `/`, `%` and `:` prompts recalled an earlier entry
    instead of answering: the prompt stayed open whatever was typed, deaf to Enter. On the
    page, Enter opens the finder as the user asked."""
    from tui.ui.dialogs.finder import FinderScreen

    app = app_with_warnings(book_path, '[keys]\nfind = "enter"\n')
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        await pilot.press("colon", *"50%", "enter")
        await pilot.pause()
        assert not screen.prompt.is_open
        assert abs(screen.view.top_offset() - len(screen.book.text) // 2) < 1200
        await pilot.press("slash", *"lantern", "enter")
        await pilot.pause()
        assert not screen.prompt.is_open
        assert screen.hit is not None
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, FinderScreen)


async def test_a_letter_given_to_the_finder_is_typed_in_the_readers_prompts(
    book_path: Path,
) -> None:
    app = app_with_warnings(book_path, '[keys]\nfind = "f,ctrl+p"\n')
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_open(pilot)
        await pilot.press("slash", *"fife")
        await pilot.pause()
        field = screen.prompt.query_one("Input")
        assert field.value == "fife"
        await pilot.press("enter", "slash", "ctrl+p")  # (ctrl+p still recalls the last search)
        await pilot.pause()
        assert field.value == "fife"


@pytest.mark.parametrize(
    ("settings_toml", "opens", "filter_id"),
    [
        ('[keys]\nsearch = "s"\n', ("f1",), "#help-filter"),
        ('[keys]\nsearch = "s"\n', ("t",), "#contents-filter"),
        ('[keys]\nfilter = "s"\n', ("comma",), "#settings-filter"),
    ],
)
async def test_the_filters_own_key_is_typed_in_it(
    book_path: Path, settings_toml: str, opens: tuple[str, ...], filter_id: str
) -> None:
    """With the filter's key a letter (`search = "s"`), that letter could not be typed in the
    help's, the contents' or the settings' filter once it was open: `search` came out
    `earch`. In the box it is a letter; on the list it still opens the box."""
    from textual.widgets import Input

    app = app_with_warnings(book_path, settings_toml)
    async with app.run_test(size=SIZE) as pilot:
        await wait_open(pilot)
        await pilot.press(*opens)
        await pilot.pause()
        await pilot.press("s", *"search")
        await pilot.pause()
        assert app.screen.query_one(filter_id, Input).value == "search"
