"""The library screen driven as a user would: keys, dialogs, workers (Pilot)."""

from __future__ import annotations

import asyncio
from pathlib import Path

from library_support import (
    NOW,
    add_known,
    facts_for,
    fixed_library,
    populate,
    read_to,
    write_story,
)

from tui.library.library import Library
from tui.settings.settings import load_settings
from tui.ui.app import ChapbookApp
from tui.ui.dialogs.finder_library import LibraryFinderScreen
from tui.ui.dialogs.library import ConfirmRemove, SortMenu, UpdateOffer
from tui.ui.screens.library import LibraryScreen
from tui.ui.screens.registry import ChapbookScreens
from tui.ui.widgets.library_table import LibraryTable

SIZE = (100, 30)


def library_app(library: Library) -> ChapbookApp:
    settings, _problems = load_settings(None)
    return ChapbookApp(settings, library, ChapbookScreens())


async def settle(pilot) -> LibraryScreen:
    """Wait for the library's workers (the file check on start) and return the screen."""
    for _ in range(2):  # the check starts once the list is first drawn
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()
    screen = pilot.app.screen
    assert isinstance(screen, LibraryScreen)
    return screen


def titles(screen: LibraryScreen) -> list[str]:
    return [r.display_title for r in screen.query_one(LibraryTable).rows]


async def test_the_list_shows_every_book_and_the_cursor_moves(tmp_path: Path) -> None:
    library = fixed_library()
    populate(library, tmp_path, 12)
    async with library_app(library).run_test(size=SIZE) as pilot:
        screen = await settle(pilot)
        table = screen.query_one(LibraryTable)
        assert len(table.rows) == 12
        assert table.rows[0].last_read == max(r.last_read for r in library.records())
        await pilot.press("j", "down")
        assert table.cursor == 2
        await pilot.press("G")
        assert table.cursor == 11
        await pilot.press("g")
        assert table.cursor == 0


async def test_slash_filters_fuzzily_and_escape_clears(tmp_path: Path) -> None:
    library = fixed_library()
    populate(library, tmp_path, 30)
    async with library_app(library).run_test(size=SIZE) as pilot:
        screen = await settle(pilot)
        await pilot.press("slash", *"skyward")
        shown = titles(screen)
        assert 0 < len(shown) < 30
        assert all(r.fandom == "Skyward Academy" for r in screen.query_one(LibraryTable).rows)
        await pilot.press("enter")  # keep the filter, back to the list
        assert screen.query_one(LibraryTable).has_focus
        assert titles(screen) == shown
        await pilot.press("escape")
        assert len(titles(screen)) == 30


async def test_typing_in_the_filter_never_triggers_list_keys(tmp_path: Path) -> None:
    library = fixed_library()
    populate(library, tmp_path, 5)
    async with library_app(library).run_test(size=SIZE) as pilot:
        screen = await settle(pilot)
        await pilot.press("slash", "q", "s", "x", "j")  # quit, sort, remove, down: just letters
        assert pilot.app.screen is screen
        assert screen.filter_text == "qsxj"
        assert len(library) == 5


async def test_the_sort_menu_chooses_the_key_and_reverses_it(tmp_path: Path) -> None:
    library = fixed_library()
    populate(library, tmp_path, 10)
    async with library_app(library).run_test(size=SIZE) as pilot:
        screen = await settle(pilot)
        await pilot.press("s")
        assert isinstance(pilot.app.screen, SortMenu)
        await pilot.press("down", "down", "down", "down", "enter")  # last read → … → words
        await pilot.pause()
        words = [r.words for r in screen.query_one(LibraryTable).rows]
        assert screen.sort_key == "words" and words == sorted(words, reverse=True)
        await pilot.press("s", "enter")  # the same key again: the other way round
        await pilot.pause()
        words = [r.words for r in screen.query_one(LibraryTable).rows]
        assert words == sorted(words)


async def test_remove_asks_first_and_keeps_the_file(tmp_path: Path) -> None:
    library = fixed_library()
    path = write_story(tmp_path, "keep-me.txt", "Keep Me")
    add_known(library, path, "Keep Me")
    async with library_app(library).run_test(size=SIZE) as pilot:
        screen = await settle(pilot)
        await pilot.press("x")
        assert isinstance(pilot.app.screen, ConfirmRemove)
        await pilot.press("n")
        assert titles(screen) == ["Keep Me"]
        await pilot.press("delete", "y")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        assert titles(screen) == []
    assert path.is_file()
    assert len(Library.open(sample=False)) == 0  # saved


