"""Whole novels saved as one page, and e-books set in `<div>`s.

A volume's title under the rule that closes a chapter, a wiki's closing list of notes, chapter
thirty numbered `XXX`, a title page and colophon listed under the book's title, and
`<div>&nbsp;</div>` empty lines.
"""

from __future__ import annotations

from pathlib import Path

from fixtures import epub_builders as eb
from markup_books import epub, first_words, story

from tui.book.markup.blocks import Block, BlockKind
from tui.book.markup.html_book import open_html
from tui.book.markup.numeral_headings import counts_past_thirty, is_thirty
from tui.book.model import Book, ParaKind
from tui.book.rules.numerals import to_roman


def page(tmp_path: Path, body: str) -> Book:
    path = tmp_path / "novel.html"
    path.write_text(
        f"<html><head><title>The Lantern Keeper</title></head><body>{body}</body></html>",
        encoding="utf-8",
    )
    return open_html(path)


def test_a_volume_title_under_a_chapter_closing_rule_opens_no_scene(tmp_path: Path) -> None:
    # The same short rule closes every chapter and parts one chapter's scenes; the volume's
    # title under the last chapter's rule belongs to the chapter after it.
    rule = '<div class="center"><hr width="80"/></div>'
    body = ""
    for n, roman in enumerate(("I", "II", "III")):
        body += f"<h2>Chapter {roman}</h2>" + story(n, 4)
        if n == 1:
            body += rule + story(10, 3)
        body += rule
        if n == 1:
            body += '<div class="center"><b>The Second Book of Rain</b></div>'
    book = page(tmp_path, body)
    assert [c.title for c in book.chapters] == ["Chapter I", "Chapter II", "Chapter III"]
    assert [len(c.scenes) for c in book.chapters] == [1, 2, 1]


def test_a_closing_list_of_the_notes_the_text_refers_to_is_no_scene(tmp_path: Path) -> None:
    # A wiki's notes: references shown `[1]` in the text, a list whose items have the ids
    # they link to, each opening on a way back (`↑`) that is no part of the note.
    body = ""
    for n, roman in enumerate(("I", "II")):
        ref = f'<sup class="reference"><a href="#cite_note-{n + 1}">[{n + 1}]</a></sup>'
        body += f"<h2>Chapter {roman}</h2>" + story(n, 3) + f"<p>The bell rang twice.{ref}</p>"
    body += '<p><br/></p><ol class="refs">'
    for n in range(2):
        body += (
            f'<li id="cite_note-{n + 1}"><span class="mw-cite-backlink">'
            f'<a href="#cite_ref-{n + 1}">↑</a></span> A word on the bell, number {n + 1}.</li>'
        )
    body += "</ol>"
    book = page(tmp_path, body)
    last = book.chapters[-1]
    assert len(last.scenes) == 1
    notes = [i for i in range(last.start, last.end) if book.kinds[i] == ParaKind.NOTE]
    assert [book.paragraph(i) for i in notes] == [
        "[1] A word on the bell, number 1.",
        "[2] A word on the bell, number 2.",
    ]


def test_chapter_thirty_numbered_xxx_is_a_chapter_among_numbered_headings(
    tmp_path: Path,
) -> None:
    body = "".join(
        f"<hr/><h2>{to_roman(n)}</h2><h3>The {n}th night.</h3>" + story(n, 3) for n in range(1, 32)
    )
    book = page(tmp_path, body)
    assert len(book.chapters) == 31
    assert book.chapters[29].title.startswith("XXX")
    assert all(len(c.scenes) == 1 for c in book.chapters)


def test_xxx_alone_without_numbers_beside_it_stays_an_ornament() -> None:
    blocks = [Block(BlockKind.HEADING, "XXX"), Block(BlockKind.HEADING, "XXVIII")]
    assert is_thirty(blocks[0]) and not counts_past_thirty(blocks)
    assert counts_past_thirty([*blocks, Block(BlockKind.HEADING, "XXXI.")])
    assert not is_thirty(Block(BlockKind.TEXT, "XXX"))


def test_a_title_page_and_colophon_listed_under_the_book_title_is_front_matter(
    tmp_path: Path,
) -> None:
    colophon = (
        '<div class="author">Ada Quill</div><div class="title" id="top">The Lantern Keeper</div>'
        '<div class="part">Colophon</div>'
        '<div class="note">This e-book is made from a file of the Lantern Library.</div>'
        '<div class="note">© 2009 The Lantern Library, Harbourtown</div>'
        '<div class="note">Ada Quill, The Lantern Keeper. Harbour Press, 1897.</div>'
        '<div class="note">For the printed pages see the source file.</div>'
    )
    docs = {"title": colophon} | {f"c{n}": f"<h2>{n}</h2>" + story(n, 4) for n in (1, 2, 3)}
    nav = [("The Lantern Keeper", "Text/title.xhtml#top")]
    nav += [(str(n), f"Text/c{n}.xhtml") for n in (1, 2, 3)]
    book = epub(tmp_path / "book.epub", docs, nav)
    assert [c.title for c in book.chapters] == ["1", "2", "3"]


def test_a_div_holding_a_no_break_space_is_an_empty_line_that_parts_scenes(
    tmp_path: Path,
) -> None:
    # Paragraphs set as `div.text`; an empty line between two of them changes the scene, an
    # empty wrapper `<div/>` is nothing.
    def divs(seed: int, count: int) -> str:
        return "".join(f'<div class="text">{t}</div>' for t in eb.prose(seed, count))

    def blank(night: str) -> str:
        line = f'<div class="text">The {night} tide turned at last.</div>'
        return line + '<div class="blank">&#160;</div>'

    one = "<h2>1</h2>" + divs(1, 4) + blank("first") + divs(2, 4)
    two = "<h2>2</h2>" + divs(3, 4) + '<div class="wrap"></div>' + divs(4, 4)
    three = "<h2>3</h2>" + divs(5, 4) + blank("third") + divs(6, 4)
    docs = {"c1": one, "c2": two, "c3": three}
    nav = [(str(n), f"Text/c{n}.xhtml") for n in (1, 2, 3)]
    book = epub(tmp_path / "book.epub", docs, nav)
    assert [len(c.scenes) for c in book.chapters] == [2, 1, 2]
    assert first_words(book)[0][1].startswith(eb.prose(2, 1)[0].split()[0])


def test_a_no_break_space_div_among_p_paragraphs_is_layout_spacing(tmp_path: Path) -> None:
    # Where the paragraphs are `<p>`s, a `div` holding a no-break space is the converter's
    # spacing (a gap it puts here and there), no empty line of the text's.
    spacer = '<div class="gapspace">&#160;</div>'
    docs = {
        f"c{n}": f"<h2>{n}</h2>"
        + story(n, 4)
        + f"<p>The {n}th bell rang.</p>"
        + spacer
        + story(n + 5, 3)
        for n in (1, 2, 3)
    }
    nav = [(str(n), f"Text/c{n}.xhtml") for n in (1, 2, 3)]
    book = epub(tmp_path / "book.epub", docs, nav)
    assert [len(c.scenes) for c in book.chapters] == [1, 1, 1]
