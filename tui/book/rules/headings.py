"""Chapter headings: recognising `Chapter 12: Title`, `Prologue`, `第十二章` and what each names."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from tui.book.rules.heading_decoration import (
    strip_alt_text,
    strip_decoration,
    strip_title_decoration,
)
from tui.book.rules.heading_numbers import in_words, keyword_number, word_or_number
from tui.book.rules.number_words import (
    CARDINAL_WORDS,
    ORDINAL_WORDS,
    keyword_languages,
    word_languages,
    word_value,
)
from tui.book.rules.numerals import (
    ENGLISH_ORDINAL,
    NUMBER_WORDS,
    ROMAN,
    cjk_value,
    ordinal_value,
    parse_number,
)
from tui.book.rules.patterns import compiled_on_first_use
from tui.book.rules.title_shapes import sentence_title, title_case_ok

# -- heading patterns ------------------------------------------------------------------------
# (Compiled on first use: they take 12 ms to compile, and the first page needs at most the
# first of them, for the heading lines on it.)

# Keywords followed by a number: `Chapter 12`, `Part Two`, `Book III`, `Ch. 3`.
NUMBERED_KEYWORDS = (
    r"chapter|chapitre|capitulo|capítulo|kapitel|chap\.?|ch\.|ch|part|pt\.|book|volume|vol\.?|"
    r"act|arc|episode|ep\.|interlude|side[ -]?story|extra|bonus chapter|special chapter|omake|"
    r"intermission|season|stave|"
    # the same in other languages fan fiction is written in
    r"capitolo|hoofdstuk|rozdział|kapitola|глава|часть|розділ|том|действие|partie|parte|teil|"
    r"פרק"
)
# Keywords that follow an ordinal: `Erstes Kapitel`, `Premier chapitre`, `Primo capitolo`.
_TRAILING_KEYWORDS = r"kapitel|teil|chapitre|partie|capítulo|capitulo|capitolo|parte|hoofdstuk|deel"
# Keywords that stand alone or take a title: `Prologue`, `Epilogue: After`.
LONE_KEYWORDS = (
    r"prologue|epilogue|interlude|intermission|side[ -]?story|extra|omake|bonus chapter|"
    r"special chapter|bonus|special|prelude|postlude|coda|entr'?acte|"
    r"prólogo|epílogo|prologo|epilogo|prolog|epilog|пролог|эпилог|бонус-глава|бонусная глава"
)
# `BOOK FOURTEENTH`, `Chapter the Twenty-first`, `Chapter the Last`.
_ORDINAL_WORDS = f"{ENGLISH_ORDINAL}|last|final"
# (Words of other languages before Roman numerals: `dix` is ten, not 509.)
_NUMBER = (
    rf"(?:\d{{1,4}}(?:\.\d{{1,2}})?|#\d{{1,4}}|{CARDINAL_WORDS}|{ORDINAL_WORDS}|{ROMAN}|{ROMAN.lower()}|"
    rf"(?:the )?(?:{_ORDINAL_WORDS})|{NUMBER_WORDS})"
)
# A number in CJK numerals (`十二`, `三十六`), alone on its line in a Japanese or Chinese book.
CJK_NUMERAL = "[〇一二三四五六七八九十百千]{1,6}"
_SEPARATOR = r"\s*(?:[:.|~,]|[-–—]+|\))\s*"

_KEYWORD_HEADING = compiled_on_first_use(
    rf"(?P<kw>{NUMBERED_KEYWORDS})\s*(?P<num>{_NUMBER})(?![\w'’])"
    rf"(?:\s*\((?P<paren>[^)]{{1,60}})\))?"
    rf"(?:(?P<sep>{_SEPARATOR})(?P<title>.*)|\s+(?P<bare>.+))?",
    re.IGNORECASE,
)
# An English ordinal before its keyword: `FIRST ACT`, `The Seventy-seventh Chapter.`,
# `SECOND BOOK`.
_ENGLISH_ORDINAL_HEADING = compiled_on_first_use(
    rf"(?:the\s+)?(?P<num>{ENGLISH_ORDINAL})\s+(?P<kw>chapter|act|book|part|volume|canto|stave)"
    rf"(?![\w'’])(?:(?P<sep>{_SEPARATOR})(?P<title>.*))?",
    re.IGNORECASE,
)
_ORDINAL_HEADING = compiled_on_first_use(
    rf"(?P<num>{ORDINAL_WORDS})\s+(?P<kw>{_TRAILING_KEYWORDS})(?![\w'’])"
    rf"(?:(?P<sep>{_SEPARATOR})(?P<title>.*))?",
    re.IGNORECASE,
)
# Languages that write the number before the word for chapter: Finnish `I luku`, `3. luku`;
# Hungarian `II. fejezet`; Estonian `1. peatükk`.
_NUMBER_FIRST_HEADING = compiled_on_first_use(
    rf"(?P<num>\d{{1,3}}|{ROMAN})\.?\s+(?P<kw>luku|fejezet|peatükk)(?![\w'’])"
    rf"(?:(?P<sep>{_SEPARATOR})(?P<title>.*))?",
    re.IGNORECASE,
)
_LONE_HEADING = compiled_on_first_use(
    rf"(?P<kw>{LONE_KEYWORDS})(?![\w'’])(?:(?P<sep>{_SEPARATOR})(?P<title>.*)|\s+(?P<bare>.+))?",
    re.IGNORECASE,
)
_CJK_HEADING = compiled_on_first_use(
    r"(?P<label>(?:第\s*(?P<num>[0-9０-９〇○零一二两兩三四五六七八九十百千万萬]+)\s*"
    r"(?P<unit>[章回话話节節卷部幕篇集]))|제\s*(?P<knum>\d+)\s*[장화]|"
    r"序章|序幕|楔子|终章|終章|尾声|尾聲|番外篇?|プロローグ|エピローグ|幕間|間章|閑話)"
    r"(?:[\s:：.、·\-—]*(?P<title>.*))?"
)
# A bare number or number word on its own line (`12`, `XII.`, `- 3 -`, `Twelve`, `三十六`): a
# heading only where the document uses them consistently, decided by the structure pass.
_BARE_NUMBER = compiled_on_first_use(
    rf"[-~=*#\[(<\s]*(?P<num>\d{{1,4}}|{CARDINAL_WORDS}|{ROMAN}|{NUMBER_WORDS}|{CJK_NUMERAL})"
    r"(?: ?\.)?"
    r"[-~=*#\])>\s]*",
    re.IGNORECASE,
)
# `One: The Storm`, `Un : Kiba`, `Uno - La casa`: a number word, a separator and a title —
# also only when consistent (or when it opens a story alone, see `tui.book.text.weak_headings`).
_WORD_TITLE = compiled_on_first_use(
    rf"(?P<num>{CARDINAL_WORDS}|{NUMBER_WORDS})\s*(?:[:.]|[-–—]+)\s*(?P<title>[^\s].{{0,80}})",
    re.IGNORECASE,
)
# `12. Title`, `12 - Title`, `12: Title` — also only when consistent.
_NUMBERED_TITLE = compiled_on_first_use(
    r"(?P<num>\d{1,4})(?:\.|\s*(?:[-–—]+|[:)]))[ \t]+(?P<title>[^\s].{0,80})"
)
# `II. THE RED-HEADED LEAGUE`, `II - An Antecedent and a Horror`: a Roman numeral, a full
# stop or a spaced dash, and a title (a story of a collection) — also only when consistent.
_ROMAN_TITLE = compiled_on_first_use(
    rf"(?P<num>{ROMAN})(?:\.|[ \t]+[-–—]+)[ \t]+(?P<title>[^\s].{{0,80}})"
)
# Web serials number chapters within arcs: `1.03`, `2.1 - Title`, `Gestation 1.1`.
_DECIMAL = compiled_on_first_use(
    r"(?P<name>[A-Z][\w'’-]*(?: [A-Z][\w'’-]*){0,2} )?(?P<num>\d{1,3})\.(?P<minor>\d{1,3})"
    r"(?:\s*(?:[:|]|[-–—]+)\s*(?P<title>\S.{0,80})|\s+(?P<bare>\S.{0,80}))?"
)

# CJK units of a part or volume rather than a chapter: `第一卷`, `第二部`.
_CJK_PART_UNITS = "卷部篇"
_SPACES = re.compile(r"\s+")
# `LETTER IV.`, `Letter 12 [Inclosed in the preceding Letter.]`: a letter of a book of letters,
# a heading only where the book numbers its letters in sequence.
_LETTER_HEADING = compiled_on_first_use(
    rf"(?P<kw>letter)\s+(?P<num>{ROMAN}|\d{{1,3}})\.?(?:\s*\[(?P<note>[^\]]{{1,60}})\])?",
    re.IGNORECASE,
)

# A heading line's length at most: a keyword heading with a long summary title after its
# separator (`Capítulo 8: Del buen suceso que el valeroso Don Quijote tuvo en la espantable y
# jamás imaginada aventura de los molinos de viento, …`, as old books title chapters) runs to
# LONG_TITLE_CHARS; any other title stops at TITLE_CHARS.
MAX_HEADING_CHARS = 220
TITLE_CHARS = 100
LONG_TITLE_CHARS = 200


# What a heading names. `number`/`numbered`/`decimal` are bare numbers (`12`, `12. Title`,
# `1.03`); `cjk` is `第十二章`; `titled` is a title alone, found through the contents list.
HeadingKind = Literal[
    "chapter",
    "prologue",
    "epilogue",
    "interlude",
    "side",
    "part",
    "cjk",
    "number",
    "numbered",
    "decimal",
    "titled",
]


@dataclass(frozen=True, slots=True)
class Heading:
    """A recognised heading line."""

    kind: HeadingKind
    number: int | None  # the chapter number when written
    label: str  # the keyword part as written: `Chapter 12`, `Prologue`
    title: str  # the title after the label, "" when none
    strong: bool  # a keyword heading; False for bare numbers, used only when consistent
    minor: int | None = None  # the chapter within its arc for `1.03`-style numbers

    @property
    def word(self) -> str:
        """The keyword its label begins with, in lower case: `vol` for `VOL. I.`, `book` for
        `BOOK II`, `part` for `Part IV` ("" for a label without one)."""
        words = self.label.casefold().split()
        return words[0].rstrip(".") if words else ""

    @property
    def text(self) -> str:
        """Display form: `Chapter 1: A Creeping Horror`."""
        if self.kind == "numbered":
            # `12. Title`, `II. Title`; `One: Title` keeps the colon a word needs
            dot = not in_words(self.label)
            return f"{self.label}. {self.title}" if dot else f"{self.label}: {self.title}"
        if self.title and self.label and "\u3000" <= self.label[-1] <= "\u9fff":
            return f"{self.label} {self.title}"  # `第一章 山门`
        if self.title and self.label:
            return f"{self.label}: {self.title}"
        return self.label or self.title


# A heading's label set in emphasis, its title after: `*Chapter 2*: Title`, `**Part 3** - Title`.
_MARKED_LABEL = re.compile(r"^([*_]{1,3})([^*_\n]{1,30}?)\1(?=\s*[:.\-–—]|\s|$)")


# (after a word, or after the full stop that closes one: `308.[1]`)
_GLUED_NOTE_MARK = re.compile(r"(?:(?<=[^\W_])|(?<=[^\W_]\.))\[\d{1,3}\]$")


def match_heading(text: str) -> Heading | None:
    """Recognise a chapter heading line; None when the line is not one.

    Strong headings carry a keyword (`Chapter 12`, `CHAPTER XII: Title`, `Prologue`, `Part One`,
    `第十二章`). Weak ones (`12`, `XII.`, `12. Title`) have ``strong=False``: the structure pass
    accepts them only when a document uses them in sequence.
    """
    line = _SPACES.sub(" ", strip_alt_text(text.strip())).strip()
    if not line or len(line) > MAX_HEADING_CHARS:
        return None
    if line[:1] in "*_":
        line = _MARKED_LABEL.sub(r"\2", line, count=1)  # `*Chapter 2*: Title`
    inner = strip_decoration(line) or line
    # (a note's mark glued to the heading, `CHAPTER 3[12]`, is no part of it)
    inner = _GLUED_NOTE_MARK.sub("", inner)
    found = _match_keyword(inner) or _match_cjk(inner)
    if found:
        return found
    return _match_weak(line, inner)


def names_a_chapter(text: str) -> bool:
    """`Chapter 3: The Fall`, `Prologue`, `第三章`: a line shaped like a chapter heading."""
    heading = match_heading(text)
    return heading is not None and heading.strong


# Titles of an unnumbered last chapter, after the numbered ones: `CONCLUSION.`, `L'ENVOI`.
CLOSING_TITLES = frozenset(("conclusion", "postscript", "l envoi", "envoi", "finale"))


# ... with its own title after it: `Conclusion. Justice and retribution.`
_CLOSING_WITH_TITLE = re.compile(r"(?P<word>[^.:—–]{3,12})\s*[.:—–]\s+\S.{0,60}")


def is_closing_title(text: str) -> bool:
    """`CONCLUSION.`, `L'ENVOI`, `Conclusion. Justice and retribution.`: the title of an
    unnumbered last chapter."""
    if " ".join(re.sub(r"[^\w ]+", " ", text.casefold()).split()) in CLOSING_TITLES:
        return True
    titled = _CLOSING_WITH_TITLE.fullmatch(text.strip())
    return titled is not None and is_closing_title(titled["word"])


def _match_keyword(inner: str) -> Heading | None:
    m = _KEYWORD_HEADING().fullmatch(inner)
    if m:
        number, ok = keyword_number(m["kw"], m["num"])
        if not ok:
            return None
        if m["bare"] is not None and not title_case_ok(m["bare"]):
            return None
        keyword = m["kw"]
        kind = _kind_of(keyword)
        label = f"{_tidy_keyword(keyword)} {m['num']}".strip()
        if m["paren"]:
            label = f"{label} ({m['paren']})"
        title = strip_title_decoration(m["title"] if m["title"] is not None else (m["bare"] or ""))
        if len(title) > (LONG_TITLE_CHARS if m["title"] is not None else TITLE_CHARS):
            return None
        return Heading(kind, number, label, title, True)
    m = _ORDINAL_HEADING().fullmatch(inner)
    if m and word_languages(m["num"]) & keyword_languages(m["kw"]):
        title = strip_title_decoration(m["title"] or "")
        if len(title) > TITLE_CHARS:
            return None
        label = f"{m['num']} {_tidy_keyword(m['kw'])}"
        return Heading(_kind_of(m["kw"]), word_value(m["num"]) or None, label, title, True)
    m = _ENGLISH_ORDINAL_HEADING().fullmatch(inner)
    if m and ordinal_value(m["num"]) is not None:
        title = strip_title_decoration(m["title"] or "")
        if len(title) > TITLE_CHARS:
            return None
        label = inner[: m.end("kw")]
        return Heading(_kind_of(m["kw"]), ordinal_value(m["num"]), label, title, True)
    m = _NUMBER_FIRST_HEADING().fullmatch(inner)
    if m and parse_number(m["num"]) is not None:
        title = strip_title_decoration(m["title"] or "")
        if len(title) > TITLE_CHARS:
            return None
        label = _tidy_keyword(inner[: m.end("kw")])
        return Heading("chapter", parse_number(m["num"]), label, title, True)
    m = _LONE_HEADING().fullmatch(inner)
    if m:
        keyword = m["kw"]
        if m["bare"] is not None and (_kind_of(keyword) == "side" or not title_case_ok(m["bare"])):
            # `Special Agent Smith nodded.` is prose: only the story-part keywords
            # (Prologue, Epilogue, Interlude) may take a title without a separator.
            return None
        title = strip_title_decoration(m["title"] if m["title"] is not None else (m["bare"] or ""))
        if len(title) > TITLE_CHARS:
            return None
        if keyword.lower() in ("bonus", "special") and not title:
            return None
        return Heading(_kind_of(keyword), None, _tidy_keyword(keyword), title, True)
    return None


def _match_cjk(inner: str) -> Heading | None:
    m = _CJK_HEADING().fullmatch(inner)
    if not m:
        return None
    number = cjk_value(m["num"]) if m["num"] else (int(m["knum"]) if m["knum"] else None)
    title = (m["title"] or "").strip()
    if len(title) > 60:
        return None
    kind: HeadingKind = "part" if m["unit"] and m["unit"] in _CJK_PART_UNITS else "cjk"
    return Heading(kind, number, m["label"], title, True)


def _match_weak(line: str, inner: str) -> Heading | None:
    m = _DECIMAL().fullmatch(inner)
    if m and (m["bare"] is None or title_case_ok(m["bare"])):
        label = f"{m['name'] or ''}{m['num']}.{m['minor']}"
        title = strip_title_decoration(m["title"] or m["bare"] or "")
        return Heading("decimal", int(m["num"]), label, title, False, int(m["minor"]))
    m = _LETTER_HEADING().fullmatch(inner)
    if m:
        number = word_or_number(m["num"])
        if number is not None:
            label = f"{_tidy_keyword(m['kw'])} {m['num']}"
            return Heading("chapter", number, label, (m["note"] or "").strip(), False)
    # (a note's mark glued on, `308.[1]`, is gone from ``inner``)
    m = _BARE_NUMBER().fullmatch(line) or _BARE_NUMBER().fullmatch(inner)
    if m:
        number = word_or_number(m["num"])
        if number is not None:
            # (`II .`: a tokenised text spaces the full stop off)
            return Heading("number", number, re.sub(r"\s+\.$", ".", inner), "", False)
    m = _WORD_TITLE().fullmatch(inner)
    if m and m["num"][:1].isupper() and title_case_ok(m["title"]):
        number = word_or_number(m["num"])
        if number and not m["title"].rstrip().endswith((".", ",", ";", "!", "?")):
            return Heading("numbered", number, m["num"], strip_title_decoration(m["title"]), False)
    m = _NUMBERED_TITLE().fullmatch(line)
    if m and (title_case_ok(m["title"]) or sentence_title(m["title"])):
        return Heading(
            "numbered", int(m["num"]), m["num"], strip_title_decoration(m["title"]), False
        )
    m = _ROMAN_TITLE().fullmatch(inner)
    if m and title_case_ok(m["title"]) and not m["title"].rstrip().endswith((".", ",", ";")):
        number = parse_number(m["num"])
        if number is not None:
            return Heading("numbered", number, m["num"], strip_title_decoration(m["title"]), False)
    return None


_KIND_WORDS: dict[str, HeadingKind] = {
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
    "partie": "part",
    "parte": "part",
    "teil": "part",
    "deel": "part",
    "часть": "part",
    "том": "part",
    "pt.": "part",
    "book": "part",
    "volume": "part",
    "vol": "part",
    "vol.": "part",
    "act": "part",
    "действие": "part",
    "arc": "part",
    "season": "part",
}


def _kind_of(keyword: str) -> HeadingKind:
    word = keyword.lower()
    if word.startswith("side"):
        return "side"
    if word in (
        "extra",
        "omake",
        "bonus",
        "special",
        "bonus chapter",
        "special chapter",
        "бонус-глава",
        "бонусная глава",
    ):
        return "side"
    return _KIND_WORDS.get(word, "chapter")


def _tidy_keyword(keyword: str) -> str:
    """Keep the author's spelling but collapse inner whitespace (`Side  Story` -> `Side Story`)."""
    return " ".join(keyword.split())
