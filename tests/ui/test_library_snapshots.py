"""Snapshots of the library screen in each state a user meets (fixed clock, fixed size)."""

from __future__ import annotations

from pathlib import Path

from library_support import NOW, add_known, facts_for, fixed_library, populate, read_to, write_story

from tui.library.library import Library
from tui.settings.settings import load_settings
from tui.ui.app import ChapbookApp
from tui.ui.screens.registry import ChapbookScreens

SIZE = (110, 32)


def _app(library: Library) -> ChapbookApp:
    settings, _problems = load_settings(None)
    return ChapbookApp(settings, library, ChapbookScreens())


async def _settled(pilot) -> None:
    for _ in range(2):  # the check of every file starts once the list is first drawn
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def _snap_after_keys(
    snap_compare, library: Library, *keys: str, size: tuple[int, int] = SIZE
) -> bool:
    """Compare the library screen, once settled, after ``keys`` are pressed."""

    async def pressed(pilot) -> None:
        await _settled(pilot)
        await pilot.press(*keys)
        await pilot.pause()

    return snap_compare(_app(library), terminal_size=size, run_before=pressed)


def test_empty_library(snap_compare) -> None:
    assert snap_compare(_app(fixed_library()), terminal_size=SIZE, run_before=_settled)


def test_first_run_shows_the_sample_story(snap_compare) -> None:
    library = Library.open(clock=lambda: NOW)
    assert len(library) == 1
    assert snap_compare(_app(library), terminal_size=SIZE, run_before=_settled)


def test_fifty_books(snap_compare, tmp_path: Path) -> None:
    library = fixed_library()
    populate(library, tmp_path, 50)
    assert snap_compare(_app(library), terminal_size=SIZE, run_before=_settled)


def test_filtered(snap_compare, tmp_path: Path) -> None:
    library = fixed_library()
    populate(library, tmp_path, 50)
    assert _snap_after_keys(snap_compare, library, "slash", *"harbour slow")


def test_sorted_by_words(snap_compare, tmp_path: Path) -> None:
    library = fixed_library()
    populate(library, tmp_path, 50)
    assert _snap_after_keys(snap_compare, library, "s", "down", "down", "down", "down", "enter")


def test_a_missing_file(snap_compare, tmp_path: Path, monkeypatch) -> None:
    # The notice names the folder the file was in: as `~/…`, the same on every machine.
    monkeypatch.setenv("HOME", str(tmp_path.resolve()))
    library = fixed_library()
    populate(library, tmp_path, 8)
    lost = add_known(library, write_story(tmp_path, "lost.txt", "Lost"), "The Lost Chapter")
    read_to(library, lost, 0.4, NOW - 60)  # read a minute ago: first in the list
    Path(lost.path).unlink()
    assert snap_compare(_app(library), terminal_size=SIZE, run_before=_settled)


def test_an_updated_book(snap_compare, tmp_path: Path) -> None:
    library = fixed_library()
    populate(library, tmp_path, 8)
    path = write_story(tmp_path, "serial.txt", "Serial", chapters=3)
    serial = add_known(library, path, "The Long Serial", chapters=3, fandom="Harbour Lights")
    read_to(library, serial, 0.9, NOW - 120)
    path.write_text(path.read_text() + "\nChapter 4\n\nNew.\n\nChapter 5\n\nNewer.\n")
    with library.lock:
        grown = facts_for(path, "The Long Serial", chapters=5, fandom="Harbour Lights", words=5000)
        library.apply(grown)

    async def offer(pilot) -> None:
        await _settled(pilot)
        await pilot.press("enter")  # the offer to jump to the first new chapter
        await pilot.pause()

    assert snap_compare(_app(library), terminal_size=SIZE, run_before=offer)


def _add_prompt_with_choices(snap_compare, tmp_path: Path, monkeypatch, size) -> bool:
    """The add prompt after `~/fics/` and Tab: the names it could go on with listed above it."""
    monkeypatch.setenv("HOME", str(tmp_path.resolve()))
    library = fixed_library()
    populate(library, tmp_path / "shelf", 8)
    for name in ("worm", "ward", "pact", "twig"):
        write_story(tmp_path / "fics" / name, "one.txt", name.title())
    write_story(tmp_path / "fics", "a_story_on_its_own.txt", "On Its Own")
    return _snap_after_keys(snap_compare, library, "a", *"~/fi", "tab", "tab", size=size)


def test_add_prompt_80x24(snap_compare, tmp_path: Path, monkeypatch) -> None:
    assert _add_prompt_with_choices(snap_compare, tmp_path, monkeypatch, (80, 24))


def test_add_prompt_120x40(snap_compare, tmp_path: Path, monkeypatch) -> None:
    assert _add_prompt_with_choices(snap_compare, tmp_path, monkeypatch, (120, 40))
