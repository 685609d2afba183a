"""How EPUB structure is found when books are less tidy.

Nested contents, part pages, no table of contents, empty paragraphs as scene breaks.
"""

from __future__ import annotations

from pathlib import Path

from fixtures import epub_builders as eb

from tui.book.markup.epub import open_epub
from tui.book.model import Book, ParaKind


def outline(book: Book) -> list[tuple[str, int]]:
    return [(c.title, len(c.scenes)) for c in book.chapters]


def build(path: Path, docs: dict[str, str], nav: list | None = None, ncx: list | None = None):
    """An EPUB 3 of ``docs`` (name -> body markup) in that order, with an optional nav/NCX."""
    files: dict[str, str | bytes] = {
        f"Text/{name}.xhtml": eb.xhtml(name, body) for name, body in docs.items()
    }
    items = [(name, f"Text/{name}.xhtml", "application/xhtml+xml") for name in docs]
    spine = list(docs)
    extra = ""
    toc_id = None
    if nav is not None:
        files["nav.xhtml"] = eb.nav_doc(nav)
        extra = '<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" '
        extra += 'properties="nav"/>'
        spine = ["nav", *spine]
    if ncx is not None:
        files["toc.ncx"] = eb.ncx("Book", ncx)
        items.append(("ncx", "toc.ncx", "application/x-dtbncx+xml"))
        toc_id = "ncx"
    metadata = "<dc:title>Book</dc:title><dc:creator>Writer</dc:creator>"
    files["content.opf"] = eb.opf(
        items, spine, metadata, version="3.0", toc_id=toc_id, extra_manifest=extra
    )
    return open_epub(eb.write_epub(path, files))


def test_nested_contents_with_part_pages(tmp_path: Path) -> None:
    docs = {
        "part1": "<h1>Part One</h1>",
        "ch1": "<h2>Chapter 1</h2>" + eb.paras(eb.prose(1, 3)),
        "ch2": "<h2>Chapter 2</h2>" + eb.paras(eb.prose(2, 3)) + "<hr/>" + eb.paras(eb.prose(3)),
        "part2": "<h1>Part Two</h1>",
        "ch3": "<h2>Chapter 3</h2>" + eb.paras(eb.prose(4, 3)),
    }
    nav = [
        (
            "Part One",
            "Text/part1.xhtml",
            [("Chapter 1", "Text/ch1.xhtml"), ("Chapter 2", "Text/ch2.xhtml")],
        ),
        ("Part Two", "Text/part2.xhtml", [("Chapter 3", "Text/ch3.xhtml")]),
    ]
    book = build(tmp_path / "parts.epub", docs, nav=nav)
    assert outline(book) == [("Chapter 1", 1), ("Chapter 2", 2), ("Chapter 3", 1)]
    # The navigation document read as a page is front matter; part pages open their chapter.
    assert [s.kind for s in book.front_matter] == ["toc"]
    assert book.paragraph(book.chapters[0].start) == "Part One"
    assert book.paragraph(book.chapters[0].heading) == "Chapter 1"
    assert book.paragraph(book.chapters[2].start) == "Part Two"


def test_without_a_table_of_contents_headings_make_chapters(tmp_path: Path) -> None:
    docs = {
        "title": "<h1>Book</h1><p>by Writer</p>",
        "a": "<h2>Prologue</h2>" + eb.paras(eb.prose(1, 3)),
        "b": eb.paras(eb.prose(2, 3)),  # a long chapter split over two files
        "c": "<h2>Chapter One: Rain</h2>" + eb.paras(eb.prose(3, 4)),
    }
    book = build(tmp_path / "plain.epub", docs)
    assert outline(book) == [("Prologue", 1), ("Chapter One: Rain", 1)]
    assert book.chapters[0].end == book.chapters[1].start
    assert [s.kind for s in book.front_matter] == ["title"]  # named by its <title>


def test_a_first_chapter_missing_from_the_contents(tmp_path: Path) -> None:
    docs = {
        "p": "<h2>Prologue</h2>" + eb.paras(eb.prose(1, 4)),
        "c1": "<h2>Chapter 1</h2>" + eb.paras(eb.prose(2, 4)),
    }
    book = build(tmp_path / "forgot.epub", docs, ncx=[("Chapter 1", "Text/c1.xhtml")])
    assert outline(book) == [("Prologue", 1), ("Chapter 1", 1)]
    assert book.front_matter == []


