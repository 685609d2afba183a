"""A box a plain text draws in its characters reads as its text, its frame dropped.

The box is drawn as `+-----+` over lines between bars; a table drawn so keeps its lines.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

from tui.book.formats import open_book
from tui.reading.pager import LayoutOptions, Pager

PROSE = (
    "The ferry had not run for three days, and the village had begun to talk of it in the "
    "low voices people keep for weather and for the dead. Mara walked down to the landing "
    "stage every morning all the same, and every morning the water lay flat and empty "
    "under the fog, and the bell on the post hung still. "
)

NOTE = """\
    +------------------------------------------------------------+
    | Transcriber's Note:                                        |
    |                                                            |
    | Obvious typographical errors have been corrected in        |
    | this text. For a complete list, please see the bottom of   |
    | this document.                                             |
    +------------------------------------------------------------+"""

TABLE = """\
    +------------------------------+------------------------------+
    | Departs from the landing     | Arrives at the island        |
    +------------------------------+------------------------------+
    | 8.15 a.m.                    | 9.40 a.m.                    |
    +------------------------------+------------------------------+"""

REAL = Path(__file__).resolve().parents[1] / "fixtures" / "real"


def _rows(book, start: str, count: int, column: int = 60) -> list[str]:
    pager = Pager(book, LayoutOptions(column=column), height=40)
    pager.go_to_offset(book.text.index(start))
    return [row.text for row in pager.screen()[:count]]


def _book(tmp_path: Path, drawing: str):
    prose = textwrap.fill(PROSE * 2, 70)
    parts = ["THE FERRY", "CHAPTER I.", prose, drawing, *([prose] * 40)]
    path = tmp_path / "ferry.txt"
    path.write_text("\n\n".join(parts) + "\n", encoding="utf-8")
    return open_book(str(path))


def test_a_boxed_note_reads_as_its_text_without_the_frame(tmp_path: Path) -> None:
    rows = _rows(_book(tmp_path, NOTE), "+----", 5, column=40)
    assert rows == [
        "Transcriber's Note:",
        "Obvious typographical errors have been",
        "corrected in this text. For a complete",
        "list, please see the bottom of this",
        "document.",
    ]


def test_a_boxed_note_keeps_each_word_at_its_place_in_the_file(tmp_path: Path) -> None:
    book = _book(tmp_path, NOTE)
    pager = Pager(book, LayoutOptions(column=40), height=40)
    pager.go_to_offset(book.text.index("+----"))
    row = pager.screen()[2]
    para = row.para
    shown = pager.shown(para)
    at = book.starts[para] + shown.to_raw(row.start)
    assert book.text.startswith("corrected in", at)


def test_a_table_drawn_in_the_text_keeps_its_lines(tmp_path: Path) -> None:
    rows = _rows(_book(tmp_path, TABLE), "+----", 5, column=72)
    assert [row.strip() for row in rows] == [line.strip() for line in TABLE.split("\n")]


def test_candides_transcribers_note_reads_as_text() -> None:
    book = open_book(str(REAL / "pg_candide_latin1.txt.gz"))
    rows = _rows(book, "    +----", 3, column=72)
    assert rows == [
        "Transcriber's Note:",
        "Obvious typographical errors have been corrected in this text. For a",
        "complete list, please see the bottom of this document.",
    ]
