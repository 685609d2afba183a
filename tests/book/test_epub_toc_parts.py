"""Parts from an EPUB's contents: chapters listed under a part's entry are in that part."""

from __future__ import annotations

from pathlib import Path

from fixtures import epub_builders as eb
from markup_books import epub


def parted_docs() -> dict[str, str]:
    """Two parts, each a page of its own heading, and chapters numbered from I in each."""
    docs: dict[str, str] = {}
    for p, (number, name) in enumerate([("I", "The Wild Land"), ("II", "Neighboring Fields")]):
        docs[f"part{p}"] = f"<h2>Part {number}</h2><p>{name}</p>"
        for c, chapter in enumerate(["I", "II", "III"]):
            docs[f"p{p}c{c}"] = f"<h3>{chapter}</h3>" + eb.paras(eb.prose(p * 3 + c, 3))
    return docs


def test_chapters_nested_under_a_part_in_the_contents_are_in_that_part(tmp_path: Path) -> None:
    nav = [
        (
            f"Part {number}: {name}",
            f"Text/part{p}.xhtml",
            [(chapter, f"Text/p{p}c{c}.xhtml") for c, chapter in enumerate(["I", "II", "III"])],
        )
        for p, (number, name) in enumerate([("I", "The Wild Land"), ("II", "Neighboring Fields")])
    ]
    book = epub(tmp_path / "parts.epub", parted_docs(), nav)
    assert [c.title for c in book.chapters] == ["I", "II", "III"] * 2
    assert [c.part for c in book.chapters] == ["Part I: The Wild Land"] * 3 + [
        "Part II: Neighboring Fields"
    ] * 3
    assert book.chapters[4].full_title == "Part II: Neighboring Fields · II"


def test_a_part_listed_beside_the_chapters_before_it_opens_a_part(tmp_path: Path) -> None:
    # (the second part's entry sits among the first part's chapters, as some contents have it)
    chapters = [(chapter, f"Text/p0c{c}.xhtml") for c, chapter in enumerate(["I", "II", "III"])]
    chapters.append(("Part II: Neighboring Fields", "Text/part1.xhtml"))
    chapters += [(chapter, f"Text/p1c{c}.xhtml") for c, chapter in enumerate(["I", "II", "III"])]
    nav = [("Part I: The Wild Land", "Text/part0.xhtml", chapters)]
    book = epub(tmp_path / "beside.epub", parted_docs(), nav)
    assert [c.part for c in book.chapters] == ["Part I: The Wild Land"] * 3 + [
        "Part II: Neighboring Fields"
    ] * 3


def test_chapters_under_the_books_own_title_alone_are_in_no_part(tmp_path: Path) -> None:
    docs = {f"c{c}": f"<h2>Chapter {c + 1}</h2>" + eb.paras(eb.prose(c, 3)) for c in range(3)}
    nav = [
        (
            "The Lantern Keeper",
            "Text/c0.xhtml",
            [(f"Chapter {c + 1}", f"Text/c{c}.xhtml") for c in range(3)],
        )
    ]
    book = epub(tmp_path / "one.epub", docs, nav)
    assert [c.title for c in book.chapters] == ["Chapter 1", "Chapter 2", "Chapter 3"]
    assert {c.part for c in book.chapters} == {""}


def test_war_and_peace_keeps_its_epilogues_apart_from_book_fifteen() -> None:
    # Its contents list the epilogues under BOOK FIFTEEN; their chapters start again at I,
    # so the book's own headings name them.
    from collections import Counter
    from pathlib import Path

    from tui.book.formats import open_book

    real = Path(__file__).resolve().parents[1] / "fixtures" / "real"
    book = open_book(real / "pg_war_and_peace.epub")
    parts = Counter(chapter.part for chapter in book.chapters)
    assert parts["FIRST EPILOGUE: 1813 - 20"] == 16 and parts["SECOND EPILOGUE"] == 12
    assert parts["BOOK FIFTEEN: 1812 - 13"] == 20


STORIES = ["Miss Mary Pask", "The Young Gentlemen", "Bewitched"]
NUMERALS = ["I", "II", "III"]


def story_docs() -> dict[str, str]:
    """Stories of a collection, each a page of its own with its sections numbered from I."""
    docs: dict[str, str] = {}
    for s, story in enumerate(STORIES):
        sections = "".join(
            f'<h3 id="s{s}n{n}">{numeral}</h3>' + eb.paras(eb.prose(s * 3 + n, 3))
            for n, numeral in enumerate(NUMERALS)
        )
        docs[f"story{s}"] = f'<h2 id="s{s}">{story.upper()}</h2>' + sections
    return docs


