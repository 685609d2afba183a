"""The contents and chapter moves reach the front and end matter by name.

Moby-Dick's Etymology and Extracts, a Standard Ebooks colophon, Gutenberg's licence.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.book.formats import open_book
from tui.book.model import Book
from tui.book.section_names import heading_name
from tui.reading.contents import contents_rows, current_row
from tui.reading.navigation import chapter_landings, landing

REAL = Path(__file__).resolve().parents[1] / "fixtures" / "real"


@pytest.fixture(scope="module")
def moby() -> Book:
    return open_book(str(REAL / "idpf_moby_dick.epub"))


def test_the_front_matter_is_listed_by_its_headings_before_the_chapters(moby: Book) -> None:
    rows = contents_rows(moby)
    first_chapter = next(n for n, row in enumerate(rows) if row.matter is None)
    assert [row.title for row in rows[:first_chapter]] == [
        "Title page",
        "Original Transcriber’s Notes",
        "Etymology",
        "Extracts (Supplied by a Sub-Sub-Librarian)",
    ]
    assert rows[first_chapter].title == "Chapter 1. Loomings."
    assert all(row.matter == "Front matter" for row in rows[:first_chapter])
    extracts = rows[first_chapter - 1]
    assert moby.paragraph(extracts.para).startswith("EXTRACTS")  # Enter shows its heading


def test_the_end_matter_follows_the_last_chapter(moby: Book) -> None:
    rows = contents_rows(moby)
    last_chapter = max(n for n, row in enumerate(rows) if row.matter is None and row.depth == 0)
    assert rows[last_chapter].title == "Epilogue"
    assert all(row.matter == "End matter" for row in rows[last_chapter + 1 :])
    assert rows[last_chapter + 1 :]  # the Gutenberg pages after the story are listed


def test_the_place_in_the_front_matter_selects_its_row(moby: Book) -> None:
    rows = contents_rows(moby)
    titles = [row.title for row in rows]
    extracts = rows[titles.index("Extracts (Supplied by a Sub-Sub-Librarian)")]
    assert current_row(rows, extracts.para + 5) == titles.index(extracts.title)
    chapter_one = rows[titles.index("Chapter 1. Loomings.")]
    assert current_row(rows, chapter_one.para) == titles.index("Chapter 1. Loomings.")
    assert current_row(rows, 0) == 0  # the title page


def test_standard_ebooks_imprint_colophon_and_uncopyright_are_listed() -> None:
    book = open_book(str(REAL / "se_sherlock_holmes.epub"))
    matter = [(row.matter, row.title) for row in contents_rows(book) if row.matter]
    assert matter == [
        ("Front matter", "Title page"),
        ("Front matter", "Imprint"),
        ("End matter", "Colophon"),
        ("End matter", "Uncopyright"),
    ]


def test_gutenbergs_licence_is_the_last_row_of_a_text_file() -> None:
    book = open_book(str(REAL / "pg_dracula.txt.gz"))
    rows = contents_rows(book)
    assert [row.title for row in rows[-3:]] == ["The end", "Notes", "Licence"]
    assert book.paragraph(rows[-1].para).startswith("***")  # Gutenberg's end line


@pytest.mark.parametrize(
    ("heading", "name"),
    [
        ("ETYMOLOGY.", "Etymology"),
        (
            "EXTRACTS (Supplied by a Sub-Sub-Librarian).",
            "Extracts (Supplied by a Sub-Sub-Librarian)",
        ),
        ("Original Transcriber’s Notes:", "Original Transcriber’s Notes"),
        ("A NOTE ON THE TEXT", "A Note on the Text"),
        ("PART IV", "Part IV"),
        ("Imprint", "Imprint"),
    ],
)
def test_a_heading_in_capitals_is_named_as_a_title(heading: str, name: str) -> None:
    assert heading_name(heading) == name


def test_previous_chapter_from_chapter_one_goes_to_the_extracts(moby: Book) -> None:
    landings = chapter_landings(moby)
    chapter_one = moby.chapters[0].start
    back = landing(landings, "chapter", False, chapter_one, chapter_one, final=True)
    assert isinstance(back, int) and moby.paragraph(back).startswith("EXTRACTS")
    again = landing(landings, "chapter", False, back, back, final=True)
    assert isinstance(again, int) and moby.paragraph(again) == "ETYMOLOGY."


def test_a_title_page_or_contents_is_not_a_chapter_stop(moby: Book) -> None:
    stops = {moby.paragraph(p) for p in chapter_landings(moby) if p < moby.chapters[0].start}
    assert stops == {
        "Original Transcriber’s Notes:",
        "ETYMOLOGY.",
        "EXTRACTS (Supplied by a Sub-Sub-Librarian).",
    }
    assert not [p for p in chapter_landings(moby) if p >= moby.chapters[-1].end]


def test_the_front_matter_a_plain_texts_contents_names_is_listed_apart_from_it() -> None:
    # Moby-Dick's contents list `ETYMOLOGY.` and `EXTRACTS` first; where the first of them
    # stands again as its heading, the list ends and each is a part of the front matter, as
    # in the EPUB.
    moby = open_book(str(REAL / "pg_moby_dick.txt.gz"))
    rows = contents_rows(moby)
    first_chapter = next(n for n, row in enumerate(rows) if row.matter is None)
    titles = [row.title for row in rows[:first_chapter]]
    assert titles[-3:-1] == ["Contents", "Etymology"]
    assert titles[-1].startswith("Extracts")
    toc = next(s for s in moby.front_matter if s.kind == "toc")
    assert moby.paragraph(toc.end) == "ETYMOLOGY."


def test_next_chapter_from_the_title_page_goes_to_chapter_one() -> None:
    # The edition line under the title (`THE MILLENNIUM FULCRUM EDITION 3.0`, then `* * *`)
    # heads nothing to read: it is no stop on the way to the first chapter.
    alice = open_book(str(REAL / "pg_alice_epub3.epub"))
    title = alice.front_matter[2].start
    after = landing(chapter_landings(alice), "chapter", True, title, title, final=True)
    assert after == alice.chapters[0].start


def test_next_chapter_goes_on_to_endnotes_but_not_to_a_colophon() -> None:
    time_machine = open_book(str(REAL / "se_the_time_machine.epub"))
    last = time_machine.chapters[-1].start
    after = landing(chapter_landings(time_machine), "chapter", True, last, last, final=True)
    assert isinstance(after, int) and time_machine.paragraph(after) == "Endnotes"
    sherlock = open_book(str(REAL / "se_sherlock_holmes.epub"))
    last = sherlock.chapters[-1].start
    after = landing(chapter_landings(sherlock), "chapter", True, last, last, final=True)
    assert after == "No next chapter"


@pytest.mark.parametrize(
    ("name", "front"),
    [
        ("pg_alice_epub3.epub", ["About this work", "Title page", "Contents"]),
        ("pg_metamorphosis.epub", ["About this work", "Title page"]),
        (
            "pg_christmas_carol.epub",
            ["About this work", "Title page", "Preface", "Contents", "Illustrations"],
        ),
        ("pg_little_colonels_hero.html.gz", ["About this work", "Title page"]),
    ],
)
def test_a_gutenberg_epubs_header_and_title_page_are_listed_once_each(
    name: str, front: list[str]
) -> None:
    # The converter sets Gutenberg's header as a title page and the book's byline or edition
    # as headings of their own: the contents had read "Title page, About this work, Title
    # page, The Millennium Fulcrum Edition 3.0".
    book = open_book(str(REAL / name))
    assert [row.title for row in contents_rows(book) if row.matter == "Front matter"] == front


def test_a_gutenberg_epub_opens_at_the_books_own_title_page() -> None:
    from tui.reading.stages import story_opening

    book = open_book(str(REAL / "pg_metamorphosis.epub"))
    assert book.paragraph(book.para_at(story_opening(book))) == "Metamorphosis"


def test_the_line_that_ends_an_old_gutenberg_text_belongs_to_its_licence() -> None:
    # `End of Project Gutenberg's Jack Sheppard, by …` had been listed as "Notes".
    book = open_book(str(REAL / "pg_jack_sheppard.txt.gz"))
    rows = contents_rows(book)
    assert [row.title for row in rows if row.matter == "End matter"] == ["The end", "Licence"]
