"""The finder's word index of a book: word -> paragraphs, statistics, what a query word means."""

from __future__ import annotations

import bisect
import math
from array import array
from collections import Counter, OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import repeat

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from tui.book.han_variants import other_forms
from tui.book.model import Scene
from tui.finder import neighbours, thesaurus
from tui.finder.company import companions
from tui.finder.names import BookNames
from tui.finder.tokens import STOP_WORDS
from tui.finder.word_forms import (
    base_of,
    derived_base,
    inflects,
    lemma,
    related,
    root,
    same_word,
    stem_uncached,
)

ROOT_SIM = 0.8  # `apologize` for `apology`: related, not the same word
# `浒` for `滸`: a Chinese character the book never writes, in the other script's form
OTHER_SCRIPT_SIM = 0.95
IRREGULAR_SIM = 0.85  # `fought` for `fight`, `death` for `died`
OTHER_WORD_SIM = 0.3  # `cope` for `cop`: one stem, but forms of two different words
DERIVED_SIM = 0.5  # `lovely` for `love`, `master` for `mast`: a word of its own on one stem
RELATED_SIM = 0.8  # `duel` for `fight`, `tears` for `cry`: the same kind of moment
SAME_SENSE_SIM = 0.5  # `couch` for `sofa`, from the general thesaurus
NEARBY_SIM = 0.35  # `coin` for `sovereign`, `list` for `roster`: broader or derived words
ALIKE_SIM = 0.3  # `washing` for `scrubbing`: words near in meaning, for a word the book lacks
ALIKE_FULL = 0.8  # ... this near or nearer counts all of ALIKE_SIM, less near words less
COMPANY_SIM = 0.2  # `couch` for `leaned`: words the book keeps saying together
PAIR_MARK = "+"  # joins the halves of a compound in the key of their co-occurrences


@dataclass(frozen=True)
class Expansion:
    """A word of the book that a query word may mean, and how sure that is (0..1)."""

    key: str
    sim: float
    how: str  # exact, stem, other (another word of the stem), irregular, root, related, general,
    # prefix, head, tail, fuzzy


