"""A kept line too long for the column hangs: its rest is set further in than its start.

Verse, a contents list's entries and a letter's set lines stay visibly one line each when they
wrap, while prose wraps flush; the rows still map to the text they show.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from tui.book.formats import open_book
from tui.book.model import Book
from tui.reading.insets import HANG_CELLS
from tui.reading.pager import LayoutOptions, Pager
from tui.reading.paragraph_rows import ParagraphRows
from tui.reading.wrapping import Row, RowKind

REAL = Path(__file__).resolve().parents[1] / "fixtures" / "real"


@cache
def book(name: str) -> Book:
    return open_book(REAL / name)


def rows_from(name: str, start: str, count: int, column: int = 40) -> list[Row]:
    found = book(name)
    pager = Pager(found, LayoutOptions(column=column), height=count)
    pager.go_to_offset(found.text.index(start))
    return pager.screen()[:count]


def shown(rows: list[Row]) -> list[str]:
    return [" " * row.indent + row.text for row in rows]


def test_a_long_line_of_the_waste_land_hangs_under_its_start() -> None:
    # Each verse line a `<div>` of its own: the rest of a wrapped one is set in, the next line
    # starts at the margin again.
    rows = rows_from("idpf_wasteland.epub", "Summer surprised us", 4)
    hung = " " * HANG_CELLS
    assert shown(rows) == [
        "Summer surprised us, coming over the",
        hung + "Starnbergersee",
        "With a shower of rain; we stopped in the",
        hung + "colonnade,",
    ]


def test_a_hard_wrapped_texts_stanza_hangs_its_long_lines() -> None:
    rows = rows_from("pg_alice.txt.gz", "“Will you walk a little faster", 4)
    assert [row.indent for row in rows] == [0, HANG_CELLS, 0, HANG_CELLS]
    assert rows[1].text == "whiting to a snail."


def test_lines_joined_by_line_breaks_in_markup_hang_too() -> None:
    # Spoon River's lines are `<span>`s parted by `<br/>`: one paragraph of kept lines.
    rows = rows_from("se_spoon_river_anthology.epub", "Where are Elmer", 5)
    assert [row.indent for row in rows] == [0, HANG_CELLS, 0, HANG_CELLS, 0]


def test_a_contents_list_entry_too_long_for_the_column_hangs() -> None:
    rows = rows_from("pg_dracula.txt.gz", "CHAPTER VII. Cutting", 4, column=30)
    assert [row.indent > 0 for row in rows] == [False, True, False, True]
    assert rows[2].text.startswith("CHAPTER VIII.")


def test_prose_still_wraps_flush() -> None:
    rows = rows_from("pg_alice.txt.gz", "Alice was beginning to get", 5)
    assert all(row.kind == RowKind.TEXT and row.indent == 0 for row in rows)


def test_prose_set_a_sentence_a_line_wraps_flush() -> None:
    # A Hebrew novel's paragraph with `<br/>` after each sentence: prose, not verse (its
    # rows sit flush right, as right-to-left prose does).
    found = book("idpf_israelsailing.epub")
    pager = Pager(found, LayoutOptions(column=40), height=30)
    pager.go_to_offset(found.starts[found.chapters[1].start + 2])
    rows = [row for row in pager.screen() if row.kind == RowKind.TEXT]
    assert rows and all(row.indent + len(row.text) == 40 for row in rows[:6])


def test_a_hung_row_still_maps_to_the_words_it_shows() -> None:
    # Search marks, the selection and copies go by each row's span of the paragraph's text.
    found = book("idpf_wasteland.epub")
    first, hung = rows_from("idpf_wasteland.epub", "Summer surprised us", 2)
    text = ParagraphRows(found).shown(hung.para).text
    assert hung.para == first.para
    assert text[first.start : first.end] == first.text
    assert text[hung.start : hung.end] == hung.text == "Starnbergersee"
    assert text[first.end : hung.start] == " "  # (no character is lost at the break)


def test_a_narrow_column_hangs_less() -> None:
    rows = rows_from("idpf_wasteland.epub", "Summer surprised us", 3, column=20)
    assert 0 < rows[1].indent < HANG_CELLS
