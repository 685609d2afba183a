"""Number words of other languages fan fiction is often written in, one to twenty.

German goes to ninety-nine, as its compounds are built (`Einunddreißigstes Kapitel`).
"""

from __future__ import annotations

import functools
import re
import unicodedata

# Each table lists the words for one, two, three ... in order; `/` separates spellings of one
# number (gender, accents left out as many writers leave them out).
_CARDINALS = {
    "fr": "un/une deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze "
    "quinze seize dix-sept dix-huit dix-neuf vingt",
    "es": "uno/una dos tres cuatro cinco seis siete ocho nueve diez once doce trece catorce "
    "quince dieciséis diecisiete dieciocho diecinueve veinte",
    "pt": "um/uma dois/duas três quatro cinco seis sete oito nove dez onze doze treze "
    "catorze/quatorze quinze dezesseis/dezasseis dezessete/dezassete dezoito "
    "dezenove/dezanove vinte",
    "de": "eins/ein zwei drei vier fünf sechs sieben acht neun zehn elf zwölf dreizehn "
    "vierzehn fünfzehn sechzehn siebzehn achtzehn neunzehn zwanzig",
    "it": "uno/una due tre quattro cinque sei sette otto nove dieci undici dodici tredici "
    "quattordici quindici sedici diciassette diciotto diciannove venti",
}
# Ordinals as they name chapters: `Chapitre premier`, `Capítulo primero`, `Erstes Kapitel`.
_ORDINALS = {
    "fr": "premier/première deuxième/second/seconde troisième quatrième cinquième sixième "
    "septième huitième neuvième dixième onzième douzième treizième quatorzième quinzième "
    "seizième dix-septième dix-huitième dix-neuvième vingtième",
    "es": "primero/primera/primer segundo/segunda tercero/tercera/tercer cuarto/cuarta "
    "quinto/quinta sexto/sexta séptimo/séptima octavo/octava noveno/novena décimo/décima",
    "pt": "primeiro/primeira segundo/segunda terceiro/terceira quarto/quarta quinto/quinta "
    "sexto/sexta sétimo/sétima oitavo/oitava nono/nona décimo/décima",
    "de": "erstes/erste/erster zweites/zweite/zweiter drittes/dritte/dritter "
    "viertes/vierte/vierter fünftes/fünfte/fünfter sechstes/sechste/sechster "
    "siebtes/siebte/siebter/siebentes/siebente/siebenter achtes/achte/achter "
    "neuntes/neunte/neunter zehntes/zehnte/zehnter elftes/elfte/elfter zwölftes/zwölfte/zwölfter",
    "it": "primo/prima secondo/seconda terzo/terza quarto/quarta quinto/quinta sesto/sesta "
    "settimo/settima ottavo/ottava nono/nona decimo/decima",
    # (`Eerste hoofdstuk`; older printing sets `y` for `ij`: `vyfde`)
    "nl": "eerste tweede derde vierde vijfde/vyfde zesde zevende achtste negende tiende elfde "
    "twaalfde dertiende veertiende vijftiende/vyftiende zestiende zeventiende achttiende "
    "negentiende twintigste",
    # (`Глава первая`, `Часть вторая`, `Действие третье`: the three genders)
    "ru": "первый/первая/первое второй/вторая/второе третий/третья/третье "
    "четвёртый/четвёртая/четвёртое пятый/пятая/пятое шестой/шестая/шестое "
    "седьмой/седьмая/седьмое восьмой/восьмая/восьмое девятый/девятая/девятое "
    "десятый/десятая/десятое одиннадцатый/одиннадцатая/одиннадцатое "
    "двенадцатый/двенадцатая/двенадцатое тринадцатый/тринадцатая/тринадцатое "
    "четырнадцатый/четырнадцатая/четырнадцатое пятнадцатый/пятнадцатая/пятнадцатое "
    "шестнадцатый/шестнадцатая/шестнадцатое семнадцатый/семнадцатая/семнадцатое "
    "восемнадцатый/восемнадцатая/восемнадцатое девятнадцатый/девятнадцатая/девятнадцатое "
    "двадцатый/двадцатая/двадцатое",
}
# `Dernier chapitre`, `Capítulo final`: a chapter named last, numbered nothing.
_LAST = {
    "fr": "dernier/dernière",
    "es": "último/última",
    "pt": "último/última",
    "de": "letztes/letzte/letzter",
    "it": "ultimo/ultima",
    "ru": "последний/последняя/последнее",
}
# The keywords each language numbers with its own words (`Kapitel eins`, not `Chapter eins`).
KEYWORD_LANGUAGES = {
    "chapitre": "fr",
    "partie": "fr",
    "capitulo": "es pt",
    "parte": "es pt it",
    "kapitel": "de",
    "teil": "de",
    "capitolo": "it",
    "hoofdstuk": "nl",
    "deel": "nl",
    "глава": "ru",
    "часть": "ru",
    "том": "ru",
    "действие": "ru",
}


