"""Stanzas of verse quoted in a book: a few short lines set one under another."""

from __future__ import annotations

from collections.abc import Sequence

# A stanza is at least this many lines, each at most this long (a line of prose runs on to the
# margin, or is a paragraph of its own).
STANZA_LINES = 3
VERSE_LINE_CHARS = 50


def stanza_under(text: str, starts: Sequence[int], ends: Sequence[int], i: int) -> bool:
    """The lines under paragraph ``i`` are a stanza: a few short lines set one under another
    with no blank line between (as one paragraph, or a paragraph a line), as verse is under
    the title of a poem the story quotes (`SONNET`)."""
    k = i + 1
    lines: list[str] = []
    while k < len(starts) and len(lines) < STANZA_LINES:
        if lines and text.count("\n", ends[k - 1], starts[k]) > 1:
            break  # (a blank line ends the stanza)
        lines += text[starts[k] : ends[k]].strip().split("\n")
        k += 1
    return len(lines) >= STANZA_LINES and all(
        0 < len(line.strip()) <= VERSE_LINE_CHARS for line in lines
    )
