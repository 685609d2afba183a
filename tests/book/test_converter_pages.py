"""What converters and scanners put around a book's stories.

A Kindle source's centred title page and closing credits, text saved twice in the wrong
encoding, a scan's story titles with a label line under each, a part's own page, a closing list
of links, and numbered sections after a talk's opening.
"""

from __future__ import annotations

from pathlib import Path

from markup_books import epub, outline, story

from tui.book.markup.html_book import open_html
from tui.book.mojibake import repaired

CREDITS = (
    "<p><center><small><br /><br /><br /><br />Converted to MOBI by:<br />A. Scribe"
    "<br /><br />Source:<br />Wikisource, public domain<br />"
    '<a href="http://example.org/wiki/Lantern">http://example.org/wiki/Lantern</a>'
    "<br /><br />Generated:<br />12 May 2013<br /><br /><strong>Enjoy!</strong>"
    "</small></center></p>"
)


def kindle_source(path: Path, stories: int = 3, text: str = "") -> Path:
    """A Kindle source page: a centred title page, stories under `<h1>` and the credits."""
    body = "<h1><center>The Lantern Keeper</center></h1><h2><center>Ada Quill</center></h2>"
    body += "<mbp:pagebreak />"
    for n in range(stories):
        body += f"<h1>Story {'ABC'[n]}</h1><p><br/><br/></p>" + story(n, 5)
    body += "<mbp:pagebreak />" + CREDITS
    path.write_bytes(f"<html><head></head><body>{text}{body}</body></html>".encode())
    return path


def test_a_centred_title_page_names_the_book(tmp_path: Path) -> None:
    book = open_html(kindle_source(tmp_path / "content.html"))
    assert (book.title, book.author) == ("The Lantern Keeper", "Ada Quill")
    assert [c.title for c in book.chapters] == ["Story A", "Story B", "Story C"]


def test_the_converters_centred_credits_after_the_last_story_are_end_matter(
    tmp_path: Path,
) -> None:
    book = open_html(kindle_source(tmp_path / "content.html"))
    assert outline(book) == [("Story A", 1), ("Story B", 1), ("Story C", 1)]
    assert [s.kind for s in book.end_matter] == ["colophon"]


def test_credits_on_a_page_of_their_own_listed_in_the_contents_are_end_matter(
    tmp_path: Path,
) -> None:
    docs = {f"s{n}": f"<h1>Story {n}</h1>" + story(n, 5) for n in range(3)}
    docs["credits"] = CREDITS
    nav = [(f"Story {n}", f"Text/s{n}.xhtml") for n in range(3)]
    nav.append(("Editorial note", "Text/credits.xhtml"))
    book = epub(tmp_path / "credits.epub", docs, nav)
    assert [c.title for c in book.chapters] == ["Story 0", "Story 1", "Story 2"]
    assert [s.kind for s in book.end_matter] == ["colophon"]


def test_a_closing_centred_line_with_no_address_stays_in_the_story(tmp_path: Path) -> None:
    docs = {f"s{n}": f"<h1>Story {n}</h1>" + story(n, 5) for n in range(3)}
    docs["s2"] += "<p><br/><br/></p><p><center>Finis.</center></p>"
    book = epub(
        tmp_path / "finis.epub", docs, [(f"Story {n}", f"Text/s{n}.xhtml") for n in range(3)]
    )
    assert not book.end_matter
    assert book.paragraph(book.chapters[-1].end - 1) == "Finis."


def twice_encoded(text: str) -> str:
    return text.encode("utf-8").decode("latin-1")


def test_text_saved_twice_in_the_wrong_encoding_is_repaired(tmp_path: Path) -> None:
    page = kindle_source(tmp_path / "content.html")
    polish = "<p>" + "Zażółć gęślą jaźń — powiedział. " * 6 + "</p>"
    markup = page.read_text().replace("<h1>Story A</h1>", "<h1>Księga ognia</h1>")
    markup = markup.replace("<p><br/><br/></p>", "<p><br/><br/></p>" + polish)
    # (the credits, added later, are clean UTF-8)
    head, tail = markup.split("<mbp:pagebreak />" + CREDITS)
    page.write_bytes(
        (twice_encoded(head) + "<mbp:pagebreak />" + CREDITS + "Źródło" + tail).encode()
    )
    book = open_html(page)
    assert book.chapters[0].title == "Księga ognia"
    assert "Zażółć gęślą jaźń — powiedział." in book.text
    assert any("repaired" in notice for notice in book.notices)


def test_text_with_its_own_accents_is_never_repaired() -> None:
    french = "Ça, c'est l'été à la mer: « bien sûr », dit-il. " * 20
    assert repaired(french) is None
    # (a few look-alike pairs in a text whose other accents are plain are no mojibake)
    assert repaired(french + "Ã©" * 12) is None
    assert repaired(twice_encoded(french)) == french


ORIGINS = ["Greek", "Norse", "Greek", "Roman", "Norse", "Greek", "Roman"]
ORDINALS = ["FIRST", "SECOND", "THIRD", "FOURTH", "FIFTH", "SIXTH", "SEVENTH"]


