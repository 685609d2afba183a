"""What a query word finds: forms, related words, compounds, and scenes split by a break."""

from __future__ import annotations

import pytest
from finder_support import built_finder, line_in, scene_lines

from tui.finder.book_finder import BookFinder
from tui.finder.query import query_terms
from tui.finder.thesaurus import words_apart
from tui.finder.word_forms import base_of, related, same_word, stem

HARBOUR = """Chapter 1: The Harbour

Captain Orla Vance came aboard at dawn. Orla checked every rope herself, and the crew
decided they would like Orla well enough.

The gulls followed the boat past the harbour wall.

* * *

Ada pressed her ear to the sailor's chest. She heard his heart, and its slow beats were
like a drum under the deck.

He laughed and said the sea had made her strange.

* * *

The cook and the mate fought on the deck until the mate fell into the hold.

Nobody spoke of it at supper.



Chapter 2: The Storm

The storm broke the mast in the night. Ada tied herself to the wheel and the ship held.

In the morning the heartbeat of the old engine was steady again, and Orla smiled.

* * *

Two rival captains met for a duel on the pier at noon, with swords from the museum.

The crowd went home disappointed when both of them apologised.

* * *

Orla paid the crew and they drank to the storm, to the engine and to the captain.
"""


@pytest.fixture(scope="module")
def finder() -> BookFinder:
    return built_finder(HARBOUR)


def line_of(text: str) -> int:
    return line_in(HARBOUR, text)


# -- word forms ----------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("forms", "same"),
    [
        (["strong", "stronger", "strongest"], True),
        (["fighter", "fight"], True),
        (["mother", "moth"], False),  # too short to be `moth` + `-er`
        (["forest", "for"], False),
        (["honest", "hon"], False),
    ],
)
def test_comparatives_and_agents_share_a_stem(forms: list[str], same: bool) -> None:
    assert (len({stem(f) for f in forms}) == 1) is same


@pytest.mark.parametrize(
    ("word", "form", "same"),
    [
        ("cop", "cope", False),  # one stem once the e is off, two words
        ("ride", "rid", False),
        ("car", "care", False),
        ("ride", "riding", True),
        ("hope", "hoping", True),
        ("hop", "hopping", True),
        ("cop", "cops", True),
        ("silently", "silent", True),
        ("flees", "fleeing", True),
        # A short word doubles its last letter before -ed and -ing (`palled`, `hopping`):
        # `paled` and `hoping` are forms of `pale` and `hope`, not of `pals` and `hop`.
        ("pals", "paled", False),
        ("pals", "paling", False),
        ("hop", "hoping", False),
        ("bar", "barred", True),
    ],
)
def test_a_stem_shared_by_two_words_is_told_apart(word: str, form: str, same: bool) -> None:
    assert stem(word) == stem(form)
    assert same_word(word, form) is same


def test_a_word_the_book_lacks_is_not_matched_as_its_lookalike() -> None:
    # `cop` is not in this book, but `cope` is: a reader asking for a policeman does not
    # mean the scene where someone could not cope.
    found = built_finder("Chapter 1\n\nShe could not cope with the noise.\n")
    assert found.index is not None
    assert all(e.sim < 0.5 for e in found.index.expand("cop") if e.key == "cope")


def test_irregular_forms_share_a_base() -> None:
    assert base_of("died") == base_of("death") == base_of("dead") == "die"
    assert base_of("heard") == "hear" and base_of("fought") == "fight"


def test_related_words_are_other_words_for_the_same_moment() -> None:
    assert "duel" in related("fought") and "rescue" in related("saved")
    assert "hear" in related("listening") and "tears" in related("crying")
    # Forms of the word itself are not its related words.
    assert "death" not in related("died") and related("lantern") == ()


# -- what a query finds --------------------------------------------------------------------
def test_a_related_word_finds_the_scene_below_the_word_itself(finder: BookFinder) -> None:
    fought, duel = line_of("The cook and the mate fought"), line_of("Two rival captains")
    assert scene_lines(finder, "fight")[:2] == [fought, duel]
    assert scene_lines(finder, "duel")[:2] == [duel, fought]


def test_a_paraphrase_with_a_compound_finds_the_scene(finder: BookFinder) -> None:
    # The scene says "heard his heart, and its slow beats"; another says "heartbeat".
    assert scene_lines(finder, "listening to his heartbeat")[0] == line_of("Ada pressed her ear")


def test_two_words_find_the_compound(finder: BookFinder) -> None:
    lines = scene_lines(finder, "engine heart beat")
    assert lines[0] == line_of("The storm broke the mast")


def test_the_scene_that_introduces_a_name_comes_first(finder: BookFinder) -> None:
    # Orla is named three times where she comes aboard, once or twice in two later scenes.
    assert scene_lines(finder, "orla")[0] == line_of("Captain Orla Vance")


# -- a moment split by a break ------------------------------------------------------------
FILLER = (
    "The crew worked the ropes through the long afternoon while the sea stayed grey, and the "
    "old boatswain told the same three stories he had told on every voyage since the war."
)


def long_scene(*middle: str, before: int = 8, after: int = 8) -> str:
    return "\n\n".join([FILLER] * before + list(middle) + [FILLER] * after)


