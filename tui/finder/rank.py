"""Ranking for the finder: scenes by their whole text (BM25 + coverage + proximity), passages."""

from __future__ import annotations

import heapq
from array import array
from collections import OrderedDict
from dataclasses import dataclass, field
from operator import add

from tui.book.model import Book, Scene
from tui.finder import scene_features as features
from tui.finder.index import BookIndex
from tui.finder.meaning import WordMeaning, near_by_paragraph, query_meanings, total_weight
from tui.finder.query import QueryTerm
from tui.finder.scene_features import K1, WINDOW, WINDOW_CHARS
from tui.finder.stopping import StopFn
from tui.finder.tokens import folded_words, words

# BM25 constants (K1 with the features, in `scene_features`). Term frequency is "paragraphs of
# the scene holding the word", which saturates quickly, as a scene is about a few things said
# many times. The weights below were
# fitted together on the query sets looked at (`tests/bench/finder_quality.py`), and checked on
# the held ones; they count each kind of evidence less than the first guesses did, as the
# meaning step and the passage scores now carry some of it.
B = 0.75
SOFT_COVERAGE = 0.65  # a word seen once in a long scene covers less of the query
FIRST_MENTION_WEIGHT = 0.75  # the scene where a query word first occurs in the book
CANDIDATES = 40  # scenes re-ranked with the features below (`scene_features`)
PROXIMITY_WEIGHT = 0.5  # every query word together in one window adds this x the query weight
PHRASE_WEIGHT = 1.5  # the query found as a phrase, stop words included
PAIR_WEIGHT = 0.5  # neighbouring query words found side by side, in order
NAME_WEIGHT = 0.3  # a query word that is one of the scene's main names
# The query's words in the title of the scene's chapter, as the proximity bonus (every scene
# of the chapter gains: the title says what the chapter is about, its text says where).
TITLE_WEIGHT = 3.0
# A scene's BM25 is three parts its own and one part that of its best passage (the window
# below, with term frequency counted in the window's paragraphs): a long scene holding every
# word somewhere scores less than one where they meet.
PASSAGE_BM25 = 0.25
MEANING_SCENES = 20  # the best scenes weighed by meaning
MEANING_WEIGHT = 0.6  # a passage as near as can be in meaning, against the best words' match
# A query word the book never writes in any spelling of its own (its forms, a name, a short
# form, a typo) is the reader's word for the moment, not the book's: there only the meaning
# step sees the scene, so it counts this much more for the share of the query so written.
PARAPHRASE_MEANING = 0.5
OWN_SPELLING = 0.6  # a match of the word itself at least this sure (its forms, a name, a typo)
SAID_OTHERWISE = ("related", "general", "company")  # matches by meaning, not by spelling
NEIGHBOUR_SHARE = 0.3  # share of a strong scene's score the scene across a break gets at least
NEIGHBOURS_OF = 10  # how many of the best scenes lend to their neighbours
# "Near a break": the matching passage within this many paragraphs or characters of it.
NEAR_BREAK = 2 * WINDOW
NEAR_BREAK_CHARS = 2 * WINDOW_CHARS


@dataclass
class SceneScore:
    """One scene's score, where the query meets in it, and what the score is made of."""

    serial: int  # index into BookIndex.scenes
    score: float  # 0..100
    best_para: int  # the paragraph where most of the query meets
    keys: set[str]  # book words that matched, for highlighting
    parts: dict[str, float] = field(default_factory=dict)  # bm25, coverage, proximity, ...


