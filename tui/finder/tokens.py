"""Words for the finder: tokenising, folding, stop words and structural queries (`ch3 s5`)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from tui.book.rules.numerals import cjk_value

# A word is a run of letters/digits; apostrophes inside a word are kept by the tokeniser and
# dropped by `fold` ("don't" -> "dont", "Sakura's" -> "sakuras", which the stemmer in
# `finder_words` maps to "sakura"). Each CJK character is a word of its own, since CJK text
# has no spaces.
_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
WORD_RE = re.compile(rf"[{_CJK}]|[^\W_{_CJK}]+(?:['’][^\W_{_CJK}]+)*")
_APOSTROPHES = str.maketrans("", "", "'’")

_STOP_WORD_TEXT = """
    a about above after again against all am an and any are as at be because been before being
    below between both but by can could did do does doing down during each few for from further
    had has have having he her here hers herself him himself his how i if in into is it its itself
    just me more most my myself no nor not now of off on once only or other our ours ourselves out
    over own same she should so some such than that the their theirs them themselves then there
    these they this those through to too under until up very was we were what when where which
    while who whom why will with would you your yours yourself yourselves s t d ll m re ve
    dont didnt doesnt isnt wasnt wont cant couldnt wouldnt shouldnt arent werent hasnt havent
    hadnt im ive youre theyre thats whats hes shes its lets
