"""A publisher's pages around the story in markup books: a page on the author before the numbered
chapters, named only in the contents, is front matter, not a chapter."""

from __future__ import annotations

from pathlib import Path

from markup_books import epub, outline, story

from tui.book.model import Book

TITLES = ["The Ferry", "The Bell", "The Ledger"]


def _numbered_book(path: Path, opening: str) -> Book:
    """A title page, an unheaded page ``opening`` listed as `About`, then chapters numbered
    from one under headings."""
    docs = {
        "title": "<h1>The Lantern Keeper</h1><h2>Ada Quill</h2>",
        "about": opening,
        **{
            f"ch{n}": f"<h2>Chapter {n}<br/>{title}</h2>" + story(n, 6)
            for n, title in enumerate(TITLES, 1)
        },
    }
    nav = [("Title", "Text/title.xhtml"), ("About", "Text/about.xhtml")]
    nav += [(f"Chapter {n} - {t}", f"Text/ch{n}.xhtml") for n, t in enumerate(TITLES, 1)]
    return epub(path, docs, nav)


def test_an_unheaded_page_on_the_author_before_the_numbered_chapters_is_front_matter(
    tmp_path: Path,
) -> None:
    about = (
        "<div><strong>About Quill:</strong><br/><p>Ada Quill (1801 – 1870) kept a lighthouse "
        "on the northern coast and wrote tales of its keepers in her spare hours. Source: a "
        "reference work</p></div><div><strong>Also by Quill:</strong><ul><li>The Salt Road "
        "(1840)</li><li>Fog Harbour (1844)</li><li>The Drowned Orchard (1850)</li></ul></div>"
        "<div><strong>Note:</strong> This edition is brought to you by a small press<br/>"
        "http://www.example.org<br/>Strictly for your own reading, not to be sold on.</div>"
    )
    book = _numbered_book(tmp_path / "about.epub", about)
    assert [title for title, _ in outline(book)] == [
        f"Chapter {n} - {t}" for n, t in enumerate(TITLES, 1)
    ]
    assert any(
        "Also by Quill" in book.paragraph(i)
        for section in book.front_matter
        for i in range(section.start, section.end)
    )


def test_an_unheaded_opening_of_prose_before_the_numbered_chapters_stays_a_chapter(
    tmp_path: Path,
) -> None:
    book = _numbered_book(tmp_path / "opening.epub", story(9, 5))
    # (a story's opening told before its first numbered chapter, headed only in the contents)
    assert [title for title, _ in outline(book)] == [
        "About",
        *(f"Chapter {n} - {t}" for n, t in enumerate(TITLES, 1)),
    ]