def rank_scenes(
    index: BookIndex,
    book: Book,
    terms: list[QueryTerm],
    query: str = "",
    limit: int = 50,
    should_stop: StopFn | None = None,
    *,
    typing: bool = False,
) -> list[SceneScore]:
    """Scenes ranked by how well their whole text matches the query terms, then by how near
    in meaning their passages come to it."""
    total_weight = sum(t.weight for t in terms)
    if not terms or total_weight <= 0 or not index.scenes:
        return []
    norms = _scene_norms(index)
    base = array("d", bytes(8 * index.scene_total))  # BM25 summed over the terms
    covered = array("d", base)  # weight of the query the scene covers
    matched: set[int] = set()
    for term in terms:
        scores = _term_scores(index, term, norms)
        base = array("d", map(add, base, scores.values))
        covered = array("d", map(add, covered, scores.cover))
        matched.update(scores.matched)
        if should_stop is not None and should_stop():
            return []
    # The first pass: BM25 x coverage; the best candidates are re-ranked below.
    first = heapq.nlargest(CANDIDATES, matched, key=lambda s: base[s] * covered[s])
    folded_query = " ".join(words(query)) if len(words(query)) > 1 else ""
    ideal = total_weight * (K1 + 1 + PROXIMITY_WEIGHT + NAME_WEIGHT + PHRASE_WEIGHT)
    titles = _title_words(index, book)
    tokens: dict[int, list[str]] = {}

    def tokens_of(para: int) -> list[str]:
        found = tokens.get(para)
        if found is None:
            found = tokens[para] = folded_words(book.paragraph(para))
        return found

    scored = []
    for serial in first:
        bm25, coverage = base[serial], covered[serial]
        scene = index.scenes[serial]
        first_para = _first_paragraph(book, scene)
        at, keys = features.matches_by_paragraph(index, terms, first_para, scene.end)
        proximity, best_para, passage = features.proximity(book, at, total_weight, scene.start)
        bm25 = (1 - PASSAGE_BM25) * bm25 + PASSAGE_BM25 * passage
        phrase = features.phrase(tokens_of, at, folded_query) if folded_query else 0.0
        pairs = features.ordered_pairs(tokens_of, at, terms) if len(terms) > 1 else 0.0
        names = features.name_weight(terms, scene.names)
        title = features.title_share(titles.get(scene.chapter, frozenset()), terms)
        bonus = (
            PROXIMITY_WEIGHT * proximity
            + PHRASE_WEIGHT * phrase
            + PAIR_WEIGHT * pairs
            + TITLE_WEIGHT * title
        ) * total_weight
        final = (bm25 + bonus + NAME_WEIGHT * names) * (coverage / total_weight)
        parts = {
            "bm25": bm25 / total_weight,
            "coverage": coverage / total_weight,
            "proximity": proximity,
            "phrase": phrase,
            "pairs": pairs,
            "names": names / total_weight,
            "title": title,
        }
        score = min(100.0, 100.0 * final / ideal)
        scored.append(SceneScore(serial, score, best_para, keys, parts))
        if should_stop is not None and should_stop():
            return []
    if len(terms) > 1:
        # One word is not a moment: the scene across a break from it does not hold it.
        scored = _with_neighbours(index, book, scored)
    if scored and (meanings := query_meanings(index, terms, typing=typing)):
        weight = MEANING_WEIGHT * (1 + PARAPHRASE_MEANING * _said_otherwise(terms))
        _add_meaning(index, book, scored, meanings, weight)
    scored.sort(key=lambda s: (-s.score, s.serial))
    if len(scored) < limit:
        taken = {s.serial for s in scored}
        rest = heapq.nlargest(
            limit - len(scored),
            (serial for serial in matched if serial not in taken),
            key=lambda serial: base[serial] * covered[serial],
        )
        # (the least first-pass score among the candidates: the rest are weighed against it)
        floor = min((base[serial] * covered[serial] for serial in first), default=0.0)
        scored += _beyond_candidates(index, book, terms, rest, scored, floor, base, covered)
    return scored[:limit]


def _beyond_candidates(
    index: BookIndex,
    book: Book,
    terms: list[QueryTerm],
    rest: list[int],
    scored: list[SceneScore],
    floor: float,
    base: array,
    covered: array,
) -> list[SceneScore]:
    """The scenes that hold the query but were not among the candidates re-ranked, below
    them in their first-pass order, each with the paragraph where most of the query meets:
    every scene that matches can be listed (a serial's chapter 600), not only the best 40."""
    if not rest:
        return []
    lowest = scored[-1].score if scored else 100.0
    floor = floor or max(base[rest[0]] * covered[rest[0]], 1e-9)
    found = []
    for serial in rest:
        scene = index.scenes[serial]
        at, keys = features.matches_by_paragraph(
            index, terms, _first_paragraph(book, scene), scene.end
        )
        if not at:
            continue
        best_para = max(at, key=lambda para: (sum(at[para].values()), -para))
        share = min(1.0, base[serial] * covered[serial] / floor)
        found.append(SceneScore(serial, 0.99 * lowest * share, best_para, keys))
    return found


@dataclass
class TermScores:
    """One term over every scene: BM25, and the share of the query it covers there."""

    values: array  # scene serial -> BM25 value of the term's best group of word forms
    cover: array  # scene serial -> term weight x soft share (see below)
    matched: list[int]  # the scenes where the term matched at all


def _term_scores(index: BookIndex, term: QueryTerm, norms: list[float]) -> TermScores:
    """The term's scores over all scenes. While a query is typed only its last word
    changes, so the others' scores are kept (on the index) and reused."""
    signature = (term.weight, tuple((g.keys, g.weight) for g in term.groups))
    cache = index.ranking.setdefault("terms", OrderedDict())
    found = cache.get(signature)
    if found is not None:
        cache.move_to_end(signature)
        return found
    values = array("d", bytes(8 * index.scene_total))
    for group in term.groups:
        if group.weight <= 0:
            continue
        for serial, tf in index.group_scene_counts(group.keys).items():
            value = group.weight * tf * (K1 + 1) / (tf + norms[serial])
            if value > values[serial]:
                values[serial] = value
    # Readers remember where someone or something first turns up: the scene where a word
    # first occurs gains, the more so the more it dwells on the word (a name introduced
    # and repeated, not a common word said once).
    for group in term.groups:
        first_para = index.first_paragraph(group.keys)
        if first_para is not None and (serial := index.para_scene[first_para]) >= 0:
            tf = index.group_scene_counts(group.keys).get(serial, 0)
            values[serial] += FIRST_MENTION_WEIGHT * group.weight * tf / (tf + 1)
            break
    matched = [serial for serial, value in enumerate(values) if value > 0]
    cover = array("d", bytes(8 * index.scene_total))
    if term.weight:
        for serial in matched:
            # Soft coverage: a word seen once in a long scene covers less than a word the
            # scene keeps coming back to (value / weight is BM25's saturating tf part).
            share = min(1.0, values[serial] / (term.weight * (K1 + 1)))
            cover[serial] = term.weight * share**SOFT_COVERAGE
    found = TermScores(values, cover, matched)
    cache[signature] = found
    if len(cache) > 64:
        cache.popitem(last=False)
    return found


