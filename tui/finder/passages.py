"""Ranking passages for the finder: the paragraphs that hold the query's words, or quote it."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from tui.book.model import Book
from tui.finder.index import BookIndex
from tui.finder.query import QueryTerm
from tui.finder.rank import StopFn
from tui.finder.scene_features import phrase_similarity
from tui.finder.tokens import words

PASSAGE_TERMS = 2  # passages are looked for among those holding the rarest query words


@dataclass
class ParaScore:
    para: int
    score: float  # 0..100
    keys: set[str]
    phrase: float = 0.0  # 0..100, the query as a phrase in the paragraph


def rank_paragraphs(
    index: BookIndex,
    book: Book,
    terms: list[QueryTerm],
    query: str,
    limit: int = 50,
    should_stop: StopFn | None = None,
) -> list[ParaScore]:
    """Passages (paragraphs) ranked by matched words, weighted by rarity, and phrase match."""
    if not terms:
        return []
    total_paras = max(index.paragraph_total, 1)
    # A passage holds the words typed, their forms, close spellings or the finder's own
    # related words: the general thesaurus is too loose for a line of text (`low` for `blue`).
    usable = [[g for g in t.groups if g.sim >= 0.4 and g.how != "general"] for t in terms]
    # Very common words would make every paragraph a candidate: count them only when the
    # query has nothing rarer.
    sizes = [sum(index.paragraph_count(g.keys) for g in groups) for groups in usable]
    by_size = sorted((size, number) for number, size in enumerate(sizes))
    # Candidates hold the rarest query words (very common ones would make every paragraph a
    # candidate), best of all the two rarest together; set operations run in C.
    unions: list[set[int]] = []
    for size, number in by_size[:PASSAGE_TERMS]:
        if unions and size > total_paras // 10:
            break
        union: set[int] = set()
        for group in usable[number]:
            for key in group.keys:
                union.update(index.plist(key))
        unions.append(union)
        if should_stop is not None and should_stop():
            return []
    counts: Counter = Counter()
    if len(unions) > 1 and len(both := unions[0] & unions[1]) >= 50:
        counts.update(both)
    else:
        for union in unions:
            counts.update(union)
    candidates = [p for p, _ in counts.most_common(400)]
    weights = [[(g.keys, g.sim * index.paragraph_idf(g.keys)) for g in groups] for groups in usable]
    total = sum(max((w for _, w in ws), default=0.0) for ws in weights) or 1.0
    scored = []
    for para in candidates:
        matched = 0.0
        keys: set[str] = set()
        for ws in weights:
            best = 0.0
            for group_keys, weight in ws:
                if weight <= best:
                    continue
                found = [k for k in group_keys if index.holds(k, para)]
                if found:
                    best = weight
                    keys.update(w for k in found for w in index.words_of(k))
            matched += best
        scored.append((matched / total, para, keys))
    scored.sort(key=lambda x: (-x[0], x[1]))
    folded_query = " ".join(words(query))
    out = []
    for coverage, para, keys in scored[: limit * 2]:
        if should_stop is not None and should_stop():
            return []  # (a paragraph may be as long as a book)
        phrase = phrase_similarity(folded_query, book.paragraph(para))
        score = 100.0 * (0.7 * coverage + 0.3 * (phrase / 100) ** 2)
        out.append(ParaScore(para, score, keys, phrase))
    out.sort(key=lambda p: (-p.score, p.para))
    return out[:limit]
