"""Whether a word typed into a filter is a known word with one slip of the keyboard.

The rule the library's finder and its filter share, and one slip in a long word for the help's.
"""

from __future__ import annotations

from rapidfuzz import fuzz
from rapidfuzz.distance import OSA

TYPO_FROM = 4  # a typed word this long or longer may match a word with a typo
PARTLY_TYPED_TYPO_FROM = 6  # ... and the start of a longer word, when this long
TYPO_CUTOFF = 75.0  # how near (rapidfuzz ratio) a typo must come to the word

# A word this short, typed with a letter missing, may still be meant: `dik` for `dick`,
# `ana` for `anna`. Shorter ones are too often another word.
MISSING_LETTER_FROM = 3


def missing_one_letter(typed: str, word: str) -> bool:
    """True when ``typed`` is ``word`` with one letter left out after its first (`dik` for
    `dick`, `ana` for `anna`): the first letter is kept, since a word typed without it is
    more often another word (`and` is not `hand`)."""
    if len(typed) < MISSING_LETTER_FROM or len(word) != len(typed) + 1 or typed[0] != word[0]:
        return False
    return any(word[:at] + word[at + 1 :] == typed for at in range(1, len(word)))


def word_match(typed: str, word: str) -> float:
    """How well the typed word ``typed`` matches ``word``: 100 when it begins it.

    Otherwise, from the fourth letter on, how near it comes to the whole word (a typo:
    `dracual`, `kepeer`), or from the sixth to its start (`frnkens` for `frankenstein`). Less
    near than one slip in four letters doesn't count (0), so `cran` is Cranford's and not
    Frankenstein's, and `carol` is not Charles. A word of three letters may have one missing,
    after its first, and no other slip (`dik` for Dick, `ana` for Anna).
    """
    if word.startswith(typed):
        return 100.0
    if len(typed) >= TYPO_FROM:
        best = fuzz.ratio(typed, word, score_cutoff=TYPO_CUTOFF)
    else:
        best = fuzz.ratio(typed, word) if missing_one_letter(typed, word) else 0.0
    if len(typed) >= PARTLY_TYPED_TYPO_FROM and len(word) > len(typed):
        best = max(best, fuzz.ratio(typed, word[: len(typed)], score_cutoff=TYPO_CUTOFF))
    return best


def missing_letter_forms(text: str) -> frozenset[str]:
    """Every word of three letters that ``text``'s words of four are, one letter after the
    first left out (`dick`: `dck`, `dik`, `dic`): what a typed word of three may be to match
    one of them by `missing_one_letter`, looked up at once in a long list."""
    return frozenset(
        word[:at] + word[at + 1 :]
        for word in text.split()
        if len(word) == MISSING_LETTER_FROM + 1
        for at in range(1, len(word))
    )


def one_slip(typed: str, word: str) -> bool:
    """True when ``typed`` and ``word`` are one letter apart: one added, dropped, changed, or
    two side by side swapped (`bokmark`, `bookmrak` for `bookmark`)."""
    return OSA.distance(typed, word, score_cutoff=1) <= 1


__all__ = [
    "MISSING_LETTER_FROM",
    "TYPO_CUTOFF",
    "missing_letter_forms",
    "missing_one_letter",
    "one_slip",
    "word_match",
]
