"""A storm of random input on every screen: nothing escapes, and the app still answers after.

Each run is seeded: a failure names its seed, and `STORM_SEEDS=7,8 STORM_EVENTS=5000 pytest
tests/ui/test_storm.py` replays or extends it; `STORM_BOOK=path` has even seeds read (a copy
of) that book rather than the lantern story, `STORM_SIZE=200x60` starts the terminal at that
size, `STORM_KEYMAP=vim` has the settings file choose that preset and `STORM_KEYS='help = "f5"'`
gives it a [keys] table, and `STORM_LIBRARY=200` puts that many books in the library. The
second storm (`STORM_CHANGE_SEEDS`) also changes what lies around the app (`storm_changes.py`):
the terminal's focus, drags, the settings file written over (a preset, odd keys, a file that is
not TOML), the book's file taken away, emptied or written over, and goes to the settings now and
then to choose the next keymap preset or another theme and save. `tests/bench/soak.py` is the
long version, on the installed `chapbook` in a real terminal.
"""

from __future__ import annotations

import os
import random
import shutil
import tomllib
from pathlib import Path

import pytest
from library_support import NOW, add_known, facts_for, fixed_library, populate, read_to
from library_support import write_story as write_library_story
from reader_support import lantern_book, reader_app, wait_for
from storm_changes import BookFile, Changes
from storm_support import BASES, VISITS, Storm, Visit, bound_keys, quits_when_pressed, vocabulary

from tui.paths import config_dir, data_dir, settings_path, state_dir
from tui.settings.settings import load_settings
from tui.ui.app import ChapbookApp
from tui.ui.screens.registry import ChapbookScreens

SEEDS = [int(s) for s in os.environ.get("STORM_SEEDS", "1,2,3").split(",")]
EVENTS = int(os.environ.get("STORM_EVENTS", "1000"))
BOOK = os.environ.get("STORM_BOOK", "")
SIZE = tuple(int(n) for n in os.environ.get("STORM_SIZE", "80x24").split("x"))
KEYMAP = os.environ.get("STORM_KEYMAP", "")  # a preset the settings file chooses
USER_KEYS = os.environ.get("STORM_KEYS", "")  # lines of a [keys] table for the settings file
LIBRARY_BOOKS = int(os.environ.get("STORM_LIBRARY", "4"))  # books in the library at start
# The screens every storm must have driven. (The update offer shows only while the book under
# the cursor has news, so the storm reaches it when it happens to: it is not required.)
EVERY_SCREEN = {
    "LibraryScreen",
    "ReaderScreen",
    "FinderScreen",
    "HelpScreen",
    "ContentsScreen",
    "SettingsScreen",
    "ValueEntryScreen",
    "KeyCaptureScreen",
    "BookmarksScreen",
    "BookmarkLabelScreen",
    "ConfirmRemove",
    "ConfirmAdd",
    "SortMenu",
    "PromptBar:search",
    "PromptBar:command",
    "PromptBar:percent",
    "LibraryFilter#library-filter",
    "PathPrompt#library-add",
}
# Odd seeds start with a settings file holding a problem: its panel over the settings list.
PROBLEM_PANEL = "Static#settings-file-problem"
SHELF_BOOKS = 12  # more than `ask_above` below: adding the shelf asks first
SETTINGS = "[library]\nask_above = 10\n"
A_PROBLEM = "\n[reader]\nbogus = 1\n"


def a_library(folder: Path):
    """A few books, one of them grown new chapters since it was read (the update offer)."""
    library = fixed_library()
    populate(library, folder / "books", LIBRARY_BOOKS)
    serial = write_library_story(folder, "serial.txt", "Serial", chapters=3)
    record = add_known(library, serial, "Serial", chapters=3)
    read_to(library, record, 0.5, NOW)
    serial.write_text(serial.read_text() + "\nChapter 4\n\nNew.\n\nChapter 5\n\nNewer.\n")
    with library.lock:
        library.apply(facts_for(serial, "Serial", chapters=5))
    library.save()
    return library


def storm_app(seed: int, folder: Path) -> ChapbookApp:
    """Odd seeds start in the library, with a problem in the settings file; even ones in a
    book opened from the command line. A shelf of books in the working folder waits to be
    added (`shelf`)."""
    library = a_library(folder)
    shelf = folder / "shelf"
    shelf.mkdir()
    for n in range(SHELF_BOOKS):
        (shelf / f"b{n}.txt").write_text(f"Book {n}\n\nChapter 1\n\nNight {n}.\n")
    settings_path().parent.mkdir(parents=True, exist_ok=True)
    text = (f'keymap = "{KEYMAP}"\n' if KEYMAP else "") + SETTINGS
    text += A_PROBLEM if seed % 2 else ""
    text += f"\n[keys]\n{USER_KEYS}\n" if USER_KEYS else ""
    settings_path().write_text(text, encoding="utf-8")
    settings, problems = load_settings(None)
    if seed % 2:
        return ChapbookApp(settings, library, ChapbookScreens(), problems=problems)
    return reader_app(storm_book(folder), settings=settings, library=library)


def storm_book(folder: Path) -> Path:
    """The book the even seeds read: a copy of `STORM_BOOK` (the storm may change it), or the
    lantern story."""
    if not BOOK:
        return lantern_book(folder, chapters=6, scenes=3, paras=8)
    copy = folder / "reading" / Path(BOOK).name
    copy.parent.mkdir()
    shutil.copyfile(BOOK, copy)
    return copy