# German writes the numbers past twenty as one word, the unit first: `einundzwanzig`, and its
# ordinals `einundzwanzigste(s)`, `dreizehnte(s)`; built from parts, not listed.
_DE_UNITS = "ein zwei drei vier fünf sechs sieben acht neun"
_DE_TENS = "zwanzig dreißig vierzig fünfzig sechzig siebzig achtzig neunzig"
# (`sech`-, `sieb`-: the teens drop a unit's last letters, `sechzehn`, `siebzehn`)
_DE_TEEN_UNITS = "drei vier fünf sech sieb/sieben acht neun"


def _as_written(words: str) -> str:
    """An alternation of ``words`` accepting `ß` or `ss` and `ü` or `u` (typed without them)."""
    out = []
    for word in words.replace("/", " ").split():
        out.append(word.replace("ß", "(?:ß|ss)").replace("ü", "[üu]"))
    return "|".join(out)


_DE_TENS_RE = f"(?:{_as_written(_DE_TENS)})"
_GERMAN_CARDINAL = f"(?:(?:{_as_written(_DE_UNITS)})und)?{_DE_TENS_RE}"
_GERMAN_ORDINAL = f"(?:{_GERMAN_CARDINAL}ste[snrm]?|(?:{_as_written(_DE_TEEN_UNITS)})zehnte[snrm]?)"
_DE_COMPOUND = re.compile(
    f"(?:(?P<unit>{_as_written(_DE_UNITS)})und)?(?P<tens>{_DE_TENS_RE})(?P<ordinal>ste[snrm]?)?"
    f"|(?P<teen>{_as_written(_DE_TEEN_UNITS)})zehnte[snrm]?"
)


def german_compound_starts() -> list[str]:
    """How a German compound number past twelve starts, in title case (`Einund`, `Dreißig`,
    `Dreizehnt`): enough to tell a line worth classifying, the rest of the word any letters."""
    units = [f"{u}und" for u in _DE_UNITS.split()]
    teens = [f"{u}zehnt" for spellings in _DE_TEEN_UNITS.split() for u in spellings.split("/")]
    starts = [*units, *_DE_TENS.split(), *teens]
    spelt = {w.replace("ß", "ss").replace("ü", "u") for w in starts} | set(starts)
    return sorted(w.capitalize() for w in spelt)


def _german_value(word: str) -> tuple[int, bool] | None:
    """A German compound number's value and whether it is a cardinal (`einundzwanzig`: 21)."""
    m = _DE_COMPOUND.fullmatch(word)
    if m is None:
        return None
    if m["teen"]:
        return 10 + _units()[plain(m["teen"])], False
    unit = _units()[plain(m["unit"])] if m["unit"] else 0
    return 10 * (_tens()[plain(m["tens"])] + 1) + unit, not m["ordinal"]


