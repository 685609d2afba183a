"""Gutenberg HTML in parts: a part's heading stands over the next chapter.

A part's heading and title lines between two chapters stand over the next chapter, not in the
text of the last one, and a song's numbered stanzas are no scenes.
"""

from __future__ import annotations

from pathlib import Path

from fixtures import epub_builders as eb
from markup_books import gutenberg_page, outline, story

from tui.book.formats import open_book

RULE = '<hr style="width: 65%;" />'


def _chapter(roman: str, title: str, seed: int, body: str = "") -> str:
    return f"{RULE}<h2>CHAPTER {roman}.</h2><h3>{title}</h3>{body or story(seed, 6)}"


def test_a_parts_heading_and_its_date_stand_over_the_next_chapter(tmp_path: Path) -> None:
    def epoch(name: str, year: str, subtitle: str) -> str:
        return f"{RULE}<h2>EPOCH THE {name}.</h2><h3>{year}.</h3><h3>{subtitle}.</h3>"

    body = (
        epoch("FIRST", "1703", "THE KEEPER")
        + _chapter("I", "The Ferry", 1)
        + _chapter("II", "The Bell", 2)
        + "<h4>END OF THE FIRST EPOCH.</h4>"
        + epoch("SECOND", "1715", "THE LAMP")
        + _chapter("I", "The Return", 3)
        + _chapter("II", "The Fog", 4)
    )
    book = open_book(gutenberg_page(tmp_path / "epochs.html", body, ending="<h3>THE END.</h3>"))
    assert [scenes for _, scenes in outline(book)] == [1, 1, 1, 1]
    second = book.chapters[1]
    text = " ".join(book.paragraph(i) for i in range(second.start, second.end))
    assert "1715" not in text  # the date belongs to the part over the next chapter
    third = book.chapters[2]
    assert third.title.startswith("CHAPTER I")
    assert "1715." in [book.paragraph(i) for i in range(third.start, third.end)]


def test_a_songs_numbered_stanzas_are_not_scenes(tmp_path: Path) -> None:
    def stanza(number: str, seed: int) -> str:
        lines = "".join(f"<span>{line}<br /></span>" for line in eb.prose(seed, 4))
        return (
            f'<div class="stanza"><span>{number}.<br /></span></div>'
            f'<div class="stanza">{lines}</div>'
        )

    song = '<div class="poem">' + "".join(stanza(n, k) for k, n in enumerate(["I", "II", "III"]))
    song += "</div>"
    body = _chapter("I", "The Ferry", 1, story(1, 4) + song + story(2, 4))
    body += _chapter("II", "The Bell", 3)
    book = open_book(gutenberg_page(tmp_path / "song.html", body, ending="<h3>THE END.</h3>"))
    assert [scenes for _, scenes in outline(book)] == [1, 1]


def test_a_dash_under_a_column_of_figures_is_no_scene_break(tmp_path: Path) -> None:
    table = (
        '<div xml:space="preserve" class="pgmonospaced">'
        "\xa0\xa0\xa0 24 guns of the artillery of the Guards<br/>"
        "\xa0\xa0\xa0 30 guns of the first division<br/><br/>"
        " and\xa0\xa0 8 guns of the second division<br/>"
        "\xa0\xa0\xa0\xa0\xa0\xa0 —<br/><br/> in all 62 guns.<br/></div>"
    )
    body = _chapter("I", "The Ferry", 1, story(1, 4) + table + story(2, 4))
    body += _chapter("II", "The Bell", 3)
    book = open_book(gutenberg_page(tmp_path / "sum.html", body, ending="<h3>THE END.</h3>"))
    assert [scenes for _, scenes in outline(book)] == [1, 1]


def test_a_paragraph_closing_on_two_line_breaks_leaves_a_scene_gap(tmp_path: Path) -> None:
    def closing(seed: int) -> str:
        return f"<p>{eb.prose(seed, 1)[0]}<br /><br />\n</p>"

    spacer = "<p><br /><br /><br /></p>"
    first = story(1, 5) + closing(9) + story(2, 5)
    second = story(3, 4) + closing(10) + story(4, 4) + closing(11) + story(5, 4)
    body = (
        f"{spacer}<h3>CHAPTER I</h3><h3>THE FERRY</h3>{first}"
        f"{spacer}<h3>CHAPTER II</h3><h3>THE BELL</h3>{second}"
        f"{spacer}<h3>CHAPTER III</h3><h3>THE LAMP</h3>{story(6, 6)}"
    )
    book = open_book(gutenberg_page(tmp_path / "gaps.html", body, ending="<h3>THE END.</h3>"))
    assert [scenes for _, scenes in outline(book)] == [2, 3, 1]


