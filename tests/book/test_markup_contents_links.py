"""Single HTML books whose layout only the whole page explains: chapters opened by an anchor and
a drawn title, named only in a numbered contents list of links."""

from __future__ import annotations

from pathlib import Path

from markup_books import gutenberg_page, story

from tui.book.markup.html_book import open_html
from tui.book.model import Book

TITLES = ["The Ferry Road", "A Bell at Night", "Home by the Shore"]


def _open(tmp_path: Path, body: str) -> Book:
    return open_html(gutenberg_page(tmp_path / "book.html", body))


def _drawn_chapters(listing: str) -> str:
    """A title page, a preface, ``listing`` and three chapters, each an empty anchor and a
    picture whose description is its title (and a tail-piece after its prose)."""
    chapters = "".join(
        f'<p><a name="CH_{n}" id="CH_{n}"></a></p><p class="img"><img src="h{n}.png" '
        f'alt="{title}" /></p>' + story(n * 5, 5) + '<p class="img"><img src="t.png" alt="" /></p>'
        for n, title in enumerate(TITLES, 1)
    )
    return (
        "<h2>ADA QUILL</h2><h3>DRAWINGS BY JO REED</h3><h2>To the reader</h2>"
        + story(40, 3)
        + listing
        + chapters
    )


def _numbered_list() -> str:
    rows = "".join(
        f'<tr><td><a href="#CH_{n}">{n}.</a></td><td class="title">{title}</td></tr>'
        for n, title in enumerate(TITLES, 1)
    )
    return f"<h2>LIST OF CHAPTERS</h2><table>{rows}</table>"


def test_a_numbered_contents_list_names_chapters_with_no_heading(tmp_path: Path) -> None:
    # No heading opens a chapter: only the contents list names them, linking to the anchor
    # over each drawn title. The title page's headings and the preface are front matter.
    book = _open(tmp_path, _drawn_chapters(_numbered_list()))
    assert [c.title for c in book.chapters] == TITLES
    assert [len(c.scenes) for c in book.chapters] == [1, 1, 1]


def test_a_list_of_pictures_makes_no_chapters(tmp_path: Path) -> None:
    # Rows linking to pictures in the text, unnumbered (a page's number after each): a list
    # of illustrations, not of chapters; the book has no chapter divisions to read from it.
    rows = "".join(
        f'<tr><td><a href="#CH_{n}">{title}</a></td><td>{n * 20}</td></tr>'
        for n, title in enumerate(TITLES, 1)
    )
    book = _open(tmp_path, _drawn_chapters(f"<h2>PICTURES</h2><table>{rows}</table>"))
    assert not {c.title for c in book.chapters} & set(TITLES)


def test_a_numbered_list_linking_to_headings_leaves_them_the_chapters(tmp_path: Path) -> None:
    rows = "".join(f'<p><a href="#c{n}">{n}. {title}</a></p>' for n, title in enumerate(TITLES, 1))
    chapters = "".join(
        f'<h2 id="c{n}">CHAPTER {n}. {title.upper()}</h2>' + story(n * 3, 4)
        for n, title in enumerate(TITLES, 1)
    )
    book = _open(tmp_path, "<h2>CONTENTS</h2>" + rows + chapters)
    assert [c.title for c in book.chapters] == [
        f"CHAPTER {n}: {t.upper()}" for n, t in enumerate(TITLES, 1)
    ]
