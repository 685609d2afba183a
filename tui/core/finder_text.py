"""Words for the finder: tokenising, folding, light stemming, stop words, structural queries."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

# A word is a run of letters/digits; apostrophes inside a word are kept by the tokeniser and
# dropped by `fold` ("don't" -> "dont", "Sakura's" -> "sakuras", which the stemmer maps to
# "sakura"). Each CJK character is a word of its own, since CJK text has no spaces.
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


_VOWELS = set("aeiouy")


def _has_vowel(word: str) -> bool:
    return any(c in _VOWELS for c in word)


def stem_uncached(word: str) -> str:
    """A light English stemmer: plurals, possessives, -ed, -ing, -ly and a final e.

    It only has to map the forms a reader types ("fights", "fighting", "fought" aside) onto
    the same key as the forms in the book; it never needs to produce a real word.
    """
    if len(word) <= 3 or not word.isalpha():
        return word
    w = word
    if len(w) == 4 and w.endswith(("ies", "ied")):
        return w[:-1]  # dies, died, lies, tied
    if w.endswith("ies") and len(w) > 4:
        w = w[:-3] + "y"
    elif w.endswith("sses"):
        w = w[:-2]
    elif w.endswith("s") and not w.endswith(("ss", "us", "is")):
        w = w[:-1]
    if w.endswith("ied") and len(w) > 4:
        w = w[:-3] + "y"
    elif w.endswith("eed"):
        pass
    elif w.endswith("ed") and len(w) > 4 and _has_vowel(w[:-2]):
        w = _undouble(w[:-2])
    elif w.endswith("ing") and len(w) > 5 and _has_vowel(w[:-3]):
        w = _undouble(w[:-3])
    if w.endswith("ly") and len(w) > 5:
        w = w[:-2]
    if w.endswith("e") and len(w) > 3:
        w = w[:-1]
    return w


stem = lru_cache(maxsize=16384)(stem_uncached)


_DERIVATIONAL = (
    "izations",
    "isations",
    "ization",
    "isation",
    "ations",
    "ation",
    "ments",
    "ment",
    "nesses",
    "ness",
    "ities",
    "ity",
    "izes",
    "ises",
    "ized",
    "ised",
    "izing",
    "ising",
    "ize",
    "ise",
    "fully",
    "ful",
    "less",
    "ously",
    "ous",
    "ively",
    "ive",
    "ures",
    "ure",
    "ally",
    "al",
    "ly",
    "ies",
    "y",
)


def root(word: str) -> str:
    """A rougher stem that also drops derivational endings: `apology`, `apologize` -> `apolog`.

    Matches through it count for less than same-stem matches, since it also joins words
    that only look related.
    """
    if len(word) <= 5 or not word.isalpha():
        return stem(word)
    for suffix in _DERIVATIONAL:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return stem_uncached(word[: -len(suffix)])
    return stem(word)


# English irregular verbs and a few nouns that go with them, as a lemmatiser would join
# them: a reader types "fight" for a scene that says "fought", "died" for one about a death.
_IRREGULAR_TEXT = """
arise arose arisen | awake awoke awoken | be was were been | beat beaten | become became |
begin began begun | bend bent | bet | bind bound | bite bit bitten | bleed bled |
blow blew blown | break broke broken | breed bred | bring brought | build built |
burn burnt | burst | buy bought | catch caught | choose chose chosen choice | cling clung |
come came | cost | creep crept | cut | deal dealt | dig dug | do did done |
draw drew drawn | dream dreamt | drink drank drunk | drive drove driven | die dead death |
dwell dwelt | eat ate eaten | fall fell fallen | feed fed | feel felt | fight fought |
find found | flee fled | fly flew flown | forbid forbade forbidden |
forget forgot forgotten | forgive forgave forgiven | freeze froze frozen | get got gotten |
give gave given | go went gone | grow grew grown | hang hung | have had | hear heard |
hide hid hidden | hit | hold held | hurt | keep kept | kneel knelt | know knew known |
lay laid | lead led | lean leant | leap leapt | learn learnt | leave left | lend lent |
let | light lit | live life lives | lose lost loss | make made | mean meant | meet met |
pay paid | prove proven | put | quit | read | ride rode ridden | ring rang rung | run ran |
say said | see saw seen sight | seek sought | sell sold | send sent | set |
shake shook shaken | shine shone | shoot shot | show shown | shrink shrank shrunk | shut |
sing sang sung song | sink sank sunk | sit sat | slay slew slain | sleep slept |
slide slid | speak spoke spoken speech | speed sped | spend spent | spin spun | spit spat |
split | spread | stand stood | steal stole stolen | stick stuck | sting stung |
stink stank | strike struck stricken | string strung | strive strove striven |
swear swore sworn | sweep swept | swell swollen | swim swam swum | swing swung |
take took taken | teach taught | tell told | think thought | throw threw thrown |
tread trod trodden | understand understood | wake woke woken | wear wore worn |
weave wove woven | weep wept | win won | write wrote written | child children | man men |
woman women | mouse mice | tooth teeth | foot feet
"""
_LEMMA = {form: group.split()[0] for group in _IRREGULAR_TEXT.split("|") for form in group.split()}


def lemma(word: str) -> str | None:
    """The base word of an irregular form (`fought` -> `fight`), or None for regular words."""
    return _LEMMA.get(word)


def _undouble(w: str) -> str:
    """`stopp` -> `stop`, but `fall` and `miss` keep their double letter."""
    if len(w) > 3 and w[-1] == w[-2] and w[-1] not in "lsz" and w[-1] not in _VOWELS:
        return w[:-1]
    return w


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
    rf"\b(?:chapter|ch\.?|part|book|volume|vol\.?|episode|act)\s*(?P<n>{_NUM})\b"
    r"|^\s*(?P<lead>\d+)\b|第(?P<cjk>[一二三四五六七八九十百〇零\d]+)[章回話节節]",
    re.IGNORECASE,
)
_CJK_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5}
_CJK_DIGITS |= {"六": 6, "七": 7, "八": 8, "九": 9}


def _cjk_number(text: str) -> int | None:
    if text.isdigit():
        return int(text)
    total, current = 0, 0
    for ch in text:
        if ch in _CJK_DIGITS:
            current = _CJK_DIGITS[ch]
        elif ch == "十":
            total += (current or 1) * 10
            current = 0
        elif ch == "百":
            total += (current or 1) * 100
            current = 0
    return total + current or None


def title_number(title: str) -> int | None:
    """The number a chapter title gives itself: `Chapter 12: X` -> 12, `CHAPTER XII` -> 12."""
    match = _TITLE_NUMBER.search(title)
    if not match:
        return None
    if match.group("cjk"):
        return _cjk_number(match.group("cjk"))
    return parse_number(match.group("n") or match.group("lead"))
