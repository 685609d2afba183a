"""Emphasis marked in a plain-text book with underscores (`_italics_`) or single stars.

Shown in italics, without the marks, while every place still counts characters of the file;
a star that is text (`5 * 3`, a footnote's `word*`, a `* * *` break) stays.
"""

from __future__ import annotations

from pathlib import Path

from reader_support import make_book

from tui.book.formats import open_book
from tui.reading.pager import LayoutOptions, Pager, Pos
from tui.reading.row_marks import row_marks
from tui.reading.search import compile_query
from tui.reading.shown_text import shown_from_raw, without_emphasis_marks

RAW = "He said _very_ little,\nand _the blood is\nthe life_ was all. my_file and __init__ stay."


def test_the_marks_go_and_their_words_are_kept_as_emphasis() -> None:
    shown = without_emphasis_marks(shown_from_raw(RAW, rejoin=True))
    assert shown.text == (
        "He said very little, and the blood is the life was all. my_file and __init__ stay."
    )
    assert [shown.text[a:b] for a, b in shown.emphasis] == ["very", "the blood is the life"]


def test_every_shown_character_maps_back_to_its_place_in_the_file() -> None:
    shown = without_emphasis_marks(shown_from_raw(RAW, rejoin=True))
    for index, char in enumerate(shown.text):
        assert RAW[shown.to_raw(index)] == (
            "\n" if char == " " and RAW[shown.to_raw(index)] == "\n" else char
        )
    for word in ("very", "little", "the blood", "life", "my_file"):
        assert shown.to_shown(RAW.index(word)) == shown.text.index(word)


def test_a_row_marks_the_emphasised_words_italic() -> None:
    book = make_book("Chapter 1\n\nShe was _not_ afraid of the _dark_.\n")
    pager = Pager(book, LayoutOptions(column=60), height=10)
    row = next(r for r in pager.rows(Pos(0), 10) if "afraid" in r.text)
    assert row.text == "She was not afraid of the dark."
    marks = row_marks(row, pager, selected=None, pattern=None, current=None, matches={})
    assert [row.text[a:b] for a, b, name in marks if name == "italic"] == ["not", "dark"]


def test_a_search_finds_words_across_emphasis_marks() -> None:
    for query in ("said very little", "and the blood", "the life was all"):
        pattern = compile_query(query)
        assert pattern is not None and pattern.search(RAW) is not None, query


def test_a_superscript_after_a_number_is_emphasis_too() -> None:
    # Jane Eyre's preface: `_December_ 21_st_, 1847.`
    shown = without_emphasis_marks(shown_from_raw("_December_ 21_st_, 1847.", rejoin=True))
    assert shown.text == "December 21st, 1847."
    assert [shown.text[a:b] for a, b in shown.emphasis] == ["December", "st"]


STARRED = (
    "She waited, as she did *every* Thursday.\nThe tally read 5 * 3 crates, and a note* below."
)


def test_single_stars_set_their_words_in_italics_and_lone_stars_stay() -> None:
    shown = without_emphasis_marks(shown_from_raw(STARRED, rejoin=True))
    assert shown.text == (
        "She waited, as she did every Thursday. The tally read 5 * 3 crates, and a note* below."
    )
    assert [shown.text[a:b] for a, b in shown.emphasis] == ["every"]


def test_a_heading_in_single_stars_is_titled_without_them(tmp_path: Path) -> None:
    parts = ["The Ferry", "*Chapter 1*: The Quay", "She waited on the landing stage.", "* * *"]
    parts += ["*Tub*", "Rain came early, and the canals rose to the *second step*."]
    parts += ["*Chapter 2*: The Bells", "Nobody minded the market's smell."]
    path = tmp_path / "ferry.txt"
    path.write_text("\n\n".join(parts) + "\n", encoding="utf-8")
    book = open_book(path)
    assert [chapter.title for chapter in book.chapters] == [
        "Chapter 1: The Quay",
        "Chapter 2: The Bells",
    ]
    assert len(book.chapters[0].scenes) == 2  # the `* * *` line is still a break
    assert book.chapters[0].scenes[1].first_words == "Tub"
