"""Words for the finder: tokenising, folding, stop words and structural queries (`ch3 s5`)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from tui.book.rules.headings import match_heading
from tui.book.rules.joined_volumes import numbers_repeat
from tui.book.rules.numerals import TENS
from tui.book.rules.superscripts import without_superscript_marks
from tui.book.rules.title_numbers import (
    TitleNumber,
    as_chapters,
    parse_number,
    read_title_number,
)

# A word is a run of letters/digits; apostrophes inside a word are kept by the tokeniser and
# dropped by `fold` ("don't" -> "dont", "Sakura's" -> "sakuras", which the stemmer in
# `finder_words` maps to "sakura"). Each CJK character is a word of its own, since CJK text
# has no spaces.
_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
WORD_RE = re.compile(rf"[{_CJK}]|[^\W_{_CJK}]+(?:['’][^\W_{_CJK}]+)*")
CJK_CHAR_RE = re.compile(rf"[{_CJK}]")
_APOSTROPHES = str.maketrans("", "", "'’")
# A hyphenated compound (`quarter-deck`, `try-works`, `ship's-boat`): words of letters joined
# by single hyphens (`well--known` is two words and a dash), which the index also holds as the
# one word a reader may type (`quarterdeck`). Numbers (`1850-60`) are no compound.
_PART = rf"[^\W\d_{_CJK}]+(?:['’][^\W\d_{_CJK}]+)*"
COMPOUND_RE = re.compile(rf"(?<![\w'’]){_PART}(?:-{_PART})+(?![\w'’])")

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
    """Case-fold a word and drop its apostrophes; full-width letters and digits (`Ｋ`, `１２`)
    and ligatures (`ﬁ`) become the letters a reader types."""
    return compatible(word).casefold().translate(_APOSTROPHES)


def compatible(text: str) -> str:
    """``text`` with compatibility characters as their plain forms (NFKC): `Ｋ` is `K`, `ﬁ`
    is `fi`. Book and query pass through it alike, so either may use either."""
    return text if text.isascii() else unicodedata.normalize("NFKC", text)


def compound(written: str) -> str:
    """A hyphenated compound as one folded word: `Quarter-Deck` -> `quarterdeck`."""
    return fold(written.replace("-", ""))


def compounds(text: str) -> Iterator[re.Match[str]]:
    """The hyphenated compounds of ``text`` (`COMPOUND_RE`), in order. They are looked for
    only where a hyphen joins two letters: trying the pattern at every character of a book
    takes many times longer."""
    end = 0
    at = text.find("-")
    while at >= 0:
        if 0 < at < len(text) - 1 and text[at - 1].isalpha() and text[at + 1].isalpha():
            start = at - 1
            while start > 0 and (text[start - 1].isalpha() or text[start - 1] in "'’"):
                start -= 1
            match = COMPOUND_RE.match(text, start)
            if match is not None and match.end() > at:
                yield match
                end = match.end()
        at = text.find("-", max(at + 1, end))


def words(text: str) -> list[str]:
    """The folded words of a text, in order (`M^{rs.}` is the word `mrs`)."""
    return [fold(w) for w in WORD_RE.findall(without_superscript_marks(text))]


_PLAIN = re.compile(r"[^\W_]+")
_ANY_CJK = re.compile(rf"[{_CJK}]")
_FOLDED_WORD = re.compile(rf"[{_CJK}]|[^\W_{_CJK}]+")


def folded_words(text: str) -> list[str]:
    """The same as `words`, faster: one case-fold of the whole text and a C-level findall."""
    folded = compatible(without_superscript_marks(text)).casefold()
    if "'" in folded or "’" in folded:
        folded = folded.replace("'", "").replace("’", "")
    return (_FOLDED_WORD if _ANY_CJK.search(folded) else _PLAIN).findall(folded)


_TYPED_WORD = re.compile(rf"[{_CJK}]+|[^\W_{_CJK}]+(?:['’][^\W_{_CJK}]+)*")


def typed_words(text: str) -> list[str]:
    """The folded words of a query as typed, a run of CJK characters kept as one word
    (`三國` is one word, not `三` and `國`): text without spaces is matched by its characters
    in order, not one character at a time."""
    return [fold(w) for w in _TYPED_WORD.findall(without_superscript_marks(text))]


def has_cjk(word: str) -> bool:
    """Whether a word is (or holds) CJK characters, which carry no spaces between words."""
    return _ANY_CJK.search(word) is not None


def word_spans(text: str) -> list[tuple[int, int, str]]:
    """``(start, end, folded word)`` for every word of a text."""
    return [(m.start(), m.end(), fold(m.group())) for m in WORD_RE.finditer(text)]


# -- structural queries: `ch3 s5`, `chapter 3 scene 5`, `c3`, `scene 2`, `chapter three` -------

_STRUCTURAL = re.compile(
    r"""^\s*(?:
        (?:(?:part|pt|book|bk|volume|vol)\.?\s*(?P<part>\d+|[a-z]+)|p\s*(?P<part_digits>\d+))
        \s*[,.:;·/\-]?\s*
      )?(?:
        (?:(?:chapter|chap|ch)\.?\s*(?P<ch>\d+|[a-z]+(?:-[a-z]+)?)|(?:c|\#)\s*(?P<ch_digits>\d+))
        (?:\s*[,.:;·/\-]?\s*(?:(?:scene|sc)\.?\s*(?P<sc>\d+|[a-z]+)|s\s*(?P<sc_digits>\d+)))?
      |
        (?:(?:scene|sc)\.?\s*(?P<only_sc>\d+|[a-z]+)|s\s*(?P<only_sc_digits>\d+))
    )\s*$""",
    re.IGNORECASE | re.VERBOSE,
)


# Ordinal words: `twelfth`, `twenty-first`, `thirtieth`; and `12th`, `1st`, `2nd`, `3rd`.
_ORDINAL_TEXT = (
    "zeroth first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
    "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth"
)
_ORDINALS = {name: i for i, name in enumerate(_ORDINAL_TEXT.split())}
_ORDINALS.update((name[:-1] + "ieth", value) for name, value in TENS.items() if value > 20)
_NUMBERED_ORDINAL = re.compile(r"(\d+)(?:st|nd|rd|th)")
_UNITS = frozenset(
    {"chapter", "chap", "ch", "scene", "sc", "part", "pt", "book", "bk", "volume", "vol"}
)


_TENS_AND_UNIT = re.compile(
    rf"\b({'|'.join(TENS)})\s+(one|two|three|four|five|six|seven|eight|nine|"
    r"first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)\b",
    re.IGNORECASE,
)


def joined_tens(query: str) -> str:
    """A number typed as two words made one, as books hyphenate it: `thirty nine` ->
    `thirty-nine`, `twenty first` -> `twenty-first`."""
    return _TENS_AND_UNIT.sub(r"\1-\2", query)


def parse_ordinal(token: str) -> int | None:
    """`twelfth`, `twenty-first` or `12th` as an int; None for anything else."""
    t = token.casefold()
    numbered = _NUMBERED_ORDINAL.fullmatch(t)
    if numbered:
        return int(numbered.group(1))
    if t in _ORDINALS:
        return _ORDINALS[t]
    tens, _, ones = t.partition("-")
    if 0 < _ORDINALS.get(ones, 0) < 10 and tens in TENS:
        return TENS[tens] + _ORDINALS[ones]
    return None


def _ordinals_as_numbers(query: str) -> str | None:
    """A query naming a place by ordinals as one by numbers: `twelfth chapter`, `12th
    chapter`, `the third chapter` and `chapter the twelfth` read `chapter 12` (`chapter 3`);
    None when it has no ordinal."""
    tokens = query.casefold().split()
    ordinals = [parse_ordinal(token) for token in tokens]
    if all(number is None for number in ordinals):
        return None
    tokens = [t if n is None else str(n) for t, n in zip(tokens, ordinals, strict=True)]
    tokens = [token for token in tokens if token != "the"]
    found: list[str] = []
    while tokens:
        token = tokens.pop(0)
        if token.isdigit() and tokens and tokens[0].rstrip(".") in _UNITS:
            found += [tokens.pop(0), token]  # the number goes after what it numbers
        else:
            found.append(token)
    return " ".join(found)


@dataclass(frozen=True)
class Structural:
    """A query that names a place by number: chapter (1-based) and/or scene (1-based), and
    the part the chapter is in (`part 2 ch 5`), if it says."""

    chapter: int | None
    scene: int | None
    part: int | None = None


def parse_structural(query: str) -> Structural | None:
    """Recognise `ch3 s5`, `chapter 3 scene 5`, `#3`, `c 3`, `scene 4`, `chapter twelve`,
    `chapter thirty nine`, `part 2 ch 5`, `p2 c5 s1`, and ordinals: `twelfth chapter`,
    `chapter the twelfth`."""
    query = joined_tens(query)
    found = _parse_structural(query)
    if found is None:
        numbered = _ordinals_as_numbers(query)
        found = _parse_structural(numbered) if numbered else None
    return found


def _parse_structural(query: str) -> Structural | None:
    match = _STRUCTURAL.match(query)
    if not match:
        return None
    part_text = match.group("part") or match.group("part_digits")
    part = parse_number(part_text) if part_text else None
    if part_text and not part:
        return None
    only = match.group("only_sc") or match.group("only_sc_digits")
    if only:
        if part_text:
            return None  # (`part 2 scene 4` names no chapter)
        scene = parse_number(only)
        return Structural(None, scene) if scene else None
    chapter = parse_number(match.group("ch") or match.group("ch_digits"))
    scene_text = match.group("sc") or match.group("sc_digits")
    scene = parse_number(scene_text) if scene_text else None
    if not chapter or (scene_text and not scene):
        return None
    return Structural(chapter, scene, part)


_NAME_END = re.compile(r"\s*(?::|\s[-–—]\s|\.\s)")
NAME_WIDTH = 24  # characters of an unnumbered chapter's title used as its name


def part_number(part: str) -> int | None:
    """The number of a chapter's part as the book labels it: `PART II` -> 2, `Book the
    Second` -> 2 (of the innermost part, for `Book One · Part III`)."""
    found = match_heading(part.rsplit(" · ", 1)[-1]) if part else None
    return found.number if found is not None else None


def part_name(part: str) -> str:
    """A part as the finder names it: `PART II` -> `Part 2`, `Book the Second` -> `Book 2`."""
    names = []
    for level in part.split(" · "):
        found = match_heading(level)
        if found is not None and found.number is not None and found.label:
            names.append(f"{found.label.split()[0].capitalize()} {found.number}")
        else:
            names.append(_plain_name(level))
    return " · ".join(names)


def _plain_name(level: str) -> str:
    """An unnumbered part's name without its subtitle, in title case where the book sets it in
    capitals: `FIRST EPILOGUE: 1813 - 20` -> `First Epilogue`."""
    name = _NAME_END.split(" ".join(level.split()), maxsplit=1)[0].strip() or level
    if name.isupper():
        name = " ".join(
            w.lower() if k and w.lower() in _SMALL_WORDS else w.capitalize()
            for k, w in enumerate(name.split())
        )
    return name if len(name) <= NAME_WIDTH else name[:NAME_WIDTH].rstrip() + "…"


# Words a title leaves in lower case (`Epoch the Second`).
_SMALL_WORDS = frozenset(
    ["a", "an", "the", "and", "or", "of", "in", "on", "at", "to", "for", "by", "with"]
)


def numbers_itself(titles: Sequence[str], parts: Sequence[str] = ()) -> bool:
    """Whether a book's chapter headings carry their own numbers (most of them do), each
    number naming one chapter (of its part, ``parts`` giving each chapter's part: the book's
    own, or the volume the engine puts it in where its numbers start again)."""
    found = [read_title_number(title) for title in titles]
    return _numbers_itself(found, as_chapters(found), parts)


def _numbers_itself(
    found: list[TitleNumber], numbers: list[int | None], parts: Sequence[str]
) -> bool:
    """`numbers_itself` from each title's `read_title_number` and the `chapter_numbers`."""
    numbered = sum(number is not None for number, _ in found)
    return bool(found) and 2 * numbered >= len(found) and not _repeats(numbers, parts)


def _repeats(numbers: Sequence[int | None], parts: Sequence[str]) -> bool:
    """Whether two chapters of one part give themselves one number. In a book in parts, a
    heading that says the number of the one just before it is a misprint (`Chapter 22`
    twice, then 24, in Anna Karenina's second part): it should not make every chapter go by
    its place in the book (`Ch 205`) rather than its part and heading (`Part 7 · Ch 16`)."""
    if not any(parts):
        return numbers_repeat(numbers)  # (numbered in order, the names change but little)
    seen: set[tuple[str, int]] = set()
    before: tuple[str, int] | None = None
    for position, number in enumerate(numbers):
        if number is None:
            continue
        key = (parts[position] if position < len(parts) else "", number)
        if key in seen and key != before:
            return True
        seen.add(key)
        before = key
    return False


def chapter_names(titles: Sequence[str], parts: Sequence[str] = ()) -> list[str]:
    """What the finder calls each chapter: `Ch 1` as its heading numbers it (even after a
    prologue), `Prologue` for an unnumbered one; in a book that numbers its chapters again in
    each part or volume, with the part (`Part 2 · Ch 1`, `Volume 2 · Ch 1`); in order (`Ch 1`,
    `Ch 2` ...) when the headings do not number themselves, or give two chapters one name."""
    found = [read_title_number(title) for title in titles]
    numbers = as_chapters(found)
    if not _numbers_itself(found, numbers, parts):
        return [f"Ch {n}" for n in range(1, len(titles) + 1)]
    by_part = numbers_repeat(numbers)
    plain_titles = [" ".join(title.split()) for title in titles]
    sharing: dict[str, int] = {}  # name -> how many titles begin with it
    names = []
    for position, (title, number) in enumerate(zip(plain_titles, numbers, strict=True), 1):
        if number is not None:
            part = parts[position - 1] if by_part and position <= len(parts) else ""
            names.append(f"{part_name(part)} · Ch {number}" if part else f"Ch {number}")
            continue
        name = _NAME_END.split(title, maxsplit=1)[0].strip()
        if len(name) > NAME_WIDTH:
            cut = name.rfind(" ", 0, NAME_WIDTH)
            name = name[: cut if cut > 0 else NAME_WIDTH].rstrip() + "…"
        part = parts[position - 1] if by_part and position <= len(parts) else ""
        # A name each volume has (`Prologue`) is told apart by its volume, as numbers are.
        if name not in sharing:
            sharing[name] = sum(t.startswith(name) for t in plain_titles)
        repeated = sharing[name] > 1
        named = name or f"Ch {position}"
        names.append(f"{part_name(part)} · {named}" if part and name and repeated else named)
    return names