async def still_answers(storm: Storm) -> None:
    """A user's way out of anything: close what is open, then help opens and closes."""
    app = storm.app
    reached = await storm.to_base()
    assert reached, f"seed {storm.seed}: stuck on {app.screen_stack}, focus {app.focused}"
    # Escape first, as a user would: it also drops a half-typed command (a count, `m` or `'`
    # waiting for its letter), which would take the next key as its own. (Over the book opened
    # from the command line, the library goes back to it: the help is then over that book.)
    await storm.press_action("close")
    await storm.pilot.pause()
    base = app.screen
    await storm.press_action("help")
    try:
        await wait_for(storm.pilot, lambda: type(app.screen).__name__ == "HelpScreen")
    except AssertionError:
        where = f"no help over {base}, focus {app.focused}"
        raise AssertionError(f"seed {storm.seed}: {where}") from None
    await storm.press_action("close")
    try:
        # (the screen beneath, or a reader that took its place: the book's file changed)
        await wait_for(storm.pilot, lambda: type(app.screen) is type(base))
    except AssertionError:
        keys = {action: app.settings.keys.get(action) for action in ("help", "close")}
        where = f"the help stays open over {base} ({keys}), stack {app.screen_stack}"
        raise AssertionError(f"seed {storm.seed}: {where}") from None


def test_the_storm_keys_cover_every_bound_key() -> None:
    keys = set(vocabulary())
    assert set(bound_keys()) - {"q", "Q", "Z"} <= keys
    assert not {"q", "Q", "Z", "ctrl+c", "ctrl+q"} & keys  # they quit (ZZ): the storm would end
    assert {"a", "Y", "0", "enter", "f1", "ctrl+shift+left", "alt+v"} <= keys


async def test_the_storm_never_clicks_the_footer_key_that_quits(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Textual's footer presses its key when clicked: a click on `q Quit` is a user quitting.
    monkeypatch.chdir(tmp_path)
    app = storm_app(1, tmp_path)  # (the library, whose footer has room for `q Quit` at 200x60)
    async with app.run_test(size=(200, 60)) as pilot:
        await wait_for(pilot, lambda: type(app.screen).__name__ == "LibraryScreen", timeout=30)
        await wait_for(pilot, lambda: bool(shown_footer_keys(app)))
        keys = shown_footer_keys(app)
        assert "quit" in keys
        for action, key in keys.items():
            x, y = key.region.x + 1, key.region.y
            assert quits_when_pressed(app, x, y) == (action == "quit"), action


def shown_footer_keys(app) -> dict:
    """The footer keys drawn on the screen on top, by their action."""
    keys = app.screen.query("FooterKey")
    return {key.action.rpartition(".")[2]: key for key in keys if key.region.area}


@pytest.mark.parametrize("seed", SEEDS)
async def test_a_storm_of_input_on_every_screen(
    seed: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # where the add prompt finds `shelf`
    app = storm_app(seed, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: type(app.screen).__name__ in BASES.values(), timeout=30)
        storm = Storm(pilot, seed, EVENTS)
        await storm.run()
        assert not storm.ended, f"seed {seed}: the app stopped"
        await pilot.resize_terminal(80, 24)
        await still_answers(storm)
    # Leaving run_test raises whatever escaped the app during the storm.
    # The files chapbook keeps still read: none was left half written or garbled.
    for folder in (config_dir(), data_dir(), state_dir()):
        for kept in folder.rglob("*.toml"):
            if kept != settings_path() or not USER_KEYS:  # (they may be written broken)
                tomllib.loads(kept.read_text(encoding="utf-8"))
    # (user keys may leave a dialog without a key, as `filter = ""` does the library's filter)
    missing = (set(BASES.values()) if USER_KEYS else EVERY_SCREEN) - set(storm.seen)
    if seed % 2 and not USER_KEYS:
        missing |= {PROBLEM_PANEL} - set(storm.seen)
    assert not missing, f"seed {seed}: never reached {sorted(missing)}; sent {dict(storm.sent)}"


# The storm with changes goes to every screen too, and now and then to the settings to choose
# another keymap preset (the next one) or a theme and save: the visits after it use the keys
# bound then.
KEYMAP_VISITS = [
    *VISITS,
    Visit("reader", ("settings", "filter", "=keymap", "+enter", "setting_next", "save_settings")),
    Visit("library", ("settings", "filter", "=theme", "+enter", "setting_prev", "save_settings")),
]
CHANGE_SEEDS = [int(s) for s in os.environ.get("STORM_CHANGE_SEEDS", "4").split(",")]


@pytest.mark.parametrize("seed", CHANGE_SEEDS)
async def test_a_storm_while_the_settings_the_focus_and_the_book_change(
    seed: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    app = storm_app(seed, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: type(app.screen).__name__ in BASES.values(), timeout=30)
        book = BookFile(app.open_path) if app.open_path is not None else None
        changes = Changes(pilot, random.Random(seed), settings_path(), book)
        storm = Storm(pilot, seed, EVENTS, changes=changes, visits=KEYMAP_VISITS)
        await storm.run()
        assert not storm.ended, (
            f"seed {seed}: the app stopped; the last changes {changes.made[-5:]}"
        )
        if book is not None:
            book.path.write_bytes(book.original)
        await pilot.resize_terminal(80, 24)
        await still_answers(storm)
    for folder in (config_dir(), data_dir(), state_dir()):
        for kept in folder.rglob("*.toml"):
            if kept != settings_path():  # (the storm writes that one as it likes)
                tomllib.loads(kept.read_text(encoding="utf-8"))
    assert {"LibraryScreen", "ReaderScreen", "SettingsScreen"} <= set(storm.seen)
