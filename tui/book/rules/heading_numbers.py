"""The number a heading writes, in digits, Roman numerals or number words.

Number words are read in its keyword's language (`Kapitel elf`, `Chapitre dix`).
"""

from __future__ import annotations

import re

from tui.book.rules.number_words import keyword_languages, word_languages, word_value
from tui.book.rules.numerals import NUMBER_WORDS, parse_number


def in_words(label: str) -> bool:
    """A number written as a word: `One`, `Un`, `Dix-sept` (not `12` or `XII`)."""
    return word_value(label) is not None or re.fullmatch(NUMBER_WORDS, label, re.I) is not None


def keyword_number(keyword: str, num: str) -> tuple[int | None, bool]:
    """The number after a keyword and whether it is one; a word of another language counts
    only after that language's keyword (`Kapitel elf`, but `Chapter Once` is no number)."""
    if word_languages(num) & keyword_languages(keyword):
        value = word_value(num)
        return value or None, True  # 0: `Chapitre dernier`, named last
    # (`Chapter the First`, `CHAPTER THE FIRST`: the article in any case)
    number = parse_number(re.sub(r"^the\s+", "", num, flags=re.IGNORECASE))
    return number, number is not None or num.lower().endswith(("last", "final"))


def word_or_number(token: str) -> int | None:
    """A number word of another language before anything else (`Dix` is ten, not 509)."""
    value = word_value(token)
    return value if value else parse_number(token)