def test_empty_paragraphs_as_scene_breaks(tmp_path: Path) -> None:
    gap = "<p>&#160;</p>"
    first, second, third = eb.prose(1, 5), eb.prose(2, 5), eb.prose(3, 5)
    body = (
        "<h2>Chapter 1</h2>"
        + eb.paras(first)
        + gap
        + "<p>Three days later</p>"  # set off by gaps: it opens the scene after it
        + gap
        + eb.paras(second)
        + gap
        + gap  # two empty paragraphs are one break
        + eb.paras(third)
    )
    spacing = "<h2>Chapter 2</h2>" + gap.join(f"<p>{t}</p>" for t in eb.prose(4, 8))
    book = build(
        tmp_path / "gaps.epub",
        {"c1": body, "c2": spacing},
        ncx=[("Chapter 1", "Text/c1.xhtml"), ("Chapter 2", "Text/c2.xhtml")],
    )
    # A gap between every paragraph is only spacing: chapter 2 is one scene.
    assert outline(book) == [("Chapter 1", 3), ("Chapter 2", 1)]
    scenes = book.chapters[0].scenes
    assert book.paragraph(scenes[1].start) == "Three days later"
    assert book.paragraph(scenes[2].start) == third[0]
    spacers = [i for i in range(len(book)) if book.kinds[i] == ParaKind.BREAK]
    # Three spacers in chapter 1 (no ornament text made up), none at all in chapter 2.
    assert [book.paragraph(i) for i in spacers] == ["", "", ""]
    assert all(i < book.chapters[1].start for i in spacers)


def test_markup_in_titles_and_descriptions(tmp_path: Path) -> None:
    docs = {"c1": "<h1>Chapter&#160;1: Rain &amp; <em>Snow</em></h1>" + eb.paras(eb.prose(1, 3))}
    book = build(tmp_path / "t.epub", docs)
    assert outline(book) == [("Chapter 1: Rain & Snow", 1)]
    assert book.chapters[0].heading == 0


def test_non_linear_documents_come_after_the_story(tmp_path: Path) -> None:
    files: dict[str, str | bytes] = {
        "notes.xhtml": eb.xhtml("Notes", "<h1>Translator's Notes</h1><p>[1] A pun.</p>"),
        "c1.xhtml": eb.xhtml("c1", "<h1>Chapter 1</h1>" + eb.paras(eb.prose(1, 4))),
        "c2.xhtml": eb.xhtml("c2", "<h1>Chapter 2</h1>" + eb.paras(eb.prose(2, 4))),
    }
    items = [(n[:-6], n, "application/xhtml+xml") for n in files]
    package = eb.opf(items, ["notes", "c1", "c2"], "<dc:title>B</dc:title>", toc_id=None)
    files["content.opf"] = package.replace(
        'idref="notes" linear="yes"', 'idref="notes" linear="no"'
    )
    book = open_epub(eb.write_epub(tmp_path / "nl.epub", files))
    assert outline(book) == [("Chapter 1", 1), ("Chapter 2", 1)]
    assert book.paragraph(book.end_matter[0].heading) == "Translator's Notes"
    assert book.sections[-1] == (book.end_matter[0].heading, "notes.xhtml")


def test_a_rank_filed_after_the_name_is_not_shown_before_it(tmp_path: Path) -> None:
    # Gutenberg's War and Peace: `<dc:creator opf:file-as="Tolstoy, Leo, graf">graf Leo
    # Tolstoy` is Leo Tolstoy to a reader; a suffix such as `Jr.` stays.
    def author(creator: str) -> str | None:
        docs = {"ch1": "<h2>Chapter 1</h2>" + eb.paras(eb.prose(1, 3))}
        files: dict[str, str | bytes] = {"Text/ch1.xhtml": eb.xhtml("ch1", docs["ch1"])}
        metadata = f"<dc:title>Book</dc:title>{creator}"
        files["content.opf"] = eb.opf(
            [("ch1", "Text/ch1.xhtml", "application/xhtml+xml")], ["ch1"], metadata
        )
        return open_epub(eb.write_epub(tmp_path / "b.epub", files)).author

    ranked = '<dc:creator opf:file-as="Tolstoy, Leo, graf">graf Leo Tolstoy</dc:creator>'
    assert author(ranked) == "Leo Tolstoy"
    suffix = '<dc:creator opf:file-as="King, Martin, Jr.">Martin King Jr.</dc:creator>'
    assert author(suffix) == "Martin King Jr."
    # A Chinese author's dynasty before the name is the catalogue's, not the name; a dot
    # between the parts of a foreign name written in Chinese stays.
    assert author("<dc:creator>清·吳楚材</dc:creator>") == "吳楚材"
    assert author("<dc:creator>马克·吐温</dc:creator>") == "马克·吐温"


