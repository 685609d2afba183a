"""What the page shows of tables and typed blocks in real EPUB and HTML books.

A table's rows one to a line with their cells set apart, a play's speaker before the speech, a
monospaced frequency table with its columns in line and no blank rows between its lines.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from tui.book.formats import open_book
from tui.book.model import Book
from tui.reading.paragraph_rows import LayoutOptions, ParagraphRows
from tui.reading.wrapping import RowKind

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
OPTIONS = LayoutOptions(column=72)


@cache
def book(path: str) -> Book:
    return open_book(FIXTURES / path)


def page(path: str, words: str, paragraphs: int, options: LayoutOptions = OPTIONS) -> list[str]:
    """The rows the page shows from the paragraph holding ``words`` on, as drawn (indents in
    spaces, blank rows as "")."""
    found = book(path)
    first = next(i for i in range(len(found)) if words in found.paragraph(i))
    layout = ParagraphRows(found)
    return [
        " " * row.indent + row.text
        for para in range(first, first + paragraphs)
        for row in layout.build(para, 0, options)
    ]


def test_a_fan_works_table_shows_a_row_a_line_with_its_cells_set_apart() -> None:
    rows = page("fanfic/ao3_download_html_2020_guide_table.html.gz", "SEA", 2)
    assert rows[:3] == ["SEA │ JAM │ COW │ TOWEL │ POT │ CAT │ OWL", "", rows[2]]
    assert rows[2] == "Chicken │ WEB │ HARP │ WEB │ HARP │ WEB │ OWL │ OWL"


def test_a_play_set_in_a_table_shows_who_speaks_before_the_speech() -> None:
    rows = page("real/se_importance_of_being_earnest.epub", "Did you hear what I", 2)
    assert rows == [
        "Algernon: Did you hear what I was playing, Lane?",
        "",
        "Lane: I didn’t think it polite to listen, sir.",
        "",
    ]


def test_a_monospaced_table_keeps_its_columns_and_its_rows_together() -> None:
    rows = page("real/pg_works_of_poe_vol1.epub", "‡ )", 1)
    table = [row.replace("\xa0", " ") for row in rows if row.strip()]  # (set in no-break spaces)
    assert len(table) == 13 and rows[-1] == "" and "" not in rows[:-1]
    assert table[:3] == [
        "                          ;        “     26.",
        "                          4        “     19.",
        "                        ‡ )        “     16.",
    ]
    # (in a narrow column the block moves left as a whole: its columns stay in line)
    narrow = page("real/pg_works_of_poe_vol1.epub", "‡ )", 1, LayoutOptions(column=30))
    narrow = [row.replace("\xa0", " ") for row in narrow if row.strip()]
    assert len(narrow) == 13 and max(len(row) for row in narrow) <= 30
    assert len({row.index("“") for row in narrow}) == 1
    assert len({row.index("“") - row.index(";") for row in narrow if ";" in row}) == 1


def test_a_table_that_fits_the_page_is_set_in_columns_one_row_under_the_next(
    tmp_path: Path,
) -> None:
    rows = "".join(
        f"<tr><td>{name}</td><td><p>{day}</p></td><td><p>{time}</p></td></tr>"
        for name, day, time in [("", "Day", "Time"), ("Mara", "Monday", "9:30"), ("Jo", "Tue", "1")]
    )
    page_file = tmp_path / "timetable.html"
    page_file.write_text(
        f"<html><body><h1>Timetable</h1><p>Who goes when.</p><table>{rows}</table>"
        "<p>The story goes on.</p></body></html>",
        encoding="utf-8",
    )
    found = open_book(page_file)
    layout = ParagraphRows(found)
    first = next(i for i in range(len(found)) if "Day" in found.paragraph(i))
    shown = [
        " " * row.indent + row.text
        for para in range(first, first + 4)
        for row in layout.build(para, 0, OPTIONS)
    ]
    assert shown == [
        "     │ Day    │ Time",
        "Mara │ Monday │ 9:30",
        "Jo   │ Tue    │ 1",
        "",
        "The story goes on.",
        "",
    ]
    assert all(row.kind in (RowKind.TEXT, RowKind.BLANK) for row in layout.build(first, 0, OPTIONS))
