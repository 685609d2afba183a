"""Paging through a book whose notes are collapsed.

The hidden paragraphs of a note take no rows, and every place in them is shown by the note's one
line.
"""

from __future__ import annotations

import random
from pathlib import Path

from tui.book.formats import open_book
from tui.book.model import ParaKind
from tui.reading.pager import LayoutOptions, Pager

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
AO3 = FIXTURES / "engine" / "outlines" / "ao3_download_multi.txt"
FANFIC = FIXTURES / "fanfic"


def _pager(height: int = 10) -> Pager:
    return Pager(open_book(AO3), LayoutOptions(column=60, notes="collapse"), height=height)


def test_row_by_row_down_and_up_visits_every_shown_row_once() -> None:
    pager = _pager()
    down = [pager.offset_of(pager.top)]
    while pager.scroll(1):
        down.append(pager.offset_of(pager.top))
    assert down == sorted(down)  # (never backwards, whatever is hidden)
    up = [pager.offset_of(pager.top)]
    while pager.scroll(-1):
        up.append(pager.offset_of(pager.top))
    assert up[::-1] == down


def test_a_place_inside_a_hidden_paragraph_is_shown_by_its_notes_line() -> None:
    pager = _pager()
    book = pager.book
    hidden = book.text.index("junk shop")
    para = book.para_at(hidden)
    assert book.kinds[para] == ParaKind.NOTE and not pager.block(para)
    pos = pager.pos_of_offset(hidden)
    row = pager.block(pos.para, pos.piece)[pos.row]
    assert row.text.startswith("Chapter Summary · ") and row.text.endswith(" …")
    pager.go_to_offset(hidden)
    assert pager.screen()[0].text.startswith("Chapter Summary · ")


def test_a_resume_at_a_hidden_paragraph_keeps_its_place_when_notes_are_shown() -> None:
    pager = _pager()
    book = pager.book
    hidden = book.text.index("See the end of the chapter")
    pager.go_to(pager.pos_of_offset(hidden))
    kept = pager.top_offset()
    pager.relayout(LayoutOptions(column=60, notes="show"), 10)
    assert pager.screen()[0].para <= book.para_at(hidden)
    assert pager.top_offset() <= hidden and kept <= hidden


def test_random_moves_resizes_and_toggles_never_lose_the_page() -> None:
    rng = random.Random(7)
    for path in (AO3, FANFIC / "ao3_download_epub_wip_xxx_breaks.epub"):
        book = open_book(path)
        pager = Pager(book, LayoutOptions(column=60, notes="collapse"), height=10)
        for _ in range(1500):
            move = rng.randrange(6)
            if move == 0:
                pager.scroll(rng.randint(-30, 30))
            elif move == 1:
                pager.turn_pages(rng.choice((-2, -1, 1, 2)))
            elif move == 2:
                pager.go_to_offset(rng.randrange(len(book.text) + 1), rng.randrange(3))
            elif move == 3:
                notes = rng.choice(("show", "collapse"))
                pager.relayout(LayoutOptions(column=rng.randint(20, 90), notes=notes), 10)
            elif move == 4:
                pager.relayout(pager.options, rng.randint(1, 40))
            else:
                offset = rng.randrange(len(book.text) + 1)
                pager.offset_of(pager.pos_of_offset(offset))
            assert 0 <= pager.top_offset() <= len(book.text)
            assert pager.screen() or not len(book)
