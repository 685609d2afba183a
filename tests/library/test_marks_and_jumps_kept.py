"""What the library keeps of marks and jumps: a capital mark names one book, and each book keeps its
jump list; both merged with another process's writes."""

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


def test_a_books_jump_list_is_kept_and_the_newer_list_wins_a_merge() -> None:
    from tui.book.anchor import Anchor

    first, second = Library.open(sample=False), Library.open(sample=False)
    first.keep_jumps("book-1", [Anchor(10, "a"), Anchor(20, "b")])
    first.save()
    assert [a.offset for a in Library.open(sample=False).jumps("book-1")] == [10, 20]
    second.keep_jumps("book-1", [Anchor(30, "c")])  # left later, in another process
    second.save()
    assert [a.offset for a in Library.open(sample=False).jumps("book-1")] == [30]