def test_books_set_a_level_above_their_chapters_open_the_chapter_they_head(
    tmp_path: Path,
) -> None:
    # Old Gutenberg HTML: `<H2>BOOK II.</H2><BR><H2>OLD AND YOUNG.</H2>` over `<H3>CHAPTER
    # III.</H3>`, three `<BR>`s before them, no rules anywhere.
    gap = "<br><br><br>"

    def book_head(roman: str, title: str) -> str:
        return f"{gap}<h2>BOOK {roman}.</h2><br><h2>{title}.</h2><br><br>"

    def chapter(roman: str, seed: int) -> str:
        return f"{gap}<h3>CHAPTER {roman}.</h3>{story(seed, 5)}"

    body = (
        book_head("I", "MISS BROOKE")
        + chapter("I", 1)
        + chapter("II", 2)
        + book_head("II", "OLD AND YOUNG")
        + chapter("III", 3)
        + chapter("IV", 4)
        + book_head("III", "WAITING FOR DEATH")
        + chapter("V", 5)
    )
    book = open_book(gutenberg_page(tmp_path / "books.html", body, ending="<h3>THE END.</h3>"))
    # The book's title is no scene at the end of the chapter before it.
    assert [scenes for _, scenes in outline(book)] == [1, 1, 1, 1, 1]
    second, third = book.chapters[1], book.chapters[2]
    assert "OLD AND YOUNG." not in [book.paragraph(i) for i in range(second.start, second.end)]
    assert third.title.startswith("CHAPTER III")
    assert book.paragraph(third.start) == "BOOK II."


def test_books_named_over_their_first_chapters_headings_are_the_chapters_parts(
    tmp_path: Path,
) -> None:
    # (Middlemarch: `BOOK II.` and `OLD AND YOUNG.` over `CHAPTER XIII.`, no contents to say so)
    def book_heading(number: str, title: str) -> str:
        return f"<br /><br /><br /><h2>BOOK {number}.</h2><br /><h2>{title}.</h2><br /><br />"

    def chapter(roman: str, seed: int) -> str:
        return f"<h3>CHAPTER {roman}.</h3>{story(seed, 6)}<br /><br /><br />"

    body = (
        "<h3>PRELUDE.</h3>"
        + story(9, 4)
        + book_heading("I", "MISS BROOKE")
        + chapter("I", 1)
        + chapter("II", 2)
        + book_heading("II", "OLD AND YOUNG")
        + chapter("III", 3)
        + chapter("IV", 4)
    )
    book = open_book(gutenberg_page(tmp_path / "books.html", body, ending="<h3>THE END.</h3>"))
    assert [c.full_title for c in book.chapters] == [
        "PRELUDE",
        "BOOK I: MISS BROOKE · CHAPTER I",
        "BOOK I: MISS BROOKE · CHAPTER II",
        "BOOK II: OLD AND YOUNG · CHAPTER III",
        "BOOK II: OLD AND YOUNG · CHAPTER IV",
    ]


def _opening(words: str, seed: int) -> str:
    """A chapter's text whose first words are set in capitals, as the book sets them."""
    texts = eb.prose(seed, 4)
    return eb.paras([f"{words} {texts[0]}", *texts[1:]])


def test_an_introduction_set_as_the_chapters_are_is_the_storys_first_chapter(
    tmp_path: Path,
) -> None:
    # Every heading an `<h2>`: the book's Books, bare numerals restarting in each, and an
    # `INTRODUCTION` before them whose first words are in capitals as every chapter's are (a
    # frame narrative, not an editor's page): a reader counts it as the first chapter.
    def book_part(name: str, seed: int) -> str:
        numbered = "".join(
            f"<h2>{n}</h2>" + _opening("ONE MORNING", seed + k)
            for k, n in enumerate(["I", "II", "III"])
        )
        return f"<h2>{name}</h2>" + numbered

    body = (
        "<h2>By Ada Quill</h2><h2>INTRODUCTION</h2>"
        + _opening("LAST SUMMER", 9)
        + book_part("BOOK I. The Ferry", 1)
        + book_part("BOOK II. The Tower", 4)
    )
    book = open_book(gutenberg_page(tmp_path / "frame.html", body))
    assert [c.title for c in book.chapters] == ["INTRODUCTION"] + ["I", "II", "III"] * 2
    assert book.chapters[0].part == ""
    assert book.chapters[1].part == "BOOK I. The Ferry"
    # Its opening set as ordinary prose, the same page is an editor's, before the story.
    plain = body.replace("LAST SUMMER ", "")
    book = open_book(gutenberg_page(tmp_path / "editor.html", plain))
    assert [c.title for c in book.chapters] == ["I", "II", "III"] * 2
    # Nor is an author's line over the contents and an untitled foreword a chapter.
    byline = body.replace("<h2>INTRODUCTION</h2>", "<p>CONTENTS</p><p>BOOK I</p><hr/>")
    book = open_book(gutenberg_page(tmp_path / "byline.html", byline))
    assert [c.title for c in book.chapters] == ["I", "II", "III"] * 2
