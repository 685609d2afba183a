"""Chapter headings: recognising `Chapter 12: Title`, `Prologue`, `第十二章`, and cleaning them."""

from __future__ import annotations

import re
from dataclasses import dataclass

# -- numbers ---------------------------------------------------------------------------------

_UNITS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
_TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_ORDINALS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "last": 0,
    "final": 0,
}
_WORD = "|".join(sorted([*_UNITS, *_TENS], key=len, reverse=True))
# "twenty-one", "one hundred and five", "Thirty Two"
NUMBER_WORDS = rf"(?:{_WORD})(?:[ -](?:hundred(?: and)?|{_WORD}))*"
ROMAN = r"(?=[MDCLXVI])M{0,4}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})"
_ROMAN_RE = re.compile(rf"{ROMAN}|{ROMAN.lower()}")
_ROMAN_VALUES = {"M": 1000, "D": 500, "C": 100, "L": 50, "X": 10, "V": 5, "I": 1}
_CJK_DIGITS = {
    "〇": 0,
    "零": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "兩": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_CJK_UNITS = {"十": 10, "百": 100, "千": 1000, "万": 10000, "萬": 10000}


def roman_value(token: str) -> int | None:
    """The value of a Roman numeral written all upper or all lower case, else None."""
    if not token or not _ROMAN_RE.fullmatch(token):
        return None
    total = 0
    upper = token.upper()
    for i, char in enumerate(upper):
        value = _ROMAN_VALUES[char]
        if i + 1 < len(upper) and _ROMAN_VALUES[upper[i + 1]] > value:
            total -= value
        else:
            total += value
    return total


def cjk_value(token: str) -> int | None:
    """The value of a CJK numeral (`十二`, `一百零五`) or of full-width digits."""
    token = token.translate(_FULLWIDTH_DIGITS)
    if token.isdigit():
        return int(token)
    total, current = 0, 0
    for char in token:
        if char in _CJK_DIGITS:
            current = _CJK_DIGITS[char]
        elif char in _CJK_UNITS:
            total += (current or 1) * _CJK_UNITS[char]
            current = 0
        else:
            return None
    return total + current


_FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")


def parse_number(token: str) -> int | None:
    """A chapter number written as digits, a Roman numeral, English words or CJK numerals."""
    token = token.strip().strip("#").rstrip(".")
    if not token:
        return None
    if token.isdigit():
        return int(token)
    if re.fullmatch(r"\d+\.\d+", token):
        return int(token.split(".")[0])
    value = roman_value(token)
    if value is not None:
        return value
    words = token.lower().replace("-", " ").split()
    if words and all(w in _UNITS or w in _TENS or w in ("hundred", "and") for w in words):
        total, current = 0, 0
        for word in words:
            if word == "hundred":
                current = (current or 1) * 100
            elif word != "and":
                current += _UNITS.get(word, 0) + _TENS.get(word, 0)
        return total + current
    if token.lower() in _ORDINALS:
        return _ORDINALS[token.lower()] or None
    return cjk_value(token)


# -- heading patterns ------------------------------------------------------------------------

# Keywords followed by a number: `Chapter 12`, `Part Two`, `Book III`, `Ch. 3`.
NUMBERED_KEYWORDS = (
    r"chapter|chapitre|capitulo|capítulo|kapitel|chap\.?|ch\.|ch|part|pt\.|book|volume|vol\.?|"
    r"act|arc|episode|ep\.|interlude|side[ -]?story|extra|bonus chapter|special chapter|omake|"
    r"intermission|season|"
    # the same in other languages fan fiction is written in
    r"capitolo|hoofdstuk|rozdział|kapitola|глава|часть|розділ|том"
)
# Keywords that stand alone or take a title: `Prologue`, `Epilogue: After`.
LONE_KEYWORDS = (
    r"prologue|epilogue|interlude|intermission|side[ -]?story|extra|omake|bonus chapter|"
    r"special chapter|bonus|special|prelude|postlude|coda|entr'?acte|"
    r"prólogo|epílogo|prologo|epilogo|prolog|epilog|пролог|эпилог"
)
_ORDINAL_WORDS = "first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|last|final"
_NUMBER = (
    rf"(?:\d{{1,4}}(?:\.\d{{1,2}})?|#\d{{1,4}}|{ROMAN}|{ROMAN.lower()}|{NUMBER_WORDS}|"
    rf"(?:the )?(?:{_ORDINAL_WORDS}))"
)
_SEPARATOR = r"\s*(?:[:.|~,]|[-–—]+|\))\s*"

_KEYWORD_HEADING = re.compile(
    rf"(?P<kw>{NUMBERED_KEYWORDS})\s*(?P<num>{_NUMBER})(?![\w'’])"
    rf"(?:\s*\((?P<paren>[^)]{{1,60}})\))?"
    rf"(?:(?P<sep>{_SEPARATOR})(?P<title>.*)|\s+(?P<bare>.+))?",
    re.IGNORECASE,
)
_LONE_HEADING = re.compile(
    rf"(?P<kw>{LONE_KEYWORDS})(?![\w'’])(?:(?P<sep>{_SEPARATOR})(?P<title>.*)|\s+(?P<bare>.+))?",
    re.IGNORECASE,
)
_CJK_HEADING = re.compile(
    r"(?P<label>(?:第\s*(?P<num>[0-9０-９〇零一二两兩三四五六七八九十百千万萬]+)\s*"
    r"(?P<unit>[章回话話节節卷部幕篇集]))|제\s*(?P<knum>\d+)\s*[장화]|"
    r"序章|序幕|楔子|终章|終章|尾声|尾聲|番外篇?|プロローグ|エピローグ|幕間|間章|閑話)"
    r"(?:[\s:：.、·\-—]*(?P<title>.*))?"
)
# A bare number or number word on its own line (`12`, `XII.`, `- 3 -`, `Twelve`): a heading
# only where the document uses them consistently, decided by the structure pass.
_BARE_NUMBER = re.compile(
    rf"[-~=*#\[(<\s]*(?P<num>\d{{1,4}}|{ROMAN}|{NUMBER_WORDS})\.?[-~=*#\])>\s]*",
    re.IGNORECASE,
)
# `12. Title` — also only when consistent.
_NUMBERED_TITLE = re.compile(r"(?P<num>\d{1,4})\.[ \t]+(?P<title>[^\s].{0,80})")
# Web serials number chapters within arcs: `1.03`, `2.1 - Title`, `Gestation 1.1`.
_DECIMAL = re.compile(
    r"(?P<name>[A-Z][\w'’-]*(?: [A-Z][\w'’-]*){0,2} )?(?P<num>\d{1,3})\.(?P<minor>\d{1,3})"
    r"(?:\s*(?:[:|]|[-–—]+)\s*(?P<title>\S.{0,80})|\s+(?P<bare>\S.{0,80}))?"
)

_ALT_TEXT = re.compile(r"\bimage\b", re.IGNORECASE)
_DECORATION = re.compile(r"^[\s#*_~=\-–—\[\]()<>|+:.•·]+|[\s*_~=\-–—\[\]()<>|+:•·]+$")
# CJK units of a part or volume rather than a chapter: `第一卷`, `第二部`.
_CJK_PART_UNITS = "卷部篇"
_SPACES = re.compile(r"\s+")

MAX_HEADING_CHARS = 150


@dataclass(frozen=True, slots=True)
class Heading:
    """A recognised heading line."""

    kind: str  # chapter, prologue, epilogue, interlude, side, part, cjk, number, numbered, decimal
    number: int | None  # the chapter number when written
    label: str  # the keyword part as written: `Chapter 12`, `Prologue`
    title: str  # the title after the label, "" when none
    strong: bool  # a keyword heading; False for bare numbers, used only when consistent
    minor: int | None = None  # the chapter within its arc for `1.03`-style numbers

    @property
    def text(self) -> str:
        """Display form: `Chapter 1: A Creeping Horror`."""
        if self.kind == "numbered":
            return f"{self.label}. {self.title}"
        if self.title and self.label and "\u3000" <= self.label[-1] <= "\u9fff":
            return f"{self.label} {self.title}"  # `第一章 山门`
        if self.title and self.label:
            return f"{self.label}: {self.title}"
        return self.label or self.title


def strip_alt_text(text: str) -> str:
    """Drop `image` tokens left by EPUB conversion at the edges of a heading or after its label.

    `Chapter 1 image A Creeping Horror image` -> `Chapter 1 A Creeping Horror`. Alt text comes
    in pairs (or starts the line): a title that merely ends in `Image` keeps it.
    """
    if "image" not in text.lower():
        return text
    words = text.split()
    lowered = [w.lower() for w in words]
    at_edge = lowered[0] == "image" or lowered[-1] == "image"
    if not at_edge or (lowered.count("image") < 2 and words[0] != "image"):
        return text
    return " ".join(w for w in words if w.lower() != "image")


def clean_heading(text: str) -> str:
    """A heading line as users should see it: decorations, markup and alt text removed."""
    line = _SPACES.sub(" ", strip_alt_text(text.strip())).strip()
    inner = strip_decoration(line)
    if inner:
        line = inner
    match = match_heading(line)
    return match.text if match else line


def strip_decoration(line: str) -> str:
    """`~ Chapter 5 ~` -> `Chapter 5`; a closing bracket that closes something stays
    (`Chapter 10 (Part 1)`, `Arc 1 (Kindling)`)."""
    inner = _DECORATION.sub("", line).strip()
    for opener, closer in ("()", "[]"):
        missing = inner.count(opener) - inner.count(closer)
        if missing > 0 and line.rstrip().endswith(closer):
            inner += closer * min(missing, line.count(closer) - inner.count(closer))
    return inner


def _title_case_ok(bare: str) -> bool:
    """A title that follows a number without a separator must look like a title, not prose."""
    first = bare.lstrip("\"“‘'([")[:1]
    if not first or (first.isalpha() and first.islower()):
        return False
    words = bare.split()
    return len(words) <= 14 and not (len(words) > 4 and bare.rstrip().endswith((".", ",", ";")))


def _clean_title(title: str) -> str:
    return _DECORATION.sub("", title).strip() if title else ""


def match_heading(text: str) -> Heading | None:
    """Recognise a chapter heading line; None when the line is not one.

    Strong headings carry a keyword (`Chapter 12`, `CHAPTER XII: Title`, `Prologue`, `Part One`,
    `第十二章`). Weak ones (`12`, `XII.`, `12. Title`) have ``strong=False``: the structure pass
    accepts them only when a document uses them in sequence.
    """
    line = _SPACES.sub(" ", strip_alt_text(text.strip())).strip()
    if not line or len(line) > MAX_HEADING_CHARS:
        return None
    inner = strip_decoration(line) or line
    found = _match_keyword(inner) or _match_cjk(inner)
    if found:
        return found
    return _match_weak(line, inner)


def _match_keyword(inner: str) -> Heading | None:
    m = _KEYWORD_HEADING.fullmatch(inner)
    if m:
        number = parse_number(m["num"].removeprefix("the ").removeprefix("The "))
        if number is None and not m["num"].lower().endswith(("last", "final")):
            return None
        if m["bare"] is not None and not _title_case_ok(m["bare"]):
            return None
        keyword = m["kw"]
        kind = _kind_of(keyword)
        label = f"{_tidy_keyword(keyword)} {m['num']}".strip()
        if m["paren"]:
            label = f"{label} ({m['paren']})"
        title = _clean_title(m["title"] if m["title"] is not None else (m["bare"] or ""))
        if len(title) > 100:
            return None
        return Heading(kind, number, label, title, True)
    m = _LONE_HEADING.fullmatch(inner)
    if m:
        keyword = m["kw"]
        if m["bare"] is not None and (_kind_of(keyword) == "side" or not _title_case_ok(m["bare"])):
            # `Special Agent Smith nodded.` is prose: only the story-part keywords
            # (Prologue, Epilogue, Interlude) may take a title without a separator.
            return None
        title = _clean_title(m["title"] if m["title"] is not None else (m["bare"] or ""))
        if len(title) > 100:
            return None
        if keyword.lower() in ("bonus", "special") and not title:
            return None
        return Heading(_kind_of(keyword), None, _tidy_keyword(keyword), title, True)
    return None


def _match_cjk(inner: str) -> Heading | None:
    m = _CJK_HEADING.fullmatch(inner)
    if not m:
        return None
    number = cjk_value(m["num"]) if m["num"] else (int(m["knum"]) if m["knum"] else None)
    title = (m["title"] or "").strip()
    if len(title) > 60:
        return None
    kind = "part" if m["unit"] and m["unit"] in _CJK_PART_UNITS else "cjk"
    return Heading(kind, number, m["label"], title, True)


def _match_weak(line: str, inner: str) -> Heading | None:
    m = _DECIMAL.fullmatch(inner)
    if m and (m["bare"] is None or _title_case_ok(m["bare"])):
        label = f"{m['name'] or ''}{m['num']}.{m['minor']}"
        title = _clean_title(m["title"] or m["bare"] or "")
        return Heading("decimal", int(m["num"]), label, title, False, int(m["minor"]))
    m = _BARE_NUMBER.fullmatch(line)
    if m:
        number = parse_number(m["num"])
        if number is not None:
            return Heading("number", number, inner, "", False)
    m = _NUMBERED_TITLE.fullmatch(line)
    if m and _title_case_ok(m["title"]):
        return Heading("numbered", int(m["num"]), m["num"], _clean_title(m["title"]), False)
    return None


_KIND_WORDS = {
    "prologue": "prologue",
    "prólogo": "prologue",
    "prologo": "prologue",
    "prolog": "prologue",
    "пролог": "prologue",
    "prelude": "prologue",
    "epilogue": "epilogue",
    "epílogo": "epilogue",
    "epilogo": "epilogue",
    "epilog": "epilogue",
    "эпилог": "epilogue",
    "postlude": "epilogue",
    "coda": "epilogue",
    "interlude": "interlude",
    "intermission": "interlude",
    "entracte": "interlude",
    "entr'acte": "interlude",
    "part": "part",
    "часть": "part",
    "том": "part",
    "pt.": "part",
    "book": "part",
    "volume": "part",
    "vol": "part",
    "vol.": "part",
    "act": "part",
    "arc": "part",
    "season": "part",
}


def _kind_of(keyword: str) -> str:
    word = keyword.lower()
    if word.startswith("side"):
        return "side"
    if word in ("extra", "omake", "bonus", "special", "bonus chapter", "special chapter"):
        return "side"
    return _KIND_WORDS.get(word, "chapter")


def _tidy_keyword(keyword: str) -> str:
    """Keep the author's spelling but collapse inner whitespace (`Side  Story` -> `Side Story`)."""
    return " ".join(keyword.split())
