"""Wrapping text to a column of terminal cells: Latin, CJK, emoji, long words, justification."""

from __future__ import annotations

import itertools

from rich.cells import cell_len

from tui.reading.wrapping import Row, RowKind, centre, justify, measure, wrap


def rows_of(text: str, width: int, first_indent: int = 0) -> list[str]:
    return [text[a:b] for a, b in wrap(text, width, first_indent)]


def test_wraps_at_spaces_and_drops_the_spaces_at_breaks() -> None:
    text = "the quick brown fox jumps over the lazy dog"
    assert rows_of(text, 15) == ["the quick brown", "fox jumps over", "the lazy dog"]


def test_every_row_fits_the_width_in_cells() -> None:
    text = "Mara said “no” — twice. " * 40
    for row in rows_of(text, 23):
        assert cell_len(row) <= 23


def test_a_word_wider_than_the_column_is_cut() -> None:
    rows = rows_of("a " + "x" * 25 + " b", 10)
    assert rows == ["a", "x" * 10, "x" * 10, "x" * 5 + " b"]


def test_cjk_is_measured_as_two_cells_and_broken_anywhere() -> None:
    text = "彼女は港の灯りを数えて、一つ足りないことに気づいた。渡し守は何も言わなかった。"
    rows = rows_of(text, 20)
    assert "".join(rows) == text  # no character lost, none added
    assert all(cell_len(row) <= 20 for row in rows)
    assert cell_len(rows[0]) >= 18  # rows are filled, not cut at 10 characters


def test_cjk_rows_do_not_start_with_closing_punctuation() -> None:
    text = "あいうえおかきくけ。こさしすせそ"
    for row in rows_of(text, 18)[1:]:
        assert row[0] not in "。、」"


def test_cjk_rows_do_not_end_with_an_opening_bracket() -> None:
    # `「` opens what is said: a row ending on it leaves the quote's first mark alone.
    text = "玄德大喜，遂與二人說道：「我等三人，雖然異姓，既結為兄弟，則同心協力。」"
    for width in range(8, 40):
        rows = rows_of(text, width)
        assert "".join(rows) == text
        assert not any(row.endswith(("「", "『", "（")) for row in rows[:-1]), (width, rows)
        assert all(cell_len(row) <= width for row in rows)


def test_french_spacing_keeps_its_punctuation_on_the_words_row() -> None:
    # `« Oui ? »`, spaced as French is: no row starts with `»` or `?`, none ends with `«`,
    # and justification widens only the spaces between words.
    text = "« May the boat come today, after all the rain ? » Then she left ! And so : no."
    for width in range(12, 60):
        rows = [text[a:b] for a, b in wrap(text, width)]
        assert not any(row.startswith(("»", "?", "!", ":")) for row in rows), rows
        assert not any(row.endswith("«") for row in rows), rows
    spread, _ = justify("« Oui ? » dit-il, and so", 30)
    assert spread.startswith("« Oui ? »   dit-il,")


def test_a_decorative_rule_wider_than_the_row_is_cut_not_wrapped() -> None:
    rule = ".:O:." * 20
    assert [rule[a:b] for a, b in wrap(rule, 72)] == [rule[:72]]
    # A long word that is not a repeated unit still wraps whole.
    word = "W" + "o" * 50 + "w"
    assert "".join(word[a:b] for a, b in wrap(word, 20)) == word


def test_a_latin_word_inside_cjk_text_is_never_split() -> None:
    # A translation that leaves English words among its characters, with no spaces: the rows
    # break between the CJK characters, and an English word too long for the rest of the row
    # goes down whole, as it would between spaces.
    text = "我们走过hospital，pencil，egg……”那年夏天typewriter。wheelbarrow，cartoon，是个例外。"
    for width in range(12, 50):  # (the longest word, `wheelbarrow`, fits any of them)
        rows = rows_of(text, width)
        assert "".join(rows) == text, (width, rows)
        assert all(cell_len(row) <= width for row in rows), (width, rows)
        for above, below in itertools.pairwise(rows):
            assert not (above[-1].isascii() and below[0].isascii()), (width, rows)
    assert rows_of(text, 30)[:2] == ["我们走过hospital，pencil，", "egg……”那年夏天typewriter。"]


