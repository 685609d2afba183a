"""Collections and short books as their producers lay them out.

Stories before a closing novella told in numbered chapters, a novella's titled parts whose page
holds only an epigraph, and pages with no prose among the end matter after a story.
"""

from __future__ import annotations

from pathlib import Path

from markup_books import epub, first_words, story

from tui.book.model import Book

STORIES = ["The Ferry", "The Bell", "The Lamp", "The Gate"]
EPIGRAPH = (
    '<blockquote class="epigraph" epub:type="epigraph"><p>{}</p><cite>Old Almanac</cite>'
    "</blockquote>"
)


def _collection(tmp_path: Path, novella: dict[str, str], novella_nav: list) -> Book:
    """Four stories, one file each, then a novella's files (``novella``, its title's first)
    with ``novella_nav`` listed under its title."""
    docs = {f"s{n}": f"<h2>{t}</h2>" + story(n) for n, t in enumerate(STORIES)}
    docs |= novella
    nav: list = [(t, f"Text/s{n}.xhtml") for n, t in enumerate(STORIES)]
    nav.append(("The Salt Road", "Text/novella.xhtml", novella_nav))
    return epub(tmp_path / "collection.epub", docs, nav, title="Harbour Stories")


def _numbered(first: int, count: int) -> str:
    romans = ["I", "II", "III", "IV", "V"]
    return "".join(
        f'<h4 id="c{n}">{romans[n]}</h4>' + story(40 + n) for n in range(first, first + count)
    )


def test_stories_before_a_novella_in_numbered_chapters_are_chapters(tmp_path: Path) -> None:
    # The stories open the book; the novella's numbered chapters, a file each, close it: the
    # stories are no editor's introduction to them.
    romans = ["I", "II", "III"]
    novella = {"novella": "<h2>The Salt Road</h2>"}
    novella |= {f"c{n}": f"<h3>{r}</h3>" + story(40 + n) for n, r in enumerate(romans)}
    nav = [(r, f"Text/c{n}.xhtml") for n, r in enumerate(romans)]
    book = _collection(tmp_path, novella, nav)
    assert [c.title for c in book.chapters] == [*STORIES, *romans]


def test_a_titled_parts_page_holding_only_an_epigraph_heads_its_chapters(
    tmp_path: Path,
) -> None:
    # The novella's parts, each a title and an epigraph, nest its numbered chapters in the
    # contents; a closing note stands beside the parts. The parts are the chapters' parts,
    # their epigraphs no scenes, and the note a chapter.
    novella = (
        "<h2>The Salt Road</h2>"
        + '<section id="p1"><h3>The Frozen Harbour</h3>'
        + EPIGRAPH.format("Ice keeps no promises, and the sea keeps fewer.")
        + _numbered(0, 2)
        + "</section>"
        + '<section id="p2"><h3>The Thaw</h3>'
        + EPIGRAPH.format("What the winter holds the spring lets go.")
        + _numbered(2, 2)
        + '</section><section id="note"><h3>A Last Word</h3>'
        + story(60)
        + "</section>"
    )
    nav = [
        (
            "The Frozen Harbour",
            "Text/novella.xhtml#p1",
            [(r, f"Text/novella.xhtml#c{n}") for n, r in enumerate(["I", "II"])],
        ),
        (
            "The Thaw",
            "Text/novella.xhtml#p2",
            [(r, f"Text/novella.xhtml#c{n + 2}") for n, r in enumerate(["III", "IV"])],
        ),
        ("A Last Word", "Text/novella.xhtml#note"),
    ]
    book = _collection(tmp_path, {"novella": novella}, nav)
    assert [c.title for c in book.chapters] == [*STORIES, "I", "II", "III", "IV", "A Last Word"]
    assert [c.part for c in book.chapters[4:8]] == ["The Frozen Harbour"] * 2 + ["The Thaw"] * 2
    assert [len(c.scenes) for c in book.chapters] == [1] * 9


OFFER = (
    "<h1>Special Offer</h1><p><br/></p><h5>Read on in the next tale.</h5>"
    '<p><img src="offer.jpg" alt=""/></p>'
)
ABOUT = "<h1>About the Author</h1>" + story(70, 2)
TITLES = "<h1>Other Tales</h1><h4>Novels</h4><h5>The Lantern Keeper</h5><h5>Harbour Lights</h5>"


def test_pages_with_no_prose_around_the_about_page_after_a_story_are_end_matter(
    tmp_path: Path,
) -> None:
    docs = {"tale": "<h1>A Harbour Tale</h1>" + story(1, 12), "offer": OFFER}
    docs |= {"about": ABOUT, "titles": TITLES}
    nav = [
        ("A Harbour Tale", "Text/tale.xhtml"),
        ("Special Offer", "Text/offer.xhtml"),
        ("About the Author", "Text/about.xhtml"),
        ("Other Tales", "Text/titles.xhtml"),
    ]
    book = epub(tmp_path / "tale.epub", docs, nav)
    assert [c.title for c in book.chapters] == ["A Harbour Tale"]
    assert first_words(book)[0][0]
    assert len(book.end_matter) == 3


def test_a_poem_after_the_about_page_in_a_book_of_verse_stays_a_chapter(tmp_path: Path) -> None:
    # Chapters of short lines hold no prose: a book of verse, whose last poem is no end page.
    poems = ["Tide", "Fog", "Gulls"]
    verse = "<p>Grey water</p><p>under the rail</p><p>and the bell</p>"
    docs = {f"p{n}": f"<h1>{t}</h1>{verse}" for n, t in enumerate(poems[:2])}
    docs |= {"about": ABOUT, "p2": f"<h1>{poems[2]}</h1>{verse}"}
    nav = [(t, f"Text/p{n}.xhtml") for n, t in enumerate(poems[:2])]
    nav += [("About the Author", "Text/about.xhtml"), (poems[2], "Text/p2.xhtml")]
    book = epub(tmp_path / "verse.epub", docs, nav)
    assert [c.title for c in book.chapters][-1] == "Gulls"
