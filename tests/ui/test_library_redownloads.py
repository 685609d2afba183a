"""A story downloaded again with new chapters is listed once and opens at the place read.

A story read from ~/Downloads and downloaded again weeks later with new chapters, saved by the
browser as `Primadonna (1).html`: the library lists it once, updated with its new chapters, and
it opens at the place read before, with its bookmarks (Pilot).
"""

from __future__ import annotations

from pathlib import Path

from library_screen_support import library_app, settle, titles, wait_reader_open
from reader_support import notices, prompt_text, reader_app, shown_rows, wait_for, wait_open
from redownload_support import CHAPTERS, cut_to_chapters, download, write

from tui.book.anchor import Bookmark, make_anchor
from tui.book.formats import open_book
from tui.library.library import Library
from tui.ui.dialogs.bookmarks import BookmarkOptions, BookmarksScreen
from tui.ui.dialogs.library import UpdateOffer
from tui.ui.widgets.library_table import LibraryTable

SIZE = (80, 24)
OLD_CHAPTERS = 5


def read_before(tmp_path: Path) -> tuple[Library, Path, str]:
    """~/Downloads/Primadonna.html, five chapters then, read into chapter 3 and bookmarked
    there; then its seven chapters downloaded as `Primadonna (1).html`. The library, the new
    file and the words the place read starts with."""
    downloads = tmp_path / "Downloads"
    downloads.mkdir()
    library = Library.open(sample=False)
    library.add_folder(downloads)
    old = write(downloads / "Primadonna.html", cut_to_chapters(download(), OLD_CHAPTERS))
    book = open_book(old)
    record = library.add_book(old, book)
    third = book.chapters[2]
    para = third.start + (third.end - third.start) // 2
    while len(book.paragraph(para)) < 80:  # (a paragraph of prose, told apart by its words)
        para += 1
    anchor = make_anchor(book, int(book.starts[para]))
    library.set_position(record.id, anchor)
    library.add_bookmark(record.id, Bookmark(anchor, "the chess game"))
    library.save()
    new = write(downloads / "Primadonna (1).html", download())
    return library, new, " ".join(book.paragraph(para).split()[:5])


async def test_the_story_downloaded_again_is_one_book_read_on_from_the_old_place(
    tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path.resolve()))  # (paths are shown from ~)
    library, new, words = read_before(tmp_path)
    async with library_app(library).run_test(size=SIZE) as pilot:
        screen = await settle(pilot)
        await pilot.press("r")  # the rescan finds the new file
        await settle(pilot)
        assert titles(screen) == ["Primadonna"]  # once
        row = screen.query_one(LibraryTable).render_line(1).text
        assert f"updated +{CHAPTERS - OLD_CHAPTERS}" in row, row
        detail = str(screen.query_one("#library-detail").render())
        title, about, _ = detail.splitlines()
        assert title == "Primadonna by LovettBlack"
        assert about.startswith("Older copy kept: ~/Downloads/Primadonna.html, 5 chapters")
        assert "first new: Chapter 6: Pretty When You Cry" in detail
        assert any("1 book read from a newer copy" in n for n in notices(pilot.app))
        await pilot.press("enter")
        assert isinstance(pilot.app.screen, UpdateOffer)
        await pilot.press("enter")  # where I was
        await wait_reader_open(pilot)
        reader = await wait_open(pilot)
        assert reader.path == new.resolve()
        assert any(row.startswith(words) for row in shown_rows(reader)[:3]), shown_rows(reader)
        assert "Chapter 3: In Wonderland" in str(reader.status.render())
        await pilot.press("B")
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, BookmarksScreen))
        options = pilot.app.screen.query_one(BookmarkOptions)
        assert "the chess game" in prompt_text(options.get_option_at_index(0).prompt, width=200)
        await pilot.press("escape", "U")  # the new chapters are there
        await pilot.pause()
        assert reader.status.progress.place == "Chapter 6: Pretty When You Cry"
        assert "Chapter 6: Pretty When You" in str(reader.status.render())


async def test_the_newer_copy_opened_by_name_opens_at_the_old_place(
    tmp_path: Path, monkeypatch
) -> None:
    """`chapbook "Primadonna (1).html"` before any rescan: the file is taken for the book
    read before, and the reader goes to its place, saying why."""
    monkeypatch.setenv("HOME", str(tmp_path.resolve()))
    library, new, words = read_before(tmp_path)
    app = reader_app(new, library=library)
    async with app.run_test(size=SIZE) as pilot:
        reader = await wait_open(pilot)
        await wait_for(pilot, lambda: any(row.startswith(words) for row in shown_rows(reader)))
        told = " ".join(notices(app))
        assert "Primadonna (1).html is a newer copy of “Primadonna”, read before from " in told
        assert "~/Downloads/Primadonna.html: at your place, with its bookmarks" in told
        assert "2 new chapters since you last read: Chapter 6: Pretty When You Cry" in told
        assert [mark.label for mark in library.bookmarks(reader.book_id)] == ["the chess game"]
        await pilot.press("q")
    assert [r.path for r in Library.open(sample=False).records()] == [str(new.resolve())]


async def test_the_older_copy_opened_by_name_is_read_as_it_is_and_says_so(
    tmp_path: Path, monkeypatch
) -> None:
    """`chapbook ~/Downloads/Primadonna.html` from the shell's history, once the library reads
    the story from the newer file: the file named is read as it is, and the reader says
    where the story is read on."""
    monkeypatch.setenv("HOME", str(tmp_path.resolve()))
    library, new, _words = read_before(tmp_path)
    library.check(add_new=True)
    old = tmp_path / "Downloads" / "Primadonna.html"
    app = reader_app(old, library=library)
    async with app.run_test(size=SIZE) as pilot:
        reader = await wait_open(pilot)
        await wait_for(pilot, lambda: any("older copy" in n for n in notices(app)))
        told = " ".join(notices(app))
        assert "Primadonna.html holds an older copy of “Primadonna” (5 chapters of 7): read" in told
        assert "at your place, from ~/Downloads/Primadonna (1).html" in told
        assert reader.book_id != library.find_by_path(new).id
        assert "Title page" in str(reader.status.render())
