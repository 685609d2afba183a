"""Single HTML books whose layout only the whole page explains.

Chapters opened by an anchor and a drawn title, named only in a numbered contents list of links;
a collection whose few stories told in numbered sections sit among many told in one piece; a
story's end under a picture.
"""

from __future__ import annotations

from pathlib import Path

from markup_books import first_words, gutenberg_page, story

from tui.book.markup.html_book import open_html
from tui.book.model import Book

TITLES = ["The Ferry Road", "A Bell at Night", "Home by the Shore"]
STORIES = ["THE FERRY", "THE BELL", "THE LAMP", "THE GATE", "THE TIDE"]


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


def _sections(seed: int, count: int) -> str:
    romans = ["I", "II", "III", "IV"]
    return "".join(f"<h3>{romans[n]}</h3>" + story(seed + n, 3) for n in range(count))


def test_a_few_stories_told_in_numbered_sections_are_stories_still(tmp_path: Path) -> None:
    # Five stories titled in `<h2>`s; two of them told in sections numbered `I`, `II`, `III`
    # in `<h3>`s, shorter than the three others together. The stories are the chapters; the
    # sections after each first open scenes.
    bodies = [story(1, 9), _sections(10, 3), story(20, 9), _sections(30, 2), story(40, 9)]
    body = "".join(f"<h2>{title}</h2>" + text for title, text in zip(STORIES, bodies, strict=True))
    book = _open(tmp_path, body)
    assert [c.title for c in book.chapters] == STORIES
    assert [len(c.scenes) for c in book.chapters] == [1, 3, 1, 2, 1]
    assert first_words(book)[1][1] == first_words(_open(tmp_path, story(11, 3)))[0][0]


def test_a_novels_numbered_chapters_under_its_title_stay_chapters(tmp_path: Path) -> None:
    # The novel's title over its chapters `I` to `IV`, with a preface, a foreword and an
    # afterword beside it: the chapters hold most of the text, and are the chapters.
    body = (
        "<h2>PREFACE</h2>"
        + story(1, 2)
        + "<h2>A WORD FIRST</h2>"
        + story(2, 2)
        + "<h2>THE SALT ROAD</h2>"
        + _sections(10, 4)
        + "<h2>A LAST WORD</h2>"
        + story(3, 2)
    )
    book = _open(tmp_path, body)
    assert [c.title for c in book.chapters][:4] == ["I", "II", "III", "IV"]


def _headed_chapters(ending: str) -> str:
    """Three chapters under heading tags, the last closing on a tail-piece, then ``ending``."""
    return "".join(
        f"<h2>CHAPTER {n}. {title}</h2>" + story(n * 5, 5) for n, title in enumerate(TITLES, 1)
    ) + ('<p class="img"><img src="t.png" alt="" /></p>' + ending)


def test_a_picture_captioned_the_end_closes_the_story(tmp_path: Path) -> None:
    # The last chapter ends on a picture with `THE END` under it; the publisher's pages of
    # other titles after it, set off by rules, are end matter, not scenes of that chapter.
    ending = (
        '<p class="img"><img src="end.png" alt="A lamp on the shore" /><br />THE END</p>'
        '<p class="c">THE LIGHTHOUSE SERIES</p><p>Each volume with coloured plates, cloth.</p>'
        '<hr /><p class="c">THE TIDE BOOKS</p><p>Six volumes, boxed, two dollars the set.</p>'
    )
    book = _open(tmp_path, _headed_chapters(ending))
    assert [len(c.scenes) for c in book.chapters] == [1, 1, 1]
    assert book.end_matter


def test_a_printers_imprint_under_the_last_picture_is_end_matter(tmp_path: Path) -> None:
    # The story's last picture, the printer's imprint under it, then a rule and the
    # transcriber's bracketed note: the story ended with its prose.
    ending = (
        "<p>Printed in Canada<br />by Reed and Quill, Limited<br />Printers and Binders<br />"
        "Halifax</p><hr /><p>[Transcriber's Note: A misprint in the second chapter was "
        "corrected to read as the first edition has it.]</p>"
    )
    book = _open(tmp_path, _headed_chapters(ending))
    assert [len(c.scenes) for c in book.chapters] == [1, 1, 1]
