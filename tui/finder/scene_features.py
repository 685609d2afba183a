"""The evidence a candidate scene is re-ranked by.

Where the query's words meet in it and how close together, the query as a phrase, its words
side by side in order, and the scene's own names and its chapter's title.
"""

from __future__ import annotations

from collections.abc import Callable

from rapidfuzz import fuzz

from tui.book.model import Book
from tui.finder.index import BookIndex
from tui.finder.query import QueryTerm
from tui.finder.tokens import fold, folded_words
from tui.finder.word_forms import stem

# BM25's saturation of a word's frequency (paragraphs of the scene holding it), shared with
# the first pass in `rank`.
K1 = 1.6
# "Together": paragraphs within WINDOW of each other, or within WINDOW_CHARS characters. A
# remembered moment is a few lines of dialogue, or one long paragraph of narration.
WINDOW = 3
WINDOW_CHARS = 600
# ... but never more text than this across several paragraphs: three paragraphs of a
# novel's narration can run over pages, where every long chapter holds every common word.
WINDOW_MOST_CHARS = 1500
PHRASE_PARAGRAPHS = 4  # paragraphs per scene compared as phrases
PAIR_GAP = 3  # "side by side": the second word within this many words of the first


def matches_by_paragraph(
    index: BookIndex, terms: list[QueryTerm], start: int, end: int
) -> tuple[dict[int, dict[int, float]], set[str]]:
    """paragraph -> {term number: best weight there} within ``[start, end)``, and the words."""
    at: dict[int, dict[int, float]] = {}
    keys: set[str] = set()
    for number, term in enumerate(terms):
        for group in term.groups:
            for key in group.keys:
                hits = index.paragraphs_in(key, start, end)
                if len(hits):
                    keys.update(index.words_of(key))
                for para in hits:
                    slot = at.setdefault(para, {})
                    if group.weight > slot.get(number, 0.0):
                        slot[number] = group.weight
    return at, keys


def proximity(
    book: Book, at: dict[int, dict[int, float]], total: float, start: int
) -> tuple[float, int, float]:
    """Best share of the query's weight found close together, where, and the BM25 of that
    passage (the words' weights, each saturating with the paragraphs holding it).

    "Close" is a stretch of text: paragraphs within WINDOW of each other, or within
    WINDOW_CHARS characters, since a moment of dialogue is many short paragraphs and a
    moment of narration one long one; a stretch of several paragraphs is never longer than
    WINDOW_MOST_CHARS, as a moment is not three paragraphs that fill pages.
    """
    if not at:
        return 0.0, start, 0.0
    paras = sorted(at)
    starts, ends = book.starts, book.ends
    best_value, best_para, best = -1.0, start, (0, 0)
    lo = 0
    for hi, para in enumerate(paras):
        while lo < hi and not _together(paras[lo], para, ends[para] - starts[paras[lo]]):
            lo += 1
        window: dict[int, float] = {}
        for p in paras[lo : hi + 1]:
            for number, weight in at[p].items():
                if weight > window.get(number, 0.0):
                    window[number] = weight
        value = sum(window.values())
        if value > best_value + 1e-9:
            best_value, best = value, (lo, hi + 1)
            # The paragraph that adds the most is the heart of it, shown in the preview.
            best_para = max(paras[lo : hi + 1], key=lambda p: (sum(at[p].values()), -p))
    # That passage's BM25: each word's best weight there, saturating with its paragraphs.
    held: dict[int, int] = {}
    weights: dict[int, float] = {}
    for p in paras[best[0] : best[1]]:
        for number, weight in at[p].items():
            held[number] = held.get(number, 0) + 1
            weights[number] = max(weights.get(number, 0.0), weight)
    best_passage = sum(w * held[n] * (K1 + 1) / (held[n] + K1) for n, w in weights.items())
    return min(1.0, best_value / (total or 1.0)), best_para, best_passage


def _together(first: int, last: int, length: int) -> bool:
    """Whether paragraphs ``first``..``last``, ``length`` characters of text, are one moment."""
    if length <= WINDOW_CHARS:
        return True
    return last - first < WINDOW and length <= WINDOW_MOST_CHARS


def phrase(
    tokens_of: Callable[[int], list[str]], at: dict[int, dict[int, float]], folded_query: str
) -> float:
    """How closely the query, stop words included, appears as a phrase in the scene (0..1).

    Only the few paragraphs holding most of the query are compared.
    """
    best_paras = sorted(at, key=lambda p: -sum(at[p].values()))[:PHRASE_PARAGRAPHS]
    best = max(
        (phrase_ratio(folded_query, " ".join(tokens_of(p))) for p in best_paras), default=0.0
    )
    return max(0.0, (best - 50.0) / 50.0) ** 2


def phrase_similarity(folded_query: str, text: str) -> float:
    """0..100: the best match of the query inside the text, as rapidfuzz's `partial_ratio`."""
    return phrase_ratio(folded_query, " ".join(folded_words(text)))


def phrase_ratio(folded_query: str, folded: str) -> float:
    """A text shorter than the query is compared whole and scaled down by its length, or a
    one-word line ("Sis.") would match any query holding that word perfectly."""
    if not folded:
        return 0.0
    if len(folded) >= len(folded_query):
        return fuzz.partial_ratio(folded_query, folded)
    return fuzz.partial_ratio(folded_query, folded) * len(folded) / len(folded_query)


def ordered_pairs(
    tokens_of: Callable[[int], list[str]], at: dict[int, dict[int, float]], terms: list[QueryTerm]
) -> float:
    """Share of the query's weight in word pairs found in the query's order, next to each
    other (a few small words between are allowed): `tell sakura` in "not telling Sakura"."""
    total = sum(t.weight for t in terms) or 1.0
    key_sets = [t.keys for t in terms]
    found = 0.0
    for number in range(len(terms) - 1):
        holding = [p for p, slot in at.items() if number in slot and number + 1 in slot]
        for para in sorted(holding, key=lambda p: -sum(at[p].values()))[:PHRASE_PARAGRAPHS]:
            tokens = tokens_of(para)
            first, second = key_sets[number], key_sets[number + 1]
            if any(
                tok in first and any(t in second for t in tokens[i + 1 : i + 1 + PAIR_GAP])
                for i, tok in enumerate(tokens)
            ):
                found += (terms[number].weight + terms[number + 1].weight) / 2
                break
    return min(1.0, found / total)


def name_weight(terms: list[QueryTerm], names: list[str]) -> float:
    """Weight of the query words that name one of the scene's main characters."""
    if not names:
        return 0.0
    stems = {stem(fold(n)) for n in names[:3]}
    total = 0.0
    for term in terms:
        if any(g.sim >= 0.5 and stem(g.keys[0]) in stems for g in term.groups):
            total += term.weight
    return total


def title_share(title_words: frozenset[str], terms: list[QueryTerm]) -> float:
    """Share of the query's weight held by the title of the scene's chapter: an author's
    title sums the chapter up in words a reader may remember it by (`The Deadly Poppy Field`
    for a query `falling asleep in poppy field`)."""
    if not title_words:
        return 0.0
    total = sum(t.weight for t in terms) or 1.0
    held = 0.0
    for term in terms:
        held += max(
            (g.weight for g in term.groups if title_words.intersection(g.keys)), default=0.0
        )
    return min(1.0, held / total)
