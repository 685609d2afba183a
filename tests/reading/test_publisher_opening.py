"""A new book opens where the reader's book starts, past the publisher's matter.

A new book opens where the reader's book starts: past the publisher's matter before it (an
imprint, a cover that is only a picture) and the title page among it, at the work's own first
part; a Gutenberg book, as before, at its own title page past Gutenberg's header.
"""

from __future__ import annotations

from pathlib import Path

from tui.book.formats import open_book
from tui.reading.progress import ProgressMeter, story_percent
from tui.reading.stages import story_opening

REAL = Path(__file__).resolve().parents[1] / "fixtures" / "real"


def opening_words(name: str) -> tuple[str, str]:
    """The first paragraph a new book opens on, and the part the status line names there."""
    book = open_book(REAL / name)
    opening = story_opening(book)
    para = book.para_at(opening)
    assert book.starts[para] == opening
    assert story_percent(book, opening) == 0.0
    return book.paragraph(para), ProgressMeter(book).place(para)


def test_a_standard_ebook_opens_past_its_imprint() -> None:
    # Title page, Imprint, then Dickens's own preface: the book starts at the preface.
    assert opening_words("se_a_christmas_carol.epub") == ("Preface", "Preface")
    # No front matter of the work's own: the first chapter.
    first, place = opening_words("se_jacobs_room.epub")
    assert first == "I" and place != "Imprint"
    # An epigraph belongs to the work: the book opens on it.
    assert opening_words("se_brothers_karamazov.epub")[0].startswith("Verily, verily")


def test_a_cover_that_is_only_a_picture_is_passed() -> None:
    first, _ = opening_words("idpf_childrens_literature.epub")
    assert first == "THE CONTENTS"


def test_a_title_page_of_the_works_own_still_opens_the_book() -> None:
    # The Waste Land's title page, with its epigraph: nothing of the publisher's before it.
    assert opening_words("idpf_wasteland.epub")[0] == "The Waste Land"
    # Gutenberg's EPUB: past its header, at the book's own title page.
    assert opening_words("pg_alice_epub3.epub")[0] == "Alice’s Adventures in Wonderland"
