"""The start-up check finds a missing book downloaded again under a new name, as a rescan does."""

from __future__ import annotations

from pathlib import Path

from redownload_support import CHAPTERS, cut_to_chapters, download, write

from tui.library.library import Library

OLD_CHAPTERS = 5


def test_a_missing_book_in_a_new_copy_beside_it_is_found_at_start(tmp_path: Path) -> None:
    """`dracula.txt` deleted and an edited copy saved as `Dracula (1).txt` in the same folder:
    the start-up check left the book missing until `r` found it; it is found at once, with its
    place and bookmarks, and a new story beside it waits for a rescan to be added."""
    from test_redownloads import a_library, read_into_chapter_three

    library, downloads = a_library(tmp_path)
    old = write(downloads / "Primadonna.html", cut_to_chapters(download(), OLD_CHAPTERS))
    book_id, _paragraph = read_into_chapter_three(library, old)
    place = library.get(book_id).position
    old.unlink()
    new = write(downloads / "Primadonna (1).html", download())
    other = download("ao3_download_html_2024_three_chapters_star_breaks.html.gz")
    write(downloads / "Another Story.html", other)
    library = Library.open(tmp_path / "data", sample=False)  # (chapbook started again)
    changes = library.check()  # the start-up check: no new books added
    assert (changes.found, changes.went_missing, changes.added) == (1, 0, 0)
    [record] = library.records()
    assert record.id == book_id and record.path == str(new.resolve()) and not record.missing
    assert record.position == place
    assert [mark.label for mark in library.bookmarks(book_id)] == ["the chess game"]
    assert record.new_chapters == CHAPTERS - OLD_CHAPTERS
    assert library.check(add_new=True).added == 1  # `r`: the other story joins then
