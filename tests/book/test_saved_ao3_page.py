"""A saved AO3 work page (the site's menus, forms and comments around it) reads as the work."""

from __future__ import annotations

from pathlib import Path

import pytest
from markup_books import outline, saved_ao3_page

from tui.book.formats import open_book
from tui.book.model import ParaKind


@pytest.mark.parametrize("chapters", [1, 2])
def test_saved_ao3_page_reads_the_work_not_the_site(tmp_path: Path, chapters: int) -> None:
    book = open_book(saved_ao3_page(tmp_path / "work.html", chapters))
    titles = ["Chapter 1: Low Tide", "Chapter 2: The Torn Page"][:chapters]
    assert outline(book) == [(title, 2) for title in titles]
    assert book.title == "The Lighthouse Ledger"
    assert book.author == "saltwaterpen"
    assert book.meta["rating"] == "Teen And Up Audiences"
    assert book.meta["summary"] == "Two keepers, one ledger, and a torn page."
    assert book.meta["fandom"] == ["Harbour Lights (TV)"]
    story_text = " ".join(
        book.paragraph(i)
        for c in book.chapters
        for i in range(c.start, c.end)
        if book.kinds[i] == ParaKind.TEXT
    )
    chrome_words = ("User Navigation", "Kudos", "Please log in", "Site Map", "Chapter Text")
    for chrome in (*chrome_words, "Thank you for the kind comments"):
        assert chrome not in story_text
