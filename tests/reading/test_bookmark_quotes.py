"""A bookmark's row quotes the words at the mark: where the page's top line was when it was made."""

from __future__ import annotations

from reader_support import make_book

from tui.book.anchor import Bookmark, make_anchor
from tui.reading.bookmarks import bookmark_rows
from tui.reading.progress import ProgressMeter

ENTRY = (
    "15 August.--Rose later than usual. Lucy was languid and tired, and slept on after we had "
    "been called. We had a happy surprise at breakfast. Lucy's father is better, and wants the "
    "marriage to come off soon. Lucy is full of quiet joy, and her mother is glad and sorry at "
    "once. Later on in the day she told me the cause. She is grieved to lose Lucy as her very "
    "own, but she is rejoiced that she is soon to have some one to protect her. Poor dear, "
    "sweet lady! She confided to me that she has got her death warrant. She has not told Lucy, "
    "and made me promise secrecy; her doctor told her that within a few months, at most, she "
    "must die, for her heart is weakening. At any time, even now, a sudden shock would be "
    "almost sure to kill her."
)


def test_a_bookmark_halfway_down_a_long_paragraph_quotes_the_words_at_the_mark() -> None:
    # The list showed `“15 August.--Rose later th…` for a bookmark made with `her heart is
    # weakening` at the top of the page.
    book = make_book(f"Chapter 1\n\n{ENTRY}\n\nThe next day.\n")
    para = next(i for i in range(len(book)) if book.paragraph(i).startswith("15 August"))
    at = book.text.index("her heart is weakening")
    [row] = bookmark_rows(ProgressMeter(book), [Bookmark(make_anchor(book, at), "")])
    assert row.snippet.startswith("…her heart is weakening. At any time"), row.snippet
    # Mid-word (the page's top line starts where the wrap put it): from the word's start.
    [row] = bookmark_rows(ProgressMeter(book), [Bookmark(make_anchor(book, at + 2), "")])
    assert row.snippet.startswith("…her heart is"), row.snippet
    # At the paragraph's start: its opening words, as before.
    start = book.starts[para]
    [row] = bookmark_rows(ProgressMeter(book), [Bookmark(make_anchor(book, start), "")])
    assert row.snippet.startswith("15 August.--Rose later than usual.")