SPLIT = "\n\n".join(
    [
        "Chapter 1: Arrival",
        long_scene(),
        "* * *",
        long_scene("At midnight she lowered her hood, and the lantern showed Wren.", after=0),
        "Chapter 2: After",
        long_scene(),
        "* * *",
        long_scene("Two rival captains met for a duel with swords from the museum."),
        "* * *",
        long_scene(),
    ]
)


@pytest.fixture(scope="module")
def split() -> BookFinder:
    return built_finder(SPLIT)


def test_a_moment_split_by_a_chapter_break_brings_the_next_scene(split: BookFinder) -> None:
    # The match ends chapter 1: the first scene of chapter 2 may be where the moment goes on,
    # so it is listed; the scene before, far from the match, is not.
    found = {(h.chapter, h.scene) for h in split.search("lowered her hood wren ")}
    assert split.search("lowered her hood wren ")[0].chapter == 0
    assert (1, 0) in found and (0, 0) not in found


def test_a_match_far_from_a_break_lends_to_no_neighbour(split: BookFinder) -> None:
    scenes = [(h.chapter, h.scene) for h in split.search("rival captains duel museum ")]
    assert scenes and all(place == (1, 1) for place in scenes)


def test_a_word_derived_from_another_is_not_taken_for_a_shorter_word() -> None:
    # `paleness` is derived from `pale`, not from `pal`: a reader asking for pals does not
    # mean the scene of someone's pale face, nearly as surely as the word itself.
    found = built_finder("Chapter 1\n\nThe paleness of her face frightened him.\n")
    assert found.index is not None
    assert all(e.sim < 0.5 for e in found.index.expand("pals") if e.key == "paleness")
    assert any(e.sim >= 0.8 for e in found.index.expand("pale") if e.key == "paleness")


def test_an_english_word_the_book_lacks_is_less_surely_a_misspelt_name() -> None:
    # `inn` is one letter from `Finn`, but a reader who types a word of the language means
    # that word before a name it might be a slip for: a made-up spelling (`xinn`), though
    # further from the name, is more surely the name.
    found = built_finder(
        "Chapter 1\n\nFinn mended the fence with Finn's old hammer, and Finn sang.\n"
    )
    assert found.index is not None

    def finn(typed: str) -> float:
        return max((e.sim for e in found.index.expand(typed) if e.key == "finn"), default=0.0)

    assert 0 < finn("inn") < finn("xinn")


def test_a_related_word_is_matched_in_its_own_forms_only() -> None:
    # `embrace` is related to `hug`, whose forms are `hugs` and `hugged`: `huge` shares the
    # stem but is another word, and the scene of a huge wave is no embrace.
    book = """Chapter 1

A huge wave broke over the wall, and a huge gull rode on the wind above it.

* * *

At the station she hugged her brother before the train left.
"""
    found = built_finder(book)
    assert found.index is not None
    keys = {e.key for e in found.index.expand("embrace")}
    assert "hugged" in keys and "huge" not in keys
    assert scene_lines(found, "embrace") == [line_in(book, "At the station")]


def test_another_word_of_the_same_stem_counts_as_another_word() -> None:
    # `secrete` shares `secret`'s stem: a reader asking what was done secretly means the
    # scene of the secret, though the other scene says `secrete` and `secreted` again and
    # again, and the forms of the two words are not counted as one word's.
    book = """Chapter 1

The gland began to secrete a fluid. It secreted more each hour, and the doctor watched it
secrete and secrete until the jar was full. Glands secrete; this one secreted all night.

* * *

She kept the letter a secret from her father and hid it in the clock.

* * *

The gardener dug the beds and planted the roses in a row.
"""
    found = built_finder(book)
    assert found.index is not None
    (term,) = query_terms(found.index, "secretly", typing=False)
    secrete = next(g for g in term.groups if "secrete" in g.keys)
    assert secrete.sim < 0.5 and "secret" not in secrete.keys
    assert scene_lines(found, "secretly")[0] == line_in(book, "She kept the letter")


RIVER = """Chapter 1: The River

The night was cold, and the night wind blew over the river. Anna walked beside the water.

All that night the lamps burned in the mill, and the night watchman walked his rounds.

By night the mill was a different place, and Anna walked home by night, past the ferry.

* * *

The mill stood quiet in the morning sun, and the miller counted his sacks of flour.

* * *

Anna made it her nightly habit to climb the hill behind the church and look at the stars.

The vicar thought it foolish, and said so at supper.



Chapter 2: The Fair

The fair came to town in spring, with its tents and its horses and its music.
"""


def test_a_word_of_its_own_is_no_form_of_a_shorter_one() -> None:
    # `nightly` is a word of the dictionary, not a form of `night`: the scene that says it
    # comes before the one that says `night` six times, which still follows.
    finder = built_finder(RIVER)
    assert scene_lines(finder, "nightly") == [
        line_in(RIVER, "Anna made it"),
        line_in(RIVER, "The night was cold"),
    ]
    assert words_apart("lovely", "love") and words_apart("masters", "mast")
    assert words_apart("teacher", "teaches") and words_apart("lovely", "loving")
    # The forms of one word stay one word.
    assert not words_apart("masters", "master") and not words_apart("stronger", "strong")
    assert not words_apart("running", "run")
