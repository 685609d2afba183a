"""A finder query as terms: each content word with the groups of book words it may mean."""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import pairwise

from tui.finder.index import BookIndex
from tui.finder.tokens import STOP_WORDS, words
from tui.finder.word_forms import base_of, stem

IDF_POWER = 0.55  # softens the pull of one rare word (a single "records") on the ranking
COMPOUND_SIM = 0.9  # both halves of a compound query word in one paragraph (`heart` ... `beat`)
JOINED_SIM = 0.9  # two query words written as one in the book (`heart beat` -> `heartbeat`)


@dataclass
class WordGroup:
    """Forms of one book word (`stop`, `stops`, `stopped`) that a query word may mean."""

    keys: tuple[str, ...]
    sim: float  # how sure the match is, 0..1
    weight: float = 0.0  # sim x scene idf
    how: str = ""  # how the best form matched: exact, stem, related, compound, fuzzy, ...


@dataclass
class QueryTerm:
    """One word of the query with the book words it may mean."""

    text: str
    groups: list[WordGroup] = field(default_factory=list)
    weight: float = 0.0  # the best group's weight: what matching this word is worth

    @property
    def keys(self) -> set[str]:
        return {k for g in self.groups for k in g.keys}


def query_terms(index: BookIndex, query: str, *, typing: bool) -> list[QueryTerm]:
    """The query's content words, expanded against the book's vocabulary.

    Stop words are dropped unless the query has nothing else. ``typing`` means the last word
    may be unfinished, so it also matches the words it begins. The forms of a book word are
    grouped by stem and weighed as one word, so a rare form ("stopping") does not count as a
    rare word.
    """
    all_words = words(query)
    content = [w for w in all_words if w not in STOP_WORDS] or all_words
    terms: dict[str, QueryTerm] = {}
    for position, word in enumerate(content):
        if word in terms:
            continue
        last = typing and position == len(content) - 1 and all_words[-1] == word
        terms[word] = QueryTerm(word, _groups(index, word, typing=last))
    _join_neighbours(index, all_words, terms)
    for term in terms.values():
        _weigh(index, term)
    return list(terms.values())


def _groups(index: BookIndex, word: str, *, typing: bool) -> list[WordGroup]:
    """The book words ``word`` may mean, grouped by stem (irregular forms and related words
    by their base word: `hear` and `heard` are one word of the book)."""
    groups: dict[tuple[str, str], WordGroup] = {}
    heads: list[str] = []
    tails: list[str] = []
    for exp in index.expand(word, typing=typing):
        if exp.how == "head":
            heads.append(exp.key)
        elif exp.how == "tail":
            tails.append(exp.key)
        by_base = exp.how in ("irregular", "related", "general")
        if exp.how == "name":
            # The forms of a name the word may mean (`kalpas`, `kalpases`) are one name.
            group_key = ("name", "")
        elif exp.how == "other":
            # Another word of the same stem (`secrete` for `secretly`) is a word of its own,
            # not a form to be counted as surely as the word itself.
            group_key = ("other", stem(exp.key))
        else:
            group_key = (exp.how if by_base else "", base_of(exp.key) if by_base else stem(exp.key))
        group = groups.get(group_key)
        if group is None:
            groups[group_key] = WordGroup((exp.key,), exp.sim, how=exp.how)
        else:
            group.keys = (*group.keys, exp.key)
            if exp.sim > group.sim:
                group.sim, group.how = exp.sim, exp.how
    found = list(groups.values())
    if word in STOP_WORDS:
        # A stop word is searched only as the start of a longer word being typed (`an`
        # -> `anviet`): as itself it is in every scene (and not in the index).
        found = [g for g in found if not all(k in STOP_WORDS for k in g.keys)]
    if heads and tails:
        # `heartbeat` where the book says "her heart ... its beats": the paragraphs holding
        # both halves stand for the compound, nearly as well as the word itself.
        pair = index.pair_key(tuple(sorted(heads)), tuple(sorted(tails)))
        if pair is not None:
            found.append(WordGroup((pair,), COMPOUND_SIM, how="compound"))
    for group in found:
        group.keys = tuple(sorted(group.keys))
    return found


def _join_neighbours(index: BookIndex, all_words: list[str], terms: dict[str, QueryTerm]) -> None:
    """`heart beat` where the book says `heartbeat`: the joined word, in any of its forms,
    counts for both query words."""
    for first, second in pairwise(all_words):
        if first not in terms or second not in terms or first == second:
            continue
        joined = first + second
        keys = tuple(sorted(set(index.by_stem.get(stem(joined), ())) | _exact(index, joined)))
        if not keys:
            continue
        for word in (first, second):
            terms[word].groups.append(WordGroup(keys, JOINED_SIM, how="joined"))


def _exact(index: BookIndex, word: str) -> set[str]:
    return {word} if word in index.postings else set()


def _weigh(index: BookIndex, term: QueryTerm) -> None:
    """Each group's weight: how sure the match is x how rare the word is over scenes."""
    # Another word (a longer one, a near spelling, a related word) is never worth more than
    # the word itself, however rare it is: rarity is capped at that of the likeliest meaning.
    likeliest = max((g.sim for g in term.groups), default=0.0)
    cap = max(
        (index.scene_idf(g.keys) for g in term.groups if g.sim >= likeliest - 1e-9),
        default=0.0,
    )
    for group in term.groups:
        group.weight = group.sim * min(index.scene_idf(group.keys), cap) ** IDF_POWER
    term.weight = max((g.weight for g in term.groups), default=0.0)
