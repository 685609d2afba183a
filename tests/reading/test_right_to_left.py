"""Right-to-left paragraphs on the page are set flush right, paragraph by paragraph.

They are set flush right in the text column, ragged on the left, decided paragraph by paragraph
from the first strong letter, so a book mixing Hebrew and English sets each its own way. The
letters stay in the file's order (the terminal orders them).
"""

from __future__ import annotations

from pathlib import Path

from tui.book.formats import open_book
from tui.book.text.parse import parse_text
from tui.reading.paragraph_rows import LayoutOptions, ParagraphRows
from tui.reading.text_direction import runs_right_to_left
from tui.reading.wrapping import Row, RowKind, measure

REAL = Path(__file__).resolve().parents[1] / "fixtures" / "real"
OPTIONS = LayoutOptions(column=60)
HEBREW = "אבישי נכנס לבניין מנהלת המרינה. בכניסה פגש את אמיר מנהל המרינה, והם דיברו על הים"
ENGLISH = "Avishai walked into the marina's office, where he met Amir, who ran the marina."


def right_edge(row: Row) -> int:
    return row.indent + measure(row.text)


def test_a_paragraph_runs_right_to_left_by_its_first_strong_letter() -> None:
    assert runs_right_to_left(HEBREW)
    assert runs_right_to_left(f"“3. {HEBREW} (Haifa)")  # (quotes and numbers are not strong)
    assert not runs_right_to_left(ENGLISH)
    assert not runs_right_to_left(f"Marina: {HEBREW}")
    assert runs_right_to_left("مرحبا بكم")  # Arabic
    assert not runs_right_to_left("\u2067Haifa\u2069 is not strong here, 12")  # (isolated)
    assert not runs_right_to_left("1914 — …")


def test_hebrew_paragraphs_are_set_flush_right_and_english_ones_flush_left() -> None:
    book = parse_text(f"{ENGLISH}\n\n{HEBREW}\n\n{ENGLISH}\n")
    layout = ParagraphRows(book)
    english = [row for row in layout.build(0, 0, OPTIONS) if row.kind == RowKind.TEXT]
    hebrew = [row for row in layout.build(1, 0, OPTIONS) if row.kind == RowKind.TEXT]
    assert len(hebrew) == 2 and len(english) == 2
    assert all(row.indent == 0 for row in english)
    assert all(right_edge(row) == OPTIONS.column for row in hebrew)
    assert hebrew[-1].indent > 0  # (ragged on the left)
    assert "".join(row.text + " " for row in hebrew).strip() == HEBREW  # (in the file's order)


def test_a_hebrew_epubs_prose_is_set_flush_right_its_headings_centred() -> None:
    book = open_book(REAL / "idpf_israelsailing.epub")
    layout = ParagraphRows(book)
    chapter = book.chapters[1]
    rows = [
        row
        for para in range(chapter.start, chapter.start + 6)
        for row in layout.build(para, 0, OPTIONS)
    ]
    prose = [row for row in rows if row.kind == RowKind.TEXT]
    headings = [row for row in rows if row.kind == RowKind.HEADING]
    assert prose and headings
    assert all(right_edge(row) == OPTIONS.column for row in prose)
    assert all(abs(row.indent - (OPTIONS.column - right_edge(row))) <= 1 for row in headings)