def test_a_latin_word_inside_cjk_text_wider_than_the_row_is_still_cut() -> None:
    text = "我们走过" + "x" * 30 + "。"
    rows = rows_of(text, 12)
    assert "".join(rows) == text
    assert all(cell_len(row) <= 12 for row in rows)


def test_mixed_latin_and_cjk_fill_the_row() -> None:
    text = "Chapter 3 では 東京の夜 が始まる and then the story continues in English"
    for row in rows_of(text, 16):
        assert cell_len(row) <= 16


def test_emoji_sequences_are_never_split() -> None:
    family = "👩\u200d👩\u200d👧"
    text = ("ok " + family + " ") * 10
    rows = rows_of(text, 9)
    assert all(cell_len(row) <= 9 for row in rows)
    assert sum(row.count(family) for row in rows) == 10


def test_first_row_indent_narrows_only_the_first_row() -> None:
    rows = rows_of("aaaa bbbb cccc dddd", 9, first_indent=2)
    assert rows == ["aaaa", "bbbb cccc", "dddd"]


def test_empty_text_is_one_empty_row() -> None:
    assert wrap("", 10) == [(0, 0)]


def test_justify_spreads_a_row_to_the_full_width() -> None:
    line, inserts = justify("one two three", 17)
    assert measure(line) == 17
    assert line.split() == ["one", "two", "three"]
    assert sum(count for _, count in inserts) == 4


def test_justify_leaves_a_single_word_alone() -> None:
    assert justify("word", 10) == ("word", ())


def test_justified_row_maps_paragraph_indices_to_its_columns() -> None:
    line, inserts = justify("one two three", 17)
    row = Row(RowKind.TEXT, 0, line, 0, 100, 113, inserts)
    assert line[row.column_of(108) :].startswith("three")  # "three" starts at 100 + 8
    assert line[row.column_of(104) :].startswith("two")


def test_centre_uses_cells() -> None:
    assert centre("⁂", 9) == 4
    assert centre("第十二章", 12) == 2


def test_a_word_wider_than_the_row_is_cut_after_a_hyphen_or_slash() -> None:
    text = "standardebooks.org/ebooks/arthur-conan-doyle/the-adventures-of-sherlock-holmes."
    rows = [text[a:b] for a, b in wrap(text, 76)]
    assert rows == [text[:72], "holmes."] and rows[0].endswith("sherlock-")
    unbroken = "x" * 50  # no hyphen: cut where the row ends
    assert [unbroken[a:b] for a, b in wrap(unbroken, 20)] == ["x" * 20, "x" * 20, "x" * 10]


def test_a_row_may_end_after_an_em_dash_never_before_one() -> None:
    text = "Some years ago—never mind how long—“she said”—and then—”"
    for width in range(8, 40):
        rows = rows_of(text, width)
        assert all(measure(row) <= width for row in rows), rows
        # A dash ends its row; a closing quote after one is never left to start the next.
        assert not any(row.startswith(("—", "”")) for row in rows), rows
    assert rows_of("Some years ago—never mind", 18) == ["Some years ago—", "never mind"]
    assert rows_of("long—“she", 6) == ["long—", "“she"]  # (an opening quote may start one)
    # A dash that opens speech stays with its word, and one joined to closing marks too.
    assert rows_of("—Never mind—”", 8) == ["—Never", "mind—”"]


def test_text_broken_into_rows_keeps_where_each_index_went() -> None:
    """`broken_into_rows`: the rows `wrap` makes, one a line, for a box that wraps by rules
    of its own (the finder's preview), and where each index of the text went: a break's space
    becomes the line break, and a row of CJK text broken with no space shifts what follows."""
    from tui.reading.wrapping import broken_into_rows

    latin = "hello there world"
    text, where = broken_into_rows(latin, 11)
    assert text == "hello there\nworld" and where == list(range(len(latin) + 1))
    cjk = "恐眾人不服；不如仍舊"
    text, where = broken_into_rows(cjk, 10)  # five wide characters a row
    assert text.split("\n") == ["恐眾人不", "服；不如仍", "舊"]  # (no row starts with `；`)
    assert [text[where[i]] for i in range(len(cjk))] == list(cjk)
    assert where[len(cjk)] == len(text)
