"""Build `tui/book/han_variants.txt`, the table that folds traditional Chinese to simplified.

The table lists the traditional forms of Chinese characters, each with the simplified form a
search folds it to, built from OpenCC's `data/dictionary/TSCharacters.txt`
(https://github.com/BYVoid/OpenCC, Apache License 2.0).

    python tools/build_han_variants.py TSCharacters.txt

Each line of OpenCC's table is a traditional character and its simplified forms, the usual
one first. The table keeps a pair only when both characters are in the Basic Multilingual
Plane's unified ideographs or its extension A (the characters the finder reads as words), the
two differ, and the simplified one is not itself folded again (`乾` -> `干`, never a chain).
One line per pair, the traditional character and then the simplified one, in code point order.
"""

from __future__ import annotations

import sys
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "tui" / "book" / "han_variants.txt"


def ideograph(char: str) -> bool:
    return len(char) == 1 and ("\u3400" <= char <= "\u4dbf" or "\u4e00" <= char <= "\u9fff")


def pairs(table: str) -> dict[str, str]:
    folded: dict[str, str] = {}
    for line in table.splitlines():
        if not line or line.startswith("#"):
            continue
        traditional, _tab, forms = line.partition("\t")
        simplified = forms.split()[0] if forms.split() else ""
        if ideograph(traditional) and ideograph(simplified) and traditional != simplified:
            folded[traditional] = simplified
    # A simplified form that is itself a traditional key (rare) ends where that key ends.
    return {t: folded.get(s, s) for t, s in folded.items() if folded.get(s, s) != t}


def main() -> None:
    table = Path(sys.argv[1]).read_text(encoding="utf-8")
    found = pairs(table)
    OUT.write_text("".join(f"{t}{s}\n" for t, s in sorted(found.items())), encoding="utf-8")
    print(f"{len(found)} pairs -> {OUT}")


if __name__ == "__main__":
    main()
