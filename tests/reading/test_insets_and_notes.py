"""What the page shows of real books' illustration notes, superscripts, verse and insets.

An illustration's note over several lines as one quiet note, superscripts as plain letters
(found by search), verse with its indented lines, and an EPUB's letters and blockquotes set in
from the narration.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from tui.book.formats import open_book
from tui.book.model import Book
from tui.reading.insets import QUOTE_CELLS
from tui.reading.paragraph_rows import LayoutOptions, ParagraphRows
from tui.reading.search import compile_query, find
from tui.reading.wrapping import Row, RowKind

REAL = Path(__file__).resolve().parents[1] / "fixtures" / "real"
OPTIONS = LayoutOptions(column=72)


@cache
def book(name: str) -> Book:
    return open_book(REAL / name)


def rows_between(name: str, first_line: int, last_line: int) -> list[Row]:
    found = book(name)
    layout = ParagraphRows(found)
    return [
        row
        for para in range(found.para_of_line(first_line), found.para_of_line(last_line) + 1)
        for row in layout.build(para, 0, OPTIONS)
    ]


def shown(rows: list[Row]) -> list[str]:
    return [" " * row.indent + row.text for row in rows]


def test_an_illustration_over_several_lines_is_one_quiet_note() -> None:
    rows = rows_between("pg_pride_prejudice_illustrated.txt.gz", 718, 722)
    note = [row for row in rows if row.kind != RowKind.BLANK]
    assert [row.text for row in note] == [
        "[Illustration:",
        "“He came down to see the place”",
        "[Copyright 1894 by George Allen.]]",
    ]
    assert all(row.kind == RowKind.LABEL for row in note)  # dimmed, like `[Illustration]`
    assert rows[-1].kind == RowKind.BLANK and len(rows) == 4  # no blank rows inside it


def test_a_one_line_illustration_note_is_quiet_too() -> None:
    rows = rows_between("pg_pride_prejudice_illustrated.txt.gz", 833, 833)
    assert (rows[0].kind, rows[0].text) == (RowKind.LABEL, "[Illustration]")


def test_superscripts_show_as_ordinary_letters() -> None:
    rows = rows_between("pg_pride_prejudice_illustrated.txt.gz", 814, 816)
    assert rows[0].text == "[Illustration: Mr. & Mrs. Bennet"
    rows = rows_between("pg_pride_prejudice_illustrated.txt.gz", 12813, 12816)
    assert "“Mrs. Long and her nieces.”" in [row.text for row in rows]


def test_search_finds_mr_where_the_book_raises_its_letters() -> None:
    found = book("pg_pride_prejudice_illustrated.txt.gz")
    para = found.para_of_line(814)
    for query, matched in (
        ("Mr", "M^{r"),
        ("Mrs", "M^{rs"),
        ("Mr. & Mrs. Bennet", "M^{r.} & M^{rs.} Bennet"),
    ):
        pattern = compile_query(query)
        assert pattern is not None
        match = find(found.text, pattern, found.starts[para])
        assert match is not None and found.text[match.start : match.end] == matched
        assert found.para_at(match.start) == para
    pattern = compile_query("Mrs. Long")
    assert pattern is not None
    match = find(found.text, pattern, found.starts[found.para_of_line(12815)])
    assert match is not None and found.text[match.start : match.end] == "M^{rs}. Long"


def test_the_parnell_poem_keeps_its_indented_lines() -> None:
    rows = rows_between("pg_dubliners.txt.gz", 4408, 4411)
    assert shown(rows)[:4] == [
        "     He is dead. Our Uncrowned King is dead.",
        "         O, Erin, mourn with grief and woe",
        "     For he lies dead whom the fell gang",
        "         Of modern hypocrites laid low.",
    ]
    # the narration around it stays at the margin
    before = rows_between("pg_dubliners.txt.gz", 4406, 4406)
    assert before[0].indent == 0 and before[0].text.startswith("He cleared his throat")


def test_alices_poems_keep_their_indented_lines() -> None:
    rows = rows_between("pg_alice.txt.gz", 347, 350)
    assert shown(rows)[:4] == [
        "“How doth the little crocodile",
        "    Improve his shining tail,",
        "And pour the waters of the Nile",
        "    On every golden scale!",
    ]


def test_prose_of_a_wrapped_book_is_not_set_in() -> None:
    found = book("pg_alice.txt.gz")
    layout = ParagraphRows(found)
    para = next(i for i in range(len(found)) if found.paragraph(i).startswith("“I’m sure those"))
    rows = [row for k in range(para - 5, para + 5) for row in layout.build(k, 0, OPTIONS)]
    prose = [row for row in rows if row.kind == RowKind.TEXT and len(row.text) > 50]
    assert len(prose) > 10 and {row.indent for row in prose} == {0}


def test_an_epub_letter_is_set_in_from_the_narration() -> None:
    found = book("se_sherlock_holmes.epub")
    layout = ParagraphRows(found)
    start = next(i for i in range(len(found)) if found.paragraph(i).startswith("“My Dear Mr."))
    before = layout.build(start - 1, 0, OPTIONS)
    assert {row.indent for row in before if row.kind == RowKind.TEXT} == {0}
    for para in range(start, start + 5):  # the letter, down to `“Irene Norton, née Adler.”`
        rows = [row for row in layout.build(para, 0, OPTIONS) if row.kind == RowKind.TEXT]
        assert {row.indent for row in rows} == {QUOTE_CELLS}
        assert all(QUOTE_CELLS + len(row.text) <= OPTIONS.column for row in rows)
    after = layout.build(start + 5, 0, OPTIONS)
    assert after[0].indent == 0 and after[0].text.startswith("“What a woman")


def _rows_from(name: str, opening: str, count: int) -> list[Row]:
    found = book(name)
    layout = ParagraphRows(found)
    first = next(i for i in range(len(found)) if found.paragraph(i).startswith(opening))
    return [row for para in range(first, first + count) for row in layout.build(para, 0, OPTIONS)]


def test_an_epubs_stanza_set_one_paragraph_a_line_keeps_its_lines_together() -> None:
    # Moby-Dick's extracts: `<div class="extract-verse">` holding a `<p>` for each line.
    rows = _rows_from("idpf_moby_dick.epub", '—-"There Leviathan,', 6)
    assert [row.text for row in rows] == [
        '—-"There Leviathan,',
        "Hugest of living creatures, in the deep",
        "Stretched like a promontory sleeps or swims,",
        "And seems a moving land; and at his gills",
        "Draws in, and at his breath spouts out a sea.”",
        "",  # the stanza is over: its source, `<p class="source">`, is set apart
        "—IBID.",
        "",
    ]


def test_an_epubs_prose_extract_and_its_source_keep_a_blank_row_between_them() -> None:
    rows = _rows_from("idpf_moby_dick.epub", "“The mighty whales which swim", 2)
    assert [row.text for row in rows] == [
        "“The mighty whales which swim in a sea of water, and have a sea of oil",
        "swimming in them.”",
        "",
        "—FULLLER’S PROFANE AND HOLY STATE.",
        "",
    ]


def test_an_epubs_footnote_reference_is_a_number_in_brackets_and_the_note_a_note() -> None:
    found = book("idpf_moby_dick.epub")
    rows = _rows_from("idpf_moby_dick.epub", "In chapters 24, 89, and 90", 2)
    texts = [row.text for row in rows]
    assert texts[1].endswith("a unit of currency.[1]")
    note = [row for row in rows if row.text.startswith("[1] ")]
    assert [row.text for row in note] == ["[1] These have been corrected in this EPUB3 edition."]
    assert note[0].kind == RowKind.NOTE  # dimmed, as a chapter's notes are
    prose = [row for row in rows if row.text and row not in note]
    assert all(row.kind != RowKind.NOTE for row in prose)
    assert len(found.notes) == 1


def test_standard_ebooks_endnotes_are_numbered_notes_without_their_way_back() -> None:
    found = book("se_the_time_machine.epub")
    text = next(
        found.paragraph(i) for i in range(len(found)) if "sloped at all" in found.paragraph(i)
    )
    assert "the gallery sloped at all.[1] The end I had come in" in text
    (note,) = sorted(found.notes)
    assert found.paragraph(note).startswith("[1] It may be, of course, that the floor")
    assert found.paragraph(note).endswith("—\u2060Ed.")  # (no `↩` link back)
    rows = ParagraphRows(found).build(note, 0, OPTIONS)
    assert {row.kind for row in rows if row.text} == {RowKind.NOTE}
