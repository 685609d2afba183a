"""How near in meaning a scene's passages come to a query.

Each query word is weighed against the words of a passage, by the table of words near in
meaning (`neighbours`).
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass

from tui.finder import neighbours
from tui.finder.index import BookIndex
from tui.finder.query import QueryTerm

OWN_FORMS = ("exact", "stem", "irregular")  # the word itself, in any of its forms
# Matches of the word index too loose for a passage: the thesaurus (`low` for `blue`) and the
# book's company words; the table's closeness stands in for them.
LOOSE = ("general", "company")
CACHED = 64  # query words whose meanings are kept


@dataclass(frozen=True)
class WordMeaning:
    """One query word: the book's words that mean it, or nearly, and how nearly (0..1)."""

    weight: float  # how rare the word itself is over paragraphs
    nearness: dict[str, float]  # book key -> 1 for its own forms, less for other words


def query_meanings(index: BookIndex, terms: list[QueryTerm], *, typing: bool) -> list[WordMeaning]:
    """The query's words with the book words near them: their own forms and what else the
    word index matched them to (a name begun, a close spelling), then the table's words near
    in meaning. A word still being typed is left out (`poo` is no word yet). While a query is
    typed its finished words stay the same, so each word's meaning is kept (on the index)."""
    cache = index.ranking.setdefault("meanings", OrderedDict())
    meanings = []
    for number, term in enumerate(terms):
        if typing and number == len(terms) - 1:
            continue
        signature = (term.text, tuple((g.keys, g.sim, g.how) for g in term.groups))
        if signature in cache:
            cache.move_to_end(signature)
        else:
            cache[signature] = _meaning(index, term)
            if len(cache) > CACHED:
                cache.popitem(last=False)
        if (found := cache[signature]) is not None:
            meanings.append(found)
    return meanings


def _meaning(index: BookIndex, term: QueryTerm) -> WordMeaning | None:
    nearness: dict[str, float] = {}
    for group in term.groups:
        if group.how not in LOOSE:
            for key in group.keys:
                nearness[key] = max(nearness.get(key, 0.0), group.sim)
    if term.text not in index.names.counts:
        # A name's neighbours are other people's names: no evidence of this one.
        for word, close in neighbours.near(term.text):
            value = neighbours.share(close)
            for key in index.inflected(word):
                if value > nearness.get(key, 0.0):
                    nearness[key] = value
    if not nearness:
        return None
    own = tuple(key for group in term.groups if group.how in OWN_FORMS for key in group.keys)
    return WordMeaning(index.paragraph_idf(own), nearness)


def near_by_paragraph(
    index: BookIndex, meanings: list[WordMeaning], start: int, end: int
) -> dict[int, dict[int, float]]:
    """paragraph -> {query word number: its weight x the nearest of its words there}, in
    ``[start, end)``: the shape `rank._proximity` weighs passages by."""
    at: dict[int, dict[int, float]] = {}
    for number, meaning in enumerate(meanings):
        for key, value in meaning.nearness.items():
            weighted = meaning.weight * value
            for para in index.paragraphs_in(key, start, end):
                slot = at.setdefault(para, {})
                if weighted > slot.get(number, 0.0):
                    slot[number] = weighted
    return at


def total_weight(meanings: list[WordMeaning]) -> float:
    return sum(m.weight for m in meanings)