def _with_neighbours(index: BookIndex, book: Book, scored: list[SceneScore]) -> list[SceneScore]:
    """A scene or chapter break can fall in the middle of what a reader remembers as one
    moment: when a strong match lies near a break, the scene across it scores at least a
    share of the match."""
    if NEIGHBOUR_SHARE <= 0:
        return scored
    by_serial = {s.serial: s for s in scored}
    for hit in sorted(scored, key=lambda s: -s.score)[:NEIGHBOURS_OF]:
        scene = index.scenes[hit.serial]
        last = max(scene.start, min(scene.end, len(book)) - 1)
        # (A match in the chapter's heading, read with its first scene, is not a moment
        # that began before the break.)
        near_start = hit.best_para >= scene.start and _near(book, scene.start, hit.best_para)
        near_end = _near(book, hit.best_para, last)
        for serial, near in ((hit.serial - 1, near_start), (hit.serial + 1, near_end)):
            if not near or not 0 <= serial < len(index.scenes):
                continue
            share = NEIGHBOUR_SHARE * hit.score
            other = by_serial.get(serial)
            if other is None:
                start = index.scenes[serial].start
                by_serial[serial] = SceneScore(serial, share, start, set(), {"neighbour": share})
            elif other.score < share:
                other.score = share
    return list(by_serial.values())


def _add_meaning(
    index: BookIndex,
    book: Book,
    scored: list[SceneScore],
    meanings: list[WordMeaning],
    weight: float = MEANING_WEIGHT,
) -> None:
    """Weigh in how near in meaning each scene's best passage comes to the query: a reader
    who writes `pooch` and `spouse` means the scene of the dog and the husband. The scores
    are rescaled so the best scene keeps its own: the words' match stays the first evidence."""
    total = total_weight(meanings)
    if total <= 0:
        return
    top = max(s.score for s in scored)
    # Only the best can come near the top: the rest keep their share of it.
    weighed = {s.serial for s in sorted(scored, key=lambda s: -s.score)[:MEANING_SCENES]}
    combined = []
    for hit in scored:
        value = hit.score / (top or 1.0)
        if hit.serial in weighed:
            scene = index.scenes[hit.serial]
            at = near_by_paragraph(index, meanings, _first_paragraph(book, scene), scene.end)
            meaning = features.proximity(book, at, total, scene.start)[0]
            hit.parts["meaning"] = meaning
            value += weight * meaning
        combined.append(value)
    best = max(combined)
    for hit, value in zip(scored, combined, strict=True):
        hit.score = top * value / best if best > 0 else hit.score


def _said_otherwise(terms: list[QueryTerm]) -> float:
    """The share of the query's weight in words the book never writes as the reader did:
    matched only by words of like meaning (`chore` where the book says `job`)."""
    total = sum(t.weight for t in terms)
    if total <= 0:
        return 0.0
    otherwise = sum(
        term.weight
        for term in terms
        if not any(g.how not in SAID_OTHERWISE and g.sim >= OWN_SPELLING for g in term.groups)
    )
    return otherwise / total


def _title_words(index: BookIndex, book: Book) -> dict[int, frozenset[str]]:
    """The words of each chapter's title, by chapter (read once per index)."""
    titles = index.ranking.get("titles")
    if titles is None:
        titles = index.ranking["titles"] = {
            number: frozenset(folded_words(chapter.title))
            for number, chapter in enumerate(book.chapters)
        }
    return titles


def _first_paragraph(book: Book, scene: Scene) -> int:
    """Where a scene's text starts: a chapter's first scene is read with its heading."""
    if scene.index == 0 and 0 <= scene.chapter < len(book.chapters):
        heading = book.chapters[scene.chapter].heading
        if heading is not None and heading < scene.start:
            return heading
    return scene.start


def _near(book: Book, first: int, last: int) -> bool:
    """Whether paragraphs ``first``..``last`` are a short stretch of text."""
    return last - first < NEAR_BREAK or book.ends[last] - book.starts[first] <= NEAR_BREAK_CHARS


def _scene_norms(index: BookIndex) -> list[float]:
    """BM25's length normalisation of every scene (computed once per index)."""
    norms = index.ranking.get("norms")
    if norms is None:
        average = index.average_scene_length
        norms = [K1 * (1 - B + B * length / average) for length in index.scene_length]
        index.ranking["norms"] = norms
    return norms