@dataclass
class BookIndex:
    """Inverted index over a book's paragraphs, with scene membership for ranking scenes.

    ``postings[word]`` is a sorted ``array('I')`` of the paragraphs holding ``word`` (folded,
    unstemmed; stop words are left out). Memory is one int per distinct (word, paragraph)
    pair. Read postings with `plist`, which also knows the computed keys of `pair_key`.
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
    names: BookNames = field(default_factory=BookNames)  # the book's names, short forms
    # A paragraph's text (the book is held weakly: the index cache must not keep it alive).
    paragraph_text: Callable[[int], str] | None = field(default=None, repr=False)
    ranking: dict = field(default_factory=dict, repr=False)  # the ranking's caches
    _pairs: dict[str, tuple[tuple[str, ...], array]] = field(default_factory=dict, repr=False)
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

    # -- postings ---------------------------------------------------------------------------
    def plist(self, key: str) -> array | tuple:
        """The sorted paragraphs holding ``key`` (a word, or a `pair_key`)."""
        found = self.postings.get(key)
        if found is not None:
            return found
        pair = self._pairs.get(key)
        return pair[1] if pair is not None else ()

    def words_of(self, key: str) -> tuple[str, ...]:
        """The book words a key stands for: itself, or both halves of a pair."""
        pair = self._pairs.get(key)
        return pair[0] if pair is not None else (key,)

    def pair_key(self, heads: tuple[str, ...], tails: tuple[str, ...]) -> str | None:
        """A key for the paragraphs where a form of each half of a compound occurs: `heart`
        ... `beats` for `heartbeat`. None when they never meet."""
        key = PAIR_MARK.join(("|".join(heads), "|".join(tails)))
        if key not in self._pairs:
            both = set(_union(self, heads)).intersection(_union(self, tails))
            if len(self._pairs) > 256:
                self._pairs.pop(next(iter(self._pairs)))
            self._pairs[key] = (heads + tails, array("I", sorted(both)))
        return key if len(self._pairs[key][1]) else None

    # -- statistics -------------------------------------------------------------------------
    def scene_counts(self, key: str) -> Counter:
        """Scene serial -> number of its paragraphs holding ``key`` (cached)."""
        cached = self._scene_counts.get(key)
        if cached is not None:
            self._scene_counts.move_to_end(key)
            return cached
        plist = self.plist(key)
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
        return sum(len(self.plist(key)) for key in keys)

    def paragraph_idf(self, keys: tuple[str, ...]) -> float:
        n = max(self.paragraph_total, 1)
        df = min(n, self.paragraph_count(keys))
        return math.log(1.0 + (n - df + 0.5) / (df + 0.5))

    def first_paragraph(self, keys: tuple[str, ...]) -> int | None:
        """The first paragraph where any of the forms occurs."""
        firsts = [plist[0] for plist in map(self.plist, keys) if len(plist)]
        return min(firsts) if firsts else None

    def paragraphs_in(self, key: str, start: int, end: int) -> array | tuple:
        """The paragraphs in ``[start, end)`` holding ``key``."""
        plist = self.plist(key)
        if not len(plist):
            return ()
        return plist[bisect.bisect_left(plist, start) : bisect.bisect_left(plist, end)]

    def meet(self, first: str, second: str) -> bool:
        """Whether two words occur in one paragraph somewhere."""
        one, other = sorted((self.plist(first), self.plist(second)), key=len)
        return not set(one).isdisjoint(other)

    def holds(self, key: str, para: int) -> bool:
        """Whether paragraph ``para`` holds ``key``."""
        plist = self.plist(key)
        i = bisect.bisect_left(plist, para)
        return i < len(plist) and plist[i] == para

    # -- query words -> book words ----------------------------------------------------------
    def expand(self, term: str, *, typing: bool = False) -> list[Expansion]:
        """The book's words a query word may stand for, best first (cached).

        Exact and same-stem words are sure matches; irregular forms and derived words nearly
        so; words of the related-words table, words the term begins (the reader is still
        typing, or abbreviates), words that begin the term (compounds: `heartbeat` ->
        `heart`) and close spellings (typos: `kalpass` -> `kalpas`) count for less.
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
        else:
            # Typed in one script, printed in the other. Only for a character the book never
            # writes: Japanese writes `機` and `机` as two words, and a book with both keeps
            # them apart.
            for key in other_forms(term):
                if key in self.postings:
                    add(key, OTHER_SCRIPT_SIM, "stem")
        if len(term) < 2:
            # A lone letter (`q`, `e` from a slip of the keys) is no word to take meaning
            # from: itself, or the words it begins while being typed.
            self._add_prefixes(term, typing, add)
            return self._keep(cache_key, found)
        for key in self.by_stem.get(stem_uncached(term), ()):
            # The stem drops a final e, so `cope` meets `cop` and `ride` meets `rid`: forms
            # of two different words are matched as other words, not as the same one.
            # Nor is a word of the dictionary a form of a shorter one (`thesaurus.words_apart`).
            if thesaurus.words_apart(term, key) or not same_word(term, key):
                add(key, DERIVED_SIM if same_word(term, key) else OTHER_WORD_SIM, "other")
            else:
                add(key, 0.95, "stem")
        for key in self.by_root.get(root(term), ()):
            # (`pals` and `paleness` share a root, but `paleness` is derived from `pale`)
            related_form = same_word(derived_base(term), derived_base(key))
            if thesaurus.words_apart(term, key):
                add(key, DERIVED_SIM, "other")  # (`nightly` is no form of `night`)
            else:
                add(key, *((ROOT_SIM, "root") if related_form else (OTHER_WORD_SIM, "other")))
        base = lemma(term) or lemma(stem_uncached(term))
        if base is not None:
            for key in self.by_lemma.get(base, ()):
                add(key, IRREGULAR_SIM, "irregular")
        known = bool(found)  # the word itself, in some form, is in the book
        for word in related(term):
            for key in self._forms(word):
                add(key, RELATED_SIM, "related")
        # A word of the related-words table is no typo, though the book lacks it.
        real = known or bool(related(term)) or thesaurus.knows(term)
        if known and not typing:
            self._add_company([e.key for e in found.values() if e.sim >= 0.95], add)
        self.names.match(term, known=known, add=add, word=real)
        self._add_prefixes(term, typing, add)
        self._add_parts(term, add)
        self._add_general(term, found, add)
        if not known:
            self._add_alike(term, found, add)
        self._add_fuzzy(term, exact_known=real, add=add)
        return self._keep(cache_key, found)

    def _keep(self, cache_key: tuple[str, bool], found: dict[str, Expansion]) -> list[Expansion]:
        """The best of ``found``, remembered for the next keystroke."""
        result = sorted(found.values(), key=lambda e: (-e.sim, e.key))[:32]
        self._expansions[cache_key] = result
        if len(self._expansions) > 1024:
            self._expansions.popitem(last=False)
        return result

    def _forms(self, word: str) -> list[str]:
        """The book's forms of a word: same stem, or the same irregular base."""
        # (`hug`'s forms are `hugs` and `hugged`, not `huge`, though the stem is one)
        forms = [k for k in self.by_stem.get(stem_uncached(word), ()) if same_word(word, k)]
        base = base_of(word)
        forms += self.by_lemma.get(base, ())
        return forms

    def _add_general(self, term: str, found: dict[str, Expansion], add: Callable) -> None:
        """Words of the general thesaurus, for book words the term has not matched already
        (a compound's half stays one: `heartbeat` -> `beat` is its tail, not a synonym)."""
        if term in self.names.counts:
            return  # a name of the book's (Daisy, Wilson): not the flower or the president
        for words, sim in (
            (thesaurus.same_sense(term), SAME_SENSE_SIM),
            (thesaurus.nearby(term), NEARBY_SIM),
        ):
            for word in words:
                for key in self.inflected(word):
                    if key not in found:
                        add(key, sim, "general")

    def _add_alike(self, term: str, found: dict[str, Expansion], add: Callable) -> None:
        """Words used alike in general English, for a word the book never uses: the reader
        remembers the moment in words of their own (`scrubbing` for *washing*). A word the
        book has keeps to its own forms: there the book's words are better evidence. A stop
        word (`at`) is in every scene, and is left alone."""
        if term in self.names.counts or term in STOP_WORDS:
            return
        for word, close in neighbours.alike(term):
            if word in term:
                continue  # `ship` in `spaceship`: a compound's half is for `_add_parts`
            # The nearest count the most: `laundry` for `washing` more than `water`.
            sim = ALIKE_SIM * neighbours.share(close, ALIKE_FULL)
            for key in self.inflected(word):
                if key not in found:
                    add(key, sim, "general")

    def inflected(self, word: str) -> list[str]:
        """The book's inflections of ``word`` (`bar`: `bars`, `barred`, not `bare` or
        `barely`, which share its stem): a thesaurus word is matched strictly."""
        forms = self.by_stem.get(stem_uncached(word), ())
        regular = [key for key in forms if inflects(word, key)]
        return regular + list(self.by_lemma.get(base_of(word), ()))

    def _add_company(self, keys: list[str], add: Callable) -> None:
        """Words the book keeps in the company of the word's forms, as weaker matches."""
        if self.paragraph_text is None or not keys:
            return
        leave_out = set(self.names.counts)
        for word, strength in companions(
            self.plist, self.paragraph_total, keys, self.paragraph_text, leave_out
        ):
            for key in self._forms(word) or [word]:
                add(key, COMPANY_SIM * (0.5 + 0.5 * strength), "company")

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

    def _of_lengths(self, shortest: int, longest: int) -> list[str]:
        """The book's words of these lengths (both included)."""
        last = len(self.length_starts) - 1
        lo = self.length_starts[min(max(shortest, 0), last)]
        hi = self.length_starts[min(max(longest + 1, 0), last)]
        return self.by_length[lo:hi]

    def _add_fuzzy(self, term: str, *, exact_known: bool, add: Callable) -> None:
        if len(term) < 4 or not self.by_length:
            return
        cutoff = 84.0 if len(term) <= 5 else 80.0
        # A ratio of `cutoff` needs lengths within this many characters of each other.
        slack = max(1, int(len(term) * (100 - cutoff) / cutoff) + 1)
        choices = self._of_lengths(len(term) - slack, len(term) + slack)
        closeness: dict[str, float] = {}
        for key, score, _ in process.extract(
            term, choices, scorer=fuzz.ratio, score_cutoff=cutoff, limit=8
        ):
            closeness[key] = (score - cutoff) / (100 - cutoff)
        if not exact_known:
            # Two letters swapped (`sowrd`, `hlep`) is one slip, though `ratio` counts two.
            letters = sorted(term)
            same_length = self._of_lengths(len(term), len(term))
            for key, _, _ in process.extract(
                term, same_length, scorer=OSA.distance, score_cutoff=1, limit=8
            ):
                if sorted(key) == letters:
                    closeness[key] = 1.0
        for key, close in closeness.items():
            if key == term:
                continue
            # When the word itself is in the book, near spellings are other words.
            sim = (0.25 + 0.2 * close) if exact_known else (0.55 + 0.35 * close)
            add(key, sim, "fuzzy")


def _union(index: BookIndex, keys: tuple[str, ...]) -> set[int]:
    found: set[int] = set()
    for key in keys:
        found.update(index.plist(key))
    return found
