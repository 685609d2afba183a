"""`chapbook bookmarks`' lines: a mark is named as the reader's bookmark list names it."""

from __future__ import annotations

from tui.book.anchor import Anchor, Bookmark
from tui.cli.bookmarks import Placed, as_markdown, as_text


def place(label: str, mark: str = "") -> Placed:
    bookmark = Bookmark(Anchor(0, "x"), label, created=1.0, mark=mark)
    return Placed(bookmark, "CHAPTER X: The Return", None, 31.0)


def test_a_renamed_mark_keeps_its_letter_as_the_bookmark_list_shows_it() -> None:
    text = as_text([place("start", mark="a")])
    assert text.rstrip().endswith("— 'a start"), text
    assert "## CHAPTER X: The Return · 31%: 'a start" in as_markdown("Book", [place("start", "a")])


def test_a_mark_not_renamed_and_a_plain_bookmark_are_named_as_before() -> None:
    assert as_text([place("mark b", mark="b")]).rstrip().endswith("— mark b")
    assert as_text([place("dock")]).rstrip().endswith("— dock")
