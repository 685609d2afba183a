"""Words that keep company in a book: what a query word goes with in the book's paragraphs."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Sequence

from tui.finder.tokens import STOP_WORDS, folded_words
from tui.finder.word_forms import stem

SAMPLE = 240  # paragraphs holding the word that are read (spread over the book)
MIN_SHARE = 0.06  # a companion is in at least this share of them ...
MIN_PARAGRAPHS = 4  # ... and in at least this many
MIN_LIFT = 16.0  # ... and this many times likelier there than in any paragraph
MOST = 5  # companions kept per word
MIN_LENGTH = 3  # shorter words are rarely what a scene is about


def companions(
    plist: Callable[[str], Sequence[int]],
    total: int,
    keys: Sequence[str],
    paragraph: Callable[[int], str],
    leave_out: set[str],
) -> list[tuple[str, float]]:
    """The book words found with any of ``keys`` far more often than elsewhere, each with a
    strength 0..1 (1 for the strongest); ``plist(word)`` is the paragraphs holding a word, of
    ``total``: `couch` with `leaned`, `party` with `champagne`.

    Names (``leave_out``) are left out: that someone is often there is not what a word means.
    """
    lists = [plist(key) for key in keys]
    # Every step-th paragraph of each form: a common word's hundred thousand paragraphs are
    # not gathered whole while the reader types.
    step = max(1, sum(map(len, lists)) // SAMPLE)
    sample = sorted({p for found in lists for p in found[::step]})[:SAMPLE]
    if len(sample) < MIN_PARAGRAPHS:
        return []
    seen: Counter = Counter()
    for para in sample:
        seen.update(set(folded_words(paragraph(para))))
    total = max(total, 1)
    own = {stem(key) for key in keys}
    needed = max(MIN_PARAGRAPHS, MIN_SHARE * len(sample))
    scored = []
    for word, count in seen.items():
        if count < needed or len(word) < MIN_LENGTH or word in STOP_WORDS:
            continue
        if word in leave_out or stem(word) in own or not word.isalpha():
            continue
        everywhere = len(plist(word)) / total
        if not everywhere:
            continue
        share = count / len(sample)
        lift = share / everywhere
        if lift >= MIN_LIFT:
            scored.append((share * math.log(lift), word))
    scored.sort(reverse=True)
    best = scored[0][0] if scored else 1.0
    return [(word, value / best) for value, word in scored[:MOST]]
