"""Text dumps whose italic words were cut onto lines of their own: which gaps are breaks.

The cut's extra blank line is no scene break, and a row of ellipses (trailing full stops and
all) is one.
"""

from __future__ import annotations

from pathlib import Path

from tui.book.formats import open_book
from tui.book.rules.breaks import is_pause_line

PARAS = [
    "The rain had not stopped since morning, and the roads were rivers of mud again.",
    "She pulled her cloak tighter and walked on toward the castle gate without a word.",
    "The guards did not look up from their fire when she passed them in the dark.",
    "Somewhere above, a bell rang the hour, and the sound rolled down the stone walls.",
]


def _chapter(number: str, body: list[str]) -> list[str]:
    return ["", "", "", "", number, "", "", "", *body]


def _paragraphs(*paras: str) -> list[str]:
    out: list[str] = []
    for para in paras:
        out += [para, "", ""]
    return out


def test_a_cut_paragraphs_extra_blank_line_is_no_break(tmp_path: Path) -> None:
    # Paragraphs stand two blank lines apart; `*Rope*, he said. Dog boat.` was cut into
    # three pieces a blank line apart, with a third blank line left at the cut's edges.
    cut = ["", "Rope,", "", " he said at last. ", "", "Nobody answered him.", "", "", ""]
    first = [*_paragraphs(*PARAS[:2]), *cut, *_paragraphs(*PARAS[2:])]
    # (the book draws its breaks as rows of ellipses)
    second = _paragraphs(*PARAS, "…………………………..", *PARAS)
    lines = ["Title", *_chapter("Chapter 1", first), *_chapter("Chapter 2", second)]
    lines += _chapter("Chapter 3", second)
    path = tmp_path / "Drabbles.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    book = open_book(path)
    assert [len(c.scenes) for c in book.chapters] == [1, 2, 2]


def test_a_row_of_ellipses_with_trailing_stops_is_a_pause_line() -> None:
    assert is_pause_line("……………………………………..")
    assert is_pause_line("…………...")
    assert not is_pause_line("……and then")