def test_numbers_listed_under_each_story_inside_its_page_are_its_sections(
    tmp_path: Path,
) -> None:
    nav = [
        (
            story.upper(),
            f"Text/story{s}.xhtml#s{s}",
            [(numeral, f"Text/story{s}.xhtml#s{s}n{n}") for n, numeral in enumerate(NUMERALS)],
        )
        for s, story in enumerate(STORIES)
    ]
    book = epub(tmp_path / "stories.epub", story_docs(), nav)
    assert [c.title for c in book.chapters] == [story.upper() for story in STORIES]
    assert [len(c.scenes) for c in book.chapters] == [3, 3, 3]
    assert all(c.part is None or c.part == "" for c in book.chapters)


def test_a_note_reference_on_a_heading_is_not_in_the_chapter_title(tmp_path: Path) -> None:
    reference = '<a href="story1.xhtml#fn1" id="fnref1"><sup>[1]</sup></a>'
    docs = {
        f"story{s}": f"<h2>THE {name}{reference if s == 1 else ''}</h2>" + eb.paras(eb.prose(s, 3))
        for s, name in enumerate(["LANTERN", "GREAT CARBUNCLE", "TIDE"])
    }
    nav = [
        (f"THE {name}{'[1]' if s == 1 else ''}", f"Text/story{s}.xhtml")
        for s, name in enumerate(["LANTERN", "GREAT CARBUNCLE", "TIDE"])
    ]
    book = epub(tmp_path / "noted.epub", docs, nav)
    assert [c.title for c in book.chapters] == ["THE LANTERN", "THE GREAT CARBUNCLE", "THE TIDE"]


def test_a_half_title_run_into_the_first_chapters_number_is_that_chapters_label(
    tmp_path: Path,
) -> None:
    # The book's title is set again over chapter I (`<h2>THE LANTERN KEEPER</h2><h2>I.</h2>`)
    # and the contents took both into one label, `THE LANTERN KEEPER I.`; the chapters after
    # it are listed `II.`, `III.`, each with its title under it.
    titles = ["THE FERRY.", "THE TOWER.", "THE STORM."]
    docs = {"title": "<h2 id='t'>THE LANTERN KEEPER</h2><p>A Novel</p>"}
    for c, (number, name) in enumerate(zip(["I.", "II.", "III."], titles, strict=True)):
        half = "<h2 id='h'>THE LANTERN KEEPER</h2>" if c == 0 else ""
        docs[f"c{c}"] = f"{half}<h2 id='n'>{number}</h2><h3 id='s'>{name}</h3>" + eb.paras(
            eb.prose(c, 3)
        )
    nav = [("THE LANTERN KEEPER", "Text/title.xhtml#t")] + [
        (
            ("THE LANTERN KEEPER I." if c == 0 else number),
            f"Text/c{c}.xhtml#{'h' if c == 0 else 'n'}",
            [(name, f"Text/c{c}.xhtml#s")],
        )
        for c, (number, name) in enumerate(zip(["I.", "II.", "III."], titles, strict=True))
    ]
    book = epub(tmp_path / "half.epub", docs, nav)
    assert [c.title for c in book.chapters] == [
        "I: THE FERRY.",
        "II: THE TOWER.",
        "III: THE STORM.",
    ]


def test_the_leaves_before_a_half_title_are_front_matter(tmp_path: Path) -> None:
    # The title page, then its subtitle's page holding the translator's notes parted by a
    # rule, then the book's title set again alone (a half-title) before chapter 1: what
    # stands before the half-title is the title page's, not the story's first chapter.
    notes = eb.paras(eb.prose(7, 2)) + "<hr/>" + eb.paras(eb.prose(8, 2))
    docs = {
        "title": "<h1>THE LANTERN KEEPER</h1><p>A Novel</p>",
        "subtitle": "<h2>A TALE OF THE COAST</h2>" + notes,
        "half": "<h2>THE LANTERN KEEPER</h2>",
    }
    docs |= {f"c{c}": f"<h2>Chapter {c + 1}</h2>" + eb.paras(eb.prose(c, 4)) for c in range(3)}
    nav = [
        ("THE LANTERN KEEPER", "Text/title.xhtml"),
        ("A TALE OF THE COAST", "Text/subtitle.xhtml"),
        ("THE LANTERN KEEPER", "Text/half.xhtml"),
    ] + [(f"Chapter {c + 1}", f"Text/c{c}.xhtml") for c in range(3)]
    book = epub(tmp_path / "leaves.epub", docs, nav)
    assert [c.title for c in book.chapters] == ["Chapter 1", "Chapter 2", "Chapter 3"]
    assert [len(c.scenes) for c in book.chapters] == [1, 1, 1]
