"""The reading view's model: pages, structure drawing, reflow, offsets, huge paragraphs."""

from __future__ import annotations

import itertools
from array import array

from reader_support import make_book, story

from tui.book.model import Book, Chapter, ParaKind, Scene
from tui.reading.pager import LayoutOptions, Pager, Pos
from tui.reading.wrapping import RowKind


def pager(text: str | None = None, column: int = 40, height: int = 20, **opts) -> Pager:
    book = make_book(text or story())
    return Pager(book, LayoutOptions(column=column, **opts), height)


def texts(p: Pager) -> list[str]:
    return [row.text for row in p.screen()]


def test_front_matter_is_shown_before_chapter_one() -> None:
    p = pager()
    rows = p.screen()
    assert rows[0].text == "The Lantern Ledger"
    assert rows[0].kind == RowKind.MATTER
    assert any(row.text.startswith("Summary:") for row in rows)


def test_headings_are_centred_and_set_off_by_blank_rows() -> None:
    p = pager(column=40)
    rows = p.rows(Pos(0), 40)
    at = next(i for i, row in enumerate(rows) if row.kind == RowKind.HEADING)
    heading = rows[at]
    assert heading.text == "Chapter 1: The Ledger"
    assert heading.indent == (40 - len(heading.text)) // 2
    assert rows[at - 1].kind == RowKind.BLANK and rows[at + 1].kind == RowKind.BLANK


def test_scene_break_lines_become_the_ornament() -> None:
    p = pager(ornament="~ ⁂ ~")
    rows = p.rows(Pos(0), 400)
    ornaments = [row for row in rows if row.kind == RowKind.ORNAMENT]
    assert ornaments and all(row.text == "~ ⁂ ~" for row in ornaments)
    assert not any(row.text == "* * *" for row in rows)


def test_a_scene_break_made_of_blank_lines_gets_an_ornament_too() -> None:
    text = "Chapter 1\n\nFirst scene.\n\nStill first.\n\n\n\nSecond scene starts.\n"
    book = make_book(text)
    # As the engine reports a break made of a wide gap: no BREAK paragraph, a new scene.
    chapter = book.chapters[0]
    chapter.scenes = [Scene(0, 0, 1, 3), Scene(0, 1, 3, 4)]
    rows = Pager(book, LayoutOptions(column=30), 20).rows(Pos(0), 20)
    texts_ = [row.text for row in rows]
    at = texts_.index("Second scene starts.")
    assert rows[at - 2].kind == RowKind.ORNAMENT


def test_chapter_heading_shows_the_clean_title() -> None:
    text = "Chapter 1 image A Creeping Horror image\n\nIt began.\n"
    book = make_book(text)
    book.chapters[0].title = "Chapter 1: A Creeping Horror"
    rows = Pager(book, LayoutOptions(column=40), 10).screen()
    assert rows[0].text == "Chapter 1: A Creeping Horror"


def test_indent_style_indents_first_lines_without_blank_rows() -> None:
    p = pager(paragraph_style="indent", column=50, height=60)
    rows = p.rows(Pos(0), 60)
    body = [row for row in rows if row.kind == RowKind.TEXT]
    firsts = [row for row in body if row.start == 0]
    indented = [row for row in firsts if row.indent == 2]
    assert len(indented) >= 3  # paragraphs after the first of a scene are indented
    heading_at = next(i for i, row in enumerate(rows) if row.kind == RowKind.HEADING)
    after = rows[heading_at + 2]
    assert after.kind == RowKind.TEXT and after.indent == 0  # none after a heading
    # No blank rows between two prose paragraphs.
    for a, b in itertools.pairwise(rows):
        if a.kind == RowKind.BLANK and b.kind == RowKind.TEXT and b.indent == 2:
            raise AssertionError("blank row between paragraphs in the indent style")


def test_justified_rows_fill_the_column_except_paragraph_ends() -> None:
    p = pager(justify=True, column=40, height=80)
    rows = [row for row in p.rows(Pos(0), 80) if row.kind == RowKind.TEXT]
    full = [row for row in rows if len(row.text) == 40]
    assert len(full) > len(rows) // 2
    for row in rows:
        assert len(row.text) <= 40


def test_page_down_then_up_returns_to_the_same_place() -> None:
    p = pager()
    first = texts(p)
    p.scroll(p.height)
    assert texts(p) != first
    p.scroll(-p.height)
    assert texts(p) == first