def test_a_rule_inside_an_epigraph_is_no_scene_break(tmp_path: Path) -> None:
    epigraph = (
        '<blockquote epub:type="epigraph"><p>The full-fed swine returned with evening home;</p>'
        "<hr/><p>Disposed apart, Ulysses shares the treat;</p><cite>Odyssey</cite></blockquote>"
    )
    docs = {
        "ch1": "<header><h2>I</h2>" + epigraph + "</header>" + eb.paras(eb.prose(1, 4)),
        "ch2": "<h2>II</h2>" + eb.paras(eb.prose(2, 3)) + "<hr/>" + eb.paras(eb.prose(3, 2)),
    }
    book = build(tmp_path / "epigraphs.epub", docs)
    # The rule parts two passages of the quoted poem; the one in the story parts scenes.
    assert outline(book) == [("I", 1), ("II", 2)]


def test_a_sum_worked_on_paper_is_no_scene_break(tmp_path: Path) -> None:
    story = eb.paras(eb.prose(1, 3)) + "<p>365<br/>1<br/>____<br/>364<br/>___</p>"
    book = build(
        tmp_path / "sum.epub", {"ch1": "<h2>Chapter 1</h2>" + story + eb.paras(eb.prose(2))}
    )
    assert outline(book) == [("Chapter 1", 1)]
    assert "364" in book.text


def test_an_edition_number_is_no_chapter_number(tmp_path: Path) -> None:
    poem = "Child of the pure unclouded brow and dreaming eyes of wonder, hear my tale."
    docs = {
        "title": "<h1>Book</h1><h3>A Second Journey</h3>",
        "edition": f"<h4>The Fulcrum Edition 1.7</h4><p>{poem}</p>",
        "contents": "<h2>Contents</h2><p>Chapter 1</p><p>Chapter 2</p><p>Chapter 3</p>",
        **{f"ch{n}": f"<h2>Chapter {n}</h2>" + eb.paras(eb.prose(n, 3)) for n in (1, 2, 3)},
    }
    nav = [
        (
            "Book",
            "Text/title.xhtml",
            [
                (
                    "A Second Journey",
                    "Text/title.xhtml",
                    [("The Fulcrum Edition 1.7", "Text/edition.xhtml")],
                )
            ],
        ),
        ("Contents", "Text/contents.xhtml"),
        *[(f"Chapter {n}", f"Text/ch{n}.xhtml") for n in (1, 2, 3)],
    ]
    book = build(tmp_path / "edition.epub", docs, nav=nav)
    # `1.7` numbers the edition, not a chapter: the page and the contents after it are front
    # matter.
    assert [t for t, _ in outline(book)] == ["Chapter 1", "Chapter 2", "Chapter 3"]


def test_a_contents_entry_that_lost_its_headings_line_break_takes_the_headings_separator(
    tmp_path: Path,
) -> None:
    docs = {
        f"ch{n}": f"<h2>CHAPTER {numeral}<br/>{title}</h2>" + eb.paras(eb.prose(n, 3))
        for n, (numeral, title) in enumerate(
            [("I", "THE ONE THING NEEDFUL"), ("II", "MURDERING THE INNOCENTS")], 1
        )
    }
    nav = [
        ("CHAPTER I THE ONE THING NEEDFUL", "Text/ch1.xhtml"),
        ("CHAPTER II MURDERING THE INNOCENTS", "Text/ch2.xhtml"),
    ]
    book = build(tmp_path / "needful.epub", docs, nav=nav)
    assert [c.title for c in book.chapters] == [
        "CHAPTER I: THE ONE THING NEEDFUL",
        "CHAPTER II: MURDERING THE INNOCENTS",
    ]