@functools.cache
def _units() -> dict[str, int]:
    units = {plain(w): k for k, w in enumerate(_DE_UNITS.split(), start=1)}
    for k, spellings in enumerate(_DE_TEEN_UNITS.split(), start=3):
        units |= {plain(w): k for w in spellings.split("/")}
    return units


@functools.cache
def _tens() -> dict[str, int]:
    return {plain(w): k for k, w in enumerate(_DE_TENS.split(), start=1)}


def plain(word: str) -> str:
    """Lower case without accents: `Dieciséis` and `dieciseis` are one word."""
    decomposed = unicodedata.normalize("NFD", word.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@functools.cache
def _table() -> dict[str, tuple[int, frozenset[str], bool]]:
    """Each plain word: its value (0 for `last`), its languages, and whether it is a cardinal."""
    out: dict[str, tuple[int, set[str], bool]] = {}
    for cardinal, tables in ((True, _CARDINALS), (False, _ORDINALS)):
        for lang, words in tables.items():
            for value, spellings in enumerate(words.split(), start=1):
                for word in spellings.split("/"):
                    _, langs, _ = out.setdefault(plain(word), (value, set(), cardinal))
                    langs.add(lang)
    for lang, words in _LAST.items():
        for word in words.split("/"):
            out.setdefault(plain(word), (0, set(), False))[1].add(lang)
    return {word: (value, frozenset(langs), card) for word, (value, langs, card) in out.items()}


def _spellings(tables: dict[str, str]) -> list[str]:
    """Every word as written and without its accents, longest first (for a regex)."""
    words = {
        w for line in tables.values() for spelling in line.split() for w in spelling.split("/")
    }
    both = words | {plain(w) for w in words}
    return sorted(both, key=lambda w: (-len(w), w))


def _alternation(tables: dict[str, str]) -> str:
    return "|".join(_spellings(tables))


# Regular-expression alternations (matched case-insensitively).
CARDINAL_WORDS = f"(?:{_alternation(_CARDINALS)}|{_GERMAN_CARDINAL})"
ORDINAL_WORDS = f"(?:{_GERMAN_ORDINAL}|{_alternation(_ORDINALS)}|{_alternation(_LAST)})"


def _lookup(word: str) -> tuple[int, frozenset[str], bool] | None:
    """A word's value, languages and whether it is a cardinal, if it is a number word."""
    key = plain(word.strip())
    found = _table().get(key)
    if found is not None:
        return found
    german = _german_value(key)
    return (german[0], frozenset(("de",)), german[1]) if german else None


def word_value(word: str) -> int | None:
    """The number a word of these languages names (0 for `dernier`, `letztes`), else None."""
    found = _lookup(word)
    return found[0] if found else None


def word_languages(word: str) -> frozenset[str]:
    """The languages in which ``word`` is a number word (empty when it is none)."""
    found = _lookup(word)
    return found[1] if found else frozenset()


def is_cardinal(word: str) -> bool:
    found = _lookup(word)
    return found is not None and found[2]


def keyword_languages(keyword: str) -> frozenset[str]:
    """The languages whose number words follow ``keyword`` (`Kapitel`: German)."""
    return frozenset(_plain_keywords().get(plain(keyword.rstrip(".")), "").split())


@functools.cache
def _plain_keywords() -> dict[str, str]:
    """KEYWORD_LANGUAGES by plain keyword (`действие` loses its breve as `Действие` does)."""
    return {plain(keyword): langs for keyword, langs in KEYWORD_LANGUAGES.items()}


def title_case_words() -> list[str]:
    """The cardinal words as a heading line starts with them: `Un`, `Dix-sept`, `Dix-Sept`,
    `Erstes` (ordinals lead only German and French keyword headings)."""
    words = _spellings(_CARDINALS) + _spellings(_ORDINALS)
    forms = {form for w in words for form in (w.capitalize(), w.title())}
    return sorted(forms, key=lambda w: (-len(w), w))
