"""Words used alike in general English (`boat`: `ship`, `ferry`), from the GloVe word vectors.

`tools/build_neighbours.py` makes `neighbours.tsv.gz` (word, the words whose vectors lie
nearest its own) from Stanford's GloVe 6B 50-dimensional vectors, which are public domain
under the Open Data Commons PDDL; the notice is in `neighbours-licence.txt` beside the table.
"""

from __future__ import annotations

import functools
import gzip
from importlib import resources

from tui.finder.thesaurus import row_of

TABLE = "neighbours.tsv.gz"


@functools.cache
def load() -> dict[str, str]:
    """word -> its neighbours as read: read once, by the finder's index worker."""
    raw = resources.files("tui.finder").joinpath(TABLE).read_bytes()
    lines = gzip.decompress(raw).decode("utf-8").splitlines()
    return dict(line.split("\t", 1) for line in lines)


@functools.lru_cache(maxsize=4096)
def used_alike(word: str) -> tuple[str, ...]:
    """Words written in the same places as ``word``, nearest first: `scrubbing` ->
    `cleaning`, `washing`; `week` -> `thursday`. Looser than the thesaurus: a word's
    opposites and its kind's other members are among them (`monday` -> `friday`)."""
    found = row_of(load(), word)
    return tuple(found.split()) if found else ()
