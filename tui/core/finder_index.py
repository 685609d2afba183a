"""The finder's word index of a book: word -> paragraph ids, and fuzzy lookup of query words."""

from __future__ import annotations

import bisect
import math
import re
from array import array
from collections import Counter, OrderedDict, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import repeat

from rapidfuzz import fuzz, process

from tui.core.finder_text import _CJK, lemma, root, stem_uncached
from tui.core.model import Book, ParaKind, Scene

# Paragraph words for indexing: the text is case-folded and its apostrophes removed first,
# which gives the same keys as `finder_text.fold` applied to `finder_text.WORD_RE` matches.
_INDEX_WORD = re.compile(rf"[{_CJK}]|[^\W_{_CJK}]+")
# Twice as fast, and the same when a stretch of text has no CJK characters (checked per chunk).
_PLAIN_WORD = re.compile(r"[^\W_]+")
_HAS_CJK = re.compile(rf"[{_CJK}]")
# Ornament lines and landmark labels carry no words worth finding.
_SKIPPED_KINDS = {int(ParaKind.BREAK), int(ParaKind.LABEL)}
_CHUNK = 4096  # paragraphs between progress reports / cancellation checks

ROOT_SIM = 0.8  # `apologize` for `apology`: related, not the same word
IRREGULAR_SIM = 0.85  # `fought` for `fight`, `death` for `died`
ProgressFn = Callable[[float], None]
StopFn = Callable[[], bool]


@dataclass(frozen=True)
class Expansion:
    """A word of the book that a query word may mean, and how sure that is (0..1)."""

    key: str
    sim: float
    how: str  # exact, stem, root, irregular, prefix, head, tail (of a compound), fuzzy


