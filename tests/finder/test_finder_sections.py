"""The finder finds the named parts of the front and end matter by name, as it finds chapters.

Moby-Dick's Etymology above the Cetology chapter, a colophon, Gutenberg's licence.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.book.formats import open_book
from tui.finder.book_finder import BookFinder

REAL = Path(__file__).resolve().parents[1] / "fixtures" / "real"


@pytest.fixture(scope="module")
def moby() -> BookFinder:
    finder = BookFinder(open_book(str(REAL / "idpf_moby_dick.epub")))
    assert finder.build()
    return finder


def test_etymology_finds_the_etymology_above_the_cetology_chapter(moby: BookFinder) -> None:
    hits = moby.search("etymology", typing=False)
    assert (hits[0].kind, hits[0].label) == ("section", "Etymology")
    assert hits[0].detail == "Front matter"
    assert hits[0].para is not None
    assert moby.book.paragraph(hits[0].para) == "ETYMOLOGY."  # Enter lands on its heading
    assert hits[1].label == "Chapter 32. Cetology."


def test_extracts_finds_the_extracts(moby: BookFinder) -> None:
    top = moby.search("extracts", typing=False)[0]
    assert (top.kind, top.label) == ("section", "Extracts (Supplied by a Sub-Sub-Librarian)")
    half_typed = moby.search("extra", typing=True)[0]
    assert half_typed.label == top.label


def test_the_chapter_prefix_finds_sections_too(moby: BookFinder) -> None:
    assert moby.search("#etymology", typing=False)[0].label == "Etymology"


def test_a_chapters_own_title_still_comes_first(moby: BookFinder) -> None:
    hits = moby.search("cetology", typing=False)
    assert hits[0].label == "Chapter 32. Cetology."


def test_the_preview_of_a_section_says_where_it_is(moby: BookFinder) -> None:
    hit = moby.search("etymology", typing=False)[0]
    preview = moby.preview(hit)
    assert preview.title == "Front matter"
    assert "Late Consumptive Usher" in preview.body


def test_a_colophon_and_a_licence_are_found_by_name() -> None:
    sherlock = BookFinder(open_book(str(REAL / "se_sherlock_holmes.epub")))
    top = sherlock.search("colophon", typing=False)[0]
    assert (top.kind, top.label, top.detail) == ("section", "Colophon", "End matter")
    dracula = BookFinder(open_book(str(REAL / "pg_dracula.txt.gz")))
    top = dracula.search("licence", typing=False)[0]
    assert (top.kind, top.label) == ("section", "Licence")
    assert top.detail.startswith("End matter · line ")
