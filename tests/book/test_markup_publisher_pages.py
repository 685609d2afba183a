"""A publisher's pages around the story in markup books are front and end matter.

A page on the author before the numbered chapters, named only in the contents, and pages of the
publisher's lists after the story, set off by rules under headings of their own, are front and
end matter, not chapters or scenes.
"""

from __future__ import annotations

from pathlib import Path

from fixtures import epub_builders as eb
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


def _picture_book(path: Path, after: str) -> Book:
    """One page: a story under its title, then ``after``."""
    page = "<h1>THE LANTERN KEEPER.</h1>" + story(1, 6) + after
    return epub(path, {"page": page}, [("The Lantern Keeper", "Text/page.xhtml")])


def _price_list(heading: str, titles: list[str]) -> str:
    cells = "".join(f"<td>{title}</td>" for title in titles)
    return f"<hr/><h3>{heading}</h3><h4>FIVE CENTS EACH.</h4><table><tr>{cells}</tr></table>"


def test_the_publishers_ruled_lists_after_the_story_are_end_matter_not_scenes(
    tmp_path: Path,
) -> None:
    lists = (
        '<hr class="wide"/><h2>New Books for Young Readers.</h2>'
        + _price_list("SEASIDE RHYMES.", ["The Salt Road.", "Fog Harbour."])
        + _price_list("HARBOUR TALES", ["The Drowned Orchard.", "The Gull and the Bell."])
        + "<h3>QUILL AND SONS, PUBLISHERS.</h3><p><b>______________________</b></p>"
        + "<p>This ebook is for the use of anyone anywhere at no cost, under the Project "
        "Gutenberg License online at www.gutenberg.org.</p>"
    )
    book = _picture_book(tmp_path / "lists.epub", lists)
    assert outline(book) == [("The Lantern Keeper", 1)]
    chapter = book.chapters[0]
    assert all("FIVE CENTS" not in book.paragraph(i) for i in range(chapter.start, chapter.end))
    assert any(
        "HARBOUR TALES" in book.paragraph(i)
        for section in book.end_matter
        for i in range(section.start, section.end)
    )


def test_a_ruled_scene_under_a_heading_after_the_story_stays_the_storys(tmp_path: Path) -> None:
    book = _picture_book(tmp_path / "scene.epub", "<hr/><h3>Later</h3>" + story(7, 4))
    # (prose under the heading: the story goes on past the rule)
    assert not book.end_matter or all(
        "Later" not in book.paragraph(i)
        for section in book.end_matter
        for i in range(section.start, section.end)
    )
    chapter = book.chapters[-1]
    assert any(eb.LINES[7] in book.paragraph(i) for i in range(chapter.start, chapter.end))
