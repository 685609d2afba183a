"""The finder's index build: the same words as the tokeniser, for every kind of text."""

from __future__ import annotations

import gc

import pytest
from finder_support import build_book, lighthouse

from tui.book.model import ParaKind
from tui.finder.build import build_index
from tui.finder.tokens import STOP_WORDS, compound, compounds, folded_words

PUNCTUATION = """Chapter 1: Odd Text

“Don’t go,” said Élodie — and the ÉCOLE bell rang… twice.

Ana’s brother didn't wait; he ran down the Straße at 5 o'clock, past snake_case signs.

Non\u00a0breaking spaces, «guillemets», ‘single quotes’ and naïve café owners.

The Quarter-Deck of the ship’s-boat, well--known to the sea-faring folk of 1850-60.
"""
CJK = PUNCTUATION + "\n* * *\n\n第十二章 and the 東京 station, with English words around them.\n"
CONTROL = PUNCTUATION + "\nA control\x01character in the middle of a paragraph.\n"


def expected_postings(book) -> dict[str, list[int]]:
    """What the index should hold: the tokeniser's words of every indexed paragraph, and its
    hyphenated compounds as one word each (`quarterdeck`)."""
    found: dict[str, list[int]] = {}
    for number in range(len(book)):
        if book.kinds[number] in (ParaKind.BREAK, ParaKind.LABEL):
            continue
        text = book.paragraph(number)
        joined = {compound(match.group()) for match in compounds(text)}
        for word in sorted(set(folded_words(text)) | joined):
            if word not in STOP_WORDS:
                found.setdefault(word, []).append(number)
    return found


@pytest.mark.parametrize(
    "text",
    [PUNCTUATION, CJK, CONTROL, lighthouse().text],
    ids=["punctuation", "cjk", "control", "lighthouse"],
)
def test_the_index_holds_the_words_a_reader_types(text: str) -> None:
    book = build_book(text)
    index = build_index(book)
    assert index is not None
    assert {w: list(p) for w, p in index.postings.items()} == expected_postings(book)


def test_folded_forms_are_the_keys() -> None:
    index = build_index(build_book(CJK))
    assert index is not None
    for word in ("élodie", "école", "strasse", "oclock", "anas", "naïve", "café", "東", "snake"):
        assert word in index.postings, word
    # A hyphenated compound is its words and the one word a reader may type; a dash or a
    # span of years joins nothing.
    for word in ("quarterdeck", "quarter", "deck", "shipsboat", "seafaring"):
        assert word in index.postings, word
    assert not {"wellknown", "185060"} & set(index.postings)
    assert "Élodie" not in index.postings and "straße" not in index.postings


def test_stop_words_are_left_out() -> None:
    index = build_index(lighthouse())
    assert index is not None
    assert not STOP_WORDS & set(index.postings)
    assert "lantern" in index.postings


def test_a_big_book_is_indexed_in_chunks_with_the_same_result() -> None:
    # Several chunks of 8192 paragraphs, some with an ornament line between scenes.
    scenes = "\n\n* * *\n\n".join(f"Scene {i} has a lantern and word{i % 97}." for i in range(9000))
    book = build_book("Chapter 1: Long\n\n" + scenes)
    assert len(book) > 2 * 8192
    index = build_index(book)
    assert index is not None
    assert {w: list(p) for w, p in index.postings.items()} == expected_postings(book)


def test_progress_is_reported_up_to_the_end() -> None:
    seen: list[float] = []
    build_index(lighthouse(), progress=seen.append)
    assert seen[-1] == 1.0 and seen == sorted(seen)


@pytest.mark.parametrize("enabled", [True, False])
def test_the_garbage_collector_is_left_as_it_was(enabled: bool) -> None:
    was = gc.isenabled()
    try:
        gc.enable() if enabled else gc.disable()
        build_index(lighthouse())
        assert gc.isenabled() is enabled
        build_index(lighthouse(), should_stop=lambda: True)
        assert gc.isenabled() is enabled
    finally:
        gc.enable() if was else gc.disable()
