"""Find next/previous in the text: smart case, wrap-around, typographic quotes, big texts."""

from __future__ import annotations

import pytest

from tui.reading import search as textsearch
from tui.reading.search import compile_query, find, find_steps, spans_in

TEXT = "Alpha beta. The Lantern was lit. the lantern went out.\nA lantern\nagain. Omega."


def test_lower_case_query_ignores_case() -> None:
    pattern = compile_query("lantern")
    assert pattern is not None
    assert len(spans_in(pattern, TEXT)) == 3


def test_a_capital_letter_makes_the_search_case_sensitive() -> None:
    pattern = compile_query("Lantern")
    assert pattern is not None
    assert len(spans_in(pattern, TEXT)) == 1


def test_words_match_across_line_breaks_and_spaces() -> None:
    pattern = compile_query("lantern again")
    assert pattern is not None
    hit = find(TEXT, pattern, 0)
    assert hit is not None and TEXT[hit.start : hit.end] == "lantern\nagain"


def test_a_word_typed_whole_finds_the_book_s_hyphenated_form() -> None:
    # Readers type `quarterdeck` and `today` for the book's `quarter-deck` and `to-day`, also
    # where the hyphen ends a line; a hyphen typed is still a hyphen.
    text = "Up on the quarter-deck to-day, then down the quarter-\ndeck stairs; twenty-one."
    assert spans_in(compile_query("quarterdeck"), text) == [(10, 22), (45, 58)]
    assert spans_in(compile_query("today"), text) == [(23, 29)]
    assert spans_in(compile_query("twenty-one"), text) == [(67, 77)]
    assert spans_in(compile_query("twentyone"), text) == [(67, 77)]


def test_straight_quotes_match_curly_ones() -> None:
    pattern = compile_query("don't")
    assert pattern is not None
    assert spans_in(pattern, "I don’t know") == [(2, 7)]


def test_plain_letters_find_accented_ones_but_typed_accents_are_kept() -> None:
    text = "The maid café, a naïve Zoë, and a cafe."
    pattern = compile_query("maid cafe")
    assert pattern is not None
    assert [text[a:b] for a, b in spans_in(pattern, text)] == ["maid café"]
    naive = compile_query("naive zoe")
    assert naive is not None and spans_in(naive, text) == [(17, 26)]
    typed = compile_query("café")
    assert typed is not None and spans_in(typed, text) == [(9, 13)]


def test_a_capital_keeps_the_accented_forms_of_its_own_case() -> None:
    pattern = compile_query("Eclair")
    assert pattern is not None
    assert len(spans_in(pattern, "Éclair, eclair, ÉCLAIR")) == 1


def test_forward_search_finds_the_next_match_after_origin() -> None:
    pattern = compile_query("lantern")
    assert pattern is not None
    first = find(TEXT, pattern, 0)
    assert first is not None and not first.wrapped
    second = find(TEXT, pattern, first.start + 1)
    assert second is not None and second.start > first.start


def test_forward_search_wraps_to_the_beginning_and_says_so() -> None:
    pattern = compile_query("alpha")
    assert pattern is not None
    hit = find(TEXT, pattern, 10)
    assert hit is not None and hit.wrapped and hit.start == 0


def test_backward_search_finds_the_previous_match() -> None:
    pattern = compile_query("lantern")
    assert pattern is not None
    hit = find(TEXT, pattern, len(TEXT), backward=True)
    assert hit is not None and not hit.wrapped and TEXT[hit.start - 2 : hit.start] == "A "
    earlier = find(TEXT, pattern, hit.start, backward=True)
    assert earlier is not None and earlier.start < hit.start


def test_backward_search_wraps_to_the_end() -> None:
    pattern = compile_query("omega")
    assert pattern is not None
    hit = find(TEXT, pattern, 5, backward=True)
    assert hit is not None and hit.wrapped and TEXT[hit.start :].startswith("Omega")


def test_no_match_at_all_is_none() -> None:
    pattern = compile_query("zebra")
    assert pattern is not None
    assert find(TEXT, pattern, 0) is None
    assert find(TEXT, pattern, 0, backward=True) is None


def test_blank_query_is_no_pattern() -> None:
    assert compile_query("   ") is None


def test_matches_across_chunk_boundaries_are_found(monkeypatch) -> None:
    monkeypatch.setattr(textsearch, "CHUNK", 64)
    text = "x" * 1000 + " needle in hay " + "y" * 1000
    for start in range(990, 1010):
        padded = "z" * (start - 1000 + 10) + text
        pattern = compile_query("needle in hay")
        assert pattern is not None
        hit = find(padded, pattern, 0)
        assert hit is not None and padded[hit.start : hit.end] == "needle in hay"
        back = find(padded, pattern, len(padded), backward=True)
        assert back == hit


def test_a_cancelled_search_returns_nothing() -> None:
    pattern = compile_query("omega")
    assert pattern is not None
    assert find(TEXT * 1000, pattern, 0, cancelled=lambda: True) is None


def test_search_in_a_big_text_gives_the_nearest_match_either_way() -> None:
    big = ("filler text " * 50_000) + "the marker" + (" more filler" * 50_000)
    pattern = compile_query("marker")
    assert pattern is not None
    middle = big.index("the marker")
    assert find(big, pattern, 0).start == middle + 4
    assert find(big, pattern, len(big), backward=True).start == middle + 4


def test_find_steps_moves_that_many_matches_either_way() -> None:
    text = " ".join(f"w{n} lamp" for n in range(10))  # ten matches
    pattern = compile_query("lamp")
    assert pattern is not None
    starts = [span[0] for span in spans_in(pattern, text)]
    hit = find_steps(text, pattern, 0, 3)
    assert hit is not None and hit.start == starts[2] and not hit.wrapped
    hit = find_steps(text, pattern, starts[5], 2, backward=True)
    assert hit is not None and hit.start == starts[3] and not hit.wrapped
    one = find_steps(text, pattern, starts[4] + 1, 1)
    assert one == find(text, pattern, starts[4] + 1)


