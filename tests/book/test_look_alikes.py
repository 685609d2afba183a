"""Rows that would read the same are told apart by their file names; others are left alone."""

from __future__ import annotations

from tui.book.look_alikes import telling_apart


def test_books_sharing_title_and_author_get_their_file_names() -> None:
    apart = telling_apart(
        [
            ("/b/pg_sherlock_holmes.txt.gz", "The Adventures of Sherlock Holmes", "Doyle"),
            ("/b/pg_sherlock_holmes.epub", "The Adventures of Sherlock Holmes", "Doyle"),
            ("C:\\b\\se_sherlock_holmes.epub", "the adventures of sherlock holmes ", "doyle"),
            ("/b/emma.txt", "Emma", "Austen"),
            ("/b/emma-other.txt", "Emma", "Someone Else"),  # another author tells it apart
        ]
    )
    assert apart == {
        "/b/pg_sherlock_holmes.txt.gz": "pg_sherlock_holmes.txt.gz",
        "/b/pg_sherlock_holmes.epub": "pg_sherlock_holmes.epub",
        "C:\\b\\se_sherlock_holmes.epub": "se_sherlock_holmes.epub",
    }
