"""Lines a hard-wrapped book sets on purpose stay lines on the page.

Verse or a contents list stays as set, while the book's wrapped prose is joined and wrapped to
the reader's column.
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

VERSE = """\
“How still the water lies tonight,
    How low the lantern burns,
And who will row the ferry out
    Before the tide returns?”"""

REAL = Path(__file__).resolve().parents[1] / "fixtures" / "real"


def _book(tmp_path: Path):
    prose = textwrap.fill(PROSE * 2, 70)
    parts = ["THE FERRY", "CHAPTER I.", prose, "She sang under her breath:", VERSE]
    parts += [prose] * 40
    path = tmp_path / "ferry.txt"
    path.write_text("\n\n".join(parts) + "\n", encoding="utf-8")
    return open_book(str(path))


def _rows(book, start: str, count: int) -> list[str]:
    pager = Pager(book, LayoutOptions(column=60), height=40)
    pager.go_to_offset(book.text.index(start))
    return [row.text for row in pager.screen()[:count]]


def test_verse_keeps_its_lines_and_stanza_ends_with_a_blank_row(tmp_path: Path) -> None:
    rows = _rows(_book(tmp_path), "“How still", 6)
    assert [row.strip() for row in rows[:4]] == [line.strip() for line in VERSE.split("\n")]
    assert rows[4] == ""


def test_a_real_contents_list_keeps_one_entry_a_line() -> None:
    book = open_book(str(REAL / "pg_dracula.txt.gz"))
    assert _rows(book, "CHAPTER VII. Cutting", 3) == [
        "CHAPTER VII. Cutting from “The Dailygraph,” 8 August",
        "CHAPTER VIII. Mina Murray’s Journal",
        "CHAPTER IX. Mina Murray’s Journal",
    ]


def test_a_real_poem_keeps_its_lines() -> None:
    book = open_book(str(REAL / "pg_alice.txt.gz"))
    assert _rows(book, "“How doth the little crocodile", 5) == [
        "“How doth the little crocodile",
        "Improve his shining tail,",
        "And pour the waters of the Nile",
        "On every golden scale!",
        "",
    ]


def test_wrapped_prose_is_still_joined_and_wrapped_to_the_column(tmp_path: Path) -> None:
    rows = _rows(_book(tmp_path), "The ferry had not", 3)
    assert all(len(row) <= 60 for row in rows)
    assert (
        rows[0] + " " + rows[1]
        == textwrap.fill(PROSE, 60).split("\n", 2)[0]
        + " "
        + (textwrap.fill(PROSE, 60).split("\n", 2)[1])
    )


def test_real_stanzas_with_long_or_indented_lines_keep_their_lines() -> None:
    book = open_book(str(REAL / "pg_alice.txt.gz"))
    # Verse whose long lines reach the wrap width: judged by its shorter lines.
    first, second = _rows(book, "“Will you walk a little faster", 2)
    assert first == "“Will you walk a little faster?” said a whiting to a snail."
    assert second.startswith("“There’s a porpoise")  # (wrapped further on, at 60 columns)
    # A stanza whose second line is set in further than its first.
    assert _rows(book, "“In my youth,” Father William replied", 2) == [
        "“In my youth,” Father William replied to his son,",
        "“I feared it might injure the brain;",
    ]


def test_a_stanza_of_long_lines_ending_at_pauses_keeps_its_lines() -> None:
    book = open_book(str(REAL / "pg_alice.txt.gz"))
    # Only one of its breaks leaves room for the next word; its lines end at a comma, a
    # full stop, a dash, as verse's do.
    rows = _rows(book, "“You can really have no notion", 3)
    assert rows[0] == "“You can really have no notion how delightful it will be"
    assert rows[1].startswith("When they take us up")
    assert any(row.startswith("But the snail replied") for row in _rows(book, "When they", 3))


def test_wrapped_prose_of_real_books_is_still_joined() -> None:
    # Paragraphs of prose, however their lines happen to open or end, re-flow to the column.
    for name, start in (
        ("pg_dracula.txt.gz", "Left Munich at 8:35 P. M."),
        ("pg_jane_eyre.txt.gz", "There was no possibility of taking a walk"),
        ("pg_moby_dick.txt.gz", "Call me Ishmael."),
        ("pg_tale_two_cities.txt.gz", "It was the best of times"),
    ):
        book = open_book(str(REAL / name))
        rows = _rows(book, start, 3)
        assert all(len(row) > 50 for row in rows), (name, rows)


def test_a_contents_list_numbered_in_roman_keeps_each_entry_on_its_line() -> None:
    # `VII.   The Adventure of the Blue Carbuncle` is long enough that the file's wrapping
    # joins it with `VIII.  The Adventure of the Speckled Band`; the numbers that follow one
    # another say they are two entries.
    book = open_book(str(REAL / "pg_sherlock_holmes.txt.gz"))
    rows = _rows(book, "   VI.    The Man with", 4)
    assert [row.strip() for row in rows] == [
        "VI.    The Man with the Twisted Lip",
        "VII.   The Adventure of the Blue Carbuncle",
        "VIII.  The Adventure of the Speckled Band",
        "IX.    The Adventure of the Engineer’s Thumb",
    ]


def test_a_numbered_list_of_two_lines_keeps_its_lines() -> None:
    book = open_book(str(REAL / "pg_study_in_scarlet.txt.gz"))
    rows = _rows(book, "11. Is an expert singlestick", 2)
    assert rows == [
        "11. Is an expert singlestick player, boxer, and swordsman.",
        "12. Has a good practical knowledge of British law.",
    ]


def test_two_lines_opening_with_numbers_out_of_sequence_are_still_joined(tmp_path: Path) -> None:
    prose = textwrap.fill(PROSE * 2, 70)
    odd = (
        "12. The count came to more than anyone on the landing guessed; by\n"
        "3. o'clock the boats were all in."
    )
    parts = ["THE FERRY", "CHAPTER I.", prose, odd, *([prose] * 40)]
    path = tmp_path / "ferry.txt"
    path.write_text("\n\n".join(parts) + "\n", encoding="utf-8")
    rows = _rows(open_book(str(path)), "12. The count came", 2)
    assert "guessed; by 3. o'clock" in " ".join(rows)


def test_blank_verse_keeps_its_lines_where_one_opens_with_i() -> None:
    # Idylls of the King: a paragraph of blank verse whose lines open with capitals, one of
    # them with `I`, as prose's lines often do; the whole book is verse, so it proves nothing.
    book = open_book(str(REAL / "pg_idylls_old.txt.gz"))
    rows = _rows(book, "And Gareth answered her with kindling eyes,\n'Nay", 18)
    assert rows[8:15] == [
        "The splendour sparkling from aloft, and thought",
        '"An I could climb and lay my hand upon it,',
        'Then were I wealthier than a leash of kings."',
        "But ever when he reached a hand to climb,",
        "One, that had loved him from his childhood, caught",
        'And stayed him, "Climb not lest thou break thy neck,',
        'I charge thee by my love," and so the boy,',
    ]
    assert rows[17] == "And past away.'"


def test_verse_quoted_with_backquotes_keeps_its_lines() -> None:
    # Old plain texts open a quotation with a backquote (`Sir King, …'): its lines are still
    # lines of verse opening with a capital.
    book = open_book(str(REAL / "pg_idylls_old.txt.gz"))
    assert _rows(book, "Then spake the hoary chamberlain", 3) == [
        "Then spake the hoary chamberlain and said,",
        "`Sir King, there be but two old men that know:",
        "And each is twice as old as I; and one",
    ]


def test_a_stanza_in_prose_keeps_its_lines_where_one_of_several_opens_with_i(
    tmp_path: Path,
) -> None:
    stanza = (
        "Down by the landing where the grey boats lie,\n"
        "Mara waits for a ferry that never comes by;\n"
        "I hear the bell and the water and the gull,\n"
        "And the slow tide turning, and the lantern dull."
    )
    prose = textwrap.fill(PROSE * 2, 70)
    parts = ["THE FERRY", "CHAPTER I.", prose, stanza, *([prose] * 40)]
    path = tmp_path / "ferry.txt"
    path.write_text("\n\n".join(parts) + "\n", encoding="utf-8")
    rows = _rows(open_book(str(path)), "Down by the landing", 5)
    assert rows == [*stanza.split("\n"), ""]


def test_prose_with_a_line_opening_with_i_among_few_is_still_joined(tmp_path: Path) -> None:
    # Two lines in three opening with a capital, one with `I`: wrapped prose can do that.
    odd = (
        "The bell rang twice before anyone on the landing stage turned to look,\n"
        "I think, and by then the boat was already out past the markers and\n"
        "Mara had gone home."
    )
    prose = textwrap.fill(PROSE * 2, 70)
    parts = ["THE FERRY", "CHAPTER I.", prose, odd, *([prose] * 40)]
    path = tmp_path / "ferry.txt"
    path.write_text("\n\n".join(parts) + "\n", encoding="utf-8")
    rows = _rows(open_book(str(path)), "The bell rang twice", 2)
    assert "look, I think, and by then" in " ".join(rows)


def test_the_waste_lands_line_groups_read_as_stanzas_without_line_numbers() -> None:
    # The EPUB sets each stanza as `div.linegroup`, a `<div>` a line, the numbers in the margin
    # as `span.lnum`: its lines follow one another, a blank row between stanzas.
    book = open_book(str(REAL / "idpf_wasteland.epub"))
    rows = _rows(book, "Summer surprised us", 7)
    assert rows == [
        "Summer surprised us, coming over the Starnbergersee",
        "With a shower of rain; we stopped in the colonnade,",
        "And went on in sunlight, into the Hofgarten,",
        "And drank coffee, and talked for an hour.",
        "Bin gar keine Russin, stamm' aus Litauen, echt deutsch.",
        "And when we were children, staying at the archduke's,",
        "My cousin's, he took me out on a sled,",
    ]
    rows = _rows(book, "In the mountains, there", 5)
    assert rows == [
        "In the mountains, there you feel free.",
        "I read, much of the night, and go south in the winter.",
        "",
        "What are the roots that clutch, what branches grow",
        "Out of this stony rubbish? Son of man,[*]",
    ]
