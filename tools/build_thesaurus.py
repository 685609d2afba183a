"""Build `tui/finder/thesaurus.tsv.gz`, the finder's general table of related English words.

It is built from the WordNet 3.0 database files (Debian: `apt-get install wordnet-base`).

    python tools/build_thesaurus.py [/usr/share/wordnet]

For each single word, the table keeps:
- `same`: the other words of its commonest senses (`sofa` -> `couch`, `lounge`);
- `near`: the broader words of those senses and words derived from them (`sovereign` ->
  `coin`; `embezzle` -> `embezzlement`), and the adjectives WordNet calls similar.
Only single lowercase words are kept, in both columns, and a few of each.
"""

from __future__ import annotations

import gzip
import sys
from collections import defaultdict
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "tui" / "finder" / "thesaurus.tsv.gz"
POS = {"noun": "n", "verb": "v", "adj": "a", "adv": "r"}
SENSES = 4  # the commonest senses of a word that count, at most
COMMON_SHARE = 0.1  # a sense used this often, next to the word's commonest one, is common
MOST = 12  # words kept per column
BROADER = {"@", "@i"}  # hypernyms
DERIVED = {"+"}
SIMILAR = {"&"}


def plain(word: str) -> str | None:
    """``word`` when it is a single lowercase word (not a name, a phrase or a number)."""
    word = word.split("(")[0]
    return word if word.isalpha() and word.isascii() and word.islower() else None


def common_noun_sense(word: str, lemmas: list[str]) -> bool:
    """Whether ``word`` is written in lowercase in this sense (`wilson` the president is not:
    a name has no other words)."""
    return any(lemma == word for lemma in lemmas)


def read_synsets(root: Path) -> dict[tuple[str, int], tuple[list[str], list[tuple[str, str, int]]]]:
    synsets = {}
    for name, pos in POS.items():
        for line in (root / f"data.{name}").read_text(encoding="latin-1").splitlines():
            if line.startswith("  "):
                continue  # the licence header
            fields = line.split(" | ")[0].split()
            offset, count = int(fields[0]), int(fields[3], 16)
            lemmas = [w.split("(")[0] for w in fields[4 : 4 + 2 * count : 2]]
            at = 4 + 2 * count
            pointers = []
            for p in range(int(fields[at])):
                symbol, target, target_pos = fields[at + 1 + 4 * p : at + 4 + 4 * p]
                pointers.append((symbol, "a" if target_pos == "s" else target_pos, int(target)))
            synsets[(pos, offset)] = (lemmas, pointers)
    return synsets


def read_counts(root: Path) -> dict[tuple[str, str, int], int]:
    """(word, part of speech, sense number) -> how often WordNet's tagged texts use it."""
    counts = {}
    for line in (root / "cntlist.rev").read_text(encoding="latin-1").splitlines():
        key, number, count = line.split()
        word, _, rest = key.partition("%")
        pos = "nvaar"[int(rest[0]) - 1]
        counts[(word.lower(), pos, int(number))] = int(count)
    return counts


def read_senses(root: Path) -> dict[str, list[tuple[str, int]]]:
    """word -> the synsets of its common senses, commonest first: those used at least
    `COMMON_SHARE` as often as its commonest one (by WordNet's tagged texts), at most
    `SENSES`; a word the texts never use keeps the first sense of each part of speech."""
    counts = read_counts(root)
    senses: dict[str, list[tuple[int, int, str, int]]] = defaultdict(list)
    for name, pos in POS.items():
        for line in (root / f"index.{name}").read_text(encoding="latin-1").splitlines():
            if line.startswith("  "):
                continue
            fields = line.split()
            word = plain(fields[0])
            if word is None:
                continue
            synset_count, pointer_count = int(fields[2]), int(fields[3])
            offsets = [int(o) for o in fields[6 + pointer_count : 6 + pointer_count + synset_count]]
            for number, offset in enumerate(offsets, 1):
                used = counts.get((fields[0], pos, number), 0)
                senses[word].append((-used, number, pos, offset))
    common = {}
    for word, found in senses.items():
        found.sort()
        top = -found[0][0]
        if top == 0:
            kept = [(pos, offset) for _, number, pos, offset in found if number == 1]
        else:
            kept = [(pos, off) for used, _, pos, off in found if -used >= COMMON_SHARE * top]
        common[word] = kept[:SENSES]
    return common


def main() -> None:
    root = Path(sys.argv[1] if len(sys.argv) > 1 else "/usr/share/wordnet")
    synsets = read_synsets(root)
    rows = []
    for word, senses in sorted(read_senses(root).items()):
        same: dict[str, None] = {}
        near: dict[str, None] = {}
        for pos, offset in senses:
            lemmas, pointers = synsets[(pos, offset)]
            if not common_noun_sense(word, lemmas):
                continue
            for lemma in lemmas:
                if (w := plain(lemma)) and w != word:
                    same.setdefault(w)
            for symbol, target_pos, target in pointers:
                if symbol in BROADER | DERIVED | SIMILAR:
                    for lemma in synsets[(target_pos, target)][0][:3]:
                        if (w := plain(lemma)) and w != word:
                            near.setdefault(w)
        near_words = [w for w in near if w not in same][:MOST]
        same_words = list(same)[:MOST]
        if same_words or near_words:
            rows.append(f"{word}\t{' '.join(same_words)}\t{' '.join(near_words)}")
    write_table(OUT, rows)


def write_table(out: Path, rows: list[str]) -> None:
    """Write a table of words, one row a line, gzipped the same way each time."""
    data = ("\n".join(rows) + "\n").encode("utf-8")
    out.write_bytes(gzip.compress(data, compresslevel=9, mtime=0))
    packed = out.stat().st_size // 1024
    print(f"{out}: {len(rows)} words, {len(data) // 1024} KiB, {packed} KiB gzipped")


if __name__ == "__main__":
    main()
