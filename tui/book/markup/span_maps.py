"""Inline styles carried over a paragraph's text once spaces are taken out of it."""

from __future__ import annotations


def remap_spans(
    before: str, after: str, spans: list[tuple[int, int, str]]
) -> list[tuple[int, int, str]]:
    """Carry span offsets over whitespace removed from ``before`` to give ``after``."""
    mapping = [0] * (len(before) + 1)
    j = 0
    for i, ch in enumerate(before):
        mapping[i] = j
        if j < len(after) and after[j] == ch:
            j += 1
    mapping[len(before)] = j
    out = []
    for s, e, k in spans:
        s2, e2 = mapping[s], mapping[e]
        if e2 > s2:
            out.append((s2, e2, k))
    return out