def test_a_scans_capitals_titles_with_a_recurring_label_under_them_are_its_stories(
    tmp_path: Path,
) -> None:
    body = "<p>Classic Tales</p>" + story(90, 3)
    titles = []
    for n, origin in enumerate(ORIGINS):
        title = f"THE {ORDINALS[n]} TALE"
        titles.append(title)
        body += f'<p>{title}</p><p>A"</p><p>{origin}</p>' + story(n, 3)
        body += "<p>Classic Tales</p><p>23</p>" + story(n + 20, 2)
        body += "<p>[image]</p><p>THE GOD OF THE SEA</p>" + story(n + 40, 2)  # (a caption)
    docs = {"leaf0": "<p>[image]</p>", "part0": body}
    nav = [("Front Cover", "Text/leaf0.xhtml"), ("Pages", "Text/part0.xhtml")]
    book = epub(tmp_path / "scan.epub", docs, nav)
    assert [c.title for c in book.chapters] == titles


def test_a_parts_page_with_its_blurb_heads_the_chapters_nested_under_it(tmp_path: Path) -> None:
    docs: dict[str, str] = {}
    nav: list = []
    for p, name in enumerate(["PARTE PRIMA", "PARTE SECONDA"]):
        docs[f"part{p}"] = (
            f"<h1>{name}</h1><p><em>In first person</em></p>"
            "<p><em>Posts and talks from his blog, collected from 2006 on.</em></p>"
        )
        pieces = [(f"Piece {p}{c}", f"Text/p{p}c{c}.xhtml") for c in range(3)]
        for c in range(3):
            docs[f"p{p}c{c}"] = f"<h1>Piece {p}{c}</h1>" + story(p * 3 + c, 4)
        nav.append((name, f"Text/part{p}.xhtml", pieces))
    book = epub(tmp_path / "parts.epub", docs, nav)
    assert [c.title for c in book.chapters] == [f"Piece {p}{c}" for p in range(2) for c in range(3)]
    assert [c.part for c in book.chapters] == ["PARTE PRIMA"] * 3 + ["PARTE SECONDA"] * 3


def links(count: int) -> str:
    return (
        "<ul>"
        + "".join(
            f'<li><p><a href="http://example.org/{n}">An article on open access, part {n}</a> '
            f"(A. Writer, 2014)</p></li>"
            for n in range(count)
        )
        + "</ul>"
    )


def test_an_afterword_and_a_closing_list_of_links_are_end_matter(tmp_path: Path) -> None:
    docs = {f"c{n}": f"<h1>Essay {n}</h1>" + story(n, 4) for n in range(3)}
    docs["after"] = "<h1>POSTFAZIONE</h1>" + story(20, 4)
    docs["links"] = "<h1>FURTHER READING</h1>" + links(8)
    nav = [(f"Essay {n}", f"Text/c{n}.xhtml") for n in range(3)]
    nav += [("POSTFAZIONE", "Text/after.xhtml"), ("FURTHER READING", "Text/links.xhtml")]
    book = epub(tmp_path / "after.epub", docs, nav)
    assert [c.title for c in book.chapters] == ["Essay 0", "Essay 1", "Essay 2"]
    assert len(book.end_matter) == 2


def test_a_title_page_listed_under_the_books_title_with_a_credits_line_is_front_matter(
    tmp_path: Path,
) -> None:
    docs = {
        "title": "<h1>THE LANTERN KEEPER</h1><p>a life on the coast</p>"
        "<p>Version 2.0, 22 February 2015 (revised by A. Reader, B. Reader and C. Reader).</p>",
        **{f"c{n}": f"<h1>Essay {n}</h1>" + story(n, 4) for n in range(3)},
    }
    nav = [("THE LANTERN KEEPER", "Text/title.xhtml")]
    nav += [(f"Essay {n}", f"Text/c{n}.xhtml") for n in range(3)]
    book = epub(tmp_path / "title.epub", docs, nav, title="THE LANTERN KEEPER a life on the coast")
    assert [c.title for c in book.chapters] == ["Essay 0", "Essay 1", "Essay 2"]


def test_numbered_sections_after_a_talks_opening_each_open_a_scene(tmp_path: Path) -> None:
    talk = "<h1>How to Get a Job Like Mine</h1>" + story(1, 3)
    for n, name in enumerate(["Learn", "Experiment", "Build"], start=1):
        talk += f"<h4>{n}. {name}</h4>" + story(n + 5, 2)
    talk += "<h4>Final advice</h4>" + story(9, 2)
    docs = {"talk": talk, "other": "<h1>Another Piece</h1>" + story(12, 4)}
    nav = [("How to Get a Job Like Mine", "Text/talk.xhtml"), ("Another Piece", "Text/other.xhtml")]
    book = epub(tmp_path / "talk.epub", docs, nav)
    assert outline(book) == [("How to Get a Job Like Mine", 5), ("Another Piece", 1)]