@dataclass
class BookIndex:
    """Inverted index over a book's paragraphs, with scene membership for ranking scenes.

    ``postings[word]`` is a sorted ``array('I')`` of the paragraphs holding ``word`` (folded,
    unstemmed). No per-word lists of the whole text are kept: memory is one int per distinct
    (word, paragraph) pair.
    """

    postings: dict[str, array]
    scenes: list[Scene]
    para_scene: array  # scene serial per paragraph, -1 outside scenes
    scene_length: array  # characters per scene, for length normalisation
    scene_starts: list[int] = field(default_factory=list)
    scene_ends: list[int] = field(default_factory=list)
    keys: list[str] = field(default_factory=list)  # sorted, for prefix lookups
    by_stem: dict[str, list[str]] = field(default_factory=dict)
    by_root: dict[str, list[str]] = field(default_factory=dict)
    by_lemma: dict[str, list[str]] = field(default_factory=dict)  # irregular forms
    by_length: list[str] = field(default_factory=list)  # keys sorted by length, for fuzzy
    length_starts: list[int] = field(default_factory=list)  # first index of each length
    _scene_counts: OrderedDict = field(default_factory=OrderedDict, repr=False)
    _expansions: OrderedDict = field(default_factory=OrderedDict, repr=False)

    @property
    def scene_total(self) -> int:
        return len(self.scenes)

    @property
    def paragraph_total(self) -> int:
        return len(self.para_scene)

    @property
    def average_scene_length(self) -> float:
        return (sum(self.scene_length) / len(self.scene_length)) if self.scene_length else 1.0

    # -- statistics -------------------------------------------------------------------------
    def scene_counts(self, key: str) -> Counter:
        """Scene serial -> number of its paragraphs holding ``key`` (cached)."""
        cached = self._scene_counts.get(key)
        if cached is not None:
            self._scene_counts.move_to_end(key)
            return cached
        plist = self.postings.get(key, ())
        if len(plist) > 4 * len(self.scenes):
            # A common word: cutting its sorted postings at scene bounds costs per scene,
            # not per paragraph (two binary searches each, run by `map` in C).
            lows = map(bisect.bisect_left, repeat(plist), self.scene_starts)
            highs = map(bisect.bisect_left, repeat(plist), self.scene_ends)
            pairs = enumerate(zip(lows, highs, strict=True))
            counts = Counter({serial: hi - lo for serial, (lo, hi) in pairs if hi > lo})
        else:
            counts = Counter(map(self.para_scene.__getitem__, plist))
            counts.pop(-1, None)
        self._scene_counts[key] = counts
        if len(self._scene_counts) > 2048:
            self._scene_counts.popitem(last=False)
        return counts

    def group_scene_counts(self, keys: tuple[str, ...]) -> Counter:
        """Scene counts of a group of word forms (`stop`, `stops`, `stopped`) taken as one."""
        if len(keys) == 1:
            return self.scene_counts(keys[0])
        cached = self._scene_counts.get(keys)
        if cached is not None:
            self._scene_counts.move_to_end(keys)
            return cached
        counts: Counter = Counter()
        for key in keys:
            counts.update(self.scene_counts(key))
        self._scene_counts[keys] = counts
        return counts

    def scene_idf(self, keys: tuple[str, ...]) -> float:
        """BM25 inverse document frequency of a word (all its forms) over scenes."""
        n = max(self.scene_total, 1)
        df = len(self.group_scene_counts(keys))
        return math.log(1.0 + (n - df + 0.5) / (df + 0.5))

    def paragraph_count(self, keys: tuple[str, ...]) -> int:
        """Paragraphs holding any of the forms (an upper bound when forms share one)."""
        return sum(len(self.postings.get(key, ())) for key in keys)

    def paragraph_idf(self, keys: tuple[str, ...]) -> float:
        n = max(self.paragraph_total, 1)
        df = min(n, self.paragraph_count(keys))
        return math.log(1.0 + (n - df + 0.5) / (df + 0.5))

    def first_paragraph(self, keys: tuple[str, ...]) -> int | None:
        """The first paragraph where any of the forms occurs."""
        firsts = [self.postings[k][0] for k in keys if self.postings.get(k)]
        return min(firsts) if firsts else None

    def paragraphs_in(self, key: str, start: int, end: int) -> array:
        """The paragraphs in ``[start, end)`` holding ``key``."""
        plist = self.postings.get(key)
        if not plist:
            return array("I")
        return plist[bisect.bisect_left(plist, start) : bisect.bisect_left(plist, end)]

    # -- query words -> book words ----------------------------------------------------------
    def expand(self, term: str, *, typing: bool = False) -> list[Expansion]:
        """The book's words a query word may stand for, best first (cached).

        Exact and same-stem words are sure matches; words the term begins (the reader is still
        typing, or abbreviates), words that begin the term (compounds: `heartbeat` -> `heart`)
        and close spellings (typos: `kalpass` -> `kalpas`) count for less.
        """
        cache_key = (term, typing)
        cached = self._expansions.get(cache_key)
        if cached is not None:
            return cached
        found: dict[str, Expansion] = {}

        def add(key: str, sim: float, how: str) -> None:
            if key not in found or found[key].sim < sim:
                found[key] = Expansion(key, sim, how)

        if term in self.postings:
            add(term, 1.0, "exact")
        for key in self.by_stem.get(stem_uncached(term), ()):
            add(key, 0.95, "stem")
        for key in self.by_root.get(root(term), ()):
            add(key, ROOT_SIM, "root")
        base = lemma(term) or lemma(stem_uncached(term))
        if base is not None:
            for key in self.by_lemma.get(base, ()):
                add(key, IRREGULAR_SIM, "irregular")
        self._add_prefixes(term, typing, add)
        self._add_parts(term, add)
        self._add_fuzzy(term, exact_known=bool(found), add=add)
        result = sorted(found.values(), key=lambda e: (-e.sim, e.key))[:24]
        self._expansions[cache_key] = result
        if len(self._expansions) > 1024:
            self._expansions.popitem(last=False)
        return result

    def _add_prefixes(self, term: str, typing: bool, add: Callable) -> None:
        # While typing, `ka` may become `kalpas`; a finished word begins longer ones only
        # from four letters (`hilde` -> `hildegarde`, but not `rin` -> `ringing`).
        if len(term) < (2 if typing else 4):
            return
        lo = bisect.bisect_left(self.keys, term)
        hi = bisect.bisect_left(self.keys, term + "\U0010ffff")
        candidates = [k for k in self.keys[lo:hi] if k != term]
        if len(candidates) > 12:
            # Many words share the prefix: keep the commonest, they are likelier meant.
            candidates.sort(key=lambda k: -len(self.postings[k]))
            candidates = candidates[:12]
        base = 0.9 if typing else 0.75
        for key in candidates:
            add(key, base * (0.5 + 0.5 * len(term) / len(key)), "prefix")

    def _add_parts(self, term: str, add: Callable) -> None:
        """The halves of a compound (`heartbeat` -> `heart`, `beats`), in any of their forms."""
        if len(term) < 7:
            return
        for cut in range(len(term) - 3, 3, -1):
            head, tail = term[:cut], term[cut:]
            heads = self.by_stem.get(stem_uncached(head), ())
            if heads and cut >= len(term) / 2:
                for key in heads:
                    add(key, 0.75 * cut / len(term), "head")
                if len(tail) >= 3:
                    for key in self.by_stem.get(stem_uncached(tail), ()):
                        add(key, 0.6 * len(tail) / len(term), "tail")
                break

    def _add_fuzzy(self, term: str, *, exact_known: bool, add: Callable) -> None:
        if len(term) < 4 or not self.by_length:
            return
        cutoff = 84.0 if len(term) <= 5 else 80.0
        # A ratio of `cutoff` needs lengths within this many characters of each other.
        slack = max(1, int(len(term) * (100 - cutoff) / cutoff) + 1)
        lo_len, hi_len = len(term) - slack, len(term) + slack
        lo = self.length_starts[min(max(lo_len, 0), len(self.length_starts) - 1)]
        hi = self.length_starts[min(max(hi_len + 1, 0), len(self.length_starts) - 1)]
        choices = self.by_length[lo:hi]
        for key, score, _ in process.extract(
            term, choices, scorer=fuzz.ratio, score_cutoff=cutoff, limit=8
        ):
            if key == term:
                continue
            closeness = (score - cutoff) / (100 - cutoff)
            # When the word itself is in the book, near spellings are other words.
            sim = (0.25 + 0.2 * closeness) if exact_known else (0.55 + 0.35 * closeness)
            add(key, sim, "fuzzy")


