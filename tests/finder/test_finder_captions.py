"""The finder in a real illustrated book: captions, and words written with raised letters.

Captions are found, and `Mrs` finds the `M^{rs}` the book writes with raised letters, shown as
the reader shows it.
"""

from __future__ import annotations

from pathlib import Path

from tui.book.formats import open_book
from tui.finder.book_finder import BookFinder
from tui.finder.tokens import words

REAL = Path(__file__).resolve().parents[1] / "fixtures" / "real"


def test_words_with_raised_letters_are_the_words_typed() -> None:
    assert words("M^{r.} & M^{rs.} Bennet") == ["mr", "mrs", "bennet"]
    assert words("M^{rs}. Long") == ["mrs", "long"]


def test_a_caption_written_with_raised_letters_is_found_by_mrs() -> None:
    book = open_book(REAL / "pg_pride_prejudice_illustrated.txt.gz")
    caption = book.para_of_line(2183)  # `M^{rs} Bennet and her two youngest girls`
    finder = BookFinder(book)
    assert finder.build()
    hits = finder.search("Mrs Bennet her two youngest girls", typing=False)
    hit = next(hit for hit in hits[:5] if hit.focus == caption or hit.para == caption)
    assert "Mrs Bennet and her two youngest girls" in hit.detail
    assert "^" not in hit.detail
