"""A style sheet left in a text file's front matter shows as one short line.

A download left it there; it does not show as rows of its rules.
"""

from __future__ import annotations

from pathlib import Path

from tui.book.formats import open_book
from tui.book.rules.style_sheets import is_style_sheet
from tui.reading.pager import LayoutOptions, Pager
from tui.reading.shown_text import STYLE_SHEET

FANFIC = Path(__file__).resolve().parents[1] / "fixtures" / "fanfic"
AO3_TEXT = FANFIC / "ao3_text_dump_chat_log_datelines_nine_chapters.txt.gz"


def test_an_ao3_text_dumps_style_sheet_shows_as_one_line_on_its_title_page() -> None:
    book = open_book(str(AO3_TEXT))
    assert "p.message{text-align:center}" in book.text
    pager = Pager(book, LayoutOptions(column=72), height=24)
    rows = [row.text for row in pager.screen()]
    assert STYLE_SHEET in rows
    assert not any("text-align" in row or "{" in row for row in rows)
    assert "Preface" in rows  # (what follows it is shown as before)


def test_rules_are_a_style_sheet_and_prose_with_braces_is_not() -> None:
    assert is_style_sheet("p.message{text-align:center}.meta h1{font-size:1.5em;margin:0}")
    assert is_style_sheet("body { margin: 0; padding: 1em }\nh1 { font-size: 2em; }")
    assert not is_style_sheet("p{color:red}")  # (one rule alone may be a story's code sample)
    assert not is_style_sheet("He chalked a{b:c} on the board, then d{e:f}.")
    assert not is_style_sheet("Hello there. {see: notes} and {more: x}")
    assert not is_style_sheet("Chapter 1")