"""
STOP_WORDS = frozenset(_STOP_WORD_TEXT.split())


def fold(word: str) -> str:
    """Case-fold a word and drop its apostrophes."""
    return word.casefold().translate(_APOSTROPHES)


def words(text: str) -> list[str]:
    """The folded words of a text, in order."""
    return [fold(w) for w in WORD_RE.findall(text)]


_PLAIN = re.compile(r"[^\W_]+")
_ANY_CJK = re.compile(rf"[{_CJK}]")
_FOLDED_WORD = re.compile(rf"[{_CJK}]|[^\W_{_CJK}]+")


def folded_words(text: str) -> list[str]:
    """The same as `words`, faster: one case-fold of the whole text and a C-level findall."""
    folded = text.casefold()
    if "'" in folded or "’" in folded:
        folded = folded.replace("'", "").replace("’", "")
    return (_FOLDED_WORD if _ANY_CJK.search(folded) else _PLAIN).findall(folded)


def word_spans(text: str) -> list[tuple[int, int, str]]:
    """``(start, end, folded word)`` for every word of a text."""
    return [(m.start(), m.end(), fold(m.group())) for m in WORD_RE.finditer(text)]


# -- structural queries: `ch3 s5`, `chapter 3 scene 5`, `c3`, `scene 2`, `chapter three` -------

_NUMBER_WORD_TEXT = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty"
)
_NUMBER_WORDS = {name: i for i, name in enumerate(_NUMBER_WORD_TEXT.split())}
_ROMAN = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100, "d": 500, "m": 1000}
_NUM = r"\d+|[ivxlcdm]+|[a-z]+"
_STRUCTURAL = re.compile(
    r"""^\s*(?:
        (?:(?:chapter|chap|ch)\.?\s*(?P<ch>\d+|[a-z]+)|(?:c|\#)\s*(?P<ch_digits>\d+))
        (?:\s*[,.:;·/\-]?\s*(?:(?:scene|sc)\.?\s*(?P<sc>\d+|[a-z]+)|s\s*(?P<sc_digits>\d+)))?
      |
        (?:(?:scene|sc)\.?\s*(?P<only_sc>\d+|[a-z]+)|s\s*(?P<only_sc_digits>\d+))
    )\s*$""",
    re.IGNORECASE | re.VERBOSE,
)


def parse_number(token: str) -> int | None:
    """`12`, `twelve` or `xii` as an int; None for anything else (`ill` is not 99)."""
    t = token.casefold()
    if t.isdigit():
        return int(t)
    if t in _NUMBER_WORDS:
        return _NUMBER_WORDS[t]
    if t and all(c in _ROMAN for c in t):
        total = 0
        for a, b in zip(t, t[1:] + " ", strict=True):
            value = _ROMAN[a]
            total += -value if b in _ROMAN and _ROMAN[b] > value else value
        # Only well-formed numerals count, so ordinary words made of these letters do not.
        return total if 0 < total < 4000 and _roman(total) == t else None
    return None


def _roman(n: int) -> str:
    out = []
    for value, letters in (
        (1000, "m"),
        (900, "cm"),
        (500, "d"),
        (400, "cd"),
        (100, "c"),
        (90, "xc"),
        (50, "l"),
        (40, "xl"),
        (10, "x"),
        (9, "ix"),
        (5, "v"),
        (4, "iv"),
        (1, "i"),
    ):
        while n >= value:
            out.append(letters)
            n -= value
    return "".join(out)


@dataclass(frozen=True)
class Structural:
    """A query that names a place by number: chapter (1-based) and/or scene (1-based)."""

    chapter: int | None
    scene: int | None


def parse_structural(query: str) -> Structural | None:
    """Recognise `ch3 s5`, `chapter 3 scene 5`, `#3`, `c 3`, `scene 4`, `chapter twelve`."""
    match = _STRUCTURAL.match(query)
    if not match:
        return None
    only = match.group("only_sc") or match.group("only_sc_digits")
    if only:
        scene = parse_number(only)
        return Structural(None, scene) if scene else None
    chapter = parse_number(match.group("ch") or match.group("ch_digits"))
    scene_text = match.group("sc") or match.group("sc_digits")
    scene = parse_number(scene_text) if scene_text else None
    if not chapter or (scene_text and not scene):
        return None
    return Structural(chapter, scene)


_TITLE_NUMBER = re.compile(
    rf"\b(?P<word>chapter|ch\.?|part|book|volume|vol\.?|episode|act)\s*(?P<n>{_NUM})\b"
    r"|^\s*(?P<lead>\d+)\b|第(?P<cjk>[一二三四五六七八九十百〇零\d]+)[章回話节節]",
    re.IGNORECASE,
)
_CHAPTER_WORDS = {"chapter", "ch", "ch."}
_NAME_END = re.compile(r"\s*(?::|\s[-–—]\s|\.\s)")
NAME_WIDTH = 24  # characters of an unnumbered chapter's title used as its name


def title_number(title: str) -> int | None:
    """The number a chapter title gives itself: `Chapter 12: X` -> 12, `CHAPTER XII` -> 12.

    A chapter's own number comes before that of its part or volume (`Volume 2, Chapter 5`
    is chapter 5)."""
    first: int | None = None
    for match in _TITLE_NUMBER.finditer(title):
        if match.group("cjk"):
            number = cjk_value(match.group("cjk")) or None
        else:
            number = parse_number(match.group("n") or match.group("lead"))
        if number is None:
            continue
        word = (match.group("word") or "chapter").casefold()
        if word in _CHAPTER_WORDS:
            return number
        if first is None:
            first = number
    return first


def numbers_itself(titles: list[str]) -> bool:
    """Whether a book's chapter headings carry their own numbers (most of them do)."""
    numbered = sum(title_number(t) is not None for t in titles)
    return bool(titles) and 2 * numbered >= len(titles)


def chapter_names(titles: list[str]) -> list[str]:
    """What the finder calls each chapter: `Ch 1` as its heading numbers it (even after a
    prologue), `Prologue` for an unnumbered one; in order (`Ch 1`, `Ch 2` ...) when the
    headings do not number themselves."""
    if not numbers_itself(titles):
        return [f"Ch {n}" for n in range(1, len(titles) + 1)]
    names = []
    for position, title in enumerate(titles, 1):
        number = title_number(title)
        if number is not None:
            names.append(f"Ch {number}")
            continue
        name = _NAME_END.split(" ".join(title.split()), maxsplit=1)[0].strip()
        if len(name) > NAME_WIDTH:
            cut = name.rfind(" ", 0, NAME_WIDTH)
            name = name[: cut if cut > 0 else NAME_WIDTH].rstrip() + "…"
        names.append(name or f"Ch {position}")
    return names
