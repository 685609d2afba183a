"""Pages before the story in a published book's markup are front matter, not chapters.

These include an edition's introduction, a contents list and a list of illustrations.
"""

from __future__ import annotations

import gzip
from pathlib import Path

from tui.book.formats import open_book

PROSE = "She walked down to the harbour and counted the boats again, slowly, twice over."
OTHER = "The lamp in the tower was lit at dusk, and the keeper wrote the hour in his book."


def _html(tmp_path: Path, intro_title: str) -> Path:
    story = "".join(
        f"<h2>The {nth} Chapter<br/>{title}</h2><p>{PROSE}</p><p>{OTHER}</p><p>{PROSE}</p>"
        for nth, title in (("First", "Puddleby"), ("Second", "The Parrot"), ("Last", "Home"))
    )
    page = (
        "<html><head><title>The Harbour</title></head><body>"
        "<h1>THE HARBOUR</h1>"
        f"<h2>{intro_title}</h2>" + f"<p>{PROSE} {OTHER}</p>" * 6 + "<p>A FRIEND.</p>"
        "<h2>Contents</h2><p>The First Chapter: Puddleby 1</p><p>The Second Chapter 9</p>"
        "<h2>Illustrations</h2><p>The lamp in the tower 4</p><p>The boats 12</p>"
        f"{story}</body></html>"
    )
    path = tmp_path / "harbour.html.gz"
    path.write_bytes(gzip.compress(page.encode()))
    return path


def test_an_introduction_printed_before_the_contents_is_the_edition_s(tmp_path: Path) -> None:
    book = open_book(_html(tmp_path, "Introduction to the Tenth Printing"))
    assert [c.title.split()[1] for c in book.chapters] == ["First", "Second", "Last"]
    assert [s.kind for s in book.front_matter][-2:] == ["toc", "insert"]
    assert len(book.front_matter) >= 3


def test_a_chapter_before_the_contents_with_a_title_of_its_own_stays_one(
    tmp_path: Path,
) -> None:
    # Only an introduction is the edition's: a page with a title of its own and prose is not.
    book = open_book(_html(tmp_path, "The Storm"))
    assert book.chapters[0].title == "The Storm"
