"""What the library keeps of marks and jumps.

A capital mark names one book, and each book keeps its jump list; both merged with another
process's writes.
"""

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


def test_bookmarks_and_marks_saved_by_another_process_are_taken_in_while_open() -> None:
    """Two windows on one book: what one saves (a bookmark, a mark, a deletion) the other
    takes in at its next look, without losing what it has not saved yet."""
    from tui.book.anchor import Anchor, Bookmark

    one, two = Library.open(sample=False), Library.open(sample=False)
    kept = Bookmark(Anchor(5, "k"), "kept", created=1.0)
    one.add_bookmark("book-1", kept)
    one.save()
    assert [b.label for b in two.bookmarks("book-1")] == ["kept"]  # (read from disk now)
    assert not two.take_in_details("book-1")  # nothing new since
    one.add_bookmark("book-1", Bookmark(Anchor(10, "a"), "from one", created=2.0))
    one.add_bookmark("book-1", Bookmark(Anchor(20, "b"), "mark x", created=3.0, mark="x"))
    one.save()
    unsaved = Bookmark(Anchor(30, "c"), "from two", created=4.0)
    two.add_bookmark("book-1", unsaved)  # (not saved yet)
    assert two.take_in_details("book-1")
    assert [b.label for b in two.bookmarks("book-1")] == ["kept", "from one", "mark x", "from two"]
    assert [b.mark for b in two.bookmarks("book-1")] == ["", "", "x", ""]
    two.save()
    assert one.take_in_details("book-1")
    assert [b.label for b in one.bookmarks("book-1")] == ["kept", "from one", "mark x", "from two"]
    one.remove_bookmark("book-1", kept)  # a deletion in one window is one in the other
    one.save()
    assert two.take_in_details("book-1")
    assert [b.label for b in two.bookmarks("book-1")] == ["from one", "mark x", "from two"]
    two.save()
    labels = [b.label for b in Library.open(sample=False).bookmarks("book-1")]
    assert labels == ["from one", "mark x", "from two"]


def test_one_mark_letter_set_in_two_windows_names_the_place_set_last() -> None:
    """Two windows on one book each set mark a: the one set last is mark a, in both windows and
    after a restart (both were kept, and ' a went to the one first in the book)."""
    from tui.book.anchor import Anchor, Bookmark

    one, two = Library.open(sample=False), Library.open(sample=False)
    assert one.bookmarks("book-1") == two.bookmarks("book-1") == []
    one.add_bookmark("book-1", Bookmark(Anchor(50, "b"), "mark a", created=1.0, mark="a"))
    one.save()
    two.add_bookmark("book-1", Bookmark(Anchor(10, "a"), "mark a", created=2.0, mark="a"))
    two.save()  # merged with the first window's
    again = Library.open(sample=False)
    assert [(b.mark, b.anchor.offset) for b in again.bookmarks("book-1")] == [("a", 10)]
    assert one.take_in_details("book-1")
    assert [(b.mark, b.anchor.offset) for b in one.bookmarks("book-1")] == [("a", 10)]
    one.save()
    assert [(b.mark, b.anchor.offset) for b in Library.open(sample=False).bookmarks("book-1")] == [
        ("a", 10)
    ]


def test_a_detail_file_with_two_marks_of_a_letter_keeps_the_one_set_last() -> None:
    from tui.library.store.details import Details

    details = Details.from_toml(
        {
            "bookmarks": [
                {"anchor": {"offset": 10, "fingerprint": "a"}, "created": 5.0, "mark": "a"},
                {"anchor": {"offset": 20, "fingerprint": "b"}, "created": 3.0, "mark": "a"},
                {"anchor": {"offset": 30, "fingerprint": "c"}, "created": 4.0, "label": "x"},
            ]
        }
    )
    assert [(b.mark, b.anchor.offset) for b in details.bookmarks] == [("a", 10), ("", 30)]
