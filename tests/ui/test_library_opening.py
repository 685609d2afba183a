"""Opening a book from the library.

Enter or the finder, the offer of its new chapters, and the cursor on the book just read when
back in the list (Pilot).
"""

from __future__ import annotations

from pathlib import Path

from library_screen_support import SIZE, library_app, settle, wait_reader_open
from library_support import NOW, add_known, facts_for, fixed_library, populate, read_to, write_story
from reader_support import shown_rows

from tui.book.anchor import Bookmark, make_anchor
from tui.book.formats import open_book
from tui.settings.settings import load_settings
from tui.ui.app import ChapbookApp
from tui.ui.dialogs.finder_library import LibraryFinderScreen
from tui.ui.dialogs.library import UpdateOffer
from tui.ui.screens.registry import ChapbookScreens
from tui.ui.widgets.library_table import LibraryTable


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
        assert reader.start_at is None  # at the saved place


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


def serial_updated(tmp_path: Path, new: int):
    """A library whose three-chapter serial, read halfway, has ``new`` chapters posted since:
    the library and the serial's record."""
    library = fixed_library()
    path = write_story(tmp_path, "serial.txt", "Serial", chapters=3)
    record = add_known(library, path, "Serial", chapters=3)
    read_to(library, record, 0.5, NOW)
    added = "".join(f"\nChapter {3 + k}\n\nNew {k}.\n" for k in range(1, new + 1))
    path.write_text(path.read_text() + added)
    with library.lock:
        library.apply(facts_for(path, "Serial", chapters=3 + new))
    return library, record


async def test_an_updated_book_offers_its_first_new_chapter(tmp_path: Path) -> None:
    library, record = serial_updated(tmp_path, 2)
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
        assert reader.start_at == first_new


async def test_choosing_the_saved_place_over_the_new_chapters_is_not_asked_again(
    tmp_path: Path,
) -> None:
    library, _ = serial_updated(tmp_path, 1)
    async with library_app(library).run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        assert isinstance(pilot.app.screen, UpdateOffer)
        await pilot.press("enter")  # resume where I was
        await wait_reader_open(pilot)
        reader = pilot.app.screen
        for _ in range(20):
            await pilot.pause(0.05)
        told = [str(n.message) for n in pilot.app._notifications]
        assert not [n for n in told if "new chapter" in n], told
        assert reader.session.new_chapter_offset is not None  # U still goes there


async def test_one_new_chapter_is_called_one_new_chapter(tmp_path: Path) -> None:
    from textual.widgets import Static

    library, _ = serial_updated(tmp_path, 1)
    async with library_app(library).run_test(size=SIZE) as pilot:
        screen = await settle(pilot)
        detail = str(screen.query_one("#library-detail").render())
        assert "updated: 1 new chapter ·" in detail
        await pilot.press("enter")
        offer = pilot.app.screen
        assert isinstance(offer, UpdateOffer)
        text = " ".join(str(s.render()) for s in offer.query(Static))
        assert "“Serial” by A. Writer has 1 new chapter since you last read it." in text


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
        await wait_reader_open(pilot)
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
    path = write_story(tmp_path, "z.txt", "Zephyr")
    wanted = add_known(library, path, "Zzz the Last by Title")
    settings, _problems = load_settings(None)
    settings.library.sort = "title"
    app = ChapbookApp(settings, library, ChapbookScreens(), open_path=path)
    async with app.run_test(size=SIZE) as pilot:
        await wait_reader_open(pilot)
        await pilot.press("L")
        screen = await settle(pilot)
        table = screen.query_one(LibraryTable)
        assert table.current is not None and table.current.id == wanted.id
        assert table.cursor == len(table.rows) - 1


async def test_time_back_in_the_library_is_not_counted_as_reading(tmp_path: Path) -> None:
    import asyncio

    from library_support import add_known as add

    from tui.library.library import Library

    library = Library.open(sample=False)  # the real clock: reading time is measured
    path = write_story(tmp_path, "story.txt", "The Long Road", chapters=6)
    record = add(library, path, "The Long Road")
    away = 3.0
    async with library_app(library).run_test(size=SIZE) as pilot:
        await settle(pilot)
        for _visit in range(2):
            await pilot.press("enter")
            await wait_reader_open(pilot)
            await wait_for_registered(pilot)
            await pilot.press("j", "j")
            await pilot.pause(0.2)
            await pilot.press("q")  # back to the library: the place is saved
            await settle(pilot)
            await asyncio.sleep(away)
    details = library.details(record.id)
    assert len(details.sessions) == 1
    assert details.seconds < away


async def wait_for_registered(pilot) -> None:
    """Wait until the reader knows which library book it shows."""
    for _ in range(200):
        if pilot.app.screen.session.book_id is not None:
            return
        await pilot.pause(0.05)
    raise AssertionError("the library never took the book")


