"""The library remembers its order, says how a book stands, and tells like titles apart.

The library remembers its order, says "finished" and "updated" as the reader sees the book, and
tells books of the same title apart.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from library_screen_support import SIZE, library_app, settle
from library_support import NOW, add_known, facts_for, fixed_library, write_story

from tui.book.anchor import Anchor
from tui.cli import main
from tui.library.catalog import format_progress
from tui.library.library import Library
from tui.paths import settings_path
from tui.reading.progress import Progress, status_parts
from tui.ui.widgets.library_detail import LibraryDetail
from tui.ui.widgets.library_table import LibraryTable


def three_books(tmp_path: Path) -> Library:
    """A saved library of three books of 5,000, 900 and 12,000 words."""
    library = fixed_library(tmp_path / "data")
    for i, words in enumerate((5000, 900, 12000)):
        add_known(library, write_story(tmp_path, f"s{i}.txt", f"S{i}"), f"Book {i}", words=words)
    library.save()
    return library


async def test_the_chosen_sort_is_the_setting_and_is_remembered_after_a_restart(
    tmp_path: Path,
) -> None:
    library = three_books(tmp_path)
    async with library_app(library).run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("s", "down", "down", "down", "down", "enter")  # by words
        await pilot.press("s", "enter")  # the same again: fewest words first
        await pilot.app.workers.wait_for_complete()
        assert pilot.app.settings.library.sort == "words"  # what the settings screen shows
    # One place holds the key: the settings file, as the settings screen would save it.
    settings_file = settings_path()
    assert 'sort = "words"' in settings_file.read_text()

    again = fixed_library(tmp_path / "data")
    async with library_app(again).run_test(size=SIZE) as pilot:
        screen = await settle(pilot)
        words = [r.words for r in screen.query_one(LibraryTable).rows]
        assert (screen.sort_key, words) == ("words", [900, 5000, 12000])


async def test_the_settings_file_gives_the_order_at_start_after_one_chosen_with_s(
    tmp_path: Path,
) -> None:
    library = three_books(tmp_path)
    async with library_app(library).run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("s", "down", "down", "down", "down", "down", "enter")  # by added
        await pilot.app.workers.wait_for_complete()
    settings_file = settings_path()
    settings_file.write_text('[library]\nsort = "words"\n')  # then edited by hand

    async with library_app(fixed_library(tmp_path / "data")).run_test(size=SIZE) as pilot:
        screen = await settle(pilot)
        words = [r.words for r in screen.query_one(LibraryTable).rows]
        assert (screen.sort_key, words) == ("words", [12000, 5000, 900])
        assert "sorted by words" in str(screen.query_one("#library-bar").render())
        assert pilot.app.settings.library.sort == "words"


async def test_an_order_saved_in_the_settings_is_used_at_once_the_right_way_round(
    tmp_path: Path,
) -> None:
    from dataclasses import replace

    library = fixed_library(tmp_path / "data")
    for i, words in enumerate((5000, 900, 12000)):
        add_known(library, write_story(tmp_path, f"s{i}.txt", f"S{i}"), f"Book {i}", words=words)
    library.save()
    async with library_app(library).run_test(size=SIZE) as pilot:
        screen = await settle(pilot)
        await pilot.press("s", "down", "down", "down", "down", "enter", "s", "enter")  # words ▲
        assert (screen.sort_key, screen.sort_reverse) == ("words", True)
        app = pilot.app
        chosen = replace(app.settings, library=replace(app.settings.library, sort="title"))
        await pilot.press("comma")  # the settings screen, saved with another order
        await pilot.pause()
        app.apply_settings(chosen)
        await pilot.press("escape")
        await pilot.pause()
        titles = [r.display_title for r in screen.query_one(LibraryTable).rows]
        assert screen.sort_key == "title" and titles == ["Book 0", "Book 1", "Book 2"]
    assert fixed_library(tmp_path / "data").sort_order("title") == ("title", False)


def test_chapbook_list_follows_the_library_sort(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_story(tmp_path, "b.txt", "Beta")
    write_story(tmp_path, "a.txt", "Alpha")
    main(["add", str(tmp_path)])
    library = Library.open()
    library.set_sort("title", True)  # title, Z to A
    library.save()
    settings_file = settings_path()
    settings_file.parent.mkdir(parents=True, exist_ok=True)
    settings_file.write_text('[library]\nsort = "title"\n')
    capsys.readouterr()
    assert main(["list", "--json"]) == 0
    titles = [b["title"] for b in json.loads(capsys.readouterr().out)]
    assert titles == sorted(titles, key=str.casefold, reverse=True)


def _updated_serial(tmp_path: Path) -> tuple[Library, object]:
    path = write_story(tmp_path, "serial.txt", "Serial", chapters=3)
    library = fixed_library()
    book = add_known(library, path, "Serial", chapters=3, words=3000)
    library.set_position(book.id, Anchor(100, "x", NOW))
    path.write_text(path.read_text() + "\nChapter 4\n\nShort.\n")
    facts = facts_for(path, "Serial", chapters=4, words=3000)
    facts.chapter_offsets[-1] = facts.finish - 50  # a new chapter of two short paragraphs
    with library.lock:
        library.apply(facts)
    assert book.updated
    return library, book


def test_updated_clears_when_the_end_is_on_screen_before_the_new_chapter(tmp_path: Path) -> None:
    library, book = _updated_serial(tmp_path)
    # The new chapter is shorter than a screen: the top of the screen stays before it.
    library.set_position(book.id, Anchor(book.new_offset - 400, "y", NOW + 5), at_end=True)
    assert not book.updated and book.status == "finished"


def test_updated_clears_once_finished_by_position(tmp_path: Path) -> None:
    library, book = _updated_serial(tmp_path)
    assert book.new_offset > book.finish - 1000
    # The end of the book on screen, the short new chapter with it: read, and finished.
    library.set_position(book.id, Anchor(book.finish - 1000, "y", NOW + 5), at_end=True)
    assert not book.updated and book.status == "finished"


def test_a_place_near_the_end_but_before_the_new_chapter_leaves_it_to_read(tmp_path: Path) -> None:
    # Kept by a reader that never showed the new chapter (its file was written again under
    # it): the chapter is still new, and the book is being read, not finished.
    library, book = _updated_serial(tmp_path)
    library.set_position(book.id, Anchor(book.finish - 1000, "y", NOW + 5))
    assert book.updated and book.status == "reading"


def test_a_new_chapter_only_glimpsed_by_a_jump_stays_new(tmp_path: Path) -> None:
    # A jump to the new chapter, left at once: the place is there, but the chapter is still
    # new, and the book, glanced at, is being read, not finished.
    library, book = _updated_serial(tmp_path)
    at_chapter = Anchor(book.new_offset, "y", NOW + 5)
    library.set_position(book.id, at_chapter, glanced=True, new_read=False)
    assert book.updated and book.status == "reading" and book.offset == book.new_offset


def test_updated_stays_while_reading_before_the_new_chapter(tmp_path: Path) -> None:
    library, book = _updated_serial(tmp_path)
    library.set_position(book.id, Anchor(book.length // 3, "y", NOW + 5))
    assert book.updated


def test_read_percent_is_the_number_the_reader_shows(tmp_path: Path) -> None:
    library = fixed_library()
    book = add_known(library, write_story(tmp_path, "a.txt", "A"), "Alpha", words=10_000)
    for fraction in (0.186, 0.5049, 0.0951, 0.6):
        offset = int(book.length * fraction)
        library.set_position(book.id, Anchor(offset, "x", NOW))
        reader = Progress(100 * offset / book.length, "", None, 0, None, 10.0)
        assert format_progress(book) in status_parts(reader, 60)


def test_a_short_book_read_to_its_end_is_finished_at_100(tmp_path: Path) -> None:
    library = fixed_library()
    book = add_known(library, write_story(tmp_path, "a.txt", "A"), "Alpha", words=400)
    # The whole last page is on screen, its top at 65% of the text.
    library.set_position(book.id, Anchor(int(book.length * 0.65), "x", NOW), at_end=True)
    assert (format_progress(book), book.status) == ("100%", "finished")
    library.save()
    again = Library.open(library.data_dir, sample=False).get(book.id)
    assert (format_progress(again), again.status) == ("100%", "finished")


async def test_books_of_the_same_title_show_their_paths(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    library = fixed_library()
    for folder, chapters in (("ao3", 3), ("ffnet", 4)):  # two versions, not two copies
        path = write_story(tmp_path / folder, "story.txt", "Same", chapters=chapters)
        add_known(library, path, "The Same Title", fandom="Harbour Lights", tags="Angst")
    add_known(library, write_story(tmp_path, "other.txt", "O"), "Other", fandom="Harbour Lights")
    async with library_app(library).run_test(size=SIZE) as pilot:
        screen = await settle(pilot)
        table = screen.query_one(LibraryTable)
        shown = {}
        for row in range(3):
            table.cursor = row
            screen.highlighted(table.current)
            await pilot.pause()
            # (the title and author first, then what the book is about)
            text = str(screen.query_one(LibraryDetail).render()).splitlines()[1]
            shown[table.current.display_title, text.split(" · ")[0]] = text
    assert ("The Same Title", "~/ao3/story.txt") in shown
    assert ("The Same Title", "~/ffnet/story.txt") in shown
    assert ("Other", "Harbour Lights") in shown  # a unique title: no path needed


async def test_reading_to_the_end_of_a_short_book_marks_it_finished_at_100(tmp_path) -> None:
    """The reader at the end of a book shorter than a few screens: the library says finished."""
    from reader_support import reader_app, wait_open

    from tui.library.library import Library

    book = tmp_path / "short.txt"
    paragraphs = [f"Paragraph {i} of a short story, with a few words in it." for i in range(30)]
    book.write_text("A Short Story\n\n" + "\n\n".join(paragraphs) + "\n", encoding="utf-8")
    app = reader_app(book)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_open(pilot)
        await pilot.press("space", "space", "space")
        await pilot.pause()
        app.save_all()
    record = Library.open().find_by_path(book)
    assert record is not None
    assert record.status == "finished"


@pytest.mark.parametrize("text", ["", "\n\n   \n"], ids=["empty", "blank"])
async def test_a_book_without_text_is_never_finished_and_its_status_line_claims_nothing(
    tmp_path: Path, text: str
) -> None:
    from reader_support import reader_app, wait_open

    book = tmp_path / "empty.txt"
    book.write_text(text, encoding="utf-8")
    app = reader_app(book)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await wait_open(pilot)
        await pilot.press("G")
        await pilot.pause()
        status = str(screen.status.render())
        assert screen.status.progress is None
        assert status.strip() == "empty"  # the name, no `100%` nor time left
        app.save_all()
    record = Library.open().find_by_path(book)
    assert record is not None
    assert (record.status, record.ended, format_progress(record)) == ("reading", False, "0%")


def test_an_empty_book_saved_as_ended_is_not_finished(tmp_path: Path) -> None:
    # As an earlier chapbook saved it: the end on screen in a book without text.
    library = fixed_library()
    book = add_known(library, write_story(tmp_path, "a.txt", "A"), "Alpha", words=0)
    book.length = book.finish = 0
    library.set_position(book.id, Anchor(0, "x", NOW), at_end=True)
    assert book.status == "reading"


async def test_choosing_a_sort_writes_through_a_linked_settings_file_and_only_its_sort_line(
    tmp_path: Path,
) -> None:
    library = three_books(tmp_path)
    dotfiles = tmp_path / "dotfiles"
    dotfiles.mkdir()
    mine = dotfiles / "chapbook.toml"
    written = (
        "# Kept in my dotfiles.\n"
        'theme = "nord"\n'
        "\n"
        "[reader]\n"
        "widht = 60  # a slip of mine\n"
        "\n"
        "[keys]\n"
        'next_scen = "x"\n'
    )
    mine.write_text(written)
    link = settings_path()
    link.parent.mkdir(parents=True, exist_ok=True)
    link.symlink_to(mine)  # as stow or home-manager leave it
    async with library_app(library).run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("s", "j", "enter")  # by title
        await pilot.app.workers.wait_for_complete()
        assert pilot.app.settings.library.sort == "title"
    assert link.is_symlink() and link.resolve() == mine.resolve()
    # Every line as written, the slips too; the sort in a table of its own at the end.
    assert mine.read_text() == written + '\n[library]\nsort = "title"\n'
    assert not list(dotfiles.glob(".*.tmp"))  # the temporary file was swapped in