def test_a_page_continues_exactly_where_the_last_one_ended() -> None:
    p = pager()
    below = p.rows(p.advance(p.top, p.height), 5)
    p.scroll(p.height)
    assert p.screen()[:5] == below


def test_scrolling_stops_with_the_last_row_at_the_bottom() -> None:
    p = pager()
    while p.scroll(p.height):
        pass
    assert p.at_end
    rows = p.screen()
    assert len(rows) == p.height
    last_para = len(p.book) - 1
    assert any(row.para == last_para and row.start >= 0 for row in rows)
    assert not p.scroll(1)
    assert p.scroll(-1)


def test_a_short_book_never_scrolls() -> None:
    p = pager("Just one line.\n", height=20)
    assert not p.scroll(1)
    assert texts(p)[0] == "Just one line."


def test_reflow_keeps_the_top_paragraph_on_top() -> None:
    p = pager(column=60, height=20)
    p.scroll(137)
    top = next(row for row in p.screen() if row.start >= 0)
    para, start = top.para, top.start
    for column in (30, 90, 45, 60):
        p.relayout(LayoutOptions(column=column), 20)
        first = next(row for row in p.screen() if row.start >= 0)
        assert first.para == para
        assert first.start <= start < first.end or first.start == start


def test_changing_height_keeps_the_top_row() -> None:
    p = pager(height=20)
    p.scroll(55)
    before = p.screen()[0]
    p.relayout(p.options, 35)
    assert p.screen()[0] == before


def test_offsets_of_rows_lead_back_to_the_same_rows() -> None:
    p = pager(column=35)
    pos = Pos(0)
    for _ in range(300):
        offset = p.offset_of(pos)
        back = p.pos_of_offset(offset)
        row, back_row = p.rows(pos, 1)[0], p.rows(back, 1)[0]
        if row.start >= 0:
            assert back == pos
        else:  # a blank or ornament row maps to the next text within a few rows
            assert back >= pos or back_row.para == row.para
        pos = p.advance(pos, 1)
        if pos == p.end:
            break


def test_go_to_offset_shows_that_text_at_the_top() -> None:
    text = story()
    p = pager(text)
    target = text.index("Scene 2.2 opens.")
    p.go_to_offset(target)
    assert p.screen()[0].text.startswith("Scene 2.2 opens.")


def _one_paragraph_book(text: str) -> Book:
    return Book(
        text,
        array("q", [0]),
        array("q", [len(text)]),
        bytearray([ParaKind.TEXT]),
        array("q", [1]),
        chapters=[Chapter(0, "", None, 0, 1, [Scene(0, 0, 0, 1)])],
    )


