"""Words near in meaning in general English (`pooch`: `puppy`, `dog`), with how near each is.

`tools/build_neighbours.py` makes `neighbours.bin.gz` from two sets of word vectors that
agree: all-MiniLM-L6-v2's (Apache License 2.0) and Stanford's GloVe 6B 50d (public domain
under the PDDL); the notices are in `neighbours-licence.txt` beside the table. Its layout:
the number of slots per word and the number of words, a line; the words, a line each; then
per word and slot the row number of a neighbour (2 bytes, little-endian; 0xFFFF for none);
then per word and slot the closeness in hundredths (1 byte).
"""

from __future__ import annotations

import functools
import gzip
import sys
from array import array
from dataclasses import dataclass
from importlib import resources

from tui.finder.thesaurus import row_of

TABLE = "neighbours.bin.gz"
NONE = 0xFFFF
LEAST = 0.4  # the table's least closeness
ALIKE_LEAST = 0.6  # `alike`: the nearest words only
ALIKE_MOST = 24


@dataclass(frozen=True)
class Neighbours:
    """The table as read: words, their row numbers, and each row's slots."""

    words: list[str]
    rows: dict[str, int]
    slots: int
    near: array  # row x slot -> row of the neighbour, or NONE
    closeness: array  # row x slot -> hundredths

    def of(self, row: int) -> tuple[tuple[str, float], ...]:
        start = row * self.slots
        found = []
        for slot in range(start, start + self.slots):
            other = self.near[slot]
            if other == NONE:
                break
            found.append((self.words[other], self.closeness[slot] / 100))
        return tuple(found)


@functools.cache
def load() -> Neighbours:
    """The table, read once (in about 0.2 s), by the finder's index worker."""
    raw = gzip.decompress(resources.files("tui.finder").joinpath(TABLE).read_bytes())
    slots, count = map(int, raw[: raw.index(b"\n")].split())
    *lines, binary = raw.split(b"\n", count + 1)
    words = [line.decode("ascii") for line in lines[1:]]
    cells = count * slots
    near = array("H")
    near.frombytes(binary[: 2 * cells])
    if sys.byteorder != "little":
        near.byteswap()
    closeness = array("B", binary[2 * cells : 3 * cells])
    rows = {word: number for number, word in enumerate(words)}
    return Neighbours(words, rows, slots, near, closeness)


@functools.lru_cache(maxsize=4096)
def near(word: str) -> tuple[tuple[str, float], ...]:
    """The words nearest ``word`` in meaning, with their closeness (0.4..1), nearest first:
    `spouse` -> (`husband`, 0.77), (`wife`, 0.75), ...; none for a word the table lacks."""
    table = load()
    row = row_of(table.rows, word)
    return table.of(row) if row is not None else ()


def share(close: float, full: float = 1.0) -> float:
    """How much of a word a neighbour this close stands for: nothing at the table's least
    closeness, all of it at ``full`` or nearer."""
    return min(1.0, (close - LEAST) / (full - LEAST))


@functools.lru_cache(maxsize=4096)
def alike(word: str) -> tuple[tuple[str, float], ...]:
    """The nearest of `near`, with their closeness: `scrubbing` -> `cleaning`, `washing`;
    `week` -> `month`. Looser than the thesaurus: a word's opposites and its kind's other
    members are among them (`monday` -> `friday`)."""
    return tuple((other, close) for other, close in near(word)[:ALIKE_MOST] if close >= ALIKE_LEAST)


def used_alike(word: str) -> tuple[str, ...]:
    """The words of `alike`, nearest first."""
    return tuple(other for other, _ in alike(word))
