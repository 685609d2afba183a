"""A book's title and author as the page says them.

Classed name elements over its text, the byline of its <title>, the title page's spelling over a
catalogue header's, and a Markdown file's facts set as headings.
"""

from __future__ import annotations

from pathlib import Path

from shape_support import MORE, OTHER, PROSE, page, written

from tui.book.formats import open_book

STORY = "".join(f"<p>{PROSE} {OTHER} {MORE}</p>" for _ in range(6))
CHAPTERS = "".join(f"<h3>Chapter {n}</h3>{STORY}" for n in (1, 2, 3))


def test_classed_title_and_author_over_the_text_name_the_book(tmp_path: Path) -> None:
    # (the <title> runs the author and the title together; the elements give each apart)
    body = (
        '<div class="metadata"><h1 class="title">The Lantern</h1>'
        '<h2 class="subtitle">A Winter Tale</h2><h2 class="author">Mira Holt</h2><br/></div>'
        + CHAPTERS
    )
    book = open_book(written(tmp_path, "lantern.html", page(body, "Mira Holt The Lantern")))
    assert (book.title, book.author) == ("The Lantern", "Mira Holt")


def test_a_pandoc_title_block_names_the_book(tmp_path: Path) -> None:
    body = (
        '<header id="title-block-header"><h1 class="title">The Lantern</h1>'
        '<p class="author">Mira Holt</p><p class="date">1921</p></header>' + CHAPTERS
    )
    book = open_book(written(tmp_path, "lantern.html", page(body, "lantern")))
    assert (book.title, book.author) == ("The Lantern", "Mira Holt")


def test_a_classed_title_among_the_text_names_no_book(tmp_path: Path) -> None:
    # (a chapter's heading classed `title`, under the page's first words, with no author)
    body = f"<p>{PROSE}</p>" + '<h2 class="title">Chapter 1</h2>' + STORY
    book = open_book(written(tmp_path, "lantern.html", page(body, "The Lantern")))
    assert (book.title, book.author) == ("The Lantern", None)


def test_the_page_titles_byline_names_the_author(tmp_path: Path) -> None:
    title = "The Project Gutenberg eBook of The Lantern, by M. R. Holt."
    book = open_book(written(tmp_path, "lantern.html", page(CHAPTERS, title)))
    assert (book.title, book.author) == ("The Lantern", "M. R. Holt")


def test_a_title_with_by_in_it_names_no_author(tmp_path: Path) -> None:
    book = open_book(written(tmp_path, "lantern.html", page(CHAPTERS, "Stand by me")))
    assert book.author is None


HEADER = (
    "<pre>The Project Gutenberg EBook of {title}, by {author}</pre>"
    "<pre>Title: {title}</pre><pre>Author: {author}</pre><pre>Language: English</pre>"
    "<pre>*** START OF THIS PROJECT GUTENBERG EBOOK ***</pre><br/>"
)


def names_under_header(tmp_path: Path, author: str, title_page: str) -> tuple[str, str | None]:
    """The title and author of a Gutenberg page whose header names `Lantern Road` by
    ``author``, over ``title_page``."""
    body = HEADER.format(title="Lantern Road", author=author) + title_page + CHAPTERS
    book = open_book(written(tmp_path, "lantern.html", page(body, "Lantern Road")))
    return book.title, book.author


def test_the_title_page_spells_the_author_and_the_title(tmp_path: Path) -> None:
    # (the header's catalogue drops the title's article and spells a given name otherwise)
    title_page = "<h1>The Lantern Road</h1><br/><h2>by Katherine Holt</h2><br/><hr/>"
    names = names_under_header(tmp_path, "Katharine Holt", title_page)
    assert names == ("The Lantern Road", "Katherine Holt")


def test_a_title_page_naming_another_person_keeps_the_header(tmp_path: Path) -> None:
    title_page = "<h1>Lantern Road</h1><br/><h2>by Nora Holt</h2><br/><hr/>"
    assert names_under_header(tmp_path, "Mira Holt", title_page) == ("Lantern Road", "Mira Holt")


def test_markdown_facts_set_as_headings_name_the_book(tmp_path: Path) -> None:
    chapters = "".join(f"## CHAPTER {n}\n\n{PROSE} {OTHER}\n\n{MORE}\n\n" for n in ("I", "II"))
    text = "# Title: The Lantern\n\n## Author: Mira Holt\n\n## Year: 1921\n\n-------\n\n" + chapters
    book = open_book(written(tmp_path, "lantern.txt", text))
    assert (book.title, book.author) == ("The Lantern", "Mira Holt")
