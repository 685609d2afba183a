"""The number a chapter's title gives it: `Chapter 12: X` -> 12, `CHAPTER XII` -> 12."""

from __future__ import annotations

import re
from collections.abc import Sequence

from tui.book.rules.numerals import TENS, cjk_value, to_roman
from tui.book.rules.numerals import parse_number as number_words

_NUMBER_WORD_TEXT = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty"
)
_NUMBER_WORDS = {name: i for i, name in enumerate(_NUMBER_WORD_TEXT.split())}
# The tens (`CHAPTER FORTY`); the ones between (`forty-one`) are read by `number_words`.
_NUMBER_WORDS.update(TENS)
_ROMAN = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100, "d": 500, "m": 1000}
_NUM = r"\d+|[ivxlcdm]+|[a-z]+"


def parse_number(token: str) -> int | None:
    """`12`, `twelve` or `xii` as an int; None for anything else (`ill` is not 99)."""
    t = token.casefold()
    if t.isdigit():
        return int(t)
    if t in _NUMBER_WORDS:
        return _NUMBER_WORDS[t]
    if "-" in t:
        return number_words(t) or None  # `forty-one`
    if t and all(c in _ROMAN for c in t):
        total = 0
        for a, b in zip(t, t[1:] + " ", strict=True):
            value = _ROMAN[a]
            total += -value if b in _ROMAN and _ROMAN[b] > value else value
        # Only well-formed numerals count, so ordinary words made of these letters do not.
        return total if 0 < total < 4000 and _roman(total) == t else None
    return None


def _roman(n: int) -> str:
    return to_roman(n).lower()


_TITLE_NUMBER = re.compile(
    rf"\b(?P<word>chapter|ch\.?|part|book|volume|vol\.?|episode|act)\s*(?P<the>the\s+)?"
    rf"(?P<n>[a-z]+-[a-z]+|{_NUM})\b"
    r"|^\s*(?P<lead>\d+\b|[ivxlc]+(?=[.:]|\s*$))|第(?P<cjk>[一二三四五六七八九十百〇零\d]+)[章回話节節]",
    re.IGNORECASE,
)
_CHAPTER_WORDS = {"chapter", "ch", "ch."}

# A title's number, and whether a chapter's own word gave it (not `Part`, `Book` ...).
TitleNumber = tuple[int | None, bool]


def title_number(title: str) -> int | None:
    """The number a chapter title gives itself: `Chapter 12: X` -> 12, `CHAPTER XII` -> 12.

    A chapter's own number comes before that of its part or volume (`Volume 2, Chapter 5`
    is chapter 5)."""
    return read_title_number(title)[0]


def read_title_number(title: str) -> TitleNumber:
    """`title_number`, and whether a chapter's own word gave it (not `Part`, `Book` ...)."""
    first: int | None = None
    for match in _TITLE_NUMBER.finditer(title):
        if match.group("cjk"):
            number = cjk_value(match.group("cjk")) or None
        elif "-" in (match.group("n") or "") or match.group("the"):
            # `CHAPTER TWENTY-ONE`; `CHAPTER THE FIRST`
            number = number_words(match.group("n")) or None
        else:
            number = parse_number(match.group("n") or match.group("lead"))
        if number is None:
            continue
        word = (match.group("word") or "chapter").casefold()
        if word in _CHAPTER_WORDS:
            return number, True
        if first is None:
            first = number
    return first, False


def chapter_numbers(titles: Sequence[str]) -> list[int | None]:
    """The number each chapter goes by (`title_number`), None for one without. In a book
    whose chapters number themselves as chapters, a part's title that is a chapter of its own
    (`PART 2` among `CHAPTER TWENTY-THREE` and `CHAPTER TWENTY-FOUR`) goes by its title."""
    return as_chapters([read_title_number(title) for title in titles])


def as_chapters(found: Sequence[TitleNumber]) -> list[int | None]:
    """`chapter_numbers` from each title's `read_title_number`."""
    as_chapter = sum(1 for number, chapter in found if number is not None and chapter)
    parts = sum(1 for number, chapter in found if number is not None and not chapter)
    if as_chapter > parts:
        return [number if chapter else None for number, chapter in found]
    return [number for number, _ in found]