def test_a_huge_single_paragraph_is_laid_out_a_piece_at_a_time() -> None:
    words = ["lorem", "ipsum", "dolor", "sit", "amet", "consectetur", "adipiscing", "elit"]
    text = " ".join(words[i % len(words)] + str(i) for i in range(400_000))  # ~4.5 MB
    p = Pager(_one_paragraph_book(text), LayoutOptions(column=70), 40)
    first = texts(p)
    assert first[0].startswith("lorem0 ipsum1")
    assert len(p._blocks) <= 2  # only the first piece was wrapped
    p.go_to_offset(len(text) // 2)
    middle = p.screen()[0]
    assert middle.start <= len(text) // 2 < middle.end + 70
    assert len(p._blocks) <= 6
    p.scroll(-5)
    p.scroll(5)
    assert p.screen()[0] == middle
    p.go_to(p.end_top)
    last = [row for row in p.screen() if row.start >= 0][-1]
    assert last.text.endswith(text[-10:])


def test_hard_wrapped_paragraphs_are_rejoined_and_offsets_still_map() -> None:
    text = "First line of a\nhard wrapped\nparagraph here.\n\nNext one.\n"
    book = make_book(text)
    book.rejoin = True
    p = Pager(book, LayoutOptions(column=80), 10)
    assert p.screen()[0].text == "First line of a hard wrapped paragraph here."
    offset = text.index("wrapped")
    shown = p.shown(0)
    assert shown.text[shown.to_shown(offset) :].startswith("wrapped")
    assert text[shown.to_raw(shown.text.index("paragraph")) :].startswith("paragraph")


def test_every_row_on_top_comes_back_as_the_same_row() -> None:
    # Blank rows and ornaments included: a place saved with any row on top resumes on that row.
    for style in ("blank", "indent"):
        p = pager(column=35, paragraph_style=style)
        pos = Pos(0)
        while pos < p.end_top:
            assert p.pos_of_offset(p.offset_of(pos)) == pos, (style, pos)
            pos = p.advance(pos, 1)


def test_a_blank_row_on_top_survives_a_new_pager() -> None:
    text = story()
    p = pager(text)
    para = p.book.para_at(text.index("Scene 2.2 opens.")) + 1
    trailing = Pos(para, 0, len(p.block(para)) - 1)
    assert p.rows(trailing, 1)[0].kind == RowKind.BLANK
    p.go_to(trailing)
    again = pager(text)
    again.go_to_offset(p.top_offset())
    assert texts(again) == texts(p)


def test_a_line_break_the_book_marks_starts_a_row_and_stays_ragged() -> None:
    # A `<br>` inside a paragraph (verse, a letter's lines, a title over its notice).
    text = "Roses are red,\nviolets are blue,\nthe keeper of the lamp writes the hour down."
    book = _one_paragraph_book(text)
    p = Pager(book, LayoutOptions(column=30, justify=True), 10)
    rows = [row.text for row in p.screen() if row.start >= 0]
    assert rows[:2] == ["Roses are red,", "violets are blue,"]
    assert all("\n" not in row for row in rows)
    hard = make_book("First line of a\nhard wrapped\nparagraph here.\n\nNext one.\n")
    hard.rejoin = True  # a hard-wrapped book's line ends are not the book's
    assert Pager(hard, LayoutOptions(column=80), 10).screen()[0].text.startswith("First line of a")


def test_the_paragraph_read_and_the_first_start_shown_around_a_heading() -> None:
    p = pager()
    heading = p.book.chapters[0].start
    p.go_to(Pos(heading))
    assert p.top_para() == heading and p.first_start_shown() == heading
    p.scroll(-1)  # a blank row of the front matter above the heading's own
    assert p.top.para == heading - 1
    assert p.top_para() == heading and p.first_start_shown() == heading
    p.go_to(Pos(heading))
    p.scroll(2)  # the heading's text row gone above the top
    assert p.top_para() > heading and p.first_start_shown() == heading + 1


# -- landing on words found (the finder's Enter) ----------------------------------------------
def long_paragraph_text() -> str:
    sentence = "The tide came in over the flats and went out again. "
    return (
        "Chapter 1\n\n"
        + "A short opening line.\n\n"
        + sentence * 30
        + "Then the brass compass rolled away.\n\n"
        + "Near the start the brass compass rolled. "
        + sentence * 30
        + "\n\n"
        + "\n\n".join([sentence * 4] * 12)
        + "\n"
    )


def row_with(p: Pager, words: str) -> int | None:
    return next((n for n, text in enumerate(texts(p)) if words in text), None)


def test_words_deep_in_a_paragraph_land_the_rows_of_context_down() -> None:
    p = pager(long_paragraph_text(), column=40, height=20)
    book = p.book
    para = next(i for i in range(len(book)) if "Then the brass" in book.paragraph(i))
    at = book.text.index("brass compass rolled away")
    p.go_to_words(book.starts[para], (at, at + len("brass compass")), above=5)
    assert row_with(p, "brass") == 5


def test_words_near_a_paragraph_start_keep_the_paragraph_at_the_top() -> None:
    p = pager(long_paragraph_text(), column=40, height=20)
    book = p.book
    para = next(i for i in range(len(book)) if "Near the start" in book.paragraph(i))
    at = book.text.index("brass compass rolled.")
    p.go_to_words(book.starts[para], (at, at + len("brass compass")), above=5)
    assert texts(p)[0].startswith("Near the start")


def test_words_a_few_rows_into_a_paragraph_come_up_near_the_top() -> None:
    # Below the rows of context asked for, the words are brought up to them (as less puts a
    # match at the top), not left where the paragraph's start at the top would put them.
    p = pager(long_paragraph_text(), column=40, height=20)
    book = p.book
    para = next(i for i in range(len(book)) if "Near the start" in book.paragraph(i))
    start = book.starts[para]
    at = start + book.paragraph(para).index("The tide", 200)  # a few rows into it
    assert p.pos_of_offset(at).row >= 3
    p.go_to_words(start, (at, at + len("The tide")), above=1)
    assert p.advance(p.top, 1) == p.pos_of_offset(at)
