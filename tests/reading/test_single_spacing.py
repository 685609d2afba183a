"""Re-flowed prose shows one space between words, however many the file's lines had.

Two after a full stop become one; lines a book sets on purpose keep their spacing.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

from tui.book.formats import open_book
from tui.reading.pager import LayoutOptions, Pager
from tui.reading.shown_text import ShownCache

NEPHILIM = Path(__file__).resolve().parents[1] / "fixtures" / "fanfic" / "Harry_Potter_-_Nephilim"

VERSE = """\
“How still  the water lies tonight,
    How low the lantern burns,
And who will row  the ferry out
    Before the tide returns?”"""


def _rows(book, start: str, count: int) -> list[str]:
    pager = Pager(book, LayoutOptions(column=60), height=40)
    pager.go_to_offset(book.text.index(start))
    return [row.text for row in pager.screen()[:count]]


def test_two_spaces_after_a_full_stop_show_as_one() -> None:
    book = open_book(str(NEPHILIM / "Chapter02.md.gz"))
    assert "shoe.  At toy" in book.text
    rows = _rows(book, "Apple's marshmallows", 8)
    assert any("shoe. At toy" in row for row in rows)
    assert not any("  " in row.strip() for row in rows)


def test_each_shown_word_still_maps_to_its_place_in_the_file() -> None:
    book = open_book(str(NEPHILIM / "Chapter02.md.gz"))
    para = book.para_at(book.text.index("Apple's marshmallows"))
    shown = ShownCache(book)(para)
    raw = book.text[book.starts[para] : book.ends[para]]
    for word in ("At toy crane", "Toy salmon", "Bottle fence"):
        assert shown.to_raw(shown.text.index(word)) == raw.index(word)
        assert shown.to_shown(raw.index(word)) == shown.text.index(word)


def test_verse_keeps_its_own_spacing(tmp_path: Path) -> None:
    prose = textwrap.fill("The ferry had not run for three days, and the village talked. " * 6, 70)
    parts = ["CHAPTER I.", prose, "She sang under her breath:", VERSE] + [prose] * 30
    path = tmp_path / "ferry.txt"
    path.write_text("\n\n".join(parts) + "\n", encoding="utf-8")
    rows = _rows(open_book(str(path)), "“How still", 4)
    assert [row.strip() for row in rows] == [line.strip() for line in VERSE.split("\n")]
