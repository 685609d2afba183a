"""Collections and short books as their producers lay them out: stories before a closing
novella told in numbered chapters."""

from __future__ import annotations

from pathlib import Path

from markup_books import epub, story

from tui.book.model import Book

STORIES = ["The Ferry", "The Bell", "The Lamp", "The Gate"]


def _collection(tmp_path: Path, novella: dict[str, str], novella_nav: list) -> Book:
    """Four stories, one file each, then a novella's files (``novella``, its title's first)
    with ``novella_nav`` listed under its title."""
    docs = {f"s{n}": f"<h2>{t}</h2>" + story(n) for n, t in enumerate(STORIES)}
    docs |= novella
    nav: list = [(t, f"Text/s{n}.xhtml") for n, t in enumerate(STORIES)]
    nav.append(("The Salt Road", "Text/novella.xhtml", novella_nav))
    return epub(tmp_path / "collection.epub", docs, nav, title="Harbour Stories")


def test_stories_before_a_novella_in_numbered_chapters_are_chapters(tmp_path: Path) -> None:
    # The stories open the book; the novella's numbered chapters, a file each, close it: the
    # stories are no editor's introduction to them.
    romans = ["I", "II", "III"]
    novella = {"novella": "<h2>The Salt Road</h2>"}
    novella |= {f"c{n}": f"<h3>{r}</h3>" + story(40 + n) for n, r in enumerate(romans)}
    nav = [(r, f"Text/c{n}.xhtml") for n, r in enumerate(romans)]
    book = _collection(tmp_path, novella, nav)
    assert [c.title for c in book.chapters] == [*STORIES, *romans]
