"""Gutenberg EPUBs cut into files at arbitrary places.

A chapter's number and title with a dropped picture between them are one heading, the pictures'
file names are no text, the pages listed under the title page are front matter, and a gap inside
a quoted letter is no break.
"""

from __future__ import annotations

from pathlib import Path

from fixtures import epub_builders as eb
from markup_books import epub, first_words, outline, story

GAP = '<div class="c3"><br/>\n<br/>\n<br/>\n<br/></div>'


def _chapter(number: int, title: str, seed: int, body: str = "") -> str:
    """A chapter as the illustrated Gutenberg edition sets it: the bare number, the frame of a
    picture the converter dropped (only its file name is left), the title, another picture."""
    return (
        f'{GAP}<h2 id="n{number}">{number}</h2><div class="fig">00{number}2m <br/></div>'
        f'<h5><a/></h5><h3 id="t{number}">{title}</h3><div class="figleft c4">90{number}2m</div>'
        + (body or story(seed))
    )


def _nav(chapters: list[tuple[int, str, str]]) -> list:
    return [
        (str(n), f"Text/{doc}.xhtml#n{n}", [(title, f"Text/{doc}.xhtml#t{n}")])
        for n, title, doc in chapters
    ]


def test_number_and_title_with_a_dropped_picture_between_are_one_heading(
    tmp_path: Path,
) -> None:
    docs = {
        # The files are cut mid-chapter: the second starts inside chapter 2.
        "a": _chapter(1, "The Ferry", 1) + _chapter(2, "The Bell", 2),
        "b": story(5) + _chapter(3, "The Lamp", 3),
    }
    nav = _nav([(1, "The Ferry", "a"), (2, "The Bell", "a"), (3, "The Lamp", "b")])
    book = epub(tmp_path / "split.epub", docs, nav)
    assert outline(book) == [("1: The Ferry", 1), ("2: The Bell", 1), ("3: The Lamp", 1)]
    text = " ".join(book.paragraph(i) for i in range(len(book.starts)))
    assert "0012m" not in text and "9012m" not in text


def test_a_dropped_picture_after_the_gap_before_a_part_is_no_scene(tmp_path: Path) -> None:
    part_two = f'{GAP}<div class="fig">0081m <br/></div><h2 id="p2">PART TWO—The Bell Tower</h2>'
    docs = {"a": _chapter(1, "The Ferry", 1) + part_two + _chapter(2, "The Bell", 2)}
    nav = [
        ("PART ONE—The Shore", "Text/a.xhtml#n1", _nav([(1, "The Ferry", "a")])),
        ("PART TWO—The Bell Tower", "Text/a.xhtml#p2", _nav([(2, "The Bell", "a")])),
    ]
    book = epub(tmp_path / "parts.epub", docs, nav)
    assert outline(book) == [("1: The Ferry", 1), ("2: The Bell", 1)]


def test_pages_listed_under_the_title_page_are_front_matter(tmp_path: Path) -> None:
    docs = {
        "a": (
            '<h1 id="top">THE LANTERN KEEPER</h1><h2>by Ada Quill</h2>'
            '<h3 id="ill">Illustrated by Ben Ink</h3>'
            '<div class="mynote">The pictures in this edition are large, and on a small '
            "screen you may have to scroll to see the whole of each one of them.</div>"
            '<h2 id="ded">THE LANTERN KEEPER</h2><blockquote><p>To my brother, who kept the '
            "light on the point for thirty years, this story is dedicated.</p></blockquote>"
            "<hr/><p>If keepers’ tales in keepers’ words, told as they were of old,</p>"
            "<p>can please the reader as they pleased me, then let the tale be told.</p>"
            + '<h2 id="p1">PART ONE—The Shore</h2>'
            + _chapter(1, "The Ferry", 1)
            + _chapter(2, "The Bell", 2)
            + _chapter(3, "The Lamp", 3)
        )
    }
    nav = [
        (
            "THE LANTERN KEEPER",
            "Text/a.xhtml#top",
            [
                ("Illustrated by Ben Ink", "Text/a.xhtml#ill"),
                ("THE LANTERN KEEPER", "Text/a.xhtml#ded"),
            ],
        ),
        (
            "PART ONE—The Shore",
            "Text/a.xhtml#p1",
            _nav([(n, t, "a") for n, t in [(1, "The Ferry"), (2, "The Bell"), (3, "The Lamp")]]),
        ),
    ]
    book = epub(tmp_path / "front.epub", docs, nav)
    assert outline(book) == [("1: The Ferry", 1), ("2: The Bell", 1), ("3: The Lamp", 1)]
    assert book.front_matter


def test_a_gap_inside_a_quoted_letter_is_no_scene_break(tmp_path: Path) -> None:
    letter = (
        "<blockquote><div>"
        + eb.paras(eb.prose(7, 3))
        + "<p>John Trelawney</p><p>\xa0</p>"
        + "<p>Postscript—I did not tell you that the ship has a new cook, and a good one.</p>"
        + eb.paras(eb.prose(8, 1))
        + "<p>J. T.</p><p>\xa0</p><p>P.P.S.—Hawkins may stay one night with his mother.</p>"
        + "<p>J. T.</p></div></blockquote>"
    )
    body = story(1) + letter + story(2, 6)
    docs = {"a": _chapter(1, "The Ferry", 1, body) + _chapter(2, "The Bell", 2)}
    nav = _nav([(1, "The Ferry", "a"), (2, "The Bell", "a")])
    book = epub(tmp_path / "letter.epub", docs, nav)
    assert [len(scenes) for scenes in first_words(book)] == [1, 1]
