"""The general thesaurus: other English words for a query word, weaker than the word itself."""

from __future__ import annotations

import pytest
from finder_support import built_finder, line_in, scene_lines

from tui.finder import thesaurus
from tui.finder.book_finder import BookFinder

LEDGER = """Chapter 1: The Counting House

The clerk misappropriated the firm's money over three winters and bought a yacht with it.

Nobody noticed until the auditors came in the spring.

* * *

On the landing stage the passengers waited in the rain while the steamer was late.

A boy sold them newspapers and hot chestnuts.

* * *

The old partners quarrelled about the yacht, the money and the spring accounts.

The younger one went home early, in a temper, and slammed the door.
"""


@pytest.fixture(scope="module")
def finder() -> BookFinder:
    return built_finder(LEDGER)


def line_of(text: str) -> int:
    return line_in(LEDGER, text)


def test_words_of_the_same_sense_and_broader_words() -> None:
    assert "couch" in thesaurus.same_sense("sofa")
    assert "misappropriate" in thesaurus.same_sense("embezzle")
    assert "list" in thesaurus.nearby("roster")


def test_a_word_is_found_in_its_forms() -> None:
    assert thesaurus.same_sense("embezzles") == thesaurus.same_sense("embezzle")
    assert thesaurus.same_sense("attendees") == thesaurus.same_sense("attendee")
    assert thesaurus.nearby("shipped") == thesaurus.nearby("ship")


def test_a_typo_is_not_an_english_word() -> None:
    assert thesaurus.knows("roster") and thesaurus.knows("cuddling")
    assert not thesaurus.knows("promsie") and not thesaurus.knows("sowrd")


def test_a_paraphrase_finds_the_scene_through_the_thesaurus(finder: BookFinder) -> None:
    # None of the query's words is in the book: the scene says "misappropriated".
    assert scene_lines(finder, "embezzled")[0] == line_of("The clerk misappropriated")


def test_the_word_itself_still_comes_first(finder: BookFinder) -> None:
    # "money" is in the first and the third scene; the third has "quarrelled" too.
    quarrel = line_of("The old partners quarrelled")
    assert scene_lines(finder, "quarrel money")[0] == quarrel


def test_a_form_is_read_as_the_word_it_inflects() -> None:
    # A short word doubles its last letter before an ending: `poter` is no form of `pot`
    # (that is `potter`), so a misspelt name is not taken for an English word, and
    # `hoping` is `hope`'s form, not `hop`'s.
    assert not thesaurus.knows("poter")
    assert thesaurus.same_sense("hoping") == thesaurus.same_sense("hope")
    assert thesaurus.same_sense("hoping") != thesaurus.same_sense("hop")
    assert thesaurus.same_sense("hopping") == thesaurus.same_sense("hop")
