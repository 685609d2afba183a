"""Headings set as styled paragraphs in a book whose contents list names only its title page.

The style used for many short centred lines over prose heads the divisions, the first heading
under a title set in another style joins them by its number, titles over a division's first
heading open it, and a printer's imprint after the last rule is end matter.
"""

from __future__ import annotations

from pathlib import Path

from markup_books import epub, outline, story


def head(text: str, style: str = "p4 center") -> str:
    return f'<p class="{style}">{text}</p>'


def test_a_style_of_short_lines_over_prose_heads_the_chapters(tmp_path: Path) -> None:
    # Two works: one in titled nights, one in numbered chapters under parts (the first of each
    # run set with less space above, under its title); a story cut across two files by size.
    first = (
        "<h1>THE LANTERN KEEPER</h1>"
        + head("NEW YORK<br/>THE HARBOUR PRESS")
        + head("THE LANTERN")
        + head("a tale of the coast", "center")
        + head("FIRST WATCH", "p2 center")
        + story(1)
        + head("SECOND WATCH")
        + story(2)
        + head("THIRD WATCH")
        + story(3)
        + head("NOTES FROM THE SHORE")
        + head("PART I", "p2 center")
        + head("I", "p2 center")
        + story(4)
        + head("II")
        + story(5)
        + head("III")
        + story(6)
        + head("PART II")
    )
    second = head("I") + story(7) + head("II") + story(8) + head("THE BELL") + story(9)
    third = story(10) + "<hr/>" + head("Printed in Great Britain by Quill &amp; Sons", "p2")
    book = epub(
        tmp_path / "styled.epub",
        {"one": first, "two": second, "three": third},
        [("THE LANTERN KEEPER", "Text/one.xhtml")],
    )
    titles = [title for title, _ in outline(book)]
    assert titles == [
        "FIRST WATCH",
        "SECOND WATCH",
        "THIRD WATCH",
        "I",
        "II",
        "III",
        "I",
        "II",
        "THE BELL",
    ]
    assert all(scenes == 1 for _, scenes in outline(book))
    # (the work's title and the part's stand over the first chapter, not at the end of the last)
    third_watch = book.chapters[2]
    assert (
        "NOTES FROM THE SHORE"
        not in book.text[book.starts[third_watch.start] : book.ends[third_watch.end - 1]]
    )
    last = book.chapters[-1]
    assert "Printed in" not in book.text[book.starts[last.start] : book.ends[last.end - 1]]


def test_short_centred_lines_that_stand_over_no_prose_head_nothing(tmp_path: Path) -> None:
    # A letter's closing lines set in styles of their own, again and again: no headings.
    letter = "".join(
        story(n, 2) + head("Yours ever,", "center") + head("ADA", "signature") for n in range(8)
    )
    book = epub(tmp_path / "letters.epub", {"one": letter}, [("Letters", "Text/one.xhtml")])
    assert len(book.chapters) == 1
