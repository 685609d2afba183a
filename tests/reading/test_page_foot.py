"""A chapter heading is never parted from its title or first line at the foot of a page.

The page ends above it and it opens the next, with no line lost or shown twice.
"""

from __future__ import annotations

from pathlib import Path

from tui.book.formats import open_book
from tui.reading.pager import LayoutOptions, Pager, Pos
from tui.reading.wrapping import Row, RowKind

REAL = Path(__file__).resolve().parents[1] / "fixtures" / "real"


def _alice(height: int = 23) -> Pager:
    return Pager(open_book(str(REAL / "pg_alice.txt.gz")), LayoutOptions(column=72), height)


def _lines(rows: list[Row]) -> list[tuple[int, int]]:
    return [(row.para, row.start) for row in rows if row.start >= 0]


def test_the_first_chapter_heading_opens_the_second_page_with_its_title() -> None:
    pager = _alice()
    book = pager.book
    heading = pager.pos_of_offset(book.starts[book.chapters[0].start])
    pager.go_to(heading, context=pager.height - 1)  # the heading would be the page's foot
    assert pager.advance(pager.top, pager.height - 1) == heading
    assert [row.kind for row in pager.screen()[-2:]] == [RowKind.BLANK, RowKind.BLANK]
    assert pager.turn_pages(1)
    top = [row.text.strip() for row in pager.screen()[:2]]
    assert top == ["CHAPTER I.", "Down the Rabbit-Hole"]


def test_a_page_ends_above_a_heading_whose_next_line_is_on_the_next_page() -> None:
    pager = _alice(height=20)
    for _ in range(1000):
        rows = pager.screen()
        text_rows = [row for row in rows if row.start >= 0]
        if text_rows and text_rows[-1].kind == RowKind.HEADING:
            heading = text_rows[-1]
            # Its title and first line are on this page with it, or the book ends there.
            after = pager.rows(pager.advance(pager.top, pager.height), 1)
            assert not after or any(
                row.para > heading.para and row.start >= 0 for row in text_rows
            ), [row.text for row in rows]
        if not pager.turn_pages(1):
            break
    else:
        raise AssertionError("the book did not end")


def test_turning_pages_shows_every_line_once_forward_and_none_is_missed_back() -> None:
    pager = _alice(height=17)
    seen: list[tuple[int, int]] = []
    tops = []
    while True:
        tops.append(pager.top)
        seen.extend(_lines(pager.screen()))
        if not pager.turn_pages(1):
            break
    # At the end the last page may show again some rows the page before showed.
    whole = _lines(pager.rows(Pos(0), 100_000))
    assert sorted(set(seen)) == whole
    assert len(seen) - len(whole) < pager.height
    assert any(pager.rows(top, 1)[0].kind == RowKind.HEADING for top in tops[1:])
    # Back again: every line is shown on the way, headings over their titles.
    back: set[tuple[int, int]] = set()
    while True:
        rows = pager.screen()
        back.update(_lines(rows))
        if not pager.turn_pages(-1):
            break
    assert sorted(back) == whole


def test_a_page_back_from_a_title_at_the_top_shows_the_heading_over_it() -> None:
    pager = _alice()
    book = pager.book
    pager.go_to_offset(book.starts[book.chapters[0].start + 1])  # the title line, at the top
    assert pager.screen()[0].text.strip() == "Down the Rabbit-Hole"
    assert pager.turn_pages(-1)
    texts = [row.text.strip() for row in pager.screen()]
    assert "CHAPTER I." in texts and texts.index("Down the Rabbit-Hole") == (
        texts.index("CHAPTER I.") + 1
    )


def test_the_place_below_the_page_is_the_heading_kept_for_the_next() -> None:
    pager = _alice()
    bottom = pager.bottom_offset()
    pager.turn_pages(1)
    assert pager.top_offset() == bottom


def test_a_count_of_pages_past_the_end_goes_to_the_last_page_and_no_further() -> None:
    # (`999999999 ctrl+f` turned every one of the pages it asked for, the last page over and
    # over, for hours, while the reader answered no key)
    pager = _alice()
    last = _alice()
    while last.turn_pages(1):
        pass
    assert pager.turn_pages(999_999_999)
    assert pager.top == last.top
    assert not pager.turn_pages(999_999_999)
    assert pager.turn_pages(-999_999_999)
    assert pager.top == _alice().top  # the first page
