"""A plain text's first lines name its title and author by their layout.

A CJK author line under the title, or an author's name set over the title.
"""

from __future__ import annotations

from pathlib import Path

from shape_support import written

from tui.book.formats import open_book
from tui.book.text.name_lines import author_over_title, cjk_author

PROSE = (
    "The keeper climbed the stair at dusk and lit the lamp, and wrote the hour in his book "
    "before the boats came home across the grey water of the bay."
)
ZH = "　　話說海邊有一座燈塔，守塔的人每夜點燈，把時辰寫在本子上，船隻便平安回港。"


def _text(top: str, under: str, story: str = PROSE) -> str:
    return f"{top}\n{under}\n\n" + "\n\n".join([story] * 12) + "\n"


def test_a_dynasty_or_a_closing_wrote_marks_a_cjk_author_line() -> None:
    assert cjk_author("〔明〕海燈守著") == "海燈守"
    assert cjk_author("明 海燈守著") == "海燈守"
    assert cjk_author("（明）海燈守") == "海燈守"
    assert cjk_author("海燈守 撰") == "海燈守"
    assert cjk_author("燈塔夜話") is None  # (a plain line: a subtitle, not a name)


def test_a_cjk_author_line_under_the_title_names_the_author(tmp_path: Path) -> None:
    text = "燈塔記\n\n〔明〕海燈守著\n\n" + "\n\n".join([ZH] * 12) + "\n"
    book = open_book(written(tmp_path, "dengta.txt", text))
    assert (book.title, book.author) == ("燈塔記", "海燈守")


def test_a_name_over_a_title_line_is_the_author(tmp_path: Path) -> None:
    book = open_book(written(tmp_path, "keeper.txt", _text("Ada Marlowe Quince", "Lamplight")))
    assert (book.title, book.author) == ("Lamplight", "Ada Marlowe Quince")


def test_a_name_in_capitals_over_a_title_in_capitals_the_prose_writes_small(
    tmp_path: Path,
) -> None:
    book = open_book(written(tmp_path, "keeper.txt", _text("ADA QUINCE", "THE KEEPER")))
    assert (book.title, book.author) == ("THE KEEPER", "Ada Quince")


def test_a_title_over_its_author_stays_as_it_is(tmp_path: Path) -> None:
    # (both could be names, and the prose writes neither's words in small letters)
    book = open_book(written(tmp_path, "keeper.txt", _text("Glass Harbour", "Ada Quince")))
    assert book.title == "Glass Harbour" and book.author != "Glass Harbour"


def test_a_name_the_story_keeps_repeating_is_its_title_character() -> None:
    story = "\n".join(["Ada Quince walked to the harbour."] * 5)
    assert not author_over_title("Ada Quince", "A Novel of the Sea", story)
    assert author_over_title("Ada Quince", "A Novel of the Sea", "Nobody walked there.")


def test_a_heading_underlined_is_no_name_over_a_title(tmp_path: Path) -> None:
    # `Two Words` over `=====` is a Markdown chapter heading, not an author over a title line.
    text = "Morse Four\n==========\n\n*May 1st, 1238*\n\n" + "The tide was out. " * 40 + "\n"
    path = tmp_path / "ch8.md"
    path.write_text(text, encoding="utf-8")
    book = open_book(path)
    assert [c.title for c in book.chapters] == ["Morse Four"]
    assert book.meta.get("author") != "Morse Four"
