"""Places read in a book before it joined the library.

Kept, taken when it joins, and never applied to a file that changed since.
"""

from __future__ import annotations

from pathlib import Path

from tui.book.anchor import make_anchor
from tui.book.formats import open_book
from tui.library.library import Library

TEXT = "Chapter 1\n\n" + "\n\n".join(f"Paragraph {n} of the story, a line long." for n in range(60))


def _book_file(tmp_path: Path) -> Path:
    path = tmp_path / "serial.txt"
    path.write_text(TEXT, encoding="utf-8")
    return path


def test_the_place_becomes_the_books_when_it_joins(tmp_path: Path) -> None:
    path = _book_file(tmp_path)
    book = open_book(str(path))
    anchor = make_anchor(book, TEXT.index("Paragraph 40"))
    Library.open(sample=False).keep_waiting_place(path, anchor)
    library = Library.open(sample=False)
    assert library.waiting_place(path) == anchor
    record = library.add_book(path, book)
    assert record.position is not None and record.position.offset == anchor.offset
    assert library.waiting_place(path) is None


def test_a_file_changed_since_gets_no_waiting_place(tmp_path: Path) -> None:
    path = _book_file(tmp_path)
    anchor = make_anchor(open_book(str(path)), TEXT.index("Paragraph 40"))
    Library.open(sample=False).keep_waiting_place(path, anchor)
    path.write_text("Chapter 1\n\nA different story altogether.\n", encoding="utf-8")
    assert Library.open(sample=False).waiting_place(path) is None


def test_a_damaged_waiting_file_is_moved_aside_and_the_user_told(tmp_path: Path) -> None:
    path = _book_file(tmp_path)
    library = Library.open(sample=False)
    library.waiting.path.parent.mkdir(parents=True, exist_ok=True)
    library.waiting.path.write_text("not = [toml", encoding="utf-8")
    assert library.waiting_place(path) is None
    library.keep_waiting_place(path, make_anchor(open_book(str(path)), 50))
    assert any("waiting-places.toml" in notice for notice in library.notices)
    assert Library.open(sample=False).waiting_place(path) is not None


def test_a_book_a_scan_brings_in_takes_its_waiting_place_too(tmp_path: Path) -> None:
    # Left while still being read, then found by a scan of its folder before it was reopened.
    path = _book_file(tmp_path)
    anchor = make_anchor(open_book(str(path)), TEXT.index("Paragraph 40"))
    Library.open(sample=False).keep_waiting_place(path, anchor)
    library = Library.open(sample=False)
    (record,) = library.add_paths([tmp_path])
    assert record.position is not None and record.position.offset == anchor.offset
    assert library.waiting_place(path) is None


def test_a_waiting_file_of_the_wrong_shape_is_read_as_far_as_it_goes(tmp_path: Path) -> None:
    """Edited by hand: a time that is text, an anchor that is a number. Keeping the next place
    ended chapbook with a ValueError; the entries that make no sense are let go."""
    path = _book_file(tmp_path)
    library = Library.open(sample=False)
    library.waiting.path.parent.mkdir(parents=True, exist_ok=True)
    stat = path.stat()
    library.waiting.path.write_text(
        f'["/gone.txt"]\nkept_at = "soon"\n\n["/also.txt"]\nkept_at = [1]\n\n'
        f'["{path}"]\nsize = {stat.st_size}\nmtime = {stat.st_mtime_ns}\nanchor = 5\n',
        encoding="utf-8",
    )
    assert library.waiting_place(path) is None
    anchor = make_anchor(open_book(str(path)), TEXT.index("Paragraph 40"))
    library.keep_waiting_place(path, anchor)
    assert library.notices == []
    assert Library.open(sample=False).waiting_place(path) == anchor
