"""Dialogs answer once: keys arriving in one burst after the answer never close a second screen."""

from __future__ import annotations

from pathlib import Path

import pytest
from reader_support import burst, lantern_book, reader_app, wait_for, wait_open
from textual.widgets import OptionList

from tui.ui.dialogs.key_capture import KeyCaptureScreen
from tui.ui.screens.settings import SettingsScreen

SIZE = (100, 30)


@pytest.fixture
def book_path(tmp_path: Path) -> Path:
    return lantern_book(tmp_path, scenes=2, paras=4)


async def test_two_keys_in_one_burst_to_key_capture(book_path: Path) -> None:
    app = reader_app(book_path)
    async with app.run_test(size=SIZE) as pilot:
        reader = await wait_open(pilot)
        await pilot.press("comma")
        settings = app.screen
        assert isinstance(settings, SettingsScreen)
        options = settings.query_one(OptionList)
        while options.highlighted_option is None or options.highlighted_option.id != (
            "keys.next_chapter"
        ):
            await pilot.press("j")
        await pilot.press("enter")
        assert isinstance(app.screen, KeyCaptureScreen)
        burst(app, "x", "y")
        # (on a busy machine the capture screen may take a moment longer to go)
        await wait_for(pilot, lambda: app.screen is settings)
        await pilot.pause()
        # The first key is the answer; the settings screen is still there, with it.
        assert app.screen is settings
        assert settings.draft is not None
        assert settings.draft.settings.keys["next_chapter"] == "x"
        assert app.screen_stack[-2] is reader


def library_app(folder: Path):
    from library_support import fixed_library, populate

    from tui.settings.settings import load_settings
    from tui.ui.app import ChapbookApp
    from tui.ui.screens.registry import ChapbookScreens

    library = fixed_library()
    populate(library, folder, 3)
    settings, _ = load_settings(None)
    return ChapbookApp(settings, library, ChapbookScreens())


async def test_two_escapes_in_one_burst_close_settings_only(tmp_path: Path) -> None:
    from tui.ui.screens.library import LibraryScreen

    app = library_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        library = app.screen
        assert isinstance(library, LibraryScreen)
        await pilot.press("comma")
        assert isinstance(app.screen, SettingsScreen)
        burst(app, "escape", "escape", "escape")
        await pilot.pause()
        await pilot.pause()
        assert app.screen is library
        await pilot.press("j")  # and it still answers
        assert app.screen is library


@pytest.mark.parametrize("keys", [("y", "y"), ("n", "y"), ("escape", "y", "n")])
async def test_a_burst_answers_the_remove_question_once(tmp_path: Path, keys) -> None:
    from tui.ui.dialogs.library import ConfirmRemove
    from tui.ui.screens.library import LibraryScreen

    app = library_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        library = app.screen
        assert isinstance(library, LibraryScreen)
        before = len(app.library.records())
        await pilot.press("x")
        assert isinstance(app.screen, ConfirmRemove)
        burst(app, *keys)
        await pilot.pause()
        await pilot.pause()
        assert app.screen is library
        removed = 1 if keys[0] == "y" else 0
        assert len(app.library.records()) == before - removed


async def test_a_burst_of_quit_keys_leaves_the_book_for_the_library(tmp_path: Path) -> None:
    from tui.ui.screens.library import LibraryScreen

    app = library_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        library = app.screen
        assert isinstance(library, LibraryScreen)
        await pilot.press("enter")
        await wait_open(pilot)
        burst(app, "L", "L")
        await pilot.pause()
        await pilot.pause()
        assert app.screen is library
        assert not any(type(s).__name__ == "ReaderScreen" for s in app.screen_stack)


async def test_enter_twice_in_one_burst_jumps_from_the_contents_once(book_path: Path) -> None:
    """Enter twice at once in the contents list (opened from the command line, so the reader
    is the only screen beneath): the list closes on the first, and the reader stays."""
    app = reader_app(book_path)
    async with app.run_test(size=SIZE) as pilot:
        reader = await wait_open(pilot)
        await pilot.press("t")
        assert type(app.screen).__name__ == "ContentsScreen"
        burst(app, "enter", "enter")
        await pilot.pause()
        await pilot.pause()
        assert app.screen is reader
        assert app.is_running


def test_every_dialog_answers_once() -> None:
    """Every modal screen in the interface takes `DismissesOnce`: a dialog added later cannot
    forget it (the contents list once did, and a double Enter closed the reader too)."""
    import importlib
    import pkgutil

    from textual.screen import ModalScreen

    import tui.ui
    from tui.ui.dialogs.once import DismissesOnce

    for module in pkgutil.walk_packages(tui.ui.__path__, "tui.ui."):
        importlib.import_module(module.name)

    def subclasses(cls: type) -> set[type]:
        found = set(cls.__subclasses__())
        return found.union(*(subclasses(c) for c in found)) if found else found

    dialogs = {c for c in subclasses(ModalScreen) if c.__module__.startswith("tui.")}
    assert len(dialogs) >= 10
    assert sorted(c.__name__ for c in dialogs if not issubclass(c, DismissesOnce)) == []


async def test_a_key_queued_for_a_closed_finder_does_nothing(book_path: Path) -> None:
    """A key bound in the finder, run after the finder has closed (queued behind the Escape
    that closed it): nothing happens, and the reader is there."""
    app = reader_app(book_path)
    async with app.run_test(size=SIZE) as pilot:
        reader = await wait_open(pilot)
        await pilot.press("ctrl+p")
        finder = app.screen
        assert type(finder).__name__ == "BookFinderScreen"
        await pilot.press("escape")
        assert app.screen is reader
        await app.run_action("move(1)", finder)
        await pilot.pause()
        assert app.screen is reader and app.is_running


async def test_an_answered_dialog_takes_no_more_actions_while_it_is_still_on_top(
    book_path: Path,
) -> None:
    app = reader_app(book_path)
    async with app.run_test(size=SIZE) as pilot:
        reader = await wait_open(pilot)
        await pilot.press("t")  # the contents
        await pilot.pause()
        contents = app.screen
        assert contents is not reader and contents.check_action("close", ())
        contents.dismiss(None)  # its answer; Textual takes it off the stack a moment later
        assert not contents.check_action("close", ())
        contents.dismiss(None)  # a second answer: it must not close the reader beneath
        await pilot.pause()
        assert app.screen is reader


async def test_a_dialog_takes_no_actions_before_its_widgets_are_mounted(book_path: Path) -> None:
    from tui.ui.dialogs.contents import ContentsScreen

    app = reader_app(book_path)
    async with app.run_test(size=SIZE) as pilot:
        reader = await wait_open(pilot)
        dialog = ContentsScreen("The Lantern", [], None)
        app.push_screen(dialog)
        # A key already queued behind the push: the dialog is on top, its widgets not yet there.
        assert app.screen is dialog and not dialog.check_action("close", ())
        await pilot.pause()
        assert dialog.check_action("close", ())
        await pilot.press("escape")
        assert app.screen is reader
