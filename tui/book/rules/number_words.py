"""Number words of the other languages fan fiction is often written in, one to twenty."""

from __future__ import annotations

import functools
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
    "siebtes/siebte/siebter achtes/achte/achter neuntes/neunte/neunter "
    "zehntes/zehnte/zehnter elftes/elfte/elfter zwölftes/zwölfte/zwölfter",
    "it": "primo/prima secondo/seconda terzo/terza quarto/quarta quinto/quinta sesto/sesta "
    "settimo/settima ottavo/ottava nono/nona decimo/decima",
}
# `Dernier chapitre`, `Capítulo final`: a chapter named last, numbered nothing.
_LAST = {
    "fr": "dernier/dernière",
    "es": "último/última",
    "pt": "último/última",
    "de": "letztes/letzte/letzter",
    "it": "ultimo/ultima",
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
}


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
CARDINAL_WORDS = f"(?:{_alternation(_CARDINALS)})"
ORDINAL_WORDS = f"(?:{_alternation(_ORDINALS)}|{_alternation(_LAST)})"


def word_value(word: str) -> int | None:
    """The number a word of these languages names (0 for `dernier`, `letztes`), else None."""
    found = _table().get(plain(word.strip()))
    return found[0] if found else None


def word_languages(word: str) -> frozenset[str]:
    """The languages in which ``word`` is a number word (empty when it is none)."""
    found = _table().get(plain(word.strip()))
    return found[1] if found else frozenset()


def is_cardinal(word: str) -> bool:
    found = _table().get(plain(word.strip()))
    return found is not None and found[2]


def keyword_languages(keyword: str) -> frozenset[str]:
    """The languages whose number words follow ``keyword`` (`Kapitel`: German)."""
    return frozenset(KEYWORD_LANGUAGES.get(plain(keyword.rstrip(".")), "").split())


def title_case_words() -> list[str]:
    """The cardinal words as a heading line starts with them: `Un`, `Dix-sept`, `Dix-Sept`,
    `Erstes` (ordinals lead only German and French keyword headings)."""
    words = _spellings(_CARDINALS) + _spellings(_ORDINALS)
    forms = {form for w in words for form in (w.capitalize(), w.title())}
    return sorted(forms, key=lambda w: (-len(w), w))
