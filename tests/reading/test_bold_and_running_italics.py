"""Plain-text marks beyond one line's `_italics_`: bold, and italics running over lines.

FanFicFare's `**bold**` drawn bold without its asterisks, and italics whose `_` opens one line
of an epigraph and closes a later one.
"""

from __future__ import annotations

from reader_support import make_book

from tui.reading.pager import LayoutOptions, Pager, Pos
from tui.reading.row_marks import row_marks
from tui.reading.search import compile_query
from tui.reading.shown_text import shown_from_raw, without_emphasis_marks

EPIGRAPH = (
    "Chapter 1\n\n_Do donkey is mug yard,\n\nHoney up vase\n\nToy orchard me_\n\n"
    "_~Pan Tortoise_\n\nShe said **BPOV** was 5 * 3 and left.*\n"
)


def _styled(text: str, name: str) -> list[str]:
    """The words of ``text``'s rows the reader draws in style ``name``."""
    book = make_book(text)
    pager = Pager(book, LayoutOptions(column=60), height=20)
    found = []
    for row in pager.rows(Pos(0), 20):
        marks = row_marks(row, pager, selected=None, pattern=None, current=None, matches={})
        found += [row.text[a:b] for a, b, style in marks if style == name]
    return found


def test_double_asterisks_are_drawn_bold_without_the_asterisks() -> None:
    shown = without_emphasis_marks(shown_from_raw("**Seeing Red**", rejoin=False))
    assert shown.text == "Seeing Red"
    assert [shown.text[a:b] for a, b in shown.bold] == ["Seeing Red"]
    assert _styled(EPIGRAPH, "bold") == ["BPOV"]


def test_a_bold_line_with_a_space_before_its_closing_asterisks_is_bold_too() -> None:
    shown = without_emphasis_marks(shown_from_raw("**My Paper Heart **", rejoin=False))
    assert shown.text.strip() == "My Paper Heart"
    assert shown.bold and not shown.emphasis


def test_lone_stars_and_ornaments_keep_their_asterisks() -> None:
    for raw in ("5 * 3 is fifteen.*", "It went *** well", "a ** b ** c"):
        shown = without_emphasis_marks(shown_from_raw(raw, rejoin=False))
        assert shown.text == raw and not shown.bold


def test_italics_over_several_lines_of_an_epigraph_are_italic_without_underscores() -> None:
    assert _styled(EPIGRAPH, "italic") == [
        "Do donkey is mug yard,",
        "Honey up vase",
        "Toy orchard me",
        "~Pan Tortoise",
    ]
    book = make_book(EPIGRAPH)
    pager = Pager(book, LayoutOptions(column=60), height=20)
    texts = [row.text for row in pager.rows(Pos(0), 20)]
    assert not any("_" in text for text in texts)


def test_italics_within_one_paragraph_kept_line_by_line_lose_their_marks() -> None:
    raw = "_Do donkey is mug yard,\nHoney up vase\nToy orchard me_"
    shown = without_emphasis_marks(shown_from_raw(raw, rejoin=False))
    assert "_" not in shown.text
    assert [shown.text[a:b] for a, b in shown.emphasis] == [shown.text]


def test_faces_and_names_do_not_open_italics_that_run_on() -> None:
    text = "Chapter 1\n\nShe made a face -_-\n\nHe typed my_file\n\nand left.\n"
    assert _styled(text, "italic") == []


def test_every_character_after_bold_still_maps_to_its_place_in_the_file() -> None:
    raw = "A **toy** scissors _rabbit_ jam."
    shown = without_emphasis_marks(shown_from_raw(raw, rejoin=True))
    assert shown.text == "A toy scissors rabbit jam."
    for word in ("toy", "scissors", "rabbit", "jam"):
        assert shown.to_shown(raw.index(word)) == shown.text.index(word)
        assert raw[shown.to_raw(shown.text.index(word))] == word[0]


def test_a_search_finds_words_across_bold_marks() -> None:
    pattern = compile_query("crystal, toy scissors")
    assert pattern is not None
    assert pattern.search("a scissors crystal, **toy** scissors crystal") is not None
