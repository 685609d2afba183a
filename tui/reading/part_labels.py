"""Short forms of a chapter's parts, for a status line too narrow for them whole.

`VOLUME III · BOOK SEVENTH · CHAPTER III: BABET…` is `Vol. III · Bk 7 · Ch. III: BABET…`:
every level stays (in Les Misérables the books start again in each volume, and the chapters
in each book), each in a few cells.
"""

from __future__ import annotations

# What a part's keyword is shortened to (others stay as they are).
_SHORT = {
    "volume": "Vol.",
    "vol.": "Vol.",
    "tome": "Vol.",
    "part": "Pt",
    "book": "Bk",
    "chapter": "Ch.",
    "section": "§",
}
_ORDINAL_WORDS = (
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
    "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth"
)
_ORDINALS = {word: str(number) for number, word in enumerate(_ORDINAL_WORDS.split(), start=1)}
SEPARATOR = " · "


def short_level(level: str) -> str:
    """`BOOK SEVENTH` → `Bk 7`, `VOLUME III` → `Vol. III`, `Chapter 4` → `Ch. 4`; a level
    of another shape as it is."""
    words = level.split()
    if len(words) < 2:
        return level
    short = _SHORT.get(words[0].casefold())
    if short is None:
        return level
    number = _ORDINALS.get(words[1].casefold().rstrip(".,"), words[1])
    return " ".join([short, number, *words[2:]])


def short_place(place: str) -> str:
    """``place`` (`PART I · Book II · Chapter VII: A Young Man…`) with its parts and its
    chapter's label shortened, its title as it is."""
    *parts, last = place.split(SEPARATOR)
    label, colon, title = last.partition(": ")
    shown = SEPARATOR.join([*(short_level(part) for part in parts), short_level(label)])
    return f"{shown}{colon}{title}"


def labels_of(place: str) -> str:
    """``place`` without its chapter's title: `Vol. III · Bk 7 · Ch. III`."""
    return place.rsplit(": ", 1)[0] if ": " in place.split(SEPARATOR)[-1] else place
