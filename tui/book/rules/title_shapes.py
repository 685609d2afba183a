"""Whether the words after a heading's number read as a title rather than prose.

A title such as `The Storm`, or a short sentence (`Borssynir skópu jörð ok himinn.`).
"""

from __future__ import annotations


def title_case_ok(bare: str) -> bool:
    """A title that follows a number without a separator must look like a title, not prose."""
    first = bare.lstrip("\"“‘'([")[:1]
    if not first or (first.isalpha() and first.islower()):
        return False
    words = bare.split()
    return len(words) <= 14 and not (len(words) > 4 and bare.rstrip().endswith((".", ",", ";")))


# A chapter's title may be a short sentence, as old books title them (`5. Borssynir skópu jörð
# ok himinn.`, `The Wolf is bound.`): at most this many words.
SENTENCE_TITLE_WORDS = 8


def sentence_title(title: str) -> bool:
    """A numbered line's title that reads as one short sentence, capitalised and closed by a
    full stop: a heading's shape too, taken only where the book counts such lines up."""
    words = title.split()
    return (
        title[:1].isupper()
        and len(words) <= SENTENCE_TITLE_WORDS
        and title.endswith(".")
        and not title.endswith("..")
        and not any(word.endswith((".", "!", "?", ";", ":")) for word in words[:-1])
    )
