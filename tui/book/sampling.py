"""Pieces of a long text spread evenly over it, for what is learnt from a sample of a book."""

from __future__ import annotations


def spread_pieces(text: str, most_chars: int, pieces: int) -> list[str]:
    """The whole text when it is at most ``most_chars`` long; else ``pieces`` pieces of it
    spread evenly over it, each starting at a line end, together ``most_chars`` long."""
    if len(text) <= most_chars:
        return [text]
    size = most_chars // pieces
    step = len(text) // pieces
    found = []
    for number in range(pieces):
        start = text.find("\n", number * step)
        if start < 0:
            break
        found.append(text[start : start + size])
    return found