def build_index(
    book: Book, progress: ProgressFn | None = None, should_stop: StopFn | None = None
) -> BookIndex | None:
    """Index every paragraph of ``book``; None when ``should_stop()`` asked to give up."""
    text, starts, ends, kinds = book.text, book.starts, book.ends, book.kinds
    total = len(starts)
    # A defaultdict is the quickest way to append to 10+ million (word, paragraph) pairs.
    postings: defaultdict[str, array] = defaultdict(_new_postings)
    for chunk_start in range(0, total, _CHUNK):
        if should_stop is not None and should_stop():
            return None
        if progress is not None:
            progress(chunk_start / max(total, 1))
        chunk_end = min(chunk_start + _CHUNK, total)
        has_cjk = _HAS_CJK.search(text, starts[chunk_start], ends[chunk_end - 1])
        findall = (_INDEX_WORD if has_cjk else _PLAIN_WORD).findall
        for i in range(chunk_start, chunk_end):
            if kinds[i] in _SKIPPED_KINDS:
                continue
            segment = text[starts[i] : ends[i]].casefold()
            if "'" in segment or "’" in segment:
                segment = segment.replace("'", "").replace("’", "")
            for word in set(findall(segment)):
                postings[word].append(i)
    postings.default_factory = None
    scenes = book.all_scenes()
    para_scene = array("i", [-1]) * total
    scene_length = array("I")
    for serial, scene in enumerate(scenes):
        end = min(scene.end, total)
        if end > scene.start:
            para_scene[scene.start : end] = array("i", [serial]) * (end - scene.start)
            scene_length.append(max(1, ends[end - 1] - starts[scene.start]))
        else:
            scene_length.append(1)
    # A chapter's heading is read with its first scene: its title says what happens there.
    serial = 0
    for chapter in book.chapters:
        if chapter.scenes and chapter.heading is not None and 0 <= chapter.heading < total:
            para_scene[chapter.heading] = serial
        serial += len(chapter.scenes)
    index = BookIndex(postings, scenes, para_scene, scene_length)
    index.scene_starts = [scene.start for scene in scenes]
    index.scene_ends = [scene.end for scene in scenes]
    _finish_vocabulary(index)
    if progress is not None:
        progress(1.0)
    return index


def _new_postings() -> array:
    return array("I")


def _finish_vocabulary(index: BookIndex) -> None:
    """Sorted keys for prefixes, stem groups, and keys by length for fuzzy lookups."""
    keys = sorted(index.postings)
    index.keys = keys
    by_stem: dict[str, list[str]] = {}
    for key in keys:
        by_stem.setdefault(stem_uncached(key), []).append(key)
    index.by_stem = by_stem
    by_root: dict[str, list[str]] = {}
    for key in keys:
        by_root.setdefault(root(key), []).append(key)
    index.by_root = by_root
    by_lemma: dict[str, list[str]] = {}
    for key in keys:
        base = lemma(key)
        if base is not None:
            by_lemma.setdefault(base, []).append(key)
        else:
            base = lemma(stem_uncached(key))
            if base is not None:
                by_lemma.setdefault(base, []).append(key)
    index.by_lemma = by_lemma
    by_length = sorted(keys, key=len)
    index.by_length = by_length
    longest = len(by_length[-1]) if by_length else 0
    starts = [0] * (longest + 2)
    position = 0
    for length in range(longest + 2):
        while position < len(by_length) and len(by_length[position]) < length:
            position += 1
        starts[length] = position
    index.length_starts = starts
