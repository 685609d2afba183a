"""Heading numbers mistyped with letters that look like digits (`Chapter ll` for `Chapter 11`).

Scanned and retyped books set `l` or `I` for `1` and `O` for `0`; such a heading is read as
its number only where the numbered headings around it count up through that number.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from tui.book.rules.headings import Heading, match_heading

# Letters typed for the digits they look like.
_DIGIT_LOOK_ALIKES = str.maketrans("lIOo|", "11001")
# The heading's last word: digits and look-alike letters, at least one of them a letter.
_MISTYPED = re.compile(r"(?P<head>.*\S\s+)(?P<num>[0-9lIOo|]*[lIOo|][0-9lIOo|]*)(?P<tail>\.?)")


def look_alike_heading(text: str) -> Heading | None:
    """The numbered heading ``text`` would be with its look-alike letters read as digits
    (`Chapter ll`: `Chapter 11`), or None when it has none or is no heading even so."""
    found = _MISTYPED.fullmatch(text.strip())
    if found is None:
        return None
    digits = found["num"].translate(_DIGIT_LOOK_ALIKES)
    heading = match_heading(f"{found['head']}{digits}{found['tail']}")
    return heading if heading is not None and heading.number is not None else None


def mended_numbers(heads: Sequence[Heading | None], texts: Sequence[str]) -> list[Heading | None]:
    """``heads`` (the headings found in ``texts``, None where none was) with each unread one
    whose look-alike letters make it the number between the numbered headings of its kind on
    either side (`Chapter 10`, `Chapter ll`, `Chapter 12`) read as that number."""
    mended = list(heads)
    for k, head in enumerate(heads):
        if head is not None:
            continue
        guess = look_alike_heading(texts[k])
        if guess is None or guess.number is None:
            continue
        number = guess.number
        before = _neighbour(heads, range(k - 1, -1, -1), guess)
        after = _neighbour(heads, range(k + 1, len(heads)), guess)
        if before == number - 1 and after in (number + 1, None):
            mended[k] = guess
    return mended


def _neighbour(heads: Sequence[Heading | None], order: range, like: Heading) -> int | None:
    """The number of the nearest heading of ``like``'s kind in ``order``, or None."""
    for k in order:
        head = heads[k]
        if head is not None and head.kind == like.kind and head.number is not None:
            return head.number
    return None