async def test_enter_opens_the_book_in_the_reader(tmp_path: Path) -> None:
    library = fixed_library()
    path = write_story(tmp_path, "story.txt", "The Long Road")
    add_known(library, path, "The Long Road")
    async with library_app(library).run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await pilot.pause()
        reader = pilot.app.screen
        assert type(reader).__name__ == "ReaderScreen"
        assert reader.path == path.resolve()
        assert reader.start_offset is None  # at the saved place


async def test_a_missing_book_says_so_instead_of_opening(tmp_path: Path) -> None:
    library = fixed_library()
    path = write_story(tmp_path, "gone.txt", "Gone Away")
    record = add_known(library, path, "Gone Away")
    path.unlink()
    async with library_app(library).run_test(size=SIZE) as pilot:
        screen = await settle(pilot)
        assert record.missing
        await pilot.press("enter")
        await pilot.pause()
        assert pilot.app.screen is screen
        assert any("gone.txt" in n.message for n in pilot.app._notifications)


async def test_an_updated_book_offers_its_first_new_chapter(tmp_path: Path) -> None:
    library = fixed_library()
    path = write_story(tmp_path, "serial.txt", "Serial", chapters=3)
    record = add_known(library, path, "Serial", chapters=3)
    read_to(library, record, 0.5, NOW)
    path.write_text(path.read_text() + "\nChapter 4\n\nNew.\n\nChapter 5\n\nNewer.\n")
    with library.lock:
        library.apply(facts_for(path, "Serial", chapters=5))
    async with library_app(library).run_test(size=SIZE) as pilot:
        await settle(pilot)
        first_new = record.new_offset  # the reader, once there, marks the chapters read
        assert first_new > 0
        await pilot.press("enter")
        assert isinstance(pilot.app.screen, UpdateOffer)
        await pilot.press("U")
        await pilot.pause()
        reader = pilot.app.screen
        assert type(reader).__name__ == "ReaderScreen"
        assert reader.start_offset == first_new


async def test_rescan_adds_new_files_and_finds_moved_ones(tmp_path: Path) -> None:
    folder = tmp_path / "fics"
    library = fixed_library()
    library.add_folder(folder)
    moved = add_known(library, write_story(folder, "old-name.txt", "Moving House"), "Moving House")
    async with library_app(library).run_test(size=SIZE) as pilot:
        screen = await settle(pilot)
        (folder / "old-name.txt").rename(folder / "new-name.txt")
        write_story(folder / "new", "fresh.txt", "A Fresh Story")
        await pilot.press("r")
        await settle(pilot)
        assert sorted(titles(screen)) == ["A Fresh Story", "Moving House"]
        assert moved.path.endswith("new-name.txt") and not moved.missing
        label = str(screen.query_one("#library-scan-label").render())
        assert label.startswith("Rescanning") and "of 2 files" in label


async def test_folders_given_on_the_command_line_are_added_in_the_background(
    tmp_path: Path,
) -> None:
    for i in range(60):  # enough to go through the process pool
        write_story(tmp_path / "pile", f"s{i:02d}.txt", f"The Story Numbered {i}")
    library = fixed_library()
    library.queued = [tmp_path / "pile"]
    async with library_app(library).run_test(size=SIZE) as pilot:
        screen = await settle(pilot)
        for _ in range(100):
            if len(titles(screen)) == 60:
                break
            await asyncio.sleep(0.1)
            await pilot.pause()
        assert len(titles(screen)) == 60
    assert len(Library.open(sample=False)) == 60


async def test_find_opens_the_chosen_book(tmp_path: Path) -> None:
    library = fixed_library()
    populate(library, tmp_path, 6)
    wanted = add_known(library, write_story(tmp_path, "x.txt", "Zephyr"), "The Zephyr Letters")
    async with library_app(library).run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        assert isinstance(pilot.app.screen, LibraryFinderScreen)
        await pilot.press(*"zephyr")
        for _ in range(50):  # the finder searches in a worker
            await pilot.pause(0.05)
            if pilot.app.screen.hits:
                break
        await pilot.press("enter")
        await pilot.pause()
        reader = pilot.app.screen
        assert type(reader).__name__ == "ReaderScreen"
        assert str(reader.path) == wanted.path


