"""Names as readers type them, and the words a book keeps in company.

Names begun, misspelt, or by the short form the book uses; and the words a book keeps in
company.
"""

from __future__ import annotations

import pytest
from finder_support import build_book, scene_line

from tui.finder.book_finder import BookFinder
from tui.finder.company import companions
from tui.finder.tokens import words

COVE = """Chapter 1: The Cove

Hildegarde Sorensen rowed out to the wreck at dawn. Hildegarde never told anyone why.

The water was cold and grey, and the oars creaked in their locks.

* * *

"Hilde," Tobias called from the pier, "Hilde, come back before the tide turns!"

Hildegarde waved to Tobias and kept rowing towards the lantern on the wreck. Nobody but
Tobias ever called her Hilde, and Hilde only smiled at it.

* * *

Tobias Marchetti mended nets in the shed while the rain fell on the tin roof.

He thought about the lantern, and about Hildegarde, and about the money he owed.



Chapter 2: The Storm

Marguerite came in from the storm with a basket of eggs. Marguerite laughed at the rain.

The lighthouse keeper lit the lamp at dusk for Marguerite; the beam swept over the rocks
and the harbour.

* * *

At the party that night the whole village danced, and the fiddler played until dawn.

Tobias sat on the couch by the fire and would not dance with anyone.
"""


def first_scene_line(query: str) -> int:
    book = build_book(COVE)
    finder = BookFinder(book)
    assert finder.build()
    hits = [h for h in finder.search(query, limit=5, typing=False) if h.kind == "scene"]
    assert hits, query
    assert hits[0].offset is not None
    return scene_line(book, hits[0].offset)


def test_a_name_begun_finds_its_scene() -> None:
    # `marg` is no word of the book: only the name it begins.
    assert first_scene_line("marg eggs") == first_scene_line("marguerite eggs")


def test_a_misspelt_name_finds_its_scene() -> None:
    assert first_scene_line("marchetty nets") == first_scene_line("marchetti nets")
    assert first_scene_line("margarite basket") == first_scene_line("marguerite basket")


def test_the_short_form_the_book_uses_stands_for_the_name() -> None:
    book = build_book(COVE)
    finder = BookFinder(book)
    assert finder.build()
    assert finder.index is not None
    names = finder.index.names
    assert {"hildegarde", "hilde", "tobias", "marguerite"} <= set(names.counts)
    assert "hilde" in names.short_forms["hildegarde"]
    # A capitalised word only ever at the start of a sentence is no name.
    assert "the" not in names.counts and "nobody" not in names.counts


def test_a_word_only_at_sentences_start_is_not_a_name() -> None:
    book = build_book(COVE)
    finder = BookFinder(book)
    assert finder.build()
    assert finder.index is not None
    assert "he" not in finder.index.names.counts
    assert "at" not in finder.index.names.counts


def test_a_paraphrase_from_the_related_words_finds_the_scene() -> None:
    # The book says `party` and `couch`; the reader remembers a celebration and a sofa.
    assert first_scene_line("celebration sofa") == first_scene_line("party couch")


def test_words_that_keep_company_in_the_book_are_found_together() -> None:
    kettle = [
        "The kettle sang on the stove.",
        "She poured the tea from the kettle into a chipped cup.",
        "The kettle was cold, and the tea in the pot was stale.",
        "He filled the kettle and set out two cups of tea.",
        "The kettle boiled dry while they argued; nobody wanted tea.",
    ]
    others = [f"The boats came in at noon, {n} of them, and gulls cried." for n in range(100)]
    paragraphs = kettle + others
    postings: dict[str, list[int]] = {}
    for number, text in enumerate(paragraphs):
        for word in set(words(text)):
            postings.setdefault(word, []).append(number)
    found = companions(
        lambda word: postings.get(word, []),
        len(paragraphs),
        ["kettle"],
        paragraphs.__getitem__,
        set(),
    )
    assert found and found[0][0] == "tea"
    assert "boats" not in {word for word, _ in found}


def test_two_letters_swapped_in_a_short_word_still_find_it() -> None:
    assert first_scene_line("hsed") == first_scene_line("shed")


CASTLE = """Chapter 1: The Castle

Harry found Hermione in the library, buried in books. He told Hermione about the dragon.

"Ron," said Hermione, "the library closes at nine."

* * *

Professor Dumbledore stood by the window of his office. Harry watched Dumbledore feed the bird.

The bird burst into flames and Dumbledore smiled at Harry.

* * *

Kirito drew his sword in the arena. The crowd roared for Kirito and Asuna.

Asuna laughed and drew her rapier beside Kirito.
"""


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("hermoine", "hermione"),  # misspelt
        ("mione", "hermione"),  # a part of the name
        ("dumbeldore", "dumbledore"),  # misspelt
        ("kiri", "kirito"),  # begun, and left so
    ],
)
def test_names_as_readers_type_them(typed: str, meant: str) -> None:
    book = build_book(CASTLE)
    finder = BookFinder(book)
    assert finder.build()

    def first(query: str) -> int:
        hits = [h for h in finder.search(query, limit=3, typing=False) if h.kind == "scene"]
        assert hits and hits[0].offset is not None, query
        return scene_line(book, hits[0].offset)

    assert first(typed) == first(meant)
