"""Real EPUB and HTML books' front and end matter: no chapters, named as plain text names them.

Gutenberg's header, title page, contents and licence, transcribers' notes, prefaces and
introductions are no chapters, and are named as the plain text names them.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from fixtures import epub_builders as eb
from markup_books import LICENCE, PG_START, epub, gutenberg_epub, outline, story

from tui.book.formats import open_book
from tui.book.section_names import matter_name

REAL = Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "real"


def test_gutenberg_header_title_page_contents_and_licence_are_not_chapters(
    tmp_path: Path,
) -> None:
    book = gutenberg_epub(tmp_path / "pg.epub")
    assert outline(book) == [("CHAPTER I. The Ferry", 1), ("CHAPTER II. The Bell", 2)]
    assert book.front_matter and book.end_matter
    last = book.chapters[-1]
    story_text = " ".join(book.paragraph(i) for i in range(last.start, last.end))
    assert "Project Gutenberg" not in story_text


def test_transcribers_notes_preface_and_frontmatter_sections_are_front_matter(
    tmp_path: Path,
) -> None:
    docs = {
        "title": "<h1>The Lantern Keeper</h1><p>Ada Quill</p>",
        "brief": "<h2>Brief Contents</h2>"
        + eb.paras([f"Chapter {n}. The Ferry" for n in range(1, 8)]),
        "notes": "<h2>Original Transcriber’s Notes:</h2>" + story(7, 2),
        "preface": "<h2>Preface</h2>" + story(8, 3),
        "etym": '<section epub:type="frontmatter"><h2>ETYMOLOGY.</h2>' + story(9) + "</section>",
        "ch1": "<h2>Chapter 1. The Ferry</h2>" + story(1),
        "ch2": "<h2>Chapter 2. The Bell</h2>" + story(2),
    }
    nav = [
        ("The Lantern Keeper", "Text/title.xhtml"),
        ("Original Transcriber’s Notes:", "Text/notes.xhtml"),
        ("Preface", "Text/preface.xhtml"),
        ("ETYMOLOGY.", "Text/etym.xhtml"),
        ("Chapter 1. The Ferry", "Text/ch1.xhtml"),
        ("Chapter 2. The Bell", "Text/ch2.xhtml"),
    ]
    book = epub(tmp_path / "f.epub", docs, nav)
    assert outline(book) == [("Chapter 1. The Ferry", 1), ("Chapter 2. The Bell", 1)]
    assert len(book.front_matter) >= 4


def test_editors_introduction_before_numbered_selections_is_front_matter(tmp_path: Path) -> None:
    selections = {f"sel{n}": f"<h3>{n}</h3><h4>TALE {n}</h4>{story(n)}" for n in range(190, 194)}
    docs = {"intro": "<h2>INTRODUCTORY</h2>" + story(9, 6), **selections}
    nav = [
        (
            "INTRODUCTORY",
            "Text/intro.xhtml",
            [(f"{n} TALE {n}", f"Text/sel{n}.xhtml") for n in range(190, 194)],
        )
    ]
    book = epub(tmp_path / "a.epub", docs, nav)
    assert [c.title for c in book.chapters] == [f"{n} TALE {n}" for n in range(190, 194)]


def test_old_gutenberg_closing_line_ends_the_story(tmp_path: Path) -> None:
    page = (
        f"<html><body><p>{PG_START}</p><h1>THE LANTERN KEEPER</h1>"
        + "".join(f"<h2>CHAPTER {r}.</h2>{story(n)}" for n, r in enumerate(["I", "II", "III"]))
        + "<p>End of the Project Gutenberg EBook of The Lantern Keeper, by Ada Quill</p>"
        + eb.paras(LICENCE[1:] * 2)
        + "</body></html>"
    )
    path = tmp_path / "old.html"
    path.write_text(page, encoding="utf-8")
    book = open_book(path)
    assert outline(book) == [("CHAPTER I", 1), ("CHAPTER II", 1), ("CHAPTER III", 1)]
    last = book.chapters[-1]
    assert "Gutenberg" not in " ".join(book.paragraph(i) for i in range(last.start, last.end))


@pytest.mark.parametrize(
    "name", ["pg_frankenstein", "pg_sherlock_holmes", "pg_metamorphosis", "pg_alice_epub3"]
)
def test_a_gutenberg_epubs_licence_is_named_as_its_text_names_it(name: str) -> None:
    # The licence holds lines shaped like labels (`START: FULL LICENSE`); they are its text,
    # not a title page and facts about the work.
    book = open_book(REAL / f"{name}.epub")
    assert [section.kind for section in book.end_matter] == ["licence"]
    last = len(book) - 1
    assert "Project Gutenberg" in " ".join(
        book.paragraph(i) for i in range(book.end_matter[0].start, last + 1)
    )
    text = open_book(REAL / "pg_frankenstein.txt.gz")
    assert matter_name(book, last) == matter_name(text, len(text) - 1) == "Licence"