async def test_a_filter_box_left_focused_but_hidden_still_answers_escape(tmp_path: Path) -> None:
    """Found by the soak: the filter box hidden while it kept the focus took the keys typed
    next (a ctrl+v pasted into it), and with Escape and the help key refused in it the
    library seemed deaf. Escape clears a filter that has words, shown or not; the focus
    given to a hidden box goes to the list."""
    from tui.ui.dialogs.help import HelpScreen

    library = fixed_library()
    populate(library, tmp_path, 5)
    async with library_app(library).run_test(size=SIZE) as pilot:
        screen = await settle(pilot)
        await pilot.press("slash", *"zzz")
        box = screen.query_one("#library-filter")
        box.remove_class("-shown")  # hidden, still focused, words in it
        await pilot.press("escape")
        assert screen.filter_text == "" and len(titles(screen)) == 5
        assert screen.query_one(LibraryTable).has_focus
        await pilot.press("f1")
        assert isinstance(pilot.app.screen, HelpScreen)
        await pilot.press("escape")
        box.focus()
        await pilot.pause()
        assert screen.query_one(LibraryTable).has_focus


async def test_fanfiction_net_downloads_are_found_by_their_fandom(tmp_path: Path) -> None:
    from tui.library.scan import read_facts
    from tui.ui.widgets.library_detail import LibraryBar

    fixtures = Path(__file__).resolve().parents[1] / "fixtures" / "fanfic"
    library = fixed_library()
    for name in (
        "ffn_fanficfare_txt_pov_headers.txt.gz",
        "ffn_fanficfare_txt_blueberry_pie.txt.gz",
    ):
        with library.lock:
            library.apply(read_facts(str(fixtures / name)))
    async with library_app(library).run_test(size=SIZE) as pilot:
        screen = await settle(pilot)
        bar = screen.query_one(LibraryBar)
        await pilot.press("slash", *"twilight")
        assert titles(screen) == ["My Paper Heart"]
        assert "1 match “twilight”" in bar.left
        await pilot.press("escape", "slash", *"potter twilight")
        assert titles(screen) == []
        assert "no matches “potter twilight”" in bar.left
        await pilot.press("escape", "ctrl+p", *"twilight")
        finder = pilot.app.screen
        assert isinstance(finder, LibraryFinderScreen)
        for _ in range(50):  # the finder searches in a worker
            await pilot.pause(0.05)
            if finder.hits:
                break
        assert finder.hits[0].label.startswith("My Paper Heart")
        assert finder.hits[0].detail.startswith("Twilight")


async def test_the_footer_fits_80_columns_with_a_filter_kept(tmp_path: Path) -> None:
    from textual.widgets._footer import FooterKey

    from tui.ui.widgets.fitting_footer import FittingFooter

    library = fixed_library()
    populate(library, tmp_path, 5)
    async with library_app(library).run_test(size=(80, 24)) as pilot:
        screen = await settle(pilot)
        await pilot.press("slash", *"harbour", "enter")
        await pilot.pause()
        await pilot.pause()
        footer = screen.query_one(FittingFooter)
        keys = list(footer.query(FooterKey))
        shown = [key.description for key in keys]
        # Whole keys only, the help key last, and the filter's way out kept.
        assert shown[-1] == "Help" and "Clear filter" in shown and "Open" in shown
        text = " ".join(f"{key.key_display} {key.description}" for key in keys)
        assert len(text) <= 80
        assert max(key.region.right for key in keys) <= 80


async def test_a_missing_book_says_what_will_find_it(tmp_path: Path) -> None:
    """Without library folders a rescan cannot find a renamed file: the notice offers only
    what works, opening the file where it is now; with folders it offers the rescan too."""
    library = fixed_library()
    path = write_story(tmp_path / "loose", "gone.txt", "Gone Away")
    add_known(library, path, "Gone Away")
    path.rename(path.with_name("renamed.txt"))

    async def notice_on_enter() -> str:
        async with library_app(library).run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            await pilot.press("enter")
            await pilot.pause()
            return "\n".join(n.message for n in pilot.app._notifications)

    alone = await notice_on_enter()
    assert "gone.txt is not in" in alone
    assert "chapbook NEWPATH" in alone and "your place is kept" in alone
    assert "Press r" not in alone

    library.add_folder(tmp_path / "fics")
    with_folders = await notice_on_enter()
    assert "Press r to look for it in the library folders" in with_folders
    assert "chapbook NEWPATH" in with_folders


