"""A general table of related English words, derived from WordNet 3.0 and read on first use.

`tools/build_thesaurus.py` makes `thesaurus.tsv.gz` (word, words of the same senses, broader
and derived words). WordNet 3.0 is copyright 2006 by Princeton University, used under its licence,
whose text is in `thesaurus-licence.txt` beside the table.
"""

from __future__ import annotations

import functools
import gzip
from collections.abc import Mapping
from importlib import resources
from typing import TypeVar

from tui.finder.word_forms import ENDINGS, base_of, inflects, lemma, same_word, stem

TABLE = "thesaurus.tsv.gz"
T = TypeVar("T")
# Endings that make a word of its own of another (`lovely`, `nightly`, `master`, `teacher`)
# where the stemmer takes them for a form of it; the dictionary tells which are.
OWN_WORD_ENDINGS = ("ly", "er")
# The endings of a word's forms (`masters` is `master`'s): the others.
_INFLECTIONS = tuple(e for e in ENDINGS if e[0] not in (*OWN_WORD_ENDINGS, "est"))


@functools.cache
def load() -> dict[str, str]:
    """word -> its two columns as read (split when asked for): read once, in about 0.1 s, so
    the finder's index worker reads it before the first query does."""
    raw = resources.files("tui.finder").joinpath(TABLE).read_bytes()
    lines = gzip.decompress(raw).decode("utf-8").splitlines()
    return dict(line.split("\t", 1) for line in lines)


@functools.lru_cache(maxsize=4096)  # a query word is looked up three times over
def _entry(word: str) -> tuple[str, str] | None:
    found = _columns(word)
    if found is None:
        return None
    same, _, near = found.partition("\t")
    return same, near


def _columns(word: str) -> str | None:
    return row_of(load(), word)


def row_of(table: Mapping[str, T], word: str) -> T | None:
    """``table``'s row for ``word``, or for the word it is a form of (`shipped` -> `ship`)."""
    found = table.get(word)
    if found is not None:
        return found
    base = base_of(word)
    # (the stem drops a final e: `hoping` is `hope`'s, not `hop`'s)
    if base in table and (lemma(word) or lemma(stem(word)) or same_word(word, base)):
        return table[base]
    for ending, replacement in ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            cut = word[: len(word) - len(ending)]
            for base in (cut + replacement, cut[:-1] + replacement):
                # (`shipped` -> `ship`; but `poter` is no form of `pot`, which doubles its t)
                if base in table and inflects(base, word):
                    return table[base]
    return None


def knows(word: str) -> bool:
    """Whether ``word`` (in some form) is an English word of the table: no typo."""
    return _entry(word) is not None


def same_sense(word: str) -> tuple[str, ...]:
    """Words of the same commonest senses as ``word``: `sofa` -> `couch`, `lounge`."""
    found = _entry(word)
    return tuple(found[0].split()) if found else ()


def nearby(word: str) -> tuple[str, ...]:
    """Broader words and words derived from them: `sovereign` -> `ruler`, `roster` -> `list`."""
    found = _entry(word)
    return tuple(found[1].split()) if found else ()


@functools.lru_cache(maxsize=16384)
def words_apart(one: str, other: str) -> bool:
    """Whether two words the stemmer joins are two words of the dictionary, the longer the
    shorter with `-ly` or `-er` (`lovely` and `love`, `nightly` and `night`, `masters` and
    `mast`): words of their own, not forms of one. `stronger` is no entry, so it stays a form
    of `strong`."""
    first, second = _headword(one), _headword(other)
    if first is None or second is None or first == second:
        return False
    shorter, longer = sorted((first, second), key=len)
    return longer.endswith(OWN_WORD_ENDINGS) and longer.startswith(shorter[:-1])


def _headword(word: str) -> str | None:
    """The table's word that ``word`` is a form of (`masters` -> `master`, `loving` ->
    `love`), or is."""
    table = load()
    for ending, replacement in _INFLECTIONS:
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            cut = word[: len(word) - len(ending)]
            for base in (cut + replacement, cut[:-1] + replacement):
                if base in table and inflects(base, word):
                    return base
    return word if word in table else None