def test_find_steps_goes_round_and_skips_whole_rounds() -> None:
    text = " ".join(f"w{n} lamp" for n in range(10))
    pattern = compile_query("lamp")
    assert pattern is not None
    starts = [span[0] for span in spans_in(pattern, text)]
    hit = find_steps(text, pattern, starts[8] + 1, 3)  # 9, round to 0, 1
    assert hit is not None and hit.start == starts[1] and hit.wrapped
    searched = 0

    def counting() -> bool:
        nonlocal searched
        searched += 1
        return False

    hit = find_steps(text, pattern, 0, 99_999, cancelled=counting)
    assert hit is not None and hit.start == starts[(99_999 - 1) % 10] and hit.wrapped
    assert searched < 100  # one round, not ten thousand


def test_find_steps_with_no_match_or_cancelled_is_none() -> None:
    pattern = compile_query("absent")
    assert pattern is not None
    assert find_steps(TEXT, pattern, 0, 5) is None
    lantern = compile_query("lantern")
    assert lantern is not None
    assert find_steps(TEXT, lantern, 0, 2, cancelled=lambda: True) is None


def test_the_words_a_finder_jump_found_are_searched_for_any_of_them_whole() -> None:
    from tui.reading.search import any_of_words, compile_query

    pattern = compile_query(any_of_words(["Palsied", "universe", "leper", "sea", "seas"]))
    assert pattern is not None
    text = "the palsied Universe lies before us a leper; seas and a sea; lepers, unpalsied"
    assert [m.group() for m in pattern.finditer(text)] == [
        "palsied",
        "Universe",
        "leper",
        "seas",
        "sea",
    ]


@pytest.mark.parametrize(
    ("query", "pattern"),
    [
        ("\\bMina\\b", True),
        ("^CHAPTER", True),
        ("Lucy.*Mina", True),
        ("[Mm]ina", True),
        ("Lucy|Mina", True),
        ("Mr. Darcy", False),
        ("why?", False),
        ("(aside)", False),
        ("[Illustration]", False),
        ("[a-z]+ing", True),
        ("re:\\bMina", False),  # already one
        ("\\<Mina\\>", False),  # vim's word edges, which a plain search takes as meant
        ("\\<Mina Harker\\>", False),
        ("Mi\\<na", True),  # an edge inside a word is a pattern's
    ],
)
def test_a_plain_query_written_as_a_regular_expression_is_told_apart(
    query: str, pattern: bool
) -> None:
    from tui.reading.search import written_as_pattern

    assert written_as_pattern(query) is pattern


WORD_EDGES_TEXT = "Wilhelmina met Minadoro. Then Mina came, and mina again."


@pytest.mark.parametrize("query", ["\\<Mina\\>", "re:\\<Mina\\>"])
def test_vim_word_edges_find_the_whole_word_only(query: str) -> None:
    """`/\\<Mina\\>` as in vim: Mina, not Wilhelmina nor Minadoro (and a capital keeps case)."""
    pattern = compile_query(query)
    assert pattern is not None
    assert [m.group() for m in pattern.finditer(WORD_EDGES_TEXT)] == ["Mina"]


def test_a_word_edge_on_one_side_holds_that_side_only() -> None:
    starts = compile_query("\\<mina")
    ends = compile_query("re:mina\\>")
    assert starts is not None and ends is not None
    assert [m.start() for m in starts.finditer(WORD_EDGES_TEXT)] == [15, 30, 45]
    assert [m.end() for m in ends.finditer(WORD_EDGES_TEXT)] == [10, 34, 49]


def test_an_escaped_backslash_before_an_angle_is_no_word_edge() -> None:
    pattern = compile_query("re:a\\\\<b")  # `a\\<b`: a backslash, then `<`
    assert pattern is not None
    assert pattern.search("see a\\<b here") is not None


def test_a_space_in_a_pattern_finds_the_words_over_a_line_break_the_page_joins() -> None:
    """The page shows `Lucy’s fading` on one line where the file breaks it after `Lucy’s`:
    a pattern's space matches any run of whitespace, as a plain search's does."""
    text = "I do not understand Lucy’s\nfading away.  And   so on. saidLucy a[ ]b"
    pattern = compile_query("re:Lucy.s fading")
    assert pattern is not None and pattern.search(text) is not None
    assert compile_query("away. +And", regex=True).search(text) is not None  # type: ignore[union-attr]
    # A space under a quantifier is one whitespace character, quantified as written.
    assert compile_query("re:said ?Lucy").search(text) is not None  # type: ignore[union-attr]
    assert compile_query("re:And {3}so").search(text) is not None  # type: ignore[union-attr]
    assert compile_query("re:away\\. *And").search(text) is not None  # type: ignore[union-attr]
    # Spaces in a class, escaped, or in a verbose pattern are as written.
    assert compile_query("re:a[ ]b").search(text) is None  # type: ignore[union-attr]
    assert compile_query("re:And\\ so").search(text) is None  # type: ignore[union-attr]
    assert compile_query("re:And so").search(text) is not None  # type: ignore[union-attr]
    assert compile_query("re:[^]] on").search(text) is not None  # type: ignore[union-attr]
    assert compile_query("re:(?ix) so \\s+ on").search(text) is not None  # type: ignore[union-attr]


def test_a_bad_pattern_is_told_where_it_was_typed_wrong() -> None:
    with pytest.raises(textsearch.BadQuery, match=r"at 6\)"):
        compile_query("re:so on (and")