async def test_folders_given_on_the_command_line_get_a_summary(tmp_path: Path) -> None:
    (tmp_path / "emptydir").mkdir()
    write_story(tmp_path / "somedir", "one.txt", "One")
    write_story(tmp_path / "somedir", "two.txt", "Two")

    async def notices_after_adding(paths: list[Path]) -> str:
        library = fixed_library(tmp_path / "data")
        library.queued = paths
        async with library_app(library).run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            await settle(pilot)
            return "\n".join(n.message for n in pilot.app._notifications)

    empty = await notices_after_adding([tmp_path / "emptydir"])
    assert f"No books found in {tmp_path / 'emptydir'} (chapbook reads .txt, .epub" in empty
    assert f"Added 2 books from {tmp_path / 'somedir'}" in await notices_after_adding(
        [tmp_path / "somedir"]
    )
    again = await notices_after_adding([tmp_path / "somedir"])
    assert f"No new books in {tmp_path / 'somedir'}; 2 were already in the library" in again


async def _reader_open(pilot) -> None:
    for _ in range(100):  # the reader opens the book in stages
        await pilot.pause(0.05)
        screen = pilot.app.screen
        if type(screen).__name__ == "ReaderScreen" and screen.session.book is not None:
            return
    raise AssertionError("the book never opened")


async def test_back_from_a_book_found_with_the_finder_the_cursor_is_on_it(tmp_path: Path) -> None:
    library = fixed_library()
    populate(library, tmp_path, 6)
    wanted = add_known(library, write_story(tmp_path, "x.txt", "Zephyr"), "The Zephyr Letters")
    async with library_app(library).run_test(size=SIZE) as pilot:
        screen = await settle(pilot)
        table = screen.query_one(LibraryTable)
        assert table.current is not None and table.current.id != wanted.id
        await pilot.press("ctrl+p", *"zephyr")
        for _ in range(50):  # the finder searches in a worker
            await pilot.pause(0.05)
            if pilot.app.screen.hits:
                break
        await pilot.press("enter")
        await _reader_open(pilot)
        await pilot.press("q")
        await pilot.pause()
        assert pilot.app.screen is screen
        assert table.current is not None and table.current.id == wanted.id
        assert table.cursor == 0  # the book just read is first by last read


async def test_the_library_over_a_book_opened_by_name_has_the_cursor_on_it(
    tmp_path: Path,
) -> None:
    library = fixed_library()
    populate(library, tmp_path, 6)
    library.set_sort("title")
    path = write_story(tmp_path, "z.txt", "Zephyr")
    wanted = add_known(library, path, "Zzz the Last by Title")
    settings, _problems = load_settings(None)
    app = ChapbookApp(settings, library, ChapbookScreens(), open_path=path)
    async with app.run_test(size=SIZE) as pilot:
        await _reader_open(pilot)
        await pilot.press("L")
        screen = await settle(pilot)
        table = screen.query_one(LibraryTable)
        assert table.current is not None and table.current.id == wanted.id
        assert table.cursor == len(table.rows) - 1


async def test_one_new_chapter_is_called_one_new_chapter(tmp_path: Path) -> None:
    from textual.widgets import Static

    library = fixed_library()
    path = write_story(tmp_path, "serial.txt", "Serial", chapters=3)
    record = add_known(library, path, "Serial", chapters=3)
    read_to(library, record, 0.5, NOW)
    path.write_text(path.read_text() + "\nChapter 4\n\nNew.\n")
    with library.lock:
        library.apply(facts_for(path, "Serial", chapters=4))
    async with library_app(library).run_test(size=SIZE) as pilot:
        screen = await settle(pilot)
        detail = str(screen.query_one("#library-detail").render())
        assert "updated: 1 new chapter ·" in detail
        await pilot.press("enter")
        offer = pilot.app.screen
        assert isinstance(offer, UpdateOffer)
        text = " ".join(str(s.render()) for s in offer.query(Static))
        assert "“Serial” by A. Writer has 1 new chapter since you last read it." in text
