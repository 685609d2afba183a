"""A book that names only its chapter, or nothing, is titled from its file's path.

A file named as one part of a work takes the name of the folder that holds it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.book.file_title import title_from_path, work_of_folder
from tui.book.formats import open_book

PROSE = "She walked down to the harbour and counted the boats again, slowly, twice over.\n\n"


@pytest.mark.parametrize(
    ("path", "title"),
    [
        ("/home/r/my_story-final.txt", "my story-final"),
        ("/home/r/my_story.txt.gz", "my story"),
        ("/home/r/Harry_Potter_-_Nephilim/Chapter02.md", "Harry Potter - Nephilim"),
        ("/home/r/The Long Way/ch_3.txt", "The Long Way"),
        ("/home/r/Red Tide/007.html", "Red Tide"),
        ("/home/r/Red Tide/index.html", "Red Tide"),
        # A folder books are kept in, or one named as a part, names no work.
        ("/home/r/downloads/Chapter02.md", "Chapter02"),
        ("/home/r/fics/part-2.txt", "part-2"),
        ("/home/r/Red Tide/ch3/002.txt", "002"),
        ("Chapter02.md", "Chapter02"),
    ],
)
def test_a_title_from_the_path(path: str, title: str) -> None:
    assert title_from_path(path) == title


@pytest.mark.parametrize(
    ("title", "path", "work"),
    [
        ("Chapter 2", "/r/Harry_Potter_-_Nephilim/Chapter02.md", "Harry Potter - Nephilim"),
        ("Hope - Tintagel (2)", "/r/Hope/13 - Tintagel (2).md", "Hope"),
        ("Hope: Chapter 13", "/r/Hope/13.md", "Hope"),
        # A title of its own is kept.
        ("Hopeful", "/r/Hope/hopeful.md", "Hopeful"),
        ("Hope Springs", "/r/Hope/springs.md", "Hope Springs"),
        ("Chapter 2", "/r/downloads/Chapter02.md", "Chapter 2"),
        ("Chapter 2", "/r/Nephilim/notes.md", "Chapter 2"),
    ],
)
def test_a_chapter_pages_title_becomes_its_works(title: str, path: str, work: str) -> None:
    assert work_of_folder(title, path) == work


def test_a_markdown_chapter_page_is_titled_by_its_works_folder(tmp_path: Path) -> None:
    folder = tmp_path / "The_Long_Way"
    folder.mkdir()
    page = folder / "Chapter02.md"
    page.write_text('---\ntitle: "Chapter 2"\n---\n\n' + PROSE * 3, encoding="utf-8")
    book = open_book(page)
    assert book.title == "The Long Way"
    assert [c.title for c in book.chapters] == ["Chapter 2"]


def test_a_text_chapter_file_without_a_title_is_titled_by_its_folder(tmp_path: Path) -> None:
    folder = tmp_path / "Red Tide"
    folder.mkdir()
    page = folder / "chapter_07.txt"
    page.write_text(PROSE * 3, encoding="utf-8")
    assert open_book(page).title == "Red Tide"


def test_a_works_id_or_a_sites_folder_is_no_part_of_a_work() -> None:
    assert title_from_path("/r/ffn/13717046.txt") == "13717046"
    assert title_from_path("/r/Red Tide/13717046.txt") == "13717046"
    assert title_from_path("/r/ao3/chapter-2.md") == "chapter-2"
