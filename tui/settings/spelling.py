"""Which known name a mistyped one was meant to be, offered only when the two are spelt alike."""

from __future__ import annotations

import re


def name_words(name: str) -> list[str]:
    """`NextChapter`, `next-chapter`, `next_chapter` → `["next", "chapter"]`."""
    return [w.casefold() for w in re.findall(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|\d+", name)]


def _abbreviates(short: str, word: str) -> bool:
    """`nxt` for `next`, `chap` for `chapter`: the same first letter, then letters of the
    word in order."""
    if len(short) < 2 or short[0] != word[0]:
        return False
    rest = iter(word[1:])
    return all(letter in rest for letter in short[1:])


def typo_distance(written: str, known: str) -> int | None:
    """How many letters (added, dropped, changed or swapped) part the two names, in either
    order of their words; None when they are not alike enough to be a slip: more than one
    slip in four letters."""
    # (imported when a name is mistyped, not when every start checks the settings)
    from rapidfuzz.distance import OSA

    mine, theirs = name_words(written), name_words(known)
    if not mine or not theirs:
        return None
    distance = min(
        OSA.distance("".join(mine), "".join(theirs)),
        OSA.distance("".join(sorted(mine)), "".join(sorted(theirs))),
    )
    longer = max(len("".join(mine)), len("".join(theirs)))
    if distance <= max(1, longer // 4):
        return distance
    # Each word shortened (`nxt_chap`), in the same order: a slip of a different kind.
    if len(mine) == len(theirs) and all(map(_abbreviates, mine, theirs)):
        return longer
    return None


def closest_name(written: str, known: list[str]) -> str | None:
    """The known name ``written`` most likely stands for, or None when none is spelt alike
    (a guess that is not a near spelling misleads more than it helps)."""
    best: tuple[int, str] | None = None
    for name in known:
        distance = typo_distance(written, name)
        if distance is not None and (best is None or distance < best[0]):
            best = (distance, name)
    return best[1] if best else None


def _same_word(one: str, other: str) -> bool:
    """`bookmark` and `bookmarks`: one word, give or take a plural's s."""
    return one.removesuffix("s") == other.removesuffix("s")


def _holds(written: list[str], known: list[str]) -> bool:
    """True when every word of ``known`` is among ``written``'s, each a word of its own
    (`add_bookmark` holds `bookmark`'s)."""
    spare = list(written)
    for word in known:
        match = next((mine for mine in spare if _same_word(mine, word)), None)
        if match is None:
            return False
        spare.remove(match)
    return True


def closest_by_words(written: str, known: list[str]) -> str | None:
    """The known name whose every word ``written`` holds, in any order, with words of its own
    around them (`bookmark_add`, `add_bookmark`, `go_to_top`): the one holding most of them,
    spelt as written rather than plural for singular, and None when two fit as well
    (`remove_bookmark` holds remove and bookmark alike)."""
    mine = name_words(written)
    fits: dict[tuple[int, int], list[str]] = {}
    for name in known:
        words = name_words(name)
        if words and _holds(mine, words):
            exact = sum(word in mine for word in words)
            fits.setdefault((len(words), exact), []).append(name)
    if not fits:
        return None
    best = fits[max(fits)]
    return best[0] if len(best) == 1 else None


__all__ = ["closest_by_words", "closest_name", "name_words", "typo_distance"]