async def test_the_book_under_the_library_takes_up_the_place_read_to_in_another_reader(
    tmp_path: Path,
) -> None:
    # `chapbook FILE`, the library over it, the same book opened again from there and read to
    # its end: back in the first reader (Escape), the place is the end, and a move there keeps
    # it, not the place the first reader had before.
    library = fixed_library()
    path = write_story(tmp_path, "story.txt", "The Long Road", chapters=6)
    record = add_known(library, path, "The Long Road")
    settings, _problems = load_settings(None)
    app = ChapbookApp(settings, library, ChapbookScreens(), open_path=path)
    async with app.run_test(size=SIZE) as pilot:
        await wait_reader_open(pilot)
        first = pilot.app.screen
        await wait_for_registered(pilot)
        await pilot.press("j")
        await pilot.press("L")
        await settle(pilot)
        await pilot.press("enter")
        await wait_reader_open(pilot)
        assert pilot.app.screen is not first
        await wait_for_registered(pilot)
        await pilot.press("G", "k", "j")  # the end, read on there (`G` alone: a look)
        await pilot.pause(0.2)
        await pilot.press("q")  # back to the library, the end saved
        await settle(pilot)
        ended = library.get(record.id)
        assert ended is not None and ended.progress == 1.0
        await pilot.press("escape")  # back to the book the library was opened over
        for _ in range(50):
            await pilot.pause(0.05)
            if pilot.app.screen is first:
                break
        assert pilot.app.screen is first
        await pilot.pause(0.2)
        await pilot.press("k")
        await pilot.pause(0.2)
        first.save_state()
        kept = library.get(record.id)
        assert kept is not None and kept.progress > 0.5


async def test_the_footer_names_what_escape_does_back_from_a_book_opened_from_a_filter(
    tmp_path: Path,
) -> None:
    from textual.widgets._footer import FooterKey

    from tui.ui.screens.reader import ReaderScreen

    library = fixed_library()
    populate(library, tmp_path, 6)
    path = write_story(tmp_path, "dracula.txt", "Dracula")
    add_known(library, path, "Dracula")
    settings, _problems = load_settings(None)
    app = ChapbookApp(settings, library, ChapbookScreens(), open_path=path)

    def footer() -> list[str]:
        return [key.description for key in app.screen.query(FooterKey)]

    async with app.run_test(size=SIZE) as pilot:
        await wait_reader_open(pilot)
        await pilot.press("L")
        screen = await settle(pilot)
        await pilot.press("slash", *"drac", "enter")  # one Enter opens what it found
        await wait_reader_open(pilot)
        await pilot.press("q")
        await pilot.pause()
        await pilot.pause()
        assert app.screen is screen and screen.filter_text == "drac"
        assert "Clear filter" in footer() and "Back to the book" not in footer()
        await pilot.press("escape")  # the filter goes; the list stays
        await pilot.pause()
        await pilot.pause()
        assert app.screen is screen and screen.filter_text == ""
        assert "Back to the book" in footer() and "Clear filter" not in footer()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)


async def test_a_bookmark_found_in_the_library_opens_its_book_there_though_the_file_changed(
    tmp_path: Path,
) -> None:
    library = fixed_library()
    populate(library, tmp_path, 4)
    path = write_story(tmp_path, "x.txt", "Zephyr", chapters=3)
    record = add_known(library, path, "The Zephyr Letters", chapters=3)
    book = open_book(path)
    para = next(i for i in range(len(book)) if book.paragraph(i) == "The end of part 2.")
    library.add_bookmark(record.id, Bookmark(make_anchor(book, book.starts[para]), "gale"))
    # Downloaded again since: a note before the story moves every offset in it.
    path.write_text("A note from the author.\n\n" + path.read_text(encoding="utf-8"))
    async with library_app(library).run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p", *"'gale")
        for _ in range(50):  # the finder searches in a worker
            await pilot.pause(0.05)
            if pilot.app.screen.hits:
                break
        finder = pilot.app.screen
        assert isinstance(finder, LibraryFinderScreen)
        assert [(h.kind, h.label) for h in finder.hits] == [("bookmark", "‘gale’")]
        # (named as the library lists the book now: by its file name, since the note came)
        assert finder.hits[0].detail == library.find_by_path(path).title
        await pilot.press("enter")
        await wait_reader_open(pilot)
        for _ in range(50):  # the whole book comes after its first page
            await pilot.pause(0.05)
            if pilot.app.screen.session.final:
                break
        reader = pilot.app.screen
        assert str(reader.path) == record.path
        opened = reader.session.book
        assert opened.paragraph(reader.session.aimed) == "The end of part 2."
        assert "The end of part 2." in shown_rows(reader)
