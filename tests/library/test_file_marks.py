"""Capital marks name one book each, kept in library.toml and merged with another process's."""

from __future__ import annotations

from tui.library.library import Library


def test_a_capital_mark_names_the_last_book_it_was_set_in() -> None:
    library = Library.open(sample=False)
    assert library.set_file_mark("A", "book-1") is None
    assert library.set_file_mark("A", "book-1") is None  # set again in the same book
    assert library.set_file_mark("A", "book-2") == "book-1"  # the book it leaves
    library.save()
    assert Library.open(sample=False).file_mark("A") == "book-2"
    assert Library.open(sample=False).file_mark("B") is None


def test_marks_set_in_two_processes_at_once_are_both_kept() -> None:
    first, second = Library.open(sample=False), Library.open(sample=False)
    first.set_file_mark("A", "book-1")
    second.set_file_mark("B", "book-2")
    second.set_file_mark("A", "book-3")
    first.save()
    second.save()  # its own A, the later one, wins; first's B was never set
    again = Library.open(sample=False)
    assert (again.file_mark("A"), again.file_mark("B")) == ("book-3", "book-2")
    first.set_file_mark("C", "book-1")
    first.save()  # merged with what the second wrote
    again = Library.open(sample=False)
    assert [again.file_mark(letter) for letter in "ABC"] == ["book-3", "book-2", "book-1"]
